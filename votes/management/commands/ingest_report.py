from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parsing import ReportError
from votes import agreement
from votes.ingest import IngestRefused, ingest_report_file


class Command(BaseCommand):
    help = (
        "Parse, check and store committee reports, one transaction per report. Idempotent: a report already "
        "stored (or its version in another language) changes nothing but added texts."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Report text files.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, **options):
        failed = 0
        new_votes = []
        for name in options["files"]:
            path = Path(name)
            try:
                # The agreement figures are updated once for the whole batch, below.
                result = ingest_report_file(path, dry_run=options["dry_run"], update_agreement=False)
            except (ReportError, IngestRefused) as error:
                failed += 1
                self.stderr.write(f"{path}: not ingested, nothing written:\n{error}")
                continue
            except OSError as error:
                failed += 1
                self.stderr.write(f"{path}: cannot read: {error}")
                continue
            self.stdout.write(str(result))
            new_votes += result.new_recorded_vote_ids
        if new_votes:
            pairs = agreement.add_votes(new_votes)
            self.stdout.write(f"agreement scores: {len(new_votes)} new recorded vote(s) added over {pairs} country pairs")
        if failed:
            raise CommandError(f"{failed} of {len(options['files'])} report(s) not ingested")
