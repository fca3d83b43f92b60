"""The whole record as one download: CSV tables zipped with a Frictionless `datapackage.json` that describes every
column (from the models' own help texts) and the licence. `write_dump()` makes it (`manage.py export_record`,
`make run`); `/downloads/tally-record.zip` serves it, remade first when the record changed since.

Codes stay text (M49 "004", ISO2 "NA" for Namibia), dates ISO, positions yes/no/abstain/absent; each table has
its key, and the foreign keys between tables are declared, so a reader can join them without reading this.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from . import exports
from .models import (
    Correction,
    Country,
    Dataset,
    Document,
    Draft,
    IntendedPosition,
    Paragraph,
    Position,
    RollCall,
    Sponsorship,
    Vote,
)

FILE_NAME = "tally-record.zip"
CHUNK = 20_000


@dataclass(frozen=True)
class Column:
    name: str
    source: str  # values_list path
    type: str  # Frictionless type: string, integer, number, date, boolean, object
    model: type | None = None  # whose field's help text describes it (the table's model when None)
    field: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    model: type
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    foreign: tuple[tuple[str, str, str], ...] = ()  # (column, table, its column)
    order: tuple[str, ...] = ("pk",)

    def description(self, column: Column) -> str:
        if column.source == "pk":
            return f"Tally's key of the {self.model._meta.verbose_name} (its page: /{self.name}/<key>/)."
        model = column.model or self.model
        name = column.field or column.source.split("__")[-1]
        try:
            return str(model._meta.get_field(name.removesuffix("_id")).help_text)
        except Exception:  # a derived column (an annotation, a related name): described where it is declared
            return ""


def _c(name, source=None, type_="string", model=None, field=None) -> Column:
    return Column(name, source or name, type_, model, field)


TABLES = (
    Table("countries", Country, (
        _c("iso3"), _c("iso2"), _c("m49"), _c("kind"), *(_c(f"name_{lang}") for lang in ("en", "fr", "es", "ru", "zh", "ar")),
        _c("admitted", type_="date"), _c("ended", type_="date"),
    ), key=("iso3",), order=("iso3",)),
    Table("drafts", Draft, (
        _c("symbol"), _c("kind"), _c("session", "session_id", "integer"), _c("body", "body_id"),
        _c("agenda_item", "agenda_item__number", "integer", field="number", model=Draft._meta.get_field("agenda_item").related_model),
        _c("resolution"), _c("title_en"), _c("title_fr"), _c("title_es"), _c("title_ru"), _c("title_zh"), _c("title_ar"),
    ), key=("symbol",), order=("symbol",)),
    Table("sponsorships", Sponsorship, (
        _c("draft", "draft__symbol", field="draft"), _c("country", "country_id"), _c("kind"), _c("order", type_="integer"),
    ), key=("draft", "country"), foreign=(("draft", "drafts", "symbol"), ("country", "countries", "iso3")), order=("draft__symbol", "order")),
    Table("paragraphs", Paragraph, (
        _c("draft", "draft__symbol", field="draft"), _c("voted_label"), _c("label"), _c("part"), _c("number", type_="integer"),
        _c("in_adopted_text", type_="boolean"), _c("text_en"), _c("text_zh"), _c("text_fr"), _c("text_es"), _c("text_ru"), _c("text_ar"),
    ), key=("draft", "voted_label"), foreign=(("draft", "drafts", "symbol"),), order=("draft__symbol", "order")),
    Table("votes", Vote, (
        _c("vote_id", "pk", "integer", field="id"), _c("draft", "draft__symbol", field="draft"), _c("body", "body_id"),
        _c("session", "session_id", "integer"), _c("date", type_="date"), _c("meeting", type_="integer"),
        _c("subject"), _c("subject_label"), _c("amendment_symbol"), _c("method"), _c("outcome"),
        _c("stated_yes", type_="integer"), _c("stated_no", type_="integer"), _c("stated_abstain", type_="integer"),
        _c("yes", "yes_count", "integer"), _c("no", "no_count", "integer"), _c("abstain", "abstain_count", "integer"),
        _c("absent", "absent_count", "integer"), _c("rcid", "roll_call__rcid", "integer", model=RollCall, field="rcid"),
        _c("document", "document__symbol", model=Document, field="symbol"),
    ), key=("vote_id",), foreign=(("draft", "drafts", "symbol"),)),
    Table("positions", Position, (
        _c("vote_id", "vote_id", "integer", field="vote"), _c("country", "country_id"), _c("position"),
    ), key=("vote_id", "country"), foreign=(("vote_id", "votes", "vote_id"), ("country", "countries", "iso3")), order=("vote_id", "country_id")),
    Table("intended_positions", IntendedPosition, (
        _c("vote_id", "vote_id", "integer", field="vote"), _c("country", "country_id"), _c("position"),
        *(_c(f"footnote_{lang}") for lang in ("en", "fr", "es", "ru", "zh", "ar")),
    ), key=("vote_id", "country"), foreign=(("vote_id", "votes", "vote_id"), ("country", "countries", "iso3")), order=("vote_id", "country_id")),
    Table("roll_calls", RollCall, (
        _c("rcid", type_="integer"), _c("vote_id", "vote_id", "integer", field="vote"), _c("session", type_="integer"), _c("date"),
        _c("unres"), _c("amend"), _c("para"), _c("important"), _c("short"), _c("descr"),
    ), key=("rcid",), foreign=(("vote_id", "votes", "vote_id"),), order=("rcid",)),
)


def _cell(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    rows = table.model.objects.order_by(*table.order).values_list(*(column.source for column in table.columns))
    for row in rows.iterator(chunk_size=CHUNK):
        writer.writerow(exports.spreadsheet_safe([_cell(value) for value in row]))
    return buffer.getvalue().encode("utf-8")


def descriptor(generated: datetime.datetime) -> dict:
    """The Frictionless Data Package of the dump: tables, their columns and keys, the licence and sources."""
    datasets = list(Dataset.objects.order_by("slug"))
    return {
        "name": "tally-record",
        "title": "Tally: votes at the UN General Assembly and its Main Committees",
        "description": "Drafts, sponsors, paragraphs, votes and every Member's position, read from the committee"
        " reports and verbatim records of the General Assembly, and Voeten's plenary roll calls.",
        "created": generated.isoformat(timespec="seconds"),
        "licenses": [{"name": "CC-BY-4.0", "title": exports.LICENCE, "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": "General Assembly committee reports and verbatim records (official UN documents)"}]
        + [{"title": dataset.citation, "path": dataset.url} for dataset in datasets],
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column.name, "type": column.type, "description": table.description(column)}
                        for column in table.columns
                    ],
                    "primaryKey": list(table.key),
                    "foreignKeys": [
                        {"fields": column, "reference": {"resource": other, "fields": other_column}}
                        for column, other, other_column in table.foreign
                    ],
                    # An empty cell is a missing value; "NA" is Namibia.
                    "missingValues": [""],
                },
            }
            for table in TABLES
        ],
    }


def last_change() -> datetime.datetime | None:
    """When the record last changed: an ingest, an import or a correction."""
    dates = [
        Document.objects.aggregate(latest=Max("ingested_at"))["latest"],
        Dataset.objects.aggregate(latest=Max("imported_at"))["latest"],
        Correction.objects.aggregate(latest=Max("created_at"))["latest"],
    ]
    dates = [date for date in dates if date]
    return max(dates) if dates else None


def dump_path() -> Path:
    return Path(settings.DOWNLOADS_DIR) / FILE_NAME


def is_current(path: Path | None = None) -> bool:
    path = path or dump_path()
    if not path.exists():
        return False
    changed = last_change()
    return changed is None or datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.timezone.utc) >= changed


def write_dump(path: Path | None = None, log=None) -> Path:
    """Write the zip (to a temporary file first, then moved into place: a reader never sees half of one)."""
    path = path or dump_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    generated = timezone.now()
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".zip.part")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in TABLES:
                if log:
                    log(f"writing {table.name}.csv")
                archive.writestr(f"{table.name}.csv", _csv(table))
            archive.writestr("datapackage.json", json.dumps(descriptor(generated), ensure_ascii=False, indent=1))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path
