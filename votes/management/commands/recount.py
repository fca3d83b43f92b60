from django.core.management.base import BaseCommand

from votes import agreement
from votes.search import rebuild_search_texts


class Command(BaseCommand):
    help = (
        "Recount what is stored beside the record from the record itself: the agreement figures and country "
        "tallies, and the search rows. Ingest and corrections keep them up to date; run this after changing the "
        "record by other means (SQL, a restored backup)."
    )

    def handle(self, *args, **options):
        pairs = agreement.refresh_all()
        drafts = rebuild_search_texts()
        self.stdout.write(f"agreement figures: {pairs} country pairs; search rows of {drafts} draft(s)")
