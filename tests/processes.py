"""Real processes on one database, as a second shell, a second web worker or a killed ingest make them.

Tests start `python -m tests.processes …` children with DATABASE_URL naming a database they all share (the
test database on PostgreSQL; an SQLite file on SQLite, whose test database lives in memory), and read the
outcome through `record_state`, also in a child, so that both backends are checked the same way.

    python -m tests.processes run START_FILE COMMAND ARGS…   # connect, print "connected", wait for START_FILE
                                                             # (all children start together), run the command,
                                                             # print "done in S s"
    python -m tests.processes state                          # the record's sizes and its figures, as JSON
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "tests-only-secret-key"),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "PYTHONPATH": str(ROOT),
    }


def start(database_url: str, start_file: Path, *command: str) -> subprocess.Popen:
    """A child that runs a management command once `start_file` exists (see the module docstring)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.processes", "run", str(start_file), *command],
        cwd=ROOT,
        env=environment(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_connected(child: subprocess.Popen, timeout: float = 60) -> None:
    line = child.stdout.readline()
    if line.strip() != "connected":
        child.kill()
        raise AssertionError(f"the child did not connect: {line!r} {child.stderr.read()}")


def manage(database_url: str, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=environment(database_url), capture_output=True, text=True, timeout=300
    )


def record_state(database_url: str) -> dict:
    """Sizes of the record's tables, and whether every stored figure equals a recount from the record."""
    completed = subprocess.run(
        [sys.executable, "-m", "tests.processes", "state"],
        cwd=ROOT, env=environment(database_url), capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def sqlite_template(directory: Path) -> Path:
    """An SQLite file migrated and holding the country reference, made by the same commands as `make run`."""
    path = directory / "template.sqlite3"
    url = f"sqlite:///{path}"
    for command in (("migrate", "--noinput", "-v0"), ("load_countries",)):
        completed = manage(url, *command)
        assert completed.returncode == 0, completed.stderr
    return path


def copy_sqlite(template: Path, directory: Path) -> str:
    path = directory / "record.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


def postgresql_url(settings_dict: dict) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def _state() -> dict:
    from django.db import transaction

    from votes import figures
    from votes.models import Document, Draft, Paragraph, Position, Sponsorship, Vote

    def stored() -> dict:
        return {
            figure.name: sorted(figure.model.objects.order_by().values_list(*figure.key, *figure.fields))
            for figure in figures.FIGURES
        }

    sizes = {model.__name__: model.objects.count() for model in (Document, Draft, Sponsorship, Paragraph, Vote, Position)}
    with transaction.atomic():
        before = stored()
        figures.recount()
        recounted = stored()
        transaction.set_rollback(True)  # look, do not repair
    return {
        "sizes": sizes,
        "figure_rows": {name: len(rows) for name, rows in before.items()},
        "figures_differing": sorted(name for name in before if before[name] != recounted[name]),
    }


def main(argv: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    if argv[0] == "state":
        print(json.dumps(_state()))
        return 0
    if argv[0] == "run":
        from django.core.management import call_command
        from django.db import connection

        start_file, command = Path(argv[1]), argv[2:]
        connection.ensure_connection()
        print("connected", flush=True)
        while not start_file.exists():
            time.sleep(0.002)
        started = time.perf_counter()
        call_command(*command)
        print(f"done in {time.perf_counter() - started:.3f} s", flush=True)
        return 0
    raise SystemExit(f"unknown: {argv[0]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
