import time
from dataclasses import fields

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from neighbourhoods.models import NeighbourhoodPage
from tim.load_data import Generator, Sizes

LOAD_SUFFIX = "_load"


class Command(BaseCommand):
    help = (
        "Fill a database of its own with a city-sized data set for benchmarks (bench/README.md). "
        f"Refused unless the database name ends with '{LOAD_SUFFIX}' or is named with "
        "--allow-database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=12, help="The same seed, the same data.")
        for field in fields(Sizes):
            parser.add_argument(
                f"--{field.name}", type=int, default=field.default, help=f"How many {field.name}."
            )
        parser.add_argument(
            "--allow-database",
            default="",
            help="Run on this database although its name does not end with '_load' (tests).",
        )

    def handle(self, *args, **options):
        name = connection.settings_dict["NAME"]
        if settings.ENVIRONMENT == "production":
            raise CommandError("Generated data is never put in a production database.")
        if not name.endswith(LOAD_SUFFIX) and options["allow_database"] != name:
            raise CommandError(
                f"The database '{name}' is not a load-test database: its name must end with "
                f"'{LOAD_SUFFIX}' (see bench/README.md), or pass --allow-database {name}."
            )
        if not NeighbourhoodPage.objects.exists():
            call_command("setup_site", stdout=self.stdout)
        sizes = Sizes(**{field.name: options[field.name] for field in fields(Sizes)})
        started = time.monotonic()
        Generator(seed=options["seed"], sizes=sizes, log=self.stdout.write).run()
        self.stdout.write(f"Generated {sizes} in {time.monotonic() - started:.1f} s")
