"""Create the `editors` and `viewers` groups and set their permissions (`migrate` does this too)."""

from django.core.management.base import BaseCommand

from curation.groups import sync_staff_groups


class Command(BaseCommand):
    help = "Create the editors and viewers groups and set their permissions. Idempotent; `migrate` runs it too."

    def handle(self, *args, **options):
        for group, count in sync_staff_groups().items():
            self.stdout.write(f"{group}: {count} permissions")
