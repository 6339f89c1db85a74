"""Loading buurtmonitor indicators: good files load, bad rows are named, re-loads change nothing."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from socialbase.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db

GOOD = """indicator,cbs_code,year,value,source
SES-score,BU09350203,2024,-0.42,Buurtmonitor 2024
SES-score,BU09350403,2024,-0.31,Buurtmonitor 2024
Ernstig eenzaam (%),BU09350203,2024,"18,5",Buurtmonitor 2024
"""

BAD = """# a comment line is skipped
indicator;cbs_code;year;value;source
SES-score;BU09359999;2024;0,1;Buurtmonitor
SES-score;BU09350203;2024;veel;Buurtmonitor
SES-score;BU09350403;2024;0,2;Buurtmonitor
SES-score;bu09350403;2024;0,3;Buurtmonitor
"""


def load(tmp_path, text):
    path = tmp_path / "indicatoren.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_indicators", str(path), stdout=out, stderr=out)
    return out.getvalue()


def test_a_good_file_loads_every_row(tmp_path, pottenberg):
    assert "3 nieuw, 0 gewijzigd, 0 ongewijzigd" in load(tmp_path, GOOD)
    value = IndicatorValue.objects.get(indicator__code="ernstig-eenzaam", buurt=pottenberg)
    assert str(value.value) == "18.500" and value.year == 2024
    assert Indicator.objects.get(code="ses-score").name == "SES-score"


def test_loading_the_same_file_again_changes_nothing(tmp_path):
    load(tmp_path, GOOD)
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in load(tmp_path, GOOD)
    assert "0 nieuw, 1 gewijzigd, 2 ongewijzigd" in load(tmp_path, GOOD.replace("-0.42", "-0.40"))
    assert IndicatorValue.objects.count() == 3


def test_bad_rows_are_named_and_nothing_is_saved(tmp_path):
    with pytest.raises(CommandError, match="Er is niets geladen"):
        path = tmp_path / "fout.csv"
        path.write_text(BAD, encoding="utf-8")
        err = StringIO()
        try:
            call_command("import_indicators", str(path), stderr=err)
        finally:
            messages = err.getvalue()
    assert "Regel 3: Onbekende buurtcode 'BU09359999'." in messages
    assert "Regel 4: 'veel' is geen getal." in messages
    assert "Regel 6: Hetzelfde als regel 5." in messages
    assert not IndicatorValue.objects.exists()


def test_the_example_file_says_it_is_example_data_and_loads():
    text = (settings.BASE_DIR / "fixtures" / "indicators_example.csv").read_text()
    assert text.startswith("# VOORBEELDDATA - geen echte cijfers")
    from socialbase.indicators import import_indicators

    result = import_indicators(text=text)
    assert result.ok and result.created == 83
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {
        "Voorbeelddata (geen echte cijfers)"
    }


def test_a_moderator_uploads_a_file_in_the_admin(client, demo_user):
    client.force_login(demo_user("moderator"))
    bad = SimpleUploadedFile("fout.csv", BAD.encode(), content_type="text/csv")
    page = client.post("/beheer/sociale-basis/indicatoren/", {"upload": "1", "file": bad})
    assert page.status_code == 200
    assert "BU09359999" in page.content.decode() and not IndicatorValue.objects.exists()
    good = SimpleUploadedFile("goed.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(
        "/beheer/sociale-basis/indicatoren/", {"upload": "1", "file": good}, follow=True
    )
    assert IndicatorValue.objects.count() == 3
    assert "SES-score" in response.content.decode()
