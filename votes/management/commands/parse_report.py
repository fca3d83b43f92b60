from django.core.management.base import BaseCommand, CommandError

from parsing.cli import main as parse_report_cli


class Command(BaseCommand):
    help = "Parse a committee report and print it (JSON with --json, else a summary). Touches no database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Report file: its PDF (with a text layer) or the text extracted from it (UTF-8).")
        parser.add_argument("--json", action="store_true", help="Print the structured parse as JSON (docs/parse-report-schema.md).")

    def handle(self, *args, **options):
        argv = [options["file"]] + (["--json"] if options["json"] else [])
        # The CLI prints whole lines itself; the wrappers must not add a second line ending.
        self.stdout.ending = self.stderr.ending = ""
        status = parse_report_cli(argv, self.stdout, self.stderr)
        if status:
            raise CommandError("the report could not be parsed", returncode=status)
