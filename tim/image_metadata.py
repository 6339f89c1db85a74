"""Photos are stored without their metadata: EXIF (the GPS position above all), XMP, comments.

A phone writes where and when a photo was taken into the file. A resident's photo of their
front door would tell anyone the address, and Wagtail copies EXIF into every rendition. So
the upload itself is re-saved without it (Pillow writes only the metadata it is given), turned
upright first when EXIF said how to turn it; the colour profile stays. A JPEG keeps its own
quantisation tables (quality="keep"), so it loses as good as nothing in the re-save.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")
ORIENTATION = 0x0112


def has_metadata(image: Image.Image) -> bool:
    return any(image.info.get(key) for key in METADATA_KEYS) or bool(image.getexif())


def without_metadata(data: bytes) -> bytes | None:
    """The image file re-saved without metadata; None when it has none to remove."""
    with Image.open(BytesIO(data)) as image:
        source_format = image.format
        if source_format in {"JPEG", "MPO"} and not has_metadata(image):
            return None
        options = {"icc_profile": image.info["icc_profile"]} if "icc_profile" in image.info else {}
        upright = image.getexif().get(ORIENTATION, 1) == 1
        if not upright:
            image = ImageOps.exif_transpose(image)
        target_format = "JPEG" if source_format == "MPO" else source_format
        if target_format == "JPEG":
            keep = upright and source_format == "JPEG"
            options.update(comment=b"", quality="keep" if keep else 90)
        elif target_format == "WEBP":
            options.update(quality=90, lossless=image.info.get("lossless", False))
        elif target_format in {"HEIF", "AVIF"}:
            options.update(exif=None, xmp=None, quality=90)  # else pillow-heif copies them
        output = BytesIO()
        image.save(output, target_format, **options)
        return output.getvalue()


def strip_upload(field_file) -> None:
    """Replace a new, not yet stored upload by its copy without metadata."""
    field_file.open("rb")
    field_file.seek(0)
    clean = without_metadata(field_file.read())
    field_file.seek(0)
    if clean is not None:
        field_file.file = ContentFile(clean, name=field_file.name)


def strip_stored(image) -> bool:
    """Remove the metadata of an image stored before uploads were cleaned; drop its renditions
    (they copied the metadata), so they are made again from the clean original. True if changed."""
    with image.open_file() as stored:
        clean = without_metadata(stored.read())
    if clean is None:
        return False
    old_name = image.file.name
    image.file.save(old_name.rsplit("/", 1)[-1], ContentFile(clean), save=False)
    image.file.field.update_dimension_fields(image, force=True)
    image._set_image_file_metadata()
    image.save()
    image.file.storage.delete(old_name)
    image.renditions.all().delete()
    return True
