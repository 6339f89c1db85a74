"""`make run` keeps going when the worker dies: it starts it again (the outbox sweeper then
sends what the dead one left), and stops with a message when the web server dies."""

import os
import signal
import sys
import threading
import time

from tim import launcher

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_killed_worker_is_started_again_and_a_dead_web_server_stops_make_run(capsys):
    commands = {"worker": SLEEPER, "web": SLEEPER}
    running = {name: launcher.start(command) for name, command in commands.items()}
    children = list(running.values())
    result = []
    watcher = threading.Thread(target=lambda: result.append(launcher.watch(running, commands,
                                                                            children)))  # fmt: skip
    watcher.start()
    first_worker = running["worker"]
    os.kill(first_worker.pid, signal.SIGKILL)  # the whole worker process
    deadline = time.monotonic() + 10
    while running["worker"] is first_worker and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running["worker"] is not first_worker and running["worker"].poll() is None
    assert watcher.is_alive()  # make run goes on

    os.kill(running["web"].pid, signal.SIGKILL)
    watcher.join(timeout=10)
    assert result == [1]
    output = capsys.readouterr().out
    assert "worker stopped (exit code -9); starting it again." in output
    assert "web stopped (exit code -9); make run stops too." in output
    for child in children:
        child.kill()
        child.wait()
