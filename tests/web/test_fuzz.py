"""Property-based fuzz of every public address (issue 18): any path segment and any query string, on a small
record, answers without a server error and with a whole body (a streamed export read to its end, a page to its
closing tag, JSON that parses).

Examples per test: TALLY_FUZZ_EXAMPLES (default 60 per address, some 1,800 in all; e.g. 5000 for a long run). Hypothesis prints the failing
address, shrunk to the smallest it found."""

from __future__ import annotations

import csv
import io
import json
import os
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from votes.filters import COMPARE_KEYS, CountryFilterSet, DraftFilterSet, VoteFilterSet

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("TALLY_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # a shared machine: no test asserts on wall time
    suppress_health_check=[HealthCheck.too_slow],
)


def public_patterns() -> list[tuple[str, URLPattern]]:
    """Every page of the public URL scheme (votes/urls.py, mounted at the root, its pages in the English addresses
    of i18n_patterns): the admin and the language switch (a POST) are staff and form paths, tested elsewhere."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                yield pattern
            elif not str(pattern.pattern).startswith(("admin/", "i18n/")):
                yield from walk(pattern.url_patterns)

    return [(str(pattern.pattern), pattern) for pattern in walk(get_resolver().url_patterns)]


PATTERNS = public_patterns()
PARAMETERS = sorted(
    {*VoteFilterSet.base_filters, *DraftFilterSet.base_filters, *CountryFilterSet.base_filters, *COMPARE_KEYS}
    | {"format", "codes", "page", "show", "lang", "country", "kind"}
)
# Values the pages know, around which mistakes hide, and anything at all.
KNOWN = st.sampled_from(
    ["CHN", "USA", "CIV", "chn", "XXX", "yes", "no", "abstain", "absent", "csv", "json", "voeten", "PP2", "OP1",
     "whole", "drafts", "votes", "79", "0", "-1", "1e309", "9" * 40, "2024-11-06", "2024-13-45", "-date", "margin", "-margin",
     "A/C.1/79/L.53/Rev.1", "C.1", "GA", "differ", "all", "%", "_", "'", '"', "\\", "<script>", "=1+1", "\u202e",
     "\ud7ff", "\U0001f600", " ", ""]
)
# Text drawn from control characters (where the surprises are), ASCII and all of Unicode alike.
CHARACTER = st.one_of(st.characters(max_codepoint=0x1F), st.characters(max_codepoint=0x7F), st.characters(codec="utf-8"))
TEXT = st.text(CHARACTER, max_size=30)
NUMBER = st.integers(min_value=-(2**70), max_value=2**70).map(str)
VALUE = st.one_of(KNOWN, TEXT, NUMBER)
QUERY = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(CHARACTER, max_size=8)), VALUE), max_size=6)
SEGMENT = st.one_of(KNOWN, TEXT, NUMBER)


def address(route: str, segment: str) -> str:
    """The pattern's path with its one parameter (if any) replaced by the drawn segment, percent-encoded."""
    if "<" not in route:
        return "/" + route
    before, rest = route.split("<", 1)
    after = rest.split(">", 1)[1]
    safe = "/" if "<path:" in route else ""
    return "/" + before + (quote(segment, safe=safe) or "x") + after


def assert_whole(response, path: str) -> None:
    where = f"{response.status_code} for {path}"
    assert response.status_code < 500, where
    if response.streaming:
        body = b"".join(response.streaming_content)  # a failure half-way raises here
    else:
        body = response.content
    content_type = response.get("Content-Type", "")
    if response.status_code != 200:
        return
    if "text/csv" in content_type:
        list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    elif "json" in content_type:
        json.loads(body)
    elif "text/html" in content_type and not response.get("HX-Request") and b"<html" in body[:200]:
        assert body.rstrip().endswith(b"</html>"), where


@pytest.fixture
def record(mini):
    return mini


@pytest.mark.parametrize("route", [route for route, _ in PATTERNS], ids=lambda route: route or "home")
def test_any_query_string_on_any_page_is_answered_whole(record, client, route):
    vote_id = record["pp2"].pk
    known = {
        "<int:pk>": str(vote_id), "<path:symbol>": record["draft"].symbol, "<str:iso3>": "CHN",
        "<path:address>": f"{record['draft'].symbol}/PP2", "<int:rcid>": "1", "<str:code>": "EU", "<int:number>": "79",
    }
    path = address(route, known.get(route[route.find("<") : route.find(">") + 1], ""))

    @FUZZ
    @given(query=QUERY, htmx=st.booleans())
    def check(query, htmx):
        full = path + ("?" + urlencode(query) if query else "")
        response = client.get(full, headers={"HX-Request": "true"} if htmx else {})
        assert_whole(response, full)

    check()


@pytest.mark.parametrize("route", [route for route, _ in PATTERNS if "<" in route])
def test_any_path_segment_is_answered_whole(record, client, route):
    @FUZZ
    @given(segment=SEGMENT, query=st.lists(st.tuples(st.sampled_from(["format", "page", "codes"]), VALUE), max_size=2))
    def check(segment, query):
        full = address(route, segment) + ("?" + urlencode(query) if query else "")
        assert_whole(client.get(full), full)

    check()


def test_the_fuzz_covers_every_public_page():
    names = {pattern.name for _, pattern in PATTERNS}
    assert {"home", "vote-list", "vote-count", "vote-detail", "vote-page", "vote-roll-call", "vote-blocs", "draft-list",
            "draft-detail", "country-list", "country-compare", "country-detail", "country-analysis", "search", "search-count",
            "session-ideal-points", "group-list", "group-detail", "sources", "api", "api-document",
            "record-download"} == names
