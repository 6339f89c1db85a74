from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from tim.image_metadata import strip_stored


class Command(BaseCommand):
    help = (
        "Remove EXIF (GPS position, camera, time) from images uploaded before uploads were "
        "cleaned, and drop their renditions so they are made again without it. Run once."
    )

    def handle(self, *args, **options):
        changed = sum(strip_stored(image) for image in get_image_model().objects.iterator())
        self.stdout.write(f"{changed} images had metadata; it is removed.")
