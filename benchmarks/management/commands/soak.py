from django.core.management.base import BaseCommand

from benchmarks import soak


class Command(BaseCommand):
    help = (
        "Many clients against the app under gunicorn with docker-compose's environment, on the PostgreSQL of "
        "DATABASE_URL, then the same while PostgreSQL restarts (benchmarks/soak.py). Loopback only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=50, help=f"Concurrent clients (default 50, at most {soak.MAX_CLIENTS}).")
        parser.add_argument("--seconds", type=float, default=60, help=f"Seconds per phase (default 60, at most {soak.MAX_SECONDS}).")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn workers unless WEB_CONCURRENCY is set (default 3, compose's).")
        parser.add_argument("--votes", type=int, default=2000, help="Recorded votes of the synthetic corpus generated if none is loaded.")
        parser.add_argument("--no-restart", action="store_true", help="Only the steady phase: do not restart PostgreSQL.")
        parser.add_argument(
            "--cut-off", type=float, default=0, metavar="SECONDS",
            help="Also a phase where only this database is cut off for SECONDS (its connections ended, new ones "
            "refused): an outage that leaves the server's other databases alone.",
        )
        parser.add_argument("--restart-command", default=soak.RESTART_COMMAND, help=f"How to restart PostgreSQL (default: {soak.RESTART_COMMAND}).")

    def handle(self, *args, **options):
        soak.soak(
            clients=options["clients"], seconds=options["seconds"], restart=not options["no_restart"],
            restart_command=options["restart_command"], workers=options["workers"], votes=options["votes"],
            cut_off_seconds=options["cut_off"],
            log=self.stdout.write,
        )
