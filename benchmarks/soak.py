"""`manage.py soak` (`make soak`): many clients at once against the app under gunicorn with docker-compose's
production environment, on the PostgreSQL database of DATABASE_URL; then the same while PostgreSQL restarts.

A benchmark, not a test: it reports, it never asserts. Both phases print requests, answers by status, errors
(a 5xx other than the outage's 503, a refused or cut connection, a truncated body), p50/p95/p99 latency (client
side, over loopback), the database connections the app held (pg_stat_activity, sampled every 0.5 s) and the
tracebacks gunicorn and Django logged. In the restart phase it also reports how long answers were not 200 and
how soon after the restart pages were served again.

Only loopback: gunicorn binds 127.0.0.1 and the clients call it there. Bounded: `--clients` threads (≤ 200) for
`--seconds` (≤ 600) per phase, a 30 s timeout per request, and gunicorn is stopped at the end whatever happens.
The clients send X-Forwarded-Proto: https, as compose's TLS proxy would (SECURE_PROXY_SSL_HEADER).
"""

from __future__ import annotations

import http.client
import os
import random
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from benchmarks import run as bench
from benchmarks.compose import web_environment

ROOT = Path(__file__).resolve().parent.parent
MAX_CLIENTS = 200
MAX_SECONDS = 600
REQUEST_TIMEOUT = 30
RESTART_COMMAND = "pg_ctlcluster --skip-systemctl-redirect 15 main restart"
LOG = ROOT / "bench-results" / "soak-gunicorn.log"


@dataclass
class Answer:
    started: float  # seconds since the phase began
    seconds: float
    status: int | None  # None: no HTTP answer (refused, reset, timed out, cut short)
    error: str = ""


@dataclass
class Phase:
    name: str
    clients: int
    seconds: float
    answers: list[Answer] = field(default_factory=list)
    connections: list[int] = field(default_factory=list)  # the app's database connections, sampled
    tracebacks: int = 0
    restart: tuple[float, float] | None = None  # the restart command's start and end, seconds into the phase

    @property
    def errors(self) -> list[Answer]:
        return [a for a in self.answers if a.status is None or (a.status >= 500 and a.status != 503)]

    def statuses(self) -> Counter:
        return Counter("no answer" if a.status is None else str(a.status) for a in self.answers)

    def lines(self) -> list[str]:
        times = [a.seconds for a in self.answers if a.status is not None]
        p = {share: bench.percentile(times, share) * 1000 if times else float("nan") for share in (0.5, 0.95, 0.99)}
        lines = [
            f"{self.name}: {self.clients} clients × {self.seconds:.0f} s",
            f"  requests: {len(self.answers):,} ({len(self.answers) / self.seconds:,.0f}/s)",
            "  answers: " + ", ".join(f"{status}: {n:,}" for status, n in sorted(self.statuses().items())),
            f"  errors: {len(self.errors):,}" + (f" (first: {self.errors[0].error or self.errors[0].status})" if self.errors else ""),
            f"  latency ms: p50 {p[0.5]:,.1f}, p95 {p[0.95]:,.1f}, p99 {p[0.99]:,.1f}",
            f"  database connections held by the app: max {max(self.connections, default=0)}, "
            f"median {sorted(self.connections)[len(self.connections) // 2] if self.connections else 0}",
            f"  tracebacks logged: {self.tracebacks}",
        ]
        if self.restart:
            begun, ended = self.restart
            lines.append(f"  outage (the restart or cut-off command): {ended - begun:.1f} s, {begun:.1f}–{ended:.1f} s into the phase")
            not_ok = [a for a in self.answers if a.status != 200]
            if not_ok:
                last = max(a.started for a in not_ok)
                lines.append(
                    f"  answers other than 200: {len(not_ok):,}, to requests sent {min(a.started for a in not_ok):.1f}–{last:.1f} s "
                    f"into the phase; every request sent after that was served ({last - begun:.1f} s after the outage began)"
                )
            else:
                lines.append("  answers other than 200: none (requests waited out the outage)")
        return lines


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, url: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", url, headers={"X-Forwarded-Proto": "https", "Host": "localhost"})
        response = connection.getresponse()
        body = response.read()  # http.client raises IncompleteRead on a body shorter than its length
        return response.status, body
    finally:
        connection.close()


def database_connections(dbname: str) -> int:
    """Connections to the database other than this process's own (its thread samples them)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [dbname]
        )
        return cursor.fetchone()[0]


class Server:
    """gunicorn on a loopback port, with compose's environment (DATABASE_URL: the soak's database)."""

    def __init__(self, database_url: str, workers: int, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        environment = web_environment({"SECRET_KEY": secrets.token_urlsafe(50), "WEB_CONCURRENCY": str(workers)})
        environment.update(DATABASE_URL=database_url, ALLOWED_HOSTS="localhost,127.0.0.1", LOG_LEVEL="WARNING")
        self.workers = int(environment.get("WEB_CONCURRENCY", workers))
        self.environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"), **environment}

    def __enter__(self) -> "Server":
        # compose's image runs collectstatic at build time; the manifest storage needs it.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=self.environment, check=True
        )
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")), "config.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--timeout", "60",
            ],
            cwd=ROOT, env=self.environment, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(self.port, "/static/css/tally.css")
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start: {self.log_path.read_text()[-2000:]}")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def run_phase(
    name: str, server: Server, urls: list[str], clients: int, seconds: float, dbname: str,
    during: Callable[[float], tuple[float, float]] | None = None, log=print,
) -> Phase:
    phase = Phase(name, clients, seconds)
    log_start = server.log_path.stat().st_size
    stop = threading.Event()
    began = time.monotonic()
    lock = threading.Lock()

    def client(number: int) -> None:
        draw = random.Random(number)
        while not stop.is_set():
            url = draw.choice(urls)
            started = time.monotonic()
            try:
                status, _ = fetch(server.port, url)
                answer = Answer(started - began, time.monotonic() - started, status)
            except (OSError, http.client.HTTPException) as error:
                answer = Answer(started - began, time.monotonic() - started, None, f"{type(error).__name__}: {error}")
            with lock:
                phase.answers.append(answer)

    def sample_connections() -> None:
        from django.db import connection

        while not stop.is_set():
            try:
                phase.connections.append(database_connections(dbname))
            except Exception:  # the database is restarting: no sample, reconnect next time
                connection.close()
            stop.wait(0.5)
        connection.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    threads.append(threading.Thread(target=sample_connections, daemon=True))
    for thread in threads:
        thread.start()
    if during is not None:
        phase.restart = during(began)
    stop.wait(max(0.0, seconds - (time.monotonic() - began)))
    stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
    with server.log_path.open() as handle:
        handle.seek(log_start)
        logged = handle.read()
    phase.tracebacks = logged.count("Traceback")
    for line in phase.lines():
        log(line)
    return phase


def cut_off(database_url: str, dbname: str, seconds: float) -> None:
    """An outage of this database only (other databases of the server, other people's, are not touched): its
    connections are ended and new ones refused for `seconds`."""
    import psycopg

    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
        try:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [dbname])
            time.sleep(seconds)
        finally:
            admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS true')


def soak(
    *, clients: int = 50, seconds: float = 60, restart: bool = True, restart_command: str = RESTART_COMMAND,
    workers: int = 3, votes: int = 2000, cut_off_seconds: float = 0, log_path: Path | None = None, log=print,
) -> list[Phase]:
    from django.db import connection

    clients, seconds = min(clients, MAX_CLIENTS), min(seconds, MAX_SECONDS)
    if connection.vendor != "postgresql":
        raise SystemExit("the soak runs against PostgreSQL: set DATABASE_URL=postgresql://…")
    settings_dict = connection.settings_dict
    database_url = "postgresql://{user}{password}@{host}:{port}/{name}".format(
        user=settings_dict["USER"] or "postgres", password=f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "",
        host=settings_dict["HOST"] or "127.0.0.1", port=settings_dict["PORT"] or 5432, name=settings_dict["NAME"],
    )
    bench.prepare(votes, seed=1, regenerate=False, log=log)
    samples = bench.pick_samples()
    urls = [url for url in (page.url(samples) for page in bench.PAGES) if url]
    counts = bench.corpus_counts()
    log(f"record: {counts['votes']:,} votes, {counts['positions']:,} positions; {len(urls)} pages in the mix")
    connection.close()
    phases = []
    log_path = log_path or LOG
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with Server(database_url, workers, log_path) as server:
        log(f"gunicorn: {server.workers} workers on 127.0.0.1:{server.port}, CONN_MAX_AGE "
            f"{server.environment.get('CONN_MAX_AGE')}, load {bench.load_average()}")
        phases.append(run_phase("steady", server, urls, clients, seconds, settings_dict["NAME"], log=log))
        if restart:

            def restart_midway(began: float) -> tuple[float, float]:
                time.sleep(seconds / 3)
                start = time.monotonic() - began
                log(f"  restarting PostgreSQL: {restart_command}")
                subprocess.run(shlex.split(restart_command), check=False, timeout=120)
                return start, time.monotonic() - began

            phases.append(
                run_phase("PostgreSQL restarted mid-run", server, urls, clients, seconds, settings_dict["NAME"], restart_midway, log)
            )
        if cut_off_seconds:

            def cut_off_midway(began: float) -> tuple[float, float]:
                time.sleep(seconds / 3)
                start = time.monotonic() - began
                log(f"  cutting the database off for {cut_off_seconds:.0f} s (its connections ended, new ones refused)")
                cut_off(database_url, settings_dict["NAME"], cut_off_seconds)
                return start, time.monotonic() - began

            phases.append(
                run_phase("database cut off mid-run", server, urls, clients, seconds, settings_dict["NAME"], cut_off_midway, log)
            )
    log(f"load after: {bench.load_average()}; gunicorn's log: {log_path}")
    return phases
