"""Two checkouts' page times on the same database, in alternating runs: `make bench` figures from different hours
are not comparable on a shared machine whose speed moves by half (benchmarks/findings.md, 2026-12-03), a before /
after pair measured minutes apart in turns is.

    git worktree add /tmp/before <commit>
    DATABASE_URL=postgresql://…/tally_bench_real .venv/bin/python benchmarks/ab.py /tmp/before . /votes/ /groups/EU/

Each round runs every checkout once, in a process of its own (its tree first on sys.path), with the same Django
test Client, DEBUG off and warm-up requests as `make bench`; the table gives each page's minimum and median over
all rounds. The database must hold a schema both checkouts can read (their migrations alike, or only options
apart).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def time_pages(urls: list[str], repeat: int) -> dict[str, list[float]]:
    """In this process, with this checkout's Django project: each page's times in ms."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark")
    import logging

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    logging.disable(logging.CRITICAL)  # 404s and 400s are answers too
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    times: dict[str, list[float]] = {url: [] for url in urls}
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], STORAGES=storages):
        client = Client()
        for url in urls:
            for _ in range(2):
                client.get(url)
        for _ in range(repeat):
            for url in urls:
                start = time.perf_counter()
                client.get(url)
                times[url].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the first checkout (a worktree of the older commit)")
    parser.add_argument("after", type=Path, help="the second checkout")
    parser.add_argument("urls", nargs="+", help="pages, as paths with their query strings")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=25, help="requests per page per run")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)  # one run, in the checkout `before`
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(args.before))
        os.chdir(args.before)
        print(json.dumps(time_pages(args.urls, args.repeat)))
        return
    checkouts = [args.before.resolve(), args.after.resolve()]
    times = {checkout: {url: [] for url in args.urls} for checkout in checkouts}
    for round_number in range(args.rounds):
        for checkout in checkouts:
            print(f"round {round_number + 1}: {checkout}", file=sys.stderr)
            worker = [sys.executable, __file__, str(checkout), str(checkout), *args.urls, "--worker", "--repeat", str(args.repeat)]
            result = subprocess.run(worker, capture_output=True, text=True, check=True)
            for url, samples in json.loads(result.stdout.strip().splitlines()[-1]).items():
                times[checkout][url] += samples
    print("| page | " + " | ".join(f"{checkout.name}: min / median ms" for checkout in checkouts) + " |")
    print("|---|" + "---:|" * len(checkouts))
    for url in args.urls:
        cells = [f"{min(times[c][url]):.1f} / {statistics.median(times[c][url]):.1f}" for c in checkouts]
        print(f"| {url} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
