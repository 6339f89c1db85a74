from django.core.management.base import BaseCommand

from neighbourhoods.roles import setup_roles


class Command(BaseCommand):
    help = "Create the editor, moderator and initiative-host groups and the moderation workflow."

    def handle(self, *args, **options):
        setup_roles()
        self.stdout.write("Roles are up to date.")
