"""`manage.py bench --explain URL`: the queries one page runs, each with its time and PostgreSQL plan.

Requests the page once through the test Client, captures its queries, then runs EXPLAIN (ANALYZE, BUFFERS) on
each SELECT (twice: the first warms the cache, the second is printed). What `benchmarks/findings.md` quotes.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


def page_queries(url: str) -> list[str]:
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], STORAGES=storages):
        client = Client(raise_request_exception=False)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
    return [q["sql"] for q in captured.captured_queries]


def explain(url: str, analyze: bool = True) -> list[tuple[str, float, str]]:
    """(sql, seconds, plan) for each query of the page."""
    out = []
    for sql in page_queries(url):
        if not sql.lstrip().upper().startswith("SELECT") or connection.vendor != "postgresql":
            out.append((sql, 0.0, ""))
            continue
        with connection.cursor() as cursor:
            options = "ANALYZE, BUFFERS" if analyze else "COSTS"
            cursor.execute(f"EXPLAIN ({options}) {sql}")  # warm
            started = time.perf_counter()
            cursor.execute(f"EXPLAIN ({options}) {sql}")
            elapsed = time.perf_counter() - started
            plan = "\n".join(row[0] for row in cursor.fetchall())
        out.append((sql, elapsed, plan))
    return out


def report(url: str) -> str:
    lines = [f"# {url}", ""]
    for i, (sql, seconds, plan) in enumerate(explain(url), start=1):
        lines.append(f"## query {i}: {seconds * 1000:.1f} ms")
        lines.append("")
        lines.append(sql)
        if plan:
            lines.append("")
            lines.append(plan)
        lines.append("")
    return "\n".join(lines)
