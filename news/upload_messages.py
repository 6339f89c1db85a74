"""Wagtail's image-upload errors (wagtail.images.fields), given plainer Dutch by this app.

These are Wagtail's own message ids. news/locale/nl has their Dutch (B1: what is wrong and what
to do), and the news app comes before wagtail.images in INSTALLED_APPS, so its Dutch wins.
They are listed here so that `make messages` keeps them in the news catalog.
"""

from django.utils.translation import gettext_noop

WAGTAIL_IMAGE_ERRORS = [
    gettext_noop("Not a supported image format. Supported formats: %(supported_formats)s."),
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
]
