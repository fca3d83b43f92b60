"""python manage.py import_voeten [DIR]: Voeten's plenary roll calls into the record (see votes.voeten)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from parsing.voeten import DatasetError
from votes.voeten import UnmappedNames, import_voeten

DEFAULT_DIRECTORY = Path(settings.BASE_DIR) / "corpus" / "voeten"


class Command(BaseCommand):
    help = "Import Erik Voeten's UNGA roll-call data (idempotent: the same files twice change nothing)."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIRECTORY), help="Folder with the four .csv.gz files.")
        parser.add_argument("--force", action="store_true", help="Compare roll call by roll call even if the files are unchanged.")
        parser.add_argument("--flags", action="store_true", help="List every flagged roll call and why.")
        parser.add_argument("--quiet", action="store_true", help="No progress bars.")

    def handle(self, *args, directory, force, flags, quiet, **options):
        def progress(iterable, total, label):
            return iterable if quiet or total < 500 else tqdm(iterable, total=total, desc=label, unit="roll call", mininterval=0.5)

        if not quiet:
            self.stderr.write(f"Importing the Voeten dataset from {directory} …")
        try:
            result = import_voeten(directory, progress=progress, force=force)
        except (DatasetError, UnmappedNames) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(result))
        if flags:
            for line in result.flag_lines():
                self.stdout.write(f"  {line}")
