from django.core.management.base import BaseCommand

from votes.countries import load_countries


class Command(BaseCommand):
    help = "Load or refresh the country reference (reference/data/*.csv): names, memberships, former names."

    def handle(self, *args, **options):
        counts = load_countries()
        self.stdout.write(
            f"countries: {counts['countries']} ({counts['created']} created, {counts['updated']} updated), "
            f"other names: {counts['other_names']}, groups: {counts['groups']} "
            f"({counts['group_memberships']} membership periods)"
        )
