from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parsing import ReportError
from votes.ingest import IngestRefused
from votes.plenary import ingest_plenary_file


class Command(BaseCommand):
    help = (
        "Parse, check and store plenary verbatim records (A/79/PV.29, as text), one transaction per record: their "
        "votes become plenary votes (body GA) on their drafts, linked to a committee's draft when its report is "
        "stored. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Record text files.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, **options):
        failed = 0
        for name in options["files"]:
            path = Path(name)
            try:
                result = ingest_plenary_file(path, dry_run=options["dry_run"])
            except (ReportError, IngestRefused) as error:
                failed += 1
                self.stderr.write(f"{path}: not ingested, nothing written:\n{error}")
                continue
            except OSError as error:
                failed += 1
                self.stderr.write(f"{path}: cannot read: {error}")
                continue
            self.stdout.write(str(result))
        if failed:
            raise CommandError(f"{failed} of {len(options['files'])} record(s) not ingested")
