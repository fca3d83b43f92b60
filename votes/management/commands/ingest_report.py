from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parsing import ReportError
from votes.ingest import IngestRefused, ingest_report_file


class Command(BaseCommand):
    help = (
        "Parse, check and store committee reports, one transaction per report (the stored figures included). "
        "Idempotent: a report already stored (or its version in another language) changes nothing but added texts."
    )

    # What a file is and how it is stored: ingest_plenary is this command with its own two.
    noun = "report"
    ingest_file = staticmethod(ingest_report_file)

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Report files: PDFs (with a text layer) or their extracted text (UTF-8).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, **options):
        failed = 0
        for name in options["files"]:
            path = Path(name)
            try:
                result = self.ingest_file(path, dry_run=options["dry_run"])
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
            raise CommandError(f"{failed} of {len(options['files'])} {self.noun}(s) not ingested")
