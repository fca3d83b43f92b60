"""`manage.py bench` (`make bench`): how fast the key pages are on the full-history record.

A benchmark, not a test: it times, it never asserts. On the database of DATABASE_URL (PostgreSQL; anything else
is timed too but flagged), it migrates, loads the countries and generates the synthetic corpus if they are missing
(`benchmarks.synthetic`), then requests each key page repeatedly through Django's test Client — server-side time:
URL resolution, middleware, queries, template rendering and, for exports, the whole streamed body; no network —
and reports the median and 95th percentile, the number of queries and the number of rows shown. It also times
parsing and ingesting the seed report (the ingest inside a transaction that is rolled back: the database is left
as it was found; the stored figures it updates are reported on a row of their own). Results go to stdout and to `benchmarks/latest.md`.

Pages that do not exist yet (their URL does not resolve) are reported as "missing"; a page that fails is
reported with its status code, and the bench goes on.
"""

from __future__ import annotations

import datetime
import math
import os
import platform
import re
import statistics
import subprocess
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import Resolver404, resolve, reverse

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "tests" / "fixtures" / "reports" / "first-committee-79-item106.txt"
LATEST = ROOT / "benchmarks" / "latest.md"
LATEST_REAL = ROOT / "benchmarks" / "latest-real.md"
VOETEN = ROOT / "corpus" / "voeten"
CORPUS_REPORTS = ROOT / "corpus" / "reports"
DEFAULT_VOTES = 28300  # about 5.0 million positions with the synthetic record's shape

# Targets (reported, never asserted).
PAGE_P95_MS = 50.0
EXPORT_ROWS_PER_S = 50_000
PARSE_MS = 20.0
INGEST_MS = 100.0
IMPORT_S = {"sqlite": 60.0, "postgresql": 30.0}  # the whole Voeten dataset


@dataclass
class Samples:
    """Real objects of the loaded record that the page URLs point at."""

    vote_id: int | None
    draft_symbol: str | None
    vote_address: str | None = None
    country: str = "USA"
    other: str = "CHN"
    text: str = "nuclear"
    paragraph: str = "OP2"
    last_page: int = 1


@dataclass
class Page:
    name: str
    url: Callable[[Samples], str | None]
    export: bool = False
    repeat: int | None = None  # None: the run's default
    htmx: bool = False  # requested as htmx does (HX-Request): a fragment
    # Every request without the kept markup (the "fragments" cache): a page's first view in a process, or after
    # what it shows changed; the other rows time the page as its later views find it.
    rendered_anew: bool = False


def page(name: str, *args, **query) -> str:
    """A page's address by its URL name, with a query string."""
    path = reverse(name, args=args)
    return f"{path}?{urlencode(query)}" if query else path


PAGES = [
    Page("home (counts of the record)", lambda s: page("home")),
    Page("vote list", lambda s: page("vote-list")),
    Page("vote list: country + position", lambda s: page("vote-list", country=s.country, position="no")),
    Page("vote list: paragraph + outcome", lambda s: page("vote-list", paragraph=s.paragraph, outcome="retained")),
    Page("vote list: text q=", lambda s: page("vote-list", q=s.text)),
    Page("  its count, loaded after the page", lambda s: page("vote-count", q=s.text), htmx=True),
    Page("vote list: last page", lambda s: page("vote-list", page=s.last_page)),
    Page("vote detail", lambda s: page("vote-page", s.vote_address) if s.vote_address else None),
    Page("  rendered anew (no kept fragments)", lambda s: page("vote-page", s.vote_address) if s.vote_address else None, rendered_anew=True),
    Page("draft page", lambda s: page("draft-detail", s.draft_symbol) if s.draft_symbol else None),
    Page("country page", lambda s: page("country-detail", s.country)),
    Page("  rendered anew (no kept fragments)", lambda s: page("country-detail", s.country), rendered_anew=True),
    Page("compare two countries", lambda s: page("country-compare", a=s.other, b=s.country)),
    Page("search", lambda s: page("search", q=s.text)),
    Page("  its drafts' count, loaded after the page", lambda s: page("search-count", q=s.text, kind="drafts"), htmx=True),
    Page("  its votes' count, loaded after the page", lambda s: page("search-count", q=s.text, kind="votes"), htmx=True),
    Page("group page (EU)", lambda s: page("group-detail", "EU")),
    Page("group page (African Group, First Committee)", lambda s: page("group-detail", "AFR", body="C.1")),
    Page("groups list", lambda s: page("group-list")),
    Page("country analysis (sessions 60-79)", lambda s: page("country-analysis", s.country, start=60, end=79)),
    Page("country analysis (whole record)", lambda s: page("country-analysis", s.country)),
    Page("session ideal points", lambda s: page("session-ideal-points", 70)),
    Page(
        "CSV: compare 4 countries, all votes",
        lambda s: page("country-compare", a=s.other, b=s.country, c="FRA", d="GBR", show="all", format="csv"),
        export=True, repeat=5,
    ),
    Page("CSV: all votes", lambda s: page("vote-list", format="csv"), export=True, repeat=5),
    Page("CSV: a country's votes", lambda s: page("vote-list", country=s.country, format="csv"), export=True, repeat=5),
]


@dataclass
class Result:
    name: str
    url: str | None
    status: str = "ok"  # ok, missing, error <code>
    times: list[float] = field(default_factory=list)  # seconds
    db_times: list[float] = field(default_factory=list)  # seconds spent executing queries, per request
    queries: int | None = None
    rows: int | None = None
    export: bool = False

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.times) * 1000 if self.times else None

    @property
    def p95_ms(self) -> float | None:
        return percentile(self.times, 0.95) * 1000 if self.times else None

    @property
    def db_ms(self) -> float | None:
        return statistics.median(self.db_times) * 1000 if self.db_times else None

    @property
    def rows_per_s(self) -> float | None:
        return self.rows / (self.median_ms / 1000) if self.rows and self.median_ms else None

    def verdict(self) -> str:
        if self.status != "ok":
            return ""
        if self.export:
            return "met" if (self.rows_per_s or 0) >= EXPORT_ROWS_PER_S else "MISSED"
        return "met" if self.p95_ms <= PAGE_P95_MS else "MISSED"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 30 requests is the 29th fastest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))]


class QueryTimer:
    """connection.execute_wrapper that adds up the time spent executing queries (fetching a server-side cursor's
    rows is not in it)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


TBODY = re.compile(rb"<tbody[^>]*>(.*?)</tbody>", re.S)


def count_rows(content: bytes, export: bool) -> int:
    """Data rows of a response: CSV lines after the header; for HTML, table rows inside <tbody> or data items
    (`<li data-…>`, e.g. the countries under each position of a vote), whichever there are more of."""
    if export:
        return max(0, content.count(b"\n") - 1)
    table_rows = sum(body.count(b"<tr") for body in TBODY.findall(content))
    return max(table_rows, content.count(b"<li data-"))


def _get(client: Client, url: str, htmx: bool = False):
    response = client.get(url, headers={"HX-Request": "true"} if htmx else None)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response, body


def prepare_page(client: Client, page: Page, samples: Samples, warmup: int = 2) -> Result:
    """The page's Result before timing: its URL checked and warmed up, its queries and rows counted (or why it
    cannot be timed, in `status`)."""
    url = page.url(samples)
    result = Result(page.name, url, export=page.export)
    if url is None:
        result.status = "missing (no data)"
        return result
    try:
        resolve(url.split("?")[0])
    except Resolver404:
        result.status = "missing"
        return result
    for _ in range(warmup):
        response, body = _get(client, url, page.htmx)
        if response.status_code != 200:
            result.status = "missing" if response.status_code == 404 else f"error {response.status_code}"
            exc_info = getattr(response, "exc_info", None)
            if exc_info:
                result.status += f" ({exc_info[0].__name__}: {str(exc_info[1]).splitlines()[0][:100] if str(exc_info[1]) else ''})"
            return result
    with CaptureQueriesContext(connection) as queries:
        response, body = _get(client, url, page.htmx)
    result.queries = len(queries)
    result.rows = count_rows(body, page.export)
    return result


def time_request(client: Client, page: Page, result: Result) -> None:
    """One timed request of a prepared page, added to its Result."""
    timer = QueryTimer()
    # Nothing kept for this request only (a cache that keeps nothing): emptying the cache would make the other
    # pages of the round render anew too.
    keeping = override_settings(CACHES={**settings.CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}) if page.rendered_anew else nullcontext()
    with keeping, connection.execute_wrapper(timer):
        started = time.perf_counter()
        _get(client, result.url, page.htmx)
        result.times.append(time.perf_counter() - started)
    result.db_times.append(timer.seconds)


def time_page(client: Client, page: Page, samples: Samples, repeat: int, warmup: int = 2) -> Result:
    result = prepare_page(client, page, samples, warmup)
    if result.status == "ok":
        for _ in range(page.repeat or repeat):
            time_request(client, page, result)
    return result


def time_pages(client: Client, pages: list[Page], samples: Samples, repeat: int, log=print) -> list[Result]:
    """Every page timed in rounds — one request of each page per round — so that a slow spell of a shared
    machine falls on all pages alike rather than on whichever page was being timed then."""
    prepared = []
    for page in pages:
        log(f"preparing {page.name}")
        prepared.append((page, prepare_page(client, page, samples)))
    rounds = max((page.repeat or repeat for page, _ in prepared), default=0)
    log(f"timing {len(prepared)} pages in {rounds} rounds")
    for round_ in range(rounds):
        for page, result in prepared:
            if result.status == "ok" and round_ < (page.repeat or repeat):
                time_request(client, page, result)
    return [result for _, result in prepared]


@dataclass
class StepResult:
    name: str
    status: str = "ok"
    times: list[float] = field(default_factory=list)
    target_ms: float | None = None
    note: str = ""

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.times) * 1000 if self.times else None

    def verdict(self) -> str:
        if self.status != "ok" or self.target_ms is None:
            return ""
        return "met" if self.median_ms <= self.target_ms else "MISSED"


def time_parse(repeat: int) -> StepResult:
    result = StepResult("parse the seed report", target_ms=PARSE_MS)
    try:
        from parsing import parse_report
    except ImportError:
        result.status = "missing"
        return result
    if not SEED_REPORT.exists():
        result.status = "missing (no seed report)"
        return result
    source = SEED_REPORT.read_bytes()
    parse_report(source)  # warm: the country directory and phrase tables load once per process
    for _ in range(repeat):
        started = time.perf_counter()
        parse_report(source)
        result.times.append(time.perf_counter() - started)
    return result


class _Rollback(Exception):
    pass


def time_ingest(repeat: int) -> list[StepResult]:
    """Ingest the seed report into a transaction that is rolled back each time. The ingest updates every stored
    figure inside its own transaction (`votes.figures`); it is timed whole, then reported as two rows: the ingest
    without the figures (parse included), and the figures (`IngestResult.figure_seconds`)."""
    result = StepResult("ingest the seed report (parse included, stored figures apart)", target_ms=INGEST_MS)
    stored = StepResult("  then its stored figures (counts, tallies, agreement, search rows)", target_ms=None)
    try:
        from votes.ingest import ingest_report_file
    except ImportError:
        result.status = "missing"
        return [result]
    if not SEED_REPORT.exists():
        result.status = "missing (no seed report)"
        return [result]
    outcome = ""
    for i in range(repeat + 1):
        try:
            with transaction.atomic():
                started = time.perf_counter()
                ingested = ingest_report_file(SEED_REPORT)
                elapsed = time.perf_counter() - started
                outcome = getattr(ingested, "status", "")
                raise _Rollback
        except _Rollback:
            if i:  # the first run warms caches
                figure_seconds = sum(ingested.figure_seconds.values())
                result.times.append(elapsed - figure_seconds)
                stored.times.append(figure_seconds)
        except Exception as error:  # a failing ingest is reported, not raised
            result.status = f"error: {type(error).__name__}: {str(error).splitlines()[0][:120]}"
            return [result]
    if outcome and outcome != "created":
        result.note = f"the report was already loaded: ingest found it {outcome}"
    return [result, stored]


# --- the environment ------------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    info = {"cores (nproc)": str(os.cpu_count())}
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
        info["memory"] = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        info["memory"] = "unknown"
    info["python"] = platform.python_version()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            info["database"] = f"PostgreSQL {cursor.fetchone()[0]}"
            cursor.execute("SHOW shared_buffers")
            info["database"] += f" (shared_buffers {cursor.fetchone()[0]})"
        else:
            info["database"] = f"{connection.vendor} (NOT PostgreSQL: figures are not comparable with the targets)"
    info["date"] = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, timeout=5)
        if head.returncode == 0:
            info["commit"] = head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def cpu_check_ms(rounds: int = 5) -> float:
    """The best of `rounds` timings of a fixed pure-Python loop (a million squares summed), in ms: how fast this
    machine ran Python just then. A shared virtual machine's speed varies by half from hour to hour; a run whose
    figure is higher than usual ran on a slower machine, and its page times are higher in proportion."""
    best = math.inf
    for _ in range(rounds):
        start = time.perf_counter()
        sum(number * number for number in range(1_000_000))
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 1)


def pick_samples() -> Samples:
    """The newest recorded vote on the whole draft with paragraph votes (so the draft page shows them all)."""
    from votes.links import vote_address
    from votes.models import Vote

    last_page = max(1, -(-Vote.objects.count() // 50))
    fields = ("id", "draft__symbol", "draft__body_id", "body_id", "subject_label")
    vote = (
        Vote.objects.filter(method="recorded", subject="whole", draft__votes__subject="paragraph")
        .order_by("-date", "-id")
        .values(*fields)
        .first()
    )
    if vote is None:
        vote = Vote.objects.filter(method="recorded").order_by("-date", "-id").values(*fields).first()
    if vote is None:
        return Samples(None, None, last_page=last_page)
    address = vote_address(vote["draft__symbol"], vote["draft__body_id"], vote["body_id"], vote["subject_label"])
    return Samples(vote["id"], vote["draft__symbol"], address, last_page=last_page)


def corpus_counts() -> dict[str, int]:
    from votes.models import Draft, Paragraph, Position, Sponsorship, Vote

    return {
        "votes": Vote.objects.count(),
        "recorded votes": Vote.objects.filter(method="recorded").count(),
        "paragraph votes": Vote.objects.filter(subject="paragraph").count(),
        "drafts": Draft.objects.count(),
        "paragraphs": Paragraph.objects.count(),
        "sponsorships": Sponsorship.objects.count(),
        "positions": Position.objects.count(),
    }


# --- the run --------------------------------------------------------------------------------------------------


@dataclass
class BenchRun:
    machine: dict[str, str]
    counts: dict[str, int]
    pages: list[Result]
    steps: list[StepResult]
    generation: list[str]
    load_before: str
    load_after: str
    cpu_before: float
    cpu_after: float
    repeat: int
    debug: bool


def prepare(votes: int, seed: int, regenerate: bool, log: Callable[[str], None]) -> list[str]:
    """Migrate, load the countries and generate the corpus if missing; returns the generator's report lines."""
    from django.core.management import call_command

    from votes.countries import load_countries
    from votes.models import Membership
    from benchmarks.synthetic import generate_corpus, has_synthetic_data

    call_command("migrate", verbosity=0, interactive=False)
    if not Membership.objects.exists():
        log("loading the countries")
        load_countries()
    if has_synthetic_data() and not regenerate:
        return []
    log(f"generating the synthetic corpus ({votes:,} recorded votes)")
    report = generate_corpus(votes=votes, seed=seed, replace=regenerate, progress=True, log=log)
    return report.lines()


def prepare_real(log: Callable[[str], None]) -> list[str]:
    """The real record, as `make run` loads it: countries, the bundled reports, Voeten's roll calls."""
    from django.core.management import call_command

    from benchmarks.synthetic import analyze_tables, has_synthetic_data

    call_command("migrate", verbosity=0, interactive=False)
    if has_synthetic_data():
        raise SystemExit("this database holds the synthetic corpus: give --record real a database of its own")
    call_command("load_countries", verbosity=0)
    call_command("ingest_report", *sorted(str(p) for p in CORPUS_REPORTS.glob("*.txt")), verbosity=0)
    log("importing the Voeten dataset (if not loaded)")
    call_command("import_voeten", str(VOETEN), "--quiet", verbosity=0)
    # What autovacuum does soon after a load in production (it may be off on a test machine): the visibility map
    # that index-only scans need, and statistics.
    analyze_tables()
    return []


def time_voeten_import(log: Callable[[str], None]) -> list[StepResult]:
    """The whole dataset imported into a new, empty database of each backend (SQLite file; PostgreSQL database
    `<name of DATABASE_URL's>_import` when DATABASE_URL is PostgreSQL), by `manage.py import_voeten` in a
    subprocess: the time of the import command alone (migrate and countries before it are not counted)."""
    import tempfile

    import dj_database_url

    targets = []
    with tempfile.TemporaryDirectory() as folder:
        targets.append(("sqlite", f"sqlite:///{folder}/import.sqlite3"))
        current = dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite://"))
        if "postgresql" in current["ENGINE"]:
            name = f"{current['NAME']}_import"
            base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
            targets.append(("postgresql", f"{base}/{name}"))
        results = []
        for vendor, url in targets:
            result = StepResult(f"import the whole Voeten dataset ({vendor}, empty database)", target_ms=IMPORT_S[vendor] * 1000)
            env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": os.environ.get("SECRET_KEY", "bench"), "DEBUG": "0"}
            try:
                if vendor == "postgresql":
                    _recreate_database(url)
                manage = [str(Path(os.sys.executable)), str(ROOT / "manage.py")]
                subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
                subprocess.run([*manage, "load_countries"], env=env, check=True, cwd=ROOT, capture_output=True)
                log(f"timing the Voeten import on {vendor}")
                started = time.perf_counter()
                done = subprocess.run([*manage, "import_voeten", str(VOETEN), "--quiet"], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
                result.times.append(time.perf_counter() - started)
                result.note = done.stdout.strip().splitlines()[-1]
            except (subprocess.CalledProcessError, OSError) as error:
                result.status = f"error: {error}"
            results.append(result)
    return results


def _recreate_database(url: str, keep: bool = False) -> None:
    """Drop and create the PostgreSQL database of `url` (with `keep`, only create it if missing)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection_:
        exists = connection_.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return
        if exists:
            connection_.execute(f'DROP DATABASE "{name}"')
        connection_.execute(f'CREATE DATABASE "{name}"')


def ensure_database() -> None:
    """The database of DATABASE_URL exists (created if missing, on PostgreSQL), before Django connects to it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        _recreate_database(url, keep=True)


def run(
    repeat: int = 30,
    votes: int = DEFAULT_VOTES,
    seed: int = 1,
    regenerate: bool = False,
    only: list[str] | None = None,
    log: Callable[[str], None] = print,
    record: str = "synthetic",
) -> BenchRun:
    generation = prepare_real(log) if record == "real" else prepare(votes, seed, regenerate, log)
    samples = pick_samples()
    load_before, cpu_before = load_average(), cpu_check_ms()
    debug = settings.DEBUG
    # DEBUG off (no query log, no debug pages); the test Client's host allowed; static URLs without the
    # manifest (`collectstatic` is a deployment step, and a static URL costs the same either way).
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], STORAGES=storages):
        client = Client(raise_request_exception=False)
        pages = [page for page in PAGES if not only or any(word.lower() in page.name.lower() for word in only)]
        results = time_pages(client, pages, samples, repeat, log)
    steps = []
    if not only or any(word in ("parse", "ingest") for word in only):
        log("timing parse and ingest of the seed report")
        steps = [time_parse(max(repeat, 20)), *time_ingest(max(5, repeat // 3))]
    if record == "real" and (not only or "import" in only):
        steps += time_voeten_import(log)
    load_after, cpu_after = load_average(), cpu_check_ms()
    return BenchRun(machine(), corpus_counts(), results, steps, generation, load_before, load_after, cpu_before, cpu_after, repeat, debug)


# --- the report -----------------------------------------------------------------------------------------------


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}"


def table(run_: BenchRun) -> list[str]:
    lines = [
        "| page | median ms | p95 ms | of which SQL (median ms) | queries | rows | target | status |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in run_.pages:
        if r.export:
            target = f"≥ {EXPORT_ROWS_PER_S:,} rows/s: " + (f"{r.rows_per_s:,.0f} rows/s" if r.rows_per_s else "—")
        else:
            target = f"p95 ≤ {PAGE_P95_MS:.0f} ms"
        status = r.status if r.status != "ok" else r.verdict()
        rows = "" if r.rows is None else f"{r.rows:,}"
        queries = "" if r.queries is None else str(r.queries)
        lines.append(
            f"| {r.name} | {_ms(r.median_ms)} | {_ms(r.p95_ms)} | {_ms(r.db_ms)} | {queries} | {rows} | {target} | {status} |"
        )
    for s in run_.steps:
        target = f"≤ {s.target_ms:.0f} ms" if s.target_ms else ""
        status = s.status if s.status != "ok" else s.verdict()
        p95 = percentile(s.times, 0.95) * 1000 if s.times else None
        lines.append(f"| {s.name} | {_ms(s.median_ms)} | {_ms(p95)} | | | | {target} | {status} |")
    return lines


def markdown(run_: BenchRun, urls: bool = True) -> str:
    out = ["# Benchmark: key pages on the full-history record", ""]
    out.append("Written by `make bench` (`manage.py bench`); the figures are server-side times through Django's test")
    out.append("Client (no network), DEBUG off. Targets are reported, never asserted.")
    out.append("")
    out.append("## Machine")
    out.append("")
    for key, value in run_.machine.items():
        out.append(f"- {key}: {value}")
    out.append(f"- load average (1, 5, 15 min) before / after: {run_.load_before} / {run_.load_after}"
               " (other work on the machine slows every figure)")
    out.append(f"- CPU check, a fixed pure-Python loop (best of 5) before / after: {run_.cpu_before} / {run_.cpu_after} ms"
               " (lower is faster: 54 to 105 ms on this machine in one day; it misses other contention, of memory or disk)")
    out.append("")
    out.append("## Corpus")
    out.append("")
    out.append(", ".join(f"{n:,} {name}" for name, n in run_.counts.items()))
    if run_.generation:
        out.append("")
        out.append("Generated for this run:")
        out.append("")
        out.append("```")
        out.extend(run_.generation)
        out.append("```")
    out.append("")
    out.append(f"## Pages ({run_.repeat} timed requests each, in rounds of one request per page, after 2 warm-up"
               " requests; exports 5)")
    out.append("")
    out.extend(table(run_))
    if urls:
        out.append("")
        out.append("URLs:")
        out.append("")
        for r in run_.pages:
            if r.url:
                out.append(f"- {r.name}: `{r.url}`")
    notes = [s for s in run_.steps if s.note]
    for s in notes:
        out.append(f"- {s.name}: {s.note}")
    out.append("")
    return "\n".join(out)


def write_latest(run_: BenchRun, path: Path = LATEST, extra: list[str] | None = None) -> Path:
    """`extra`: further sections (the side-by-side with Datasette)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(run_) + ("\n" + "\n".join(extra) if extra else ""), encoding="utf-8")
    return path
