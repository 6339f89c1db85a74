"""The PDF of a buurt, read back: this fortnight's activities at Maastricht times, nothing
cancelled, nothing of another buurt, how to join without internet, and QR codes that open the
right pages."""

import pytest

from tim.urls_helper import absolute_url

from .reading import pdf_info, pdf_text, qr_urls


@pytest.fixture
def pdf(client, pottenberg, pottenberg_week):
    response = client.get("/pottenberg/bulletin/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_pdf_lists_the_fortnight_at_maastricht_times(pdf):
    text = pdf_text(pdf)
    assert "Buurtbulletin Pottenberg" in text
    assert "maandag 22 maart t/m zondag 4 april 2027" in text
    # 19:30 in Maastricht both before and after the clocks go forward on 28 March.
    assert "Buurtkoor" in text
    assert "do 25 mrt 19:30–21:00" in text
    assert "do 1 apr 19:30–21:00" in text
    assert "wo 24 mrt 17:00–19:00" in text  # Kookles, once


def test_a_cancelled_date_is_not_printed(pdf):
    text = pdf_text(pdf)
    assert "di 23 mrt 10:00–11:00" in text
    assert "30 mrt" not in text  # Qi-gong's cancelled Tuesday
    assert "Paasvakantie" not in text


def test_only_this_buurts_activities_and_how_to_join_without_internet(pdf):
    text = pdf_text(pdf)
    assert "Jeu de boules in Nazareth" not in text
    assert "Aanmelden: bel 043 123 45 67" in text  # Kookles needs a sign-up
    assert "€ 3,50" in text
    assert "kom gewoon langs" in text.lower()
    assert "Gratis" in text


def test_the_places_news_and_calls_are_on_it(pdf):
    text = pdf_text(pdf)
    assert "Buurthuis Pottenberg" in text
    assert "ma, di 09:00–17:00" in text
    assert (
        "De gemeente zet vijf bankjes neer. Bewoners kozen de plek. Ze staan er in april." in text
    )
    assert "Daarna komt er ook een boom bij" not in text  # three sentences at most
    assert "Koffieschenkers gezocht" in text
    assert "Gemaakt op 22 maart 2027" in text
    assert "Bron: Thuis in Maastricht" in text


def test_it_is_a4_portrait_on_at_most_two_sides(pdf):
    info = pdf_info(pdf)
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"  # portrait: width first
    assert int(info["Pages"]) <= 2


def test_the_qr_codes_open_the_right_pages(pdf, pottenberg, pottenberg_week):
    urls = qr_urls(pdf)
    expected = [pottenberg, *(pottenberg_week[k] for k in ("koor", "qigong", "kookles"))]
    expected += [pottenberg_week[k] for k in ("place", "news", "call")]
    for page in expected:
        assert absolute_url(page.url) in urls
    assert all(url.startswith("http://testserver/") for url in urls)


def test_the_short_address_leads_to_the_page(client, pottenberg_week):
    activity = pottenberg_week["kookles"]
    assert f"testserver/p/{activity.pk}/" in pdf_text(
        client.get("/pottenberg/bulletin/pdf/").content
    )
    response = client.get(f"/p/{activity.pk}/")
    assert response.status_code == 302
    assert response["Location"] == activity.url


def test_english_on_request(client, pottenberg_week):
    text = pdf_text(client.get("/pottenberg/bulletin/pdf/?lang=en").content)
    assert "Activities" in text
    assert "Made on 22 March 2027" in text
    assert "Sign up: call 043 123 45 67" in text
