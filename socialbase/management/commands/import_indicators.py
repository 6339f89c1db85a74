from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from socialbase.indicators import import_indicators


class Command(BaseCommand):
    help = (
        "Load buurt indicators (indicator, cbs_code, year, value, source) from a CSV file. "
        "Nothing is saved when a row is wrong; loading the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file, UTF-8.")

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        result = import_indicators(text=text)
        for line, message in result.errors:
            self.stderr.write(_("Line %(line)s: %(message)s") % {"line": line, "message": message})
        if not result.ok:
            raise CommandError(_("Nothing was loaded. Correct these lines and try again:"))
        counts = {"new": result.created, "changed": result.updated, "same": result.unchanged}
        self.stdout.write(
            _("Loaded: %(new)s new, %(changed)s changed, %(same)s unchanged.") % counts
        )
