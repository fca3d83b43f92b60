from django.core.management.base import BaseCommand

from benchmarks import run as bench


class Command(BaseCommand):
    help = (
        "Time the key pages on the full-history record (PostgreSQL of DATABASE_URL): migrates, loads the countries "
        "and generates the synthetic corpus if missing; prints a table and writes benchmarks/latest.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page (default 30; exports 5).")
        parser.add_argument(
            "--votes", type=int, default=bench.DEFAULT_VOTES,
            help=f"Recorded votes of the corpus generated when none is loaded (default {bench.DEFAULT_VOTES:,}: ~5.0M positions).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed of a generated corpus.")
        parser.add_argument("--regenerate", action="store_true", help="Replace the synthetic corpus first.")
        parser.add_argument("--only", nargs="*", help="Only pages whose name contains one of these words (and parse/ingest).")
        parser.add_argument("--no-write", action="store_true", help="Do not write benchmarks/latest.md.")
        parser.add_argument(
            "--record", choices=["synthetic", "real"], default="synthetic",
            help="synthetic: the generated 5M-position corpus (default); real: the bundled reports and Voeten's"
            " roll calls, as make run loads them, plus the import's time on empty databases (writes latest-real.md).",
        )
        parser.add_argument(
            "--datasette", action="store_true",
            help="Also serve the record from Datasette (an SQLite copy) and time equivalent pages beside Tally's.",
        )
        parser.add_argument("--datasette-only", action="store_true", help="Only the side-by-side with Datasette.")
        parser.add_argument(
            "--explain", metavar="URL", help="Only print the queries of one page with their EXPLAIN ANALYZE plans."
        )

    def handle(self, *args, **options):
        if options["explain"]:
            from benchmarks.explain import report

            self.stdout.write(report(options["explain"]))
            return
        if options["record"] == "real":
            bench.ensure_database()
        log = lambda message: self.stderr.write(message)  # noqa: E731
        peer_lines = []
        if options["datasette"] or options["datasette_only"]:
            from benchmarks import peer

            bench.prepare(options["votes"], options["seed"], options["regenerate"], log)
            pages, counts = peer.compare(repeat=options["repeat"], log=log)
            peer_lines = peer.markdown(pages, counts, options["repeat"])
            self.stdout.write("\n".join(peer_lines))
            if options["datasette_only"]:
                if not options["no_write"]:
                    self.stdout.write(f"written to {peer.write_section(peer_lines)}")
                return
        result = bench.run(
            repeat=options["repeat"],
            votes=options["votes"],
            seed=options["seed"],
            regenerate=options["regenerate"],
            only=options["only"],
            log=log,
            record=options["record"],
        )
        self.stdout.write(bench.markdown(result, urls=False))
        if not options["no_write"]:
            path = bench.write_latest(result, bench.LATEST_REAL if options["record"] == "real" else bench.LATEST, extra=peer_lines)
            self.stdout.write(f"written to {path}")
