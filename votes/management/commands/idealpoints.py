from django.core.management.base import BaseCommand

from votes import figures
from votes.analysis import idealpoints


class Command(BaseCommand):
    help = (
        "Fit the ideal points (votes.analysis.idealpoints: a dynamic one-dimensional probit model of the plenary "
        "roll calls) and store them; the same as `recount \"ideal points\"`. Run after an import or a batch of ingests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale", action="store_true",
            help="Only when the stored fit is behind the record (a plenary vote changed since) or there is none "
            "although there are plenary roll calls: `make load` runs this, so a second `make run` fits nothing.",
        )

    def handle(self, *args, if_stale=False, **options):
        if if_stale and not idealpoints.needs_refit():
            self.stdout.write("ideal points: up to date with the record, not refitted")
            return
        for recounted in figures.recount(["ideal points"], log=self.stderr.write):
            self.stdout.write(str(recounted))
        fit = idealpoints.latest_fit()
        if fit:
            self.stdout.write(
                f"{fit.roll_calls:,} roll calls ({fit.items:,} items), {fit.iterations} iterations, "
                f"{'converged' if fit.converged else 'NOT converged'}, fit in {fit.seconds:.1f} s"
            )
