"""python manage.py compare_sources: every plenary vote that both a verbatim record and Voeten's data give, and
how the two differ (votes.reconcile); pairs any not paired yet first."""

from django.core.management.base import BaseCommand
from django.db import transaction

from votes import reconcile


class Command(BaseCommand):
    help = "Pair verbatim records' plenary votes with Voeten's roll calls and print the differences."

    def handle(self, *args, **options):
        with transaction.atomic():
            new = reconcile.reconcile()
        pairs = reconcile.paired()
        for found in pairs:
            self.stdout.write(str(found))
        differing = sum(1 for found in pairs if found.differences)
        self.stdout.write(f"{len(pairs)} votes in both sources ({len(new)} paired now); {differing} with differences.")
