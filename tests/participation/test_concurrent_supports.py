"""On real PostgreSQL: 20 threads supporting one idea from 10 accounts count 10."""

import threading

import pytest
from django.db import connection

from participation import services
from participation.models import Support

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_twenty_concurrent_clicks_from_ten_accounts_count_ten(client, make_idea, make_resident):
    idea = make_idea()
    residents = [make_resident() for _ in range(10)]
    start = threading.Barrier(20)
    errors = []

    def click(user):
        try:
            start.wait()
            services.support_add(user=user, idea=idea)
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's cause
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(residents[n % 10],)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Support.objects.filter(idea=idea).count() == 10
    assert "10 bewoners steunen dit idee." in client.get(idea.url).content.decode()
