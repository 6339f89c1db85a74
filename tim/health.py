"""What /healthz reports: each part the site needs, checked with a short timeout.

Every check returns a dict with `ok` and what a person on call wants to know; an exception means
the part is down and is reported by name, never raised to the visitor.
"""

import redis as redis_client
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from tim.celery import app as celery_app

TIMEOUT_SECONDS = 1.0


def check_database() -> dict:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def check_redis() -> dict:
    client = redis_client.Redis.from_url(
        settings.REDIS_URL, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
    )
    client.ping()
    return {"ok": True, "queue_length": client.llen("celery")}


def check_workers() -> dict:
    replies = celery_app.control.ping(timeout=TIMEOUT_SECONDS)
    workers = sorted(name for reply in replies for name in reply)
    return {"ok": bool(workers), "workers": workers}


def check_migrations() -> dict:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    pending = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
    return {"ok": not pending, "pending": pending}


def check_email() -> dict:
    """Mail that waits longer than OUTBOX_STUCK_AFTER means no sender runs, or the server fails."""
    from notifications import outbox

    return outbox.health()


CHECKS = {
    "database": check_database,
    "redis": check_redis,
    "workers": check_workers,
    "migrations": check_migrations,
    "email": check_email,
}


def report() -> dict:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as error:  # noqa: BLE001 - a health page reports every failure by name
            results[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return results
