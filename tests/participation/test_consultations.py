"""Denk mee: one answer per verified account, results after answering and after closing."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from participation import services
from participation.models import ConsultationAnswer


def answer(client, consultation, *numbers):
    data = {
        f"vraag-{block.id}": str(n)
        for block, n in zip(consultation.questions, numbers, strict=False)
    }
    return client.post(consultation.url, data, follow=True)


@pytest.mark.django_db
def test_a_resident_answers_once_and_then_sees_the_results(
    client, make_consultation, make_resident
):
    consultation = make_consultation(
        questions=[("Wat mist er?", ["Bankjes", "Bomen"]), ("Wanneer?", ["Nu", "Later"])]
    )
    assert "Log in om te antwoorden" in client.get(consultation.url).content.decode()
    assert consultation.title in client.get("/denk-mee/").content.decode()
    client.force_login(make_resident())
    html = client.get(consultation.url).content.decode()
    assert "Verstuur mijn antwoord" in html and "<table" not in html

    html = answer(client, consultation, 1).content.decode()
    assert "Beantwoord elke vraag." in html
    html = answer(client, consultation, 1, 0).content.decode()
    assert "Bedankt voor het meedenken." in html
    assert "Bedankt. Dit koos iedereen tot nu toe" in html
    assert ConsultationAnswer.objects.count() == 1
    answer(client, consultation, 0, 0)
    assert ConsultationAnswer.objects.get().choices == {
        consultation.questions[0].id: 1,
        consultation.questions[1].id: 0,
    }


@pytest.mark.django_db
def test_after_closing_everyone_sees_the_results_and_nobody_answers(
    client, make_consultation, make_resident
):
    consultation = make_consultation(closes_in_days=1)
    services.consultation_answer(
        user=make_resident(), consultation=consultation, choices={consultation.questions[0].id: 2}
    )
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        html = client.get(consultation.url).content.decode()
        assert "De uitslag" in html
        assert "Deze vraag is gesloten." in html
        with pytest.raises(services.NotAllowed):
            services.consultation_answer(
                user=make_resident(),
                consultation=consultation,
                choices={consultation.questions[0].id: 0},
            )


@pytest.mark.django_db
def test_staff_download_totals_as_csv_without_personal_data(
    client, make_consultation, make_resident, demo_user
):
    consultation = make_consultation()
    resident = make_resident(name="Anna")
    services.consultation_answer(
        user=resident, consultation=consultation, choices={consultation.questions[0].id: 1}
    )
    client.force_login(demo_user("redactie-pottenberg"))
    refused = client.get(f"/beheer/buurtplein/denk-mee/{consultation.pk}/csv/")
    assert refused.status_code in (302, 403)  # Wagtail sends who may not back to the dashboard
    assert not refused["Content-Type"].startswith("text/csv")
    client.force_login(demo_user("moderator"))
    csv = client.get(f"/beheer/buurtplein/denk-mee/{consultation.pk}/csv/").content.decode()
    assert csv.splitlines() == [
        "vraag,keuze,antwoorden",
        "Wat mist er?,Bankjes,0",
        "Wat mist er?,Bomen,1",
        "Wat mist er?,Een speeltuin,0",
    ]
    assert "Anna" not in csv and resident.email not in csv


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_votes_count_once_per_account(make_consultation, make_resident):
    consultation = make_consultation()
    residents = [make_resident() for _ in range(5)]
    start = threading.Barrier(20)
    outcomes = []

    def vote(user):
        try:
            start.wait()
            services.consultation_answer(
                user=user, consultation=consultation, choices={consultation.questions[0].id: 0}
            )
            outcomes.append("counted")
        except services.NotAllowed:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(residents[n % 5],)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("counted") == 5 and outcomes.count("refused") == 15
    assert consultation.totals()[0]["options"][0]["count"] == 5


@pytest.mark.django_db
def test_moderators_make_consultations_and_set_the_report_threshold_in_the_admin(
    client, make_consultation, demo_user
):
    consultation = make_consultation()
    client.force_login(demo_user("moderator"))
    listing = client.get("/beheer/snippets/participation/consultation/").content.decode()
    assert consultation.title in listing and "Totalen (CSV)" in listing
    assert client.get("/beheer/snippets/participation/consultation/add/").status_code == 200
    settings_page = client.get("/beheer/settings/participation/participationsettings/", follow=True)
    assert settings_page.status_code == 200
    assert "Meldingen voordat een reactie verborgen wordt" in settings_page.content.decode()

    client.force_login(demo_user("redactie-pottenberg"))
    assert client.get("/beheer/snippets/participation/consultation/add/").status_code in (302, 403)
