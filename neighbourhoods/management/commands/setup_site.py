from django.core.management.base import BaseCommand

from neighbourhoods import roles, services


class Command(BaseCommand):
    help = "Build the site's structure: city home, the buurt sites, standard pages and roles."

    def handle(self, *args, **options):
        home = services.ensure_city_home()
        report = services.import_buurten(services.read_buurten())
        services.ensure_city_pages(home)
        roles.setup_roles()
        self.stdout.write(f"Buurten: {report.summary()}")
