"""Shared test set-up: the real page tree built once per test run, and a real Celery worker.

The site tree (city home, 44 buurten with their sections, standard pages, roles and the demo
accounts) is built once after the test database is created. Ordinary tests run inside a
transaction and see it; tests that need committed data (browser, worker) use
`@pytest.mark.django_db(transaction=True, serialized_rollback=True)` and get the same tree back,
because the tree is serialized once more after it is built.
"""

import os
import subprocess
import sys
import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from neighbourhoods import roles, services
    from tim import demo

    with django_db_blocker.unblock():
        home = services.ensure_city_home()
        services.import_buurten(services.read_buurten())
        services.ensure_city_pages(home)
        roles.setup_roles()
        demo.load_accounts()
        # On the class, not the connection object: once Playwright's sync API runs an event loop
        # in this thread, Django keeps connections per context, so a test may get a new
        # connection object; every one of them must still restore the tree. The copy Django made
        # right after migrating (without the tree) would hide the class attribute: drop it.
        wrapper = connections[DEFAULT_DB_ALIAS]
        type(wrapper)._test_serialized_contents = wrapper.creation.serialize_db_to_string()
        wrapper.__dict__.pop("_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def outbox_email_backend(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the outbox back in front of it.

    Every email then becomes an outbox row, as in production, and reaches `mail.outbox` only
    when the outbox's sender runs (`outbox.send_due()`, or a worker).
    """
    settings.EMAIL_BACKEND = "notifications.outbox.OutboxBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counts and cached pages live in the one Redis of the test run: start empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home_page(db):
    from neighbourhoods.models import CityHomePage

    return CityHomePage.objects.get()


@pytest.fixture
def pottenberg(db):
    from neighbourhoods.models import NeighbourhoodPage

    return NeighbourhoodPage.objects.get(slug="pottenberg")


@pytest.fixture
def nazareth(db):
    from neighbourhoods.models import NeighbourhoodPage

    return NeighbourhoodPage.objects.get(slug="nazareth")


@pytest.fixture
def demo_user(db):
    """The demo account of a role: demo_user("redactie-pottenberg")."""
    from django.contrib.auth import get_user_model

    from tim.demo import DEMO_DOMAIN

    def get(local_part):
        return get_user_model().objects.get(email=f"{local_part}@{DEMO_DOMAIN}")

    return get


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path_factory):
    """A real Celery worker in its own process, on the test database and the real Redis.

    Yields a starter: it has started one worker, `celery_worker_process(beat=True)` starts
    another (with beat inside, so the periodic tasks run), and `.processes` lists them, for a
    test that kills one to prove that the work survives.
    """
    from django.conf import settings

    env = dict(os.environ)
    database = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgresql://{database['USER']}@/{database['NAME']}"
        f"?host={database['OPTIONS'].get('host', database['HOST'])}"
        f"&port={database['OPTIONS'].get('port', database['PORT'] or 5432)}"
    )
    env["DJANGO_SETTINGS_MODULE"] = "tim.settings.test"
    env["REDIS_URL"] = settings.REDIS_URL

    def start(beat):
        command = [sys.executable, "-m", "celery", "-A", "tim", "worker", "--pool", "solo",
                   "--loglevel", "WARNING", "--without-gossip", "--without-mingle"]  # fmt: skip
        if beat:  # beat inside the worker: the periodic tasks (the outbox sweeper) run too
            command += ["--beat", "--schedule", str(tmp_path_factory.mktemp("beat") / "s")]
        process = subprocess.Popen(command, env=env)
        wait_for_worker()
        return process

    processes = []

    def starter(beat=False):
        processes.append(start(beat))
        return processes[-1]

    starter()
    starter.processes = processes
    yield starter
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def wait_for_worker(timeout: float = 30.0) -> None:
    from tim.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5):
            return
    raise RuntimeError(f"the Celery worker did not answer within {timeout} s")
