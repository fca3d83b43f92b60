"""python manage.py export_record: the whole record as CSV tables with a datapackage.json, zipped (votes.dump)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from votes import dump


class Command(BaseCommand):
    help = "Write the bulk download (tally-record.zip in DOWNLOADS_DIR), unless it is newer than the record's last change."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="Write to this path instead.")
        parser.add_argument("--force", action="store_true", help="Write even if the download is up to date.")

    def handle(self, *args, out, force, **options):
        path = Path(out) if out else dump.dump_path()
        if not force and not out and dump.is_current(path):
            self.stdout.write(f"{path}: up to date")
            return
        self.stderr.write(f"writing the bulk download {path} …")
        dump.write_dump(path, log=lambda message: self.stderr.write(f"  {message}"))
        self.stdout.write(f"{path}: written ({path.stat().st_size / 1e6:.1f} MB)")
