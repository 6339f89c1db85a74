"""`manage.py check --deploy` in production settings warns only about what an operator decides
(HSTS for subdomains and the preload list), and is clean once they decide it."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from .test_settings import GOOD

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(**changes):
    # Not the test run's own variables (DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright only).
    skip = {*GOOD, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip and not k.startswith("SECURE_")}
    env.update(
        {
            **GOOD,
            "SECRET_KEY": secrets.token_urlsafe(50),
            # Nothing listens here: the demo-password check finds no database and passes.
            "DATABASE_URL": "postgres://tim:secret@127.0.0.1:1/tim",
            **changes,
        }
    )
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)


def test_only_the_operators_hsts_choices_are_left_as_warnings():
    result = deploy_check()
    assert result.returncode != 0
    warnings = {
        line.split(")")[0].split("(")[1] for line in result.stderr.splitlines() if "?: (" in line
    }
    assert warnings == {"security.W005", "security.W021"}, result.stderr


def test_clean_once_the_operator_chose_hsts_for_subdomains_and_preload():
    result = deploy_check(SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
