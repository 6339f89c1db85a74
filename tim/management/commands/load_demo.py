import importlib
import importlib.util

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from neighbourhoods.models import NeighbourhoodPage
from tim import demo
from tim.checks import DEMO_PASSWORD

# Apps that bring demo content, loaded in this order (each has a `demo.load()`).
DEMO_APPS = ["news", "meetingplaces", "initiatives", "participation", "socialbase"]


class Command(BaseCommand):
    help = "Load the demo accounts and demo content (idempotent). Refused in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when the site has no buurten yet."
        )

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo content and demo passwords are never loaded in production.")
        if options["if_empty"] and NeighbourhoodPage.objects.exists():
            self.stdout.write("The site has content already; demo content not loaded again.")
        else:
            call_command("setup_site", stdout=self.stdout)
            demo.load_accounts()
            for app in DEMO_APPS:
                if importlib.util.find_spec(f"{app}.demo"):
                    importlib.import_module(f"{app}.demo").load()
        emails = demo.existing_accounts()
        if emails:
            self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
            for email in emails:
                self.stdout.write(f"  {email}")
