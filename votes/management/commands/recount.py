from django.core.management.base import BaseCommand, CommandError

from votes import figures


class Command(BaseCommand):
    help = (
        "Recount the figures stored beside the record from the record itself (votes.figures: "
        + ", ".join(figure.name for figure in figures.FIGURES)
        + "). Ingest and corrections keep them up to date; run this after changing the record by other means "
        "(SQL, a restored backup)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "figures", nargs="*", metavar="FIGURE",
            help="Only these figures (quoted names as listed above); all of them by default, in order.",
        )

    def handle(self, *args, **options):
        try:
            done = figures.recount(options["figures"] or None, log=self.stderr.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for recounted in done:
            self.stdout.write(str(recounted))
