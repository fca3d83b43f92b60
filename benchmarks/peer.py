"""`manage.py bench --datasette`: the same record served by Datasette, a peer that publishes SQLite tables, timed
beside Tally on equivalent filtered pages in one run.

The record's tables (countries, drafts, votes, positions) are copied from the bench database into an SQLite
file with the indexes the filters need (`bench-results/tally-copy.sqlite3`); Datasette serves it (one process,
uvicorn), Tally serves the bench database under gunicorn (one worker, docker-compose's environment). Both are
requested over loopback HTTP in rounds (one request per page per round, so a slow spell of the machine falls on
both alike): client-side times, network stack included, unlike the bench's server-side rows. Pages, 50 rows each:

- a country's no votes: Tally `/votes/?country=X&position=no`; Datasette the positions table filtered on country
  and position;
- one vote's positions: Tally's vote page; Datasette the positions table filtered on the vote;
- rejected paragraph votes: Tally `/votes/?subject=paragraph&outcome=rejected`; Datasette the votes table filtered
  alike.

Datasette shows table rows (ids, codes) with their count; Tally shows labelled, linked rows, titles and tallies.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from benchmarks import run as bench
from benchmarks import soak

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "bench-results" / "tally-copy.sqlite3"
DATABASE = COPY.stem  # the copy's name in Datasette's URLs
TABLES = ("votes_country", "votes_draft", "votes_vote", "votes_position")
# The indexes of the Tally tables that these filters use, made on the copy too.
INDEXES = (
    "CREATE INDEX position_country_position ON votes_position (country_id, position, vote_id)",
    "CREATE INDEX position_vote ON votes_position (vote_id)",
    "CREATE INDEX vote_subject_outcome ON votes_vote (subject, outcome)",
)
INTEGER_TYPES = {16, 20, 21, 23}  # PostgreSQL type OIDs: bool, int8, int2, int4
REAL_TYPES = {700, 701, 1700}


@dataclass
class Side:
    name: str
    tally_url: str
    datasette_url: str
    tally: list[float] = field(default_factory=list)
    datasette: list[float] = field(default_factory=list)
    statuses: set = field(default_factory=set)


def copy_to_sqlite(path: Path = COPY, log=print) -> dict[str, int]:
    """The record's tables as they are in the bench database, into a new SQLite file; returns rows per table."""
    from django.db import connection

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    counts = {}
    target = sqlite3.connect(path)
    try:
        for table in TABLES:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT * FROM {table} LIMIT 0")
                columns = [(column.name, column.type_code) for column in cursor.description]
            types = ["INTEGER" if code in INTEGER_TYPES else "REAL" if code in REAL_TYPES else "TEXT" for _, code in columns]
            names = [name for name, _ in columns]
            primary = "id" if "id" in names else names[0]
            target.execute(
                f"CREATE TABLE {table} ("
                + ", ".join(f'"{name}" {kind}{" PRIMARY KEY" if name == primary else ""}' for name, kind in zip(names, types))
                + ")"
            )
            insert = f"INSERT INTO {table} VALUES ({', '.join('?' * len(names))})"
            with connection.chunked_cursor() as cursor:
                cursor.execute(f"SELECT * FROM {table}")
                while rows := cursor.fetchmany(20_000):
                    target.executemany(insert, [[str(v) if hasattr(v, "isoformat") else v for v in row] for row in rows])
            counts[table] = target.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            log(f"copied {table}: {counts[table]:,} rows")
        for statement in INDEXES:
            target.execute(statement)
        target.execute("ANALYZE")
        target.commit()
    finally:
        target.close()
    return counts


class Datasette:
    def __init__(self, path: Path, log_path: Path):
        self.path, self.log_path, self.port = path, log_path, soak.free_port()

    def __enter__(self) -> "Datasette":
        self.log = self.log_path.open("w")
        executable = str(Path(sys.executable).with_name("datasette"))
        self.process = subprocess.Popen(
            [executable, "serve", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                soak.fetch(self.port, "/-/versions.json")
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"datasette did not start: {self.log_path.read_text()[-2000:]}")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def table_url(table: str, **filters) -> str:
    return f"/{DATABASE}/{table}?" + urlencode({**filters, "_size": 50})


def sides(samples: bench.Samples) -> list[Side]:
    return [
        Side(
            "a country's no votes",
            bench.page("vote-list", country=samples.country, position="no"),
            table_url("votes_position", country_id=samples.country, position="no"),
        ),
        Side(
            "one vote's positions",
            bench.page("vote-detail", samples.vote_id),
            table_url("votes_position", vote_id=samples.vote_id),
        ),
        Side(
            "rejected paragraph votes",
            bench.page("vote-list", subject="paragraph", outcome="rejected"),
            table_url("votes_vote", subject="paragraph", outcome="rejected"),
        ),
    ]


def timed(port: int, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    status, _ = soak.fetch(port, url)
    return time.perf_counter() - started, status


def compare(repeat: int = 30, log=print) -> tuple[list[Side], dict[str, int]]:
    """Copy, serve both, time both; the bench database must be loaded (bench.prepare)."""
    from django.db import connection

    counts = copy_to_sqlite(log=log)
    samples = bench.pick_samples()
    pages = sides(samples)
    settings_dict = connection.settings_dict
    database_url = "postgresql://{user}{password}@{host}:{port}/{name}".format(
        user=settings_dict["USER"] or "postgres", password=f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "",
        host=settings_dict["HOST"] or "127.0.0.1", port=settings_dict["PORT"] or 5432, name=settings_dict["NAME"],
    )
    connection.close()
    logs = COPY.parent
    with soak.Server(database_url, 1, logs / "peer-gunicorn.log") as tally, Datasette(COPY, logs / "peer-datasette.log") as peer:
        log(f"Tally (gunicorn, 1 worker) on 127.0.0.1:{tally.port}, Datasette on 127.0.0.1:{peer.port}")
        for round_number in range(repeat + 2):  # 2 warm-up rounds
            for side in pages:
                tally_time, tally_status = timed(tally.port, side.tally_url)
                peer_time, peer_status = timed(peer.port, side.datasette_url)
                side.statuses.add((tally_status, peer_status))
                if round_number >= 2:
                    side.tally.append(tally_time)
                    side.datasette.append(peer_time)
    return pages, counts


def markdown(pages: list[Side], counts: dict[str, int], repeat: int) -> list[str]:
    out = [
        "## Beside a peer: Datasette",
        "",
        f"The same record ({counts.get('votes_vote', 0):,} votes, {counts.get('votes_position', 0):,} positions, copied to"
        f" SQLite for Datasette) on equivalent filtered pages of 50 rows; client-side times over loopback HTTP, {repeat}"
        " rounds after 2 warm-up rounds (`benchmarks/peer.py`). Tally: PostgreSQL, gunicorn with 1 worker;"
        " Datasette: SQLite, its own server. Statuses are Tally's / Datasette's.",
        "",
        "| page | Tally median ms | Tally p95 ms | Datasette median ms | Datasette p95 ms | statuses |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for side in pages:
        def ms(values, share):
            return f"{bench.percentile(values, share) * 1000:,.1f}" if values else ""

        statuses = ", ".join(f"{a}/{b}" for a, b in sorted(side.statuses))
        out.append(
            f"| {side.name} | {ms(side.tally, 0.5)} | {ms(side.tally, 0.95)} | {ms(side.datasette, 0.5)} | {ms(side.datasette, 0.95)} | {statuses} |"
        )
    out.append("")
    out.append("URLs: " + "; ".join(f"{side.name}: `{side.tally_url}` / `{side.datasette_url}`" for side in pages))
    out.append("")
    return out


def write_section(lines: list[str], path: Path = bench.LATEST) -> Path:
    """Put the side-by-side in the latest bench report, in place of an earlier one (`--datasette-only`)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = text.split(lines[0])[0].rstrip("\n")
    path.write_text((kept + "\n\n" if kept else "") + "\n".join(lines), encoding="utf-8")
    return path
