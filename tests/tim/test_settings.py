"""Production settings refuse development shortcuts; demo content is refused in production."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from tim.checks import demo_passwords_refused

GOOD = {
    "DJANGO_SETTINGS_MODULE": "tim.settings.production",
    "DATABASE_URL": "postgres://tim:secret@db.example.org/tim",
    "REDIS_URL": "redis://redis.example.org:6379/0",
    "EMAIL_URL": "smtp://mail.example.org:587",
    "SECRET_KEY": "k" * 50,
    "ALLOWED_HOSTS": "thuisinmaastricht.nl",
}


def load_production_settings(**changes):
    env = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
    env.update({**GOOD, **changes})
    env = {k: v for k, v in env.items() if v is not None}
    code = "import django; from django.conf import settings; django.setup(); print(settings.DEBUG)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_production_settings_load_with_everything_configured():
    result = load_production_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"REDIS_URL": None}, "REDIS_URL"),
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-secret-key-never-in-production"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG must be off"),
        ({"DATABASE_URL": "postgresql://postgres@/tim?host=/srv/tim/var/pgdata"}, "embedded"),
    ],
)
def test_production_refuses_to_start_with_development_shortcuts(change, message):
    result = load_production_settings(**change)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


@pytest.mark.django_db
def test_deploy_check_refuses_demo_passwords(demo_user):
    with override_settings(DEBUG=False):
        errors = demo_passwords_refused(None)
        assert [error.id for error in errors] == ["tim.E001"]
        assert "moderator@demo.thuisinmaastricht.nl" in errors[0].msg
        for email in ("moderator", "redactie-pottenberg", "redactie-nazareth", "redactie-wyck",
                      "initiatiefnemer", "bewoner"):  # fmt: skip
            user = demo_user(email)
            user.set_password("a-real-password-of-their-own")
            user.save()
        assert demo_passwords_refused(None) == []


@pytest.mark.django_db
def test_load_demo_is_refused_in_production():
    with override_settings(ENVIRONMENT="production"):
        with pytest.raises(CommandError, match="never loaded in production"):
            call_command("load_demo")
