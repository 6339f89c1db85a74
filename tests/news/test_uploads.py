"""Photo uploads in the admin: type, size and pixels checked, with a plain Dutch message that
keeps what the editor typed; HEIC is converted; pages only ever show renditions."""

import io

import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tim.models import TimImage

from .factories import image_bytes, make_image

pytestmark = pytest.mark.django_db

# The image library's upload form, and the upload tab of the chooser in the page editor.
ADD_URLS = ["/beheer/images/add/", "/beheer/images/chooser/create/"]


def upload(client, url, name, content, title="Buurtfeest op het plein"):
    return client.post(
        url,
        {
            "image-chooser-upload-title": title,
            "image-chooser-upload-file": SimpleUploadedFile(name, content),
            "image-chooser-upload-description": "Kinderen dansen op het plein.",
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "description": "Kinderen dansen op het plein.",
        },
    )


@pytest.fixture
def editor(client, demo_user):
    client.force_login(demo_user("redactie-pottenberg"))
    return client


def too_big_jpeg():
    """A real JPEG with 10 MB of padding after its end: valid, and just over the limit."""
    return image_bytes((64, 64)) + b"\0" * (10 * 1024 * 1024)


def too_many_pixels_png():
    return image_bytes((8000, 6000), "PNG", colour=(255, 255, 255))  # 48 MP, a small file


@pytest.mark.parametrize("url", ADD_URLS)
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("groot.jpg", too_big_jpeg, "Deze foto is te groot (10,0\xa0MB)"),
        ("groot.jpg", too_big_jpeg, "Een foto mag hoogstens 10,0\xa0MB zijn"),
        ("veel-pixels.png", too_many_pixels_png, "Deze foto heeft te veel pixels (48000000)"),
        ("animatie.gif", lambda: image_bytes((10, 10), "GIF"), "Dit soort bestand kan niet"),
        ("tekst.jpg", lambda: b"dit is geen foto", "Upload een geldige afbeelding"),
        ("stiekem.jpg", lambda: image_bytes((10, 10), "PNG"), "geen echte .jpeg-foto"),
    ],
)
def test_admin_refuses_bad_uploads_in_dutch_and_keeps_the_typed_title(
    editor, url, name, content, message
):
    response = upload(editor, url, name, content())
    if response["Content-Type"] == "application/json":  # the chooser answers its modal
        text = response.json()["htmlFragment"]
    else:
        text = response.content.decode()
    text = text.replace("&#x27;", "'")
    assert message in text
    assert "Buurtfeest op het plein" in text  # what the editor typed is still there
    assert not TimImage.objects.exists()


def test_admin_accepts_a_photo_and_requires_its_alt_text(editor):
    response = editor.post(
        "/beheer/images/add/",
        {"title": "Plein", "file": SimpleUploadedFile("plein.jpg", image_bytes())},
    )
    assert "description" in response.context["form"].errors
    upload(editor, "/beheer/images/add/", "plein.jpg", image_bytes())
    assert TimImage.objects.get().description == "Kinderen dansen op het plein."


def test_heic_is_accepted_and_shown_as_jpeg(editor):
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (0, 112, 60)).save(buffer, format="HEIF")
    upload(editor, "/beheer/images/add/", "iphone.heic", buffer.getvalue())
    image = TimImage.objects.get()
    rendition = image.get_rendition("fill-320x180")
    assert rendition.url.endswith(".jpg")


def test_body_images_are_lazy_responsive_renditions(client, news_item):
    image = make_image(size=(2000, 1500))
    item = news_item(
        body=[("image", {"image": image, "caption": "Op het plein"}), ("paragraph", "<p>x</p>")]
    )
    html = client.get(item.url).content.decode()
    assert 'loading="lazy"' in html and "srcset=" in html
    assert f'alt="{image.description}"' in html
    assert "original_images" not in html
