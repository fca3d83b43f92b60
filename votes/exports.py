"""The machine-readable twins of the list pages: `?format=csv` and `?format=json`, with the page's filters.

Rows are streamed (StreamingHttpResponse over `values_list(...).iterator(chunk_size=...)`), so an export of
100,000 rows never holds them in memory. Rows name the subject by label (`whole`, `PP18`), the draft by symbol
and countries by ISO3. With a country, one row per (vote, country) position; `codes=voeten` writes positions as
1 yes, 2 abstain, 3 no, 8 absent.

The first rows are read before the response is returned, so a database that cannot be reached is a 503 like any
page's (config.middleware), not a stream that fails at its first byte; one lost later aborts the transfer.
"""

from __future__ import annotations

import csv
import errno
import io
import itertools
import json
import logging
from typing import Iterable, Iterator, Sequence

from django.db import InterfaceError, OperationalError
from django.db.models import Value
from django.http import HttpResponse, StreamingHttpResponse

from .labels import VOETEN
from .links import absolute_urls

FORMATS = ("csv", "json")
CHUNK_SIZE = 2000

logger = logging.getLogger(__name__)

# (column, source field) of a vote row.
VOTE_COLUMNS: list[tuple[str, str]] = [
    ("vote_id", "id"),
    ("date", "date"),
    ("session", "session_id"),
    ("body", "body_id"),
    ("meeting", "meeting"),
    ("draft", "draft__symbol"),
    ("subject", "subject_label"),
    ("subject_type", "subject"),
    ("method", "method"),
    ("outcome", "outcome"),
    ("stated_yes", "stated_yes"),
    ("stated_no", "stated_no"),
    ("stated_abstain", "stated_abstain"),
    ("yes", "yes_count"),
    ("no", "no_count"),
    ("abstain", "abstain_count"),
    ("absent", "absent_count"),
    ("margin", "margin"),
]

DRAFT_COLUMNS: list[tuple[str, str]] = [
    ("symbol", "symbol"),
    ("kind", "kind"),
    ("session", "session_id"),
    ("body", "body_id"),
    ("agenda_item", "agenda_item__number"),
    ("title_en", "title_en"),
    ("title_zh", "title_zh"),
    ("actions", "action_count"),
    ("final_method", "final_method"),
    ("final_outcome", "final_outcome"),
    ("final_yes", "final_yes"),
    ("final_no", "final_no"),
    ("final_abstain", "final_abstain"),
    ("final_absent", "final_absent"),
]

COUNTRY_COLUMNS: list[tuple[str, str]] = [
    ("iso3", "iso3"),
    ("iso2", "iso2"),
    ("m49", "m49"),
    ("kind", "kind"),
    ("name_en", "name_en"),
    ("name_fr", "name_fr"),
    ("name_es", "name_es"),
    ("name_ru", "name_ru"),
    ("name_zh", "name_zh"),
    ("name_ar", "name_ar"),
    ("admitted", "admitted"),
    ("ended", "ended"),
]


def wants_export(request) -> str | None:
    """The requested twin format, "" for an unknown one, None for the page itself."""
    value = request.GET.get("format")
    if value is None or value == "html":
        return None
    return value if value in FORMATS else ""


DATE_COLUMNS = {"date", "admitted", "ended"}
# The page of a row of model_rows, by its `section`.
SECTION_PAGES = {"drafts": "draft-detail", "countries": "country-detail"}


def _converter(columns: list[str], codes: str | None):
    """A function turning a database row into an output row: ISO dates; Voeten codes for the position."""
    dates = [i for i, column in enumerate(columns) if column in DATE_COLUMNS]
    position = columns.index("position") if "position" in columns and codes == "voeten" else None

    def convert(values) -> list:
        row = list(values)
        for i in dates:
            if row[i] is not None:
                row[i] = row[i].isoformat()
        if position is not None and row[position] is not None:
            row[position] = VOETEN.get(row[position], row[position])
        return row

    return convert


# --- rows: (columns, iterator of lists in column order) ---------------------------------------------------------


def vote_rows(request, queryset, country: str | None = None, codes: str | None = None) -> tuple[list[str], Iterator[list]]:
    """One row per vote; with `country` (the queryset from `with_country`), its position on each."""
    columns = [name for name, _ in VOTE_COLUMNS]
    sources = [source for _, source in VOTE_COLUMNS]
    if country:
        columns += ["country", "position", "intended_position"]
        sources += ["country_id_for_export", "country_position", "intended_position"]
        queryset = queryset.annotate(country_id_for_export=Value(country))
    convert = _converter(columns, codes)
    vote_url = absolute_urls(request, "vote-detail")

    def rows():
        for values in queryset.values_list(*sources).iterator(chunk_size=CHUNK_SIZE):
            row = convert(values)
            row.append(vote_url(row[0]))
            yield row

    return columns + ["url"], rows()


def compared_rows(request, queryset, codes: list[str], voeten: str | None = None) -> tuple[list[str], Iterator[list]]:
    """One row per (vote, country) for the compared countries, from a vote queryset annotated
    `with_countries(codes, intentions=True)`: one pass over the votes, each unfolded into a row per country."""
    vote_columns = [name for name, _ in VOTE_COLUMNS]
    sources = [source for _, source in VOTE_COLUMNS]
    for index in range(len(codes)):
        sources += [f"pos_{index}", f"int_{index}"]
    columns = vote_columns + ["country", "position", "intended_position"]
    convert_vote = _converter(vote_columns, None)
    width = len(vote_columns)
    vote_url = absolute_urls(request, "vote-detail")

    def code(position):
        return VOETEN.get(position, position) if voeten == "voeten" and position is not None else position

    def rows():
        for values in queryset.values_list(*sources).iterator(chunk_size=CHUNK_SIZE):
            vote = convert_vote(values[:width])
            url = vote_url(vote[0])
            for index, iso3 in enumerate(codes):
                position, intended = values[width + 2 * index], values[width + 2 * index + 1]
                yield [*vote, iso3, code(position), intended, url]

    return columns + ["url"], rows()


def model_rows(request, queryset, spec: Sequence[tuple[str, str]], section: str, key: str):
    """One row per draft or country; `section` ("drafts", "countries") names its page, "draft-detail" or
    "country-detail", for the column `key`."""
    columns = [name for name, _ in spec]
    sources = [source for _, source in spec]
    convert = _converter(columns, None)
    index = columns.index(key)
    page_url = absolute_urls(request, SECTION_PAGES[section])

    def rows():
        for values in queryset.values_list(*sources).iterator(chunk_size=CHUNK_SIZE):
            row = convert(values)
            row.append(page_url(row[index]))
            yield row

    return columns + ["url"], rows()


# --- responses ------------------------------------------------------------------------------------------------

ROWS_PER_WRITE = 1000


# A cell that a spreadsheet would read as a formula (OWASP, "CSV Injection"): a title beginning "=SUM(…)" or "@…"
# is exported with a leading apostrophe, which spreadsheets show as text. Numbers stay numbers.
FORMULA_START = frozenset("=+-@\t\r")


def spreadsheet_safe(row: list) -> list:
    # Inline, not a call per cell: the exports write ~100,000 rows a second.
    return [f"'{v}" if isinstance(v, str) and v[:1] in FORMULA_START else v for v in row]


def _csv_stream(columns: list[str], rows: Iterable[list]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    pending = 0
    for row in rows:
        writer.writerow(spreadsheet_safe(row))
        pending += 1
        if pending == ROWS_PER_WRITE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def _json_stream(columns: list[str], rows: Iterable[list], query: dict) -> Iterator[str]:
    yield '{"query": ' + json.dumps(query, ensure_ascii=False) + ', "columns": ' + json.dumps(columns) + ', "results": ['
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    batch: list[dict] = []
    separator = "\n"
    for row in rows:
        batch.append(dict(zip(columns, row)))
        if len(batch) == ROWS_PER_WRITE:
            yield separator + dumps(batch)[1:-1]
            batch, separator = [], ",\n"
    if batch:
        yield separator + dumps(batch)[1:-1]
    yield "\n]}\n"


def _started(rows: Iterable[list]) -> Iterator[list]:
    """The rows with the first one read now, inside the view (its query run, or failed: a 503)."""
    rows = iter(rows)
    first = next(rows, None)
    return rows if first is None else itertools.chain([first], rows)


def _aborted_if_the_database_is_lost(chunks: Iterator[str]) -> Iterator[str]:
    """A stream whose database goes away half-way cannot become an error page (its status is sent): its transfer
    is aborted as a reset connection, which the client sees as a body cut short (never one that looks whole), and
    the log gets one line instead of a server's traceback."""
    try:
        yield from chunks
    except (OperationalError, InterfaceError) as error:
        logger.warning("database lost during an export, transfer aborted: %s", (str(error).splitlines() or [""])[0])
        raise ConnectionResetError(errno.ECONNRESET, "database lost during an export") from None


def export_response(request, fmt: str, name: str, columns: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    query = {key: values if len(values) > 1 else values[0] for key, values in request.GET.lists() if key != "format"}
    rows = _started(rows)
    if fmt == "csv":
        stream = _aborted_if_the_database_is_lost(_csv_stream(columns, rows))
        response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tally-{name}.csv"'
    else:
        stream = _aborted_if_the_database_is_lost(_json_stream(columns, rows, query))
        response = StreamingHttpResponse(stream, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error_response(fmt: str, errors: dict) -> HttpResponse:
    """400 for a twin whose parameters are invalid (or whose format is unknown)."""
    errors = {field: [str(message) for message in messages] for field, messages in errors.items()}
    if fmt == "csv":
        lines = [f"{field}: {message}" for field, messages in errors.items() for message in messages]
        return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(
        json.dumps({"errors": errors}, ensure_ascii=False), status=400, content_type="application/json; charset=utf-8"
    )


SEARCH_COLUMNS = ["type", "key", "draft", "label", "text_en", "text_zh", "url"]


def search_rows(request, q: str) -> tuple[list[str], Iterator[list]]:
    """Everything the search page finds, one row per draft, country, vote or paragraph (not limited)."""
    from .models import Country, Draft, Vote
    from .querysets import paragraphs_matching

    draft_url = absolute_urls(request, "draft-detail")
    country_url = absolute_urls(request, "country-detail")
    vote_url = absolute_urls(request, "vote-detail")

    def rows():
        for symbol, en, zh in Draft.objects.matching(q).order_by("-session_id", "symbol").values_list(
            "symbol", "title_en", "title_zh"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["draft", symbol, symbol, "", en, zh, draft_url(symbol)]
        for iso3, en, zh in Country.objects.matching(q).values_list("iso3", "name_en", "name_zh").iterator(
            chunk_size=CHUNK_SIZE
        ):
            yield ["country", iso3, "", "", en, zh, country_url(iso3)]
        for pk, symbol, label, en, zh in Vote.objects.matching(q).newest_first().values_list(
            "id", "draft__symbol", "subject_label", "draft__title_en", "draft__title_zh"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["vote", pk, symbol, label, en, zh, vote_url(pk)]
        for pk, symbol, label, en, zh in paragraphs_matching(q).values_list(
            "id", "draft__symbol", "voted_label", "text_en", "text_zh"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["paragraph", pk, symbol, label, en, zh, f"{draft_url(symbol)}#p-{label}"]

    return SEARCH_COLUMNS, rows()
