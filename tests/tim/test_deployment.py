"""What an operator relies on: docker-compose.yml stays valid Compose, and uploads go to an
S3-compatible bucket when one is named (local files otherwise)."""

import os
import subprocess
import sys
from pathlib import Path

from .test_settings import GOOD

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_ENV = {"POSTGRES_PASSWORD": "secret", "EMAIL_URL": "smtp://mail", "SECRET_KEY": "k" * 50}


def compose(*args, **env):
    """Debian's docker-compose reads and checks the file without a Docker engine."""
    environment = {k: v for k, v in os.environ.items() if k not in COMPOSE_ENV}
    return subprocess.run(
        ["docker-compose", "--file", str(ROOT / "docker-compose.yml"), *args],
        env={**environment, **env}, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip


def test_docker_compose_file_is_valid_with_every_service():
    result = compose("config", "--services", **COMPOSE_ENV)
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"migrate", "web", "worker", "beat", "postgres", "redis"}
    result = compose("config", **COMPOSE_ENV, AWS_STORAGE_BUCKET_NAME="tim-media")
    assert result.returncode == 0, result.stderr
    assert "AWS_STORAGE_BUCKET_NAME: tim-media" in result.stdout


def test_docker_compose_names_a_missing_secret():
    result = compose("config", **{**COMPOSE_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "set SECRET_KEY" in result.stderr


def media_storage(**changes):
    """The storage class and a photo's URL, in production settings with these variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k not in GOOD}
    env.update({**GOOD, **changes})
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.url('original_images/buurtfeest.jpg'))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_uploads_go_to_the_named_bucket():
    backend, url = media_storage(
        AWS_STORAGE_BUCKET_NAME="tim-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert backend == "S3Storage"
    assert url == "https://s3.example.org/tim-media/original_images/buurtfeest.jpg"  # unsigned


def test_uploads_stay_local_without_a_bucket():
    assert media_storage() == ["FileSystemStorage", "/media/original_images/buurtfeest.jpg"]
