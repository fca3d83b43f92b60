from django.core.management.base import BaseCommand

from votes import figures


class Command(BaseCommand):
    help = (
        "Fit the ideal points (votes.analysis.idealpoints: a dynamic one-dimensional probit model of the plenary "
        "roll calls) and store them; the same as `recount \"ideal points\"`. Run after an import or a batch of ingests."
    )

    def handle(self, *args, **options):
        for recounted in figures.recount(["ideal points"], log=self.stderr.write):
            self.stdout.write(str(recounted))
        from votes.models import IdealPointFit

        fit = IdealPointFit.objects.first()
        if fit:
            self.stdout.write(
                f"{fit.roll_calls:,} roll calls ({fit.items:,} items), {fit.iterations} iterations, "
                f"{'converged' if fit.converged else 'NOT converged'}, fit in {fit.seconds:.1f} s"
            )
