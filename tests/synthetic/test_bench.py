"""The bench's helpers (benchmarks/run.py): it reports, it never crashes on a missing or failing page."""

import pytest
from django.test import Client

from benchmarks.run import Page, Result, Samples, count_rows, markdown, percentile, time_page


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.95) == 19.0
    assert percentile(values, 0.5) == 10.0
    assert percentile([3.0], 0.95) == 3.0


def test_rows_are_table_body_rows_or_csv_lines():
    html = b"<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>"
    assert count_rows(html, export=False) == 2
    assert count_rows(b"a,b\n1,2\n3,4\n", export=True) == 2
    assert count_rows(b"<ul><li data-country=\"USA\">x</li><li data-country=\"FRA\">y</li></ul>", export=False) == 2


@pytest.mark.django_db
def test_a_page_that_does_not_exist_is_reported_missing_and_one_that_does_is_timed():
    client = Client()
    samples = Samples(vote_id=None, draft_symbol=None)
    missing = time_page(client, Page("nowhere", lambda s: "/no-such-page/"), samples, repeat=2)
    assert missing.status == "missing" and not missing.times
    no_data = time_page(client, Page("vote detail", lambda s: f"/votes/{s.vote_id}/" if s.vote_id else None), samples, 2)
    assert no_data.status.startswith("missing")
    home = time_page(client, Page("home", lambda s: "/"), samples, repeat=3, warmup=1)
    assert home.status == "ok" and len(home.times) == 3 and home.queries >= 1 and home.p95_ms >= home.median_ms > 0


def test_the_report_shows_each_page_and_its_verdict():
    from benchmarks.run import BenchRun

    run = BenchRun(
        machine={"cores (nproc)": "2"}, counts={"positions": 5}, generation=[], load_before="0", load_after="0",
        cpu_before=66.5, cpu_after=101.2, repeat=3, debug=False, steps=[],
        pages=[Result("vote list", "/votes/", times=[0.01, 0.02, 0.06]), Result("gone", "/x/", status="missing")],
    )
    text = markdown(run)
    assert "| vote list | 20.0 | 60.0 |" in text and "MISSED" in text and "| gone |" in text and "missing" in text
    assert "before / after: 66.5 / 101.2 ms" in text


def test_the_cpu_check_times_its_loop():
    from benchmarks.run import cpu_check_ms

    assert 0 < cpu_check_ms(rounds=1) < 60_000


@pytest.mark.django_db
def test_pages_are_timed_in_rounds_each_its_own_number_of_times():
    from benchmarks.run import time_pages

    client = Client()
    samples = Samples(vote_id=None, draft_symbol=None)
    pages = [Page("home", lambda s: "/"), Page("export", lambda s: "/votes/?format=csv", export=True, repeat=2),
             Page("nowhere", lambda s: "/no-such-page/")]
    home, export, nowhere = time_pages(client, pages, samples, repeat=4, log=lambda message: None)
    assert len(home.times) == 4 and len(export.times) == 2 and nowhere.status == "missing" and not nowhere.times
    assert export.rows == 0 and home.queries >= 1


@pytest.mark.django_db
def test_the_seed_ingest_is_timed_with_its_stored_figures_apart_and_rolled_back():
    from benchmarks.run import time_ingest
    from votes.countries import load_countries
    from votes.models import CountryTally, Vote

    load_countries()
    ingest, stored = time_ingest(2)
    assert ingest.status == "ok" and len(ingest.times) == len(stored.times) == 2 and not ingest.note
    assert all(t > 0 for t in ingest.times + stored.times) and ingest.target_ms and stored.target_ms is None
    assert not Vote.objects.exists() and not CountryTally.objects.exists()


@pytest.mark.django_db
def test_the_side_by_side_times_each_page_of_this_checkout():
    from benchmarks.ab import time_pages

    times = time_pages(["/", "/votes/"], repeat=3)
    assert list(times) == ["/", "/votes/"] and all(len(samples) == 3 and min(samples) > 0 for samples in times.values())
