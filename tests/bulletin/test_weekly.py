"""Friday's PDFs: made per buurt by a real worker, kept four weeks as files, and one click away
for hosts ("Print deze week" on their place) and editors (Buurtbulletins in the admin)."""

import datetime
import time

import pytest
from django.core.files.storage import default_storage

from bulletin import services, tasks
from bulletin.models import WeeklyBulletin

from .reading import pdf_text


def test_the_weekly_pdf_is_stored_and_dropped_after_four_weeks(monday, pottenberg, pottenberg_week):
    weekly = services.make_weekly(area=services.Area.of_buurt(pottenberg))

    with default_storage.open(weekly.file.name) as stored:
        text = pdf_text(stored.read())
    assert "Buurtbulletin Pottenberg" in text and "do 25 mrt 19:30–21:00" in text
    assert (weekly.first_day, weekly.last_day) == (monday, datetime.date(2027, 4, 4))

    assert services.prune_weekly(today=monday + datetime.timedelta(weeks=4)) == 0
    assert services.prune_weekly(today=monday + datetime.timedelta(weeks=4, days=1)) == 1
    assert not default_storage.exists(weekly.file.name)
    assert not WeeklyBulletin.objects.exists()


def test_a_host_finds_print_this_week_on_their_place(client, monday, pottenberg_week, demo_user):
    place = pottenberg_week["place"]
    weekly = services.make_weekly(area=services.Area.of_buurt(place.buurt))
    client.force_login(demo_user("initiatiefnemer"))

    edit_page = client.get(f"/beheer/pages/{place.pk}/edit/").content.decode()
    assert "Print deze week" in edit_page
    assert weekly.file.url in edit_page

    listing = client.get("/beheer/buurtbulletins/").content.decode()
    assert "Pottenberg" in listing and weekly.file.url in listing


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_makes_the_buurt_pdf(celery_worker_process, pottenberg):
    tasks.make_buurt_bulletin.delay(pottenberg.pk)

    deadline = time.monotonic() + 60
    while not WeeklyBulletin.objects.filter(buurt=pottenberg).exists():
        assert time.monotonic() < deadline, "no bulletin within a minute"
        time.sleep(0.5)
    weekly = WeeklyBulletin.objects.get(buurt=pottenberg)
    with default_storage.open(weekly.file.name) as stored:
        assert "Zelf iets beginnen?" in pdf_text(stored.read())
    assert weekly.pages in (1, 2)
