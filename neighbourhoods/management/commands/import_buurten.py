from django.core.management.base import BaseCommand

from neighbourhoods import roles, services


class Command(BaseCommand):
    help = "Create or update one buurt site per row of fixtures/buurten.csv, and its editor groups."

    def add_arguments(self, parser):
        parser.add_argument("--csv", default=str(services.BUURTEN_CSV), help="Path of the CSV.")

    def handle(self, *args, **options):
        report = services.import_buurten(services.read_buurten(options["csv"]))
        # The city-level pages of every app, and what apps add per buurt (/<buurt>/ideeen/).
        services.ensure_city_pages(services.ensure_city_home())
        roles.setup_roles()
        self.stdout.write(report.summary())
