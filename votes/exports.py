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
import datetime
import errno
import functools
import io
import itertools
import json
import logging
import re
from typing import Iterable, Iterator, Sequence

from django.db import InterfaceError, OperationalError
from django.db.models import Value
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from reference.voeten import VoetenCountries

from .labels import VOETEN
from .links import absolute_urls, vote_address
from .models import Country, Position, RollCall

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
    ("rcid", "roll_call__rcid"),
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
    vote_url = vote_urls(request, columns)

    def rows():
        for values in queryset.values_list(*sources, "draft__body_id").iterator(chunk_size=CHUNK_SIZE):
            row = convert(values[:-1])
            row.append(vote_url(row, values[-1]))
            yield row

    return columns + ["url"], rows()


def vote_urls(request, columns: list[str]):
    """A function giving a vote row's page (its readable address, votes.links.vote_address) from the row and its
    draft's body."""
    page = absolute_urls(request, "vote-page")
    draft, body, subject = (columns.index(name) for name in ("draft", "body", "subject"))
    return lambda row, draft_body: page(vote_address(row[draft], draft_body, row[body], row[subject]))


def compared_rows(request, queryset, codes: list[str], voeten: str | None = None) -> tuple[list[str], Iterator[list]]:
    """One row per (vote, country) for the compared countries, from a vote queryset annotated
    `with_countries(codes, intentions=True)`: one pass over the votes, each unfolded into a row per country."""
    vote_columns = [name for name, _ in VOTE_COLUMNS]
    sources = [source for _, source in VOTE_COLUMNS]
    for index in range(len(codes)):
        sources += [f"pos_{index}", f"int_{index}"]
    columns = vote_columns + ["country", "position", "intended_position"]
    sources.append("draft__body_id")
    convert_vote = _converter(vote_columns, None)
    width = len(vote_columns)
    vote_url = vote_urls(request, vote_columns)

    def code(position):
        return VOETEN.get(position, position) if voeten == "voeten" and position is not None else position

    def rows():
        for values in queryset.values_list(*sources).iterator(chunk_size=CHUNK_SIZE):
            vote = convert_vote(values[:width])
            url = vote_url(vote, values[-1])
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


# --- one vote's roll call -------------------------------------------------------------------------------------

ROLL_CALL_OF_VOTE = ["vote_id", "draft", "subject", "date", "country", "country_name", "position", "intended_position", "intended_footnote"]


def roll_call_rows(vote) -> tuple[list[str], Iterator[list]]:
    """Every Member on the vote's date, with its position (absent included) and any stated intention."""
    intended = {i.country_id: i for i in vote.intended_positions.all()}
    positions = vote.positions.in_printed_order().values_list("country_id", "country__name_en", "position")
    date = vote.date.isoformat() if vote.date else None

    def rows():
        for iso3, name, position in positions:
            intention = intended.get(iso3)
            yield [vote.pk, vote.draft.symbol, vote.subject_label, date, iso3, name, position,
                   intention.position if intention else None, intention.footnote if intention else None]

    return list(ROLL_CALL_OF_VOTE), rows()


# --- a group's stored cohesion ----------------------------------------------------------------------------

# A group's sums on a set of votes, as GroupCohesion and GroupIssueCohesion store them.
COHESION_SUMS = ["votes", "mean_ai", "split", "yes", "no", "abstain", "absent"]


def _sums(row) -> list:
    return [row.votes, round(row.mean_ai, 4), row.split, row.yes, row.no, row.abstain, row.absent]


def group_cohesion_rows(group, rows) -> tuple[list[str], Iterator[list]]:
    """A group's stored cohesion by session and body (GroupCohesion rows), for the group page's twins."""
    return ["group", "session", "body", *COHESION_SUMS], ([group.pk, r.session_id, r.body_id, *_sums(r)] for r in rows)


def group_issue_rows(group, rows) -> tuple[list[str], Iterator[list]]:
    """A group's stored cohesion by issue tag (GroupIssueCohesion rows, their issues loaded)."""
    return ["group", "issue", "issue_name", *COHESION_SUMS], ([group.pk, r.issue_id, r.issue.name, *_sums(r)] for r in rows)


# --- Voeten's own shape ------------------------------------------------------------------------------------------
# `shape=voeten-votes` and `shape=voeten-roll-calls`: the two tables of Voeten's data (un_votes, un_roll_calls),
# so that code written for the dataset reads Tally's lists. A vote imported from the dataset gives back its row
# as given; any other (a committee vote, a verbatim record's) is written in the same terms, with the rcid
# "tally-<vote id>".

VOETEN_SHAPES = ("voeten-votes", "voeten-roll-calls")
ROLL_CALL_COLUMNS = ["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"]
_CODED = {"whole": ("0", "0"), "paragraph": ("0", "1"), "amendment": ("1", "0"), "not_coded": ("", "")}


@functools.cache
def voeten_names() -> VoetenCountries:
    """The dataset's names of the entities (read once per process)."""
    return VoetenCountries.from_file()


def _rcid(rcid, vote_id) -> str:
    return str(rcid) if rcid is not None else f"tally-{vote_id}"


def _roll_call_date(raw: str | None, vote_date) -> datetime.date | None:
    return datetime.date.fromisoformat(raw) if raw else vote_date


def voeten_vote_rows(queryset, names: VoetenCountries) -> tuple[list[str], Iterator[list]]:
    """un_votes: one row per yes, no or abstain (the dataset lists no absences), in the dataset's names."""
    positions = (
        Position.objects.filter(vote__in=queryset.order_by().values("pk"), position__in=("yes", "no", "abstain"))
        .order_by("vote_id", "country_id")
        .values_list("vote_id", "vote__roll_call__rcid", "vote__roll_call__date", "vote__date", "country_id", "country__name_en", "country__iso2", "position")
    )

    # A roll call that joined a verbatim record's vote keeps its own lists (votes.reconcile): those are written.
    beside = {
        vote_id: (rcid, raw_date, listed)
        for vote_id, rcid, raw_date, listed in RollCall.objects.filter(vote__in=queryset.order_by().values("pk"), listed__isnull=False)
        .values_list("vote_id", "rcid", "date", "listed")
    }
    countries = dict(Country.objects.values_list("iso3", "name_en")) if beside else {}
    iso2 = dict(Country.objects.values_list("iso3", "iso2")) if beside else {}

    def row(vote_id, rcid, raw_date, vote_date, iso3, name, code, position):
        on_date = _roll_call_date(raw_date, vote_date)
        named = names.dataset_name(iso3, on_date) if on_date else None
        return [_rcid(rcid, vote_id), *(named or (name, code or "")), position]

    def rows():
        for vote_id, rcid, raw_date, vote_date, iso3, name, code, position in positions.iterator(chunk_size=10 * CHUNK_SIZE):
            if vote_id not in beside:
                yield row(vote_id, rcid, raw_date, vote_date, iso3, name, code, position)
        for vote_id, (rcid, raw_date, listed) in sorted(beside.items()):
            for iso3, position in sorted(listed.items()):
                yield row(vote_id, rcid, raw_date, None, iso3, countries.get(iso3, iso3), iso2.get(iso3), position)

    return ["rcid", "country", "country_code", "vote"], rows()


def voeten_roll_call_rows(queryset) -> tuple[list[str], Iterator[list]]:
    """un_roll_calls: one row per vote, as given for the dataset's, derived for the others."""
    sources = ("pk", "session_id", "date", "subject", "draft__symbol", "draft__title_en", "draft__resolution")
    given = ("roll_call__" + name for name in ("rcid", "important", "date", "unres", "amend", "para", "short", "descr"))

    def rows():
        for values in queryset.order_by("roll_call__rcid", "pk").values_list(*sources, *given).iterator(chunk_size=CHUNK_SIZE):
            vote_id, session, vote_date, subject, symbol, title, resolution, rcid, *raw = values
            if rcid is not None:
                important, raw_date, unres, amend, para, short, descr = raw
                yield [rcid, session, important, raw_date, unres, amend, para, short, descr]
            else:
                amend, para = _CODED.get(subject, ("", ""))
                date = vote_date.isoformat() if vote_date else ""
                yield [_rcid(None, vote_id), session, "", date, resolution, amend, para, symbol, title]

    return list(ROLL_CALL_COLUMNS), rows()


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


# What every JSON twin says of itself, beside its query and rows (the CSV's filename says what was filtered).
LICENCE = "CC BY 4.0 (Tally's compilation); Voeten's roll calls CC0 1.0"
SOURCE = "Tally, from the General Assembly's committee reports and verbatim records and Voeten's roll-call data"


def _json_stream(columns: list[str], rows: Iterable[list], query: dict) -> Iterator[str]:
    about = {"licence": LICENCE, "source": SOURCE, "generated": timezone.now().isoformat(timespec="seconds")}
    yield json.dumps(about, ensure_ascii=False)[:-1] + ', "query": ' + json.dumps(query, ensure_ascii=False) + ', "columns": ' + json.dumps(columns) + ', "results": ['
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    batch: list[dict] = []
    separator = "\n"
    count = 0
    for row in rows:
        count += 1
        batch.append(dict(zip(columns, row)))
        if len(batch) == ROWS_PER_WRITE:
            yield separator + dumps(batch)[1:-1]
            batch, separator = [], ",\n"
    if batch:
        yield separator + dumps(batch)[1:-1]
    yield f'\n], "count": {count}}}\n'


def _filtered(query: dict) -> str:
    """What was filtered, for a filename: "-country-USA-position-no" (safe characters only, at most 100)."""
    parts = [f"{key}-{value}" for key, value in query.items() if isinstance(value, str) and value and key != "page"]
    return ("-" + re.sub(r"[^A-Za-z0-9.]+", "-", "-".join(parts)).strip("-"))[:100].rstrip("-") if parts else ""


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
        response["Content-Disposition"] = f'attachment; filename="tally-{name}{_filtered(query)}.csv"'
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
    vote_page = absolute_urls(request, "vote-page")

    def rows():
        for symbol, en, zh in Draft.objects.matching(q).by_relevance().values_list(
            "symbol", "title_en", "title_zh"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["draft", symbol, symbol, "", en, zh, draft_url(symbol)]
        for iso3, en, zh in Country.objects.matching(q).values_list("iso3", "name_en", "name_zh").iterator(
            chunk_size=CHUNK_SIZE
        ):
            yield ["country", iso3, "", "", en, zh, country_url(iso3)]
        for pk, symbol, label, en, zh, body, draft_body in Vote.objects.matching(q).newest_first().values_list(
            "id", "draft__symbol", "subject_label", "draft__title_en", "draft__title_zh", "body_id", "draft__body_id"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["vote", pk, symbol, label, en, zh, vote_page(vote_address(symbol, draft_body, body, label))]
        for pk, symbol, label, en, zh in paragraphs_matching(q).values_list(
            "id", "draft__symbol", "voted_label", "text_en", "text_zh"
        ).iterator(chunk_size=CHUNK_SIZE):
            yield ["paragraph", pk, symbol, label, en, zh, f"{draft_url(symbol)}#p-{label}"]

    return SEARCH_COLUMNS, rows()
