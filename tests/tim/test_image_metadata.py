"""Uploaded photos keep no EXIF (the GPS position above all): not the stored original, not any
rendition. A photo the phone stored on its side is turned upright before its EXIF goes."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tim.models import TimImage

pytestmark = pytest.mark.django_db

GPS_IFD, GPS_LATITUDE = 0x8825, 2
ORIENTATION, ROTATED_90 = 0x0112, 6


def photo(image_format="JPEG", size=(400, 300)) -> bytes:
    """A photo as a phone writes it: GPS position, camera, time, and 'turn 90°' in EXIF."""
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0132] = "2026:10:19 09:00:00"
    exif[ORIENTATION] = ROTATED_90
    exif.get_ifd(GPS_IFD).update({1: "N", GPS_LATITUDE: (50.0, 50.0, 30.0), 3: "E",
                                  4: (5.0, 41.0, 10.0)})  # fmt: skip
    output = BytesIO()
    image.save(output, image_format, exif=exif.tobytes(), comment=b"Hunnenweg 4")
    return output.getvalue()


def metadata(file) -> dict:
    file.open("rb")
    with Image.open(file) as image:
        exif = image.getexif()
        found = {
            "exif": dict(exif),
            "gps": dict(exif.get_ifd(GPS_IFD)),
            "info": {
                key: image.info[key] for key in ("exif", "comment", "xmp") if key in image.info
            },
            "size": image.size,
        }
    file.close()
    return found


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_an_upload_in_the_admin_is_stored_and_rendered_without_exif(
    client, demo_user, image_format
):
    data = photo(image_format)
    with Image.open(BytesIO(data)) as original:
        assert original.getexif().get_ifd(GPS_IFD)  # the test photo does have a position
    client.force_login(demo_user("moderator"))
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    response = client.post(
        "/beheer/images/add/",
        {
            "title": "Voordeur",
            "description": "Een rode voordeur",
            "file": SimpleUploadedFile(f"voordeur.{extension}", data),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = TimImage.objects.get(title="Voordeur")

    stored = metadata(image.file)
    assert stored["exif"] == {} and stored["gps"] == {} and stored["info"] == {}
    assert stored["size"] == (300, 400) == (image.width, image.height)  # turned upright
    image.file.open("rb")
    assert image.file_size == len(image.file.read())
    image.file.close()

    for spec in ["fill-200x200", "max-1600x1600", "width-300|format-webp", "width-300|format-png"]:
        rendition = metadata(image.get_rendition(spec).file)
        assert rendition["exif"] == {} and rendition["gps"] == {} and rendition["info"] == {}


def test_images_stored_before_are_cleaned_by_the_command(client):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    name = default_storage.save("original_images/oud.jpg", ContentFile(photo()))
    old = TimImage.objects.create(title="Oud", description="Een oude foto", file=name,
                                  width=400, height=300)  # fmt: skip
    assert metadata(old.get_rendition("fill-100x100").file)["gps"]  # as it used to be
    call_command("strip_image_metadata")
    old.refresh_from_db()
    assert metadata(old.file)["gps"] == {} and (old.width, old.height) == (300, 400)
    assert not default_storage.exists(name)
    rendition = metadata(old.get_rendition("fill-100x100").file)
    assert rendition["exif"] == {} and rendition["gps"] == {}
