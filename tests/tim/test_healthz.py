import json

import pytest


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_is_200_with_a_worker_and_503_naming_the_workers_without(
    admin_client, celery_worker_process
):
    client = admin_client  # staff see what fails; anyone else only "ok" or "fail"
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 200, body
    assert body["checks"]["database"]["ok"] and body["checks"]["redis"]["ok"]
    assert body["checks"]["workers"]["workers"]
    assert body["checks"]["migrations"]["pending"] == []

    worker = celery_worker_process.processes[-1]
    worker.terminate()
    worker.wait(timeout=20)

    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 503
    assert body["failing"] == ["workers"]
