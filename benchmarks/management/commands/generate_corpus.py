from django.core.management.base import BaseCommand, CommandError

from benchmarks.synthetic import (
    PARAGRAPH_SHARE,
    POSITION_ORDERS,
    WITHOUT_VOTE_RATIO,
    SyntheticCorpusError,
    generate_corpus,
)


class Command(BaseCommand):
    help = (
        "Generate a synthetic voting record at full-history scale into the default database (DATABASE_URL): "
        "sessions 1-80, real admission dates, bloc patterns. Synthetic drafts have symbols with '/L.S' "
        "(A/C.1/33/L.S12); --replace deletes only those (and their votes, positions, paragraphs, sponsors)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--votes", type=int, default=26000, help="Recorded votes to generate (default 26000: ~4.6M positions; 28300: ~5.0M).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (the same seed and countries give the same corpus).")
        parser.add_argument("--replace", action="store_true", help="Delete the synthetic corpus already loaded (only it) first.")
        parser.add_argument(
            "--paragraph-share", type=float, default=PARAGRAPH_SHARE, help="Share of recorded votes on paragraphs (default 0.2)."
        )
        parser.add_argument(
            "--without-vote-ratio", type=float, default=WITHOUT_VOTE_RATIO,
            help="Drafts adopted without a vote per draft put to a recorded vote (default 0.5).",
        )
        parser.add_argument(
            "--keep-indexes", action="store_true",
            help="PostgreSQL: never drop and rebuild the indexes of votes_position (by default: when it holds fewer rows than are added).",
        )
        parser.add_argument(
            "--position-order", choices=POSITION_ORDERS, default="vote",
            help="PostgreSQL: physical order of the positions: 'vote' as ingestion writes them (default, realistic), or "
            "'country' (index builds much faster, but country pages read packed rows: optimistic figures).",
        )
        parser.add_argument(
            "--no-figures", action="store_true",
            help="Do not recount the stored figures (country tallies, agreement, search rows): `manage.py recount` later.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        try:
            report = generate_corpus(
                votes=options["votes"],
                seed=options["seed"],
                replace=options["replace"],
                progress=not options["no_progress"],
                log=lambda message: self.stderr.write(message),
                paragraph_share=options["paragraph_share"],
                without_vote_ratio=options["without_vote_ratio"],
                rebuild_indexes=False if options["keep_indexes"] else None,
                stored_figures=not options["no_figures"],
                position_order=options["position_order"],
            )
        except SyntheticCorpusError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if options["verbosity"] >= 2:
            for statement, seconds in report.statements:
                self.stdout.write(f"  {seconds:7.2f} s  {statement}")
