"""UN Member States, observer States and former States, and a resolver from printed names to ISO codes.

Plain Python (no Django), so the report parser and its tests can use it alone.  The data lives in
``reference/data/countries.csv`` (one row per entity, the six UN short names) and
``reference/data/country_names.csv`` (every other name: former names, variants, each with the dates it was
valid).  Their ``#`` header lines say where the facts come from and what is uncertain.

Matching is exact after :func:`normalise`: never by substring, prefix or similarity, because "Niger" must not
become "Nigeria" and 刚果 must not become 刚果民主共和国.  Similarity (difflib) is used only to suggest names
in the error message.

Conventions:
- A membership period is half-open: ``(start, end)`` means a Member from ``start`` (inclusive) to ``end``
  (exclusive; None = still a Member).  So the USSR's period ends 1991-12-24 and the Russian Federation's
  begins that day, and no date counts both.
- ``admitted`` is the date the UN Member States list gives (Russian Federation: 1945-10-24, as the USSR's
  continuation); ``memberships`` says when this entity itself held the seat (Russian Federation: from
  1991-12-24; before that the USSR entity SUN did).
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "KINDS",
    "CountryRecord",
    "OtherName",
    "UnknownCountryName",
    "CountryDirectory",
    "normalise",
    "resolve",
]

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")
KINDS = ("member", "observer", "former")
DATA_DIR = Path(__file__).resolve().parent / "data"


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class CountryRecord:
    """One State as the UN records it: a Member, a non-member observer State, or a former Member."""

    iso3: str
    iso2: str | None
    m49: str | None
    kind: str
    names: dict[str, str] = field(hash=False)
    admitted: date | None
    ended: date | None
    successors: tuple[str, ...]
    memberships: tuple[tuple[date, date | None], ...]
    notes: str

    def name(self, language: str) -> str:
        """The UN short name in ``language``, falling back to English (former States may lack some)."""
        return self.names.get(language) or self.names["en"]

    def is_member_on(self, on_date: date) -> bool:
        """True if this entity held UN membership on ``on_date`` (periods are half-open, see module doc)."""
        return any(start <= on_date and (end is None or on_date < end) for start, end in self.memberships)


@dataclass(frozen=True)
class OtherName:
    """A name besides the six short names: a former name or a variant, valid from/to (None = open)."""

    iso3: str
    language: str
    name: str
    valid_from: date | None
    valid_to: date | None
    note: str

    def valid_on(self, on_date: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on_date) and (
            self.valid_to is None or on_date < self.valid_to
        )


class UnknownCountryName(LookupError):
    """A name that matches no known name of that language exactly; carries the closest known names."""

    def __init__(self, name: str, language: str, suggestions: list[str] | None = None):
        self.name = name
        self.language = language
        self.suggestions = list(suggestions or [])
        message = f"unknown country name {name!r} ({language})"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would otherwise quote the whole message again
        return self.args[0]


# ------------------------------------------------------------------------------------- normalisation

# Typographic quotes and apostrophes that PDF text and UN typesetting use ("Côte d’Ivoire").
_QUOTES = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"',
    }
)
# Hyphens and dashes: Russian writes "Папуа — Новая Гвинея", PDFs give U+2011 non-breaking hyphens.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"})
# Arabic: tatweel, harakat and other combining marks carry no identity; alef/yeh/teh marbuta spellings vary.
_AR_MARKS = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_AR_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ -> ا
        "\u0649": "\u064a",  # ى -> ي (alef maqsura spelled as yeh)
        "\u06cc": "\u064a",  # Persian yeh -> ي
        "\u0629": "\u0647",  # ة -> ه (teh marbuta is often printed/extracted as heh)
        "\u06a9": "\u0643",  # keheh -> ك
    }
)
_TRAILING_PUNCT = re.compile(r"[\s.,;:。、]+$")
_LEADING_ARTICLE = {
    "en": re.compile(r"^the "),
    "fr": re.compile(r"^(?:le |la |les |l')"),
    "es": re.compile(r"^(?:el |la |los |las )"),
}
_INVERTED = re.compile(r"^(?P<x>[^()]+?) ?\((?P<y>[^()]+)\)$")
# The tail of the parenthesised part that makes "X (Y of)" read "Y of X" in running text.
_INVERSION_TAIL = {
    "en": re.compile(r"(?: of| of the)$"),
    "fr": re.compile(r"(?: de| du| des| de la| d')$"),
    "es": re.compile(r"(?: de| del| de los| de las| de la)$"),
}
_EN_COMMA_INVERTED = re.compile(r"^(?P<x>[^,()]+), (?P<y>[^,()]+ of(?: the)?)$")


def normalise(name: str, language: str) -> str:
    """The key for exact matching of ``name`` in ``language`` (one of :data:`LANGUAGES`).

    Unicode NFKC; typographic quotes to ASCII; dashes to "-" with no spaces around it (joins the PDF line
    break "Guinea- Bissau"); whitespace runs to one space (removed entirely in Chinese, where PDF extraction
    scatters stray spaces); trailing period/comma dropped; casefold; ё -> е; Arabic marks removed and letter
    variants unified.  Then the list and running-text forms are brought together: a leading article
    ("the Niger", "l'État ...") is dropped and an inverted name "X (Y of)" becomes "Y of X", so
    "Venezuela (Bolivarian Republic of)" and "the Bolivarian Republic of Venezuela" share a key.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {', '.join(LANGUAGES)}")
    s = unicodedata.normalize("NFKC", name).translate(_QUOTES).translate(_DASHES)
    s = " ".join(s.split())
    s = _TRAILING_PUNCT.sub("", s)
    s = s.casefold().replace("ё", "е")
    if language == "ar":
        s = _AR_MARKS.sub("", s).translate(_AR_LETTERS)
        # Arabic UN names mark where the name goes inside the parenthesis: "هولندا (مملكة - )" reads
        # "مملكة هولندا"; do this before dashes lose their spaces.
        m = _INVERTED.match(s)
        if m and re.search(r"(?:^| )-(?: |$)", m["y"]):
            s = " ".join(re.sub(r"(?:^| )-(?: |$)", " " + m["x"].strip() + " ", m["y"]).split())
    s = re.sub(r" ?- ?", "-", s)
    if language == "zh":
        s = re.sub(r"\s+", "", s)
        return s
    article = _LEADING_ARTICLE.get(language)
    if article:
        s = article.sub("", s, count=1)
    m = _INVERTED.match(s)
    if m:
        x, y = m["x"].strip(), m["y"].strip()
        tail = _INVERSION_TAIL.get(language)
        if tail is not None and tail.search(y):
            s = y + x if y.endswith("'") else f"{y} {x}"
        elif language == "ru":
            # "Боливия (Многонациональное Государство)" = "Многонациональное Государство Боливия"
            s = f"{y} {x}"
    elif language == "en":
        m = _EN_COMMA_INVERTED.match(s)  # "Venezuela, Bolivarian Republic of" (ISO style)
        if m:
            s = f"{m['y']} {m['x']}"
    return s


# --------------------------------------------------------------------------------------------- loading


def _data_lines(path: Path):
    """The lines of a data file without its ``#`` comment header (and without blank lines)."""
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line


def _date(value: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _periods(value: str, where: str) -> tuple[tuple[date, date | None], ...]:
    """Parse "1945-10-24..1958-02-21;1961-10-13.." into half-open periods."""
    periods = []
    for part in filter(None, (p.strip() for p in (value or "").split(";"))):
        start, sep, end = part.partition("..")
        if not sep or not start:
            raise ValueError(f"{where}: bad membership period {part!r} (expected START..[END])")
        periods.append((_date(start, where), _date(end, where)))
    return tuple(periods)


def load_countries(path: Path) -> list[CountryRecord]:
    """Read countries.csv into records (no cross-checks: the tests do those)."""
    records = []
    for i, row in enumerate(csv.DictReader(_data_lines(path)), start=1):
        where = f"{path.name} row {i} ({row.get('iso3')})"
        kind = row["kind"].strip()
        if kind not in KINDS:
            raise ValueError(f"{where}: bad kind {kind!r}")
        admitted = _date(row["admitted"], where)
        ended = _date(row["ended"], where)
        memberships = _periods(row.get("membership_periods", ""), where)
        if not memberships and admitted and kind != "observer":
            memberships = ((admitted, ended),)
        records.append(
            CountryRecord(
                iso3=row["iso3"].strip(),
                iso2=row["iso2"].strip() or None,
                m49=row["m49"].strip() or None,
                kind=kind,
                names={lang: row[f"name_{lang}"].strip() for lang in LANGUAGES if row[f"name_{lang}"].strip()},
                admitted=admitted,
                ended=ended,
                successors=tuple(s.strip() for s in row["successors"].split(";") if s.strip()),
                memberships=memberships,
                notes=row["notes"].strip(),
            )
        )
    return records


def load_other_names(path: Path) -> list[OtherName]:
    """Read country_names.csv."""
    names = []
    for i, row in enumerate(csv.DictReader(_data_lines(path)), start=1):
        where = f"{path.name} row {i} ({row.get('iso3')} {row.get('name')!r})"
        language = row["language"].strip()
        if language not in LANGUAGES:
            raise ValueError(f"{where}: bad language {language!r}")
        names.append(
            OtherName(
                iso3=row["iso3"].strip(),
                language=language,
                name=row["name"].strip(),
                valid_from=_date(row["valid_from"], where),
                valid_to=_date(row["valid_to"], where),
                note=row["note"].strip(),
            )
        )
    return names


# ------------------------------------------------------------------------------------------- directory


@dataclass(frozen=True)
class _Entry:
    """One way of writing one entity's name, as indexed for matching."""

    iso3: str
    name: str  # as written in the data, for suggestions
    valid_from: date | None
    valid_to: date | None
    primary: bool  # one of the entity's six short names

    def valid_on(self, on_date: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on_date) and (
            self.valid_to is None or on_date < self.valid_to
        )


class CountryDirectory:
    """All known States and all their names, indexed by (language, normalised name)."""

    def __init__(self, records: list[CountryRecord], other_names: list[OtherName]):
        self._records = {r.iso3: r for r in records}
        if len(self._records) != len(records):
            raise ValueError("duplicate iso3 in country records")
        self._other_names = list(other_names)
        self._index: dict[tuple[str, str], list[_Entry]] = {}
        for r in records:
            # A Member's or observer's short name stays valid for all dates (a name that never changed in a
            # language, like zh 土耳其, is still the name); a former State's name only while it was a Member,
            # so that "Yugoslavia" can mean the SFRY or the FRY depending on the date.
            if r.kind == "former" and r.memberships:
                valid_from, valid_to = r.memberships[0][0], r.memberships[-1][1]
            else:
                valid_from = valid_to = None
            for lang, nm in r.names.items():
                self._add(lang, _Entry(r.iso3, nm, valid_from, valid_to, primary=True))
        for o in other_names:
            if o.iso3 not in self._records:
                raise ValueError(f"country_names.csv: unknown iso3 {o.iso3!r} for {o.name!r}")
            self._add(o.language, _Entry(o.iso3, o.name, o.valid_from, o.valid_to, primary=False))

    def _add(self, language: str, entry: _Entry) -> None:
        bucket = self._index.setdefault((language, normalise(entry.name, language)), [])
        # The same entity may be reached twice through one key (e.g. a variant that normalises like the
        # short name); keep the first (primary names are added first) unless the dates differ.
        if not any(e.iso3 == entry.iso3 and (e.valid_from, e.valid_to) == (entry.valid_from, entry.valid_to)
                   for e in bucket):
            bucket.append(entry)

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR) -> "CountryDirectory":
        return cls(load_countries(data_dir / "countries.csv"), load_other_names(data_dir / "country_names.csv"))

    @classmethod
    def default(cls) -> "CountryDirectory":
        """The directory built from reference/data/*.csv, loaded once per process."""
        return _default_directory()

    # -- lookups

    def resolve(self, name: str, language: str, on_date: date | None = None) -> CountryRecord:
        """The entity printed as ``name`` in ``language``; raises :class:`UnknownCountryName`.

        With ``on_date``, a name valid on that date wins when one name meant different entities at
        different times ("Yugoslavia": SFRY before 1992-09-22, FRY 2000-11-01..2003-02-04).  Without it
        (or when no candidate was valid on that date) the current holder of the name wins, then an entity
        whose own short name it is.
        """
        entry = self._match(name, language, on_date)
        if entry is None:
            raise UnknownCountryName(name, language, self.suggest(name, language))
        return self._records[entry.iso3]

    def try_resolve(self, name: str, language: str, on_date: date | None = None) -> CountryRecord | None:
        """Like :meth:`resolve` but None for an unknown name."""
        entry = self._match(name, language, on_date)
        return None if entry is None else self._records[entry.iso3]

    def _match(self, name: str, language: str, on_date: date | None) -> _Entry | None:
        candidates = self._index.get((language, normalise(name, language)))
        if not candidates:
            return None
        if on_date is not None:
            valid = [e for e in candidates if e.valid_on(on_date)]
            if valid:
                candidates = valid

        def preference(e: _Entry):
            return (
                e.valid_to is None,  # still in use today
                e.primary,  # the entity's own short name
                self._records[e.iso3].kind != "former",
                e.valid_to or date.max,  # the most recent holder
            )

        return max(candidates, key=preference)

    def suggest(self, name: str, language: str, limit: int = 5) -> list[str]:
        """Known names of ``language`` close to ``name`` (for messages only, never for matching)."""
        key = normalise(name, language)
        by_key: dict[str, str] = {}
        for (lang, k), entries in self._index.items():
            if lang == language:
                by_key.setdefault(k, entries[0].name)
        close = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.5)
        # A fragment of a longer name (the PDF line break "白俄" / "罗斯") is worth naming too.
        if key and len(close) < limit:
            close += [k for k in sorted(by_key, key=len) if key in k and k not in close][: limit - len(close)]
        return [by_key[k] for k in close]

    def get(self, iso3: str) -> CountryRecord:
        """The record for ``iso3``; KeyError if unknown."""
        try:
            return self._records[iso3.upper()]
        except KeyError:
            raise KeyError(f"unknown iso3 code {iso3!r}") from None

    def all(self) -> list[CountryRecord]:
        """Every entity (Members, observers, former States), sorted by iso3."""
        return sorted(self._records.values(), key=lambda r: r.iso3)

    def is_member(self, iso3: str, on_date: date) -> bool:
        return self.get(iso3).is_member_on(on_date)

    def members_on(self, on_date: date) -> list[CountryRecord]:
        """The States that were UN Members on ``on_date`` (observer States are not), sorted by iso3."""
        return [r for r in self.all() if r.kind != "observer" and r.is_member_on(on_date)]

    def other_names(self) -> list[OtherName]:
        """Every name besides the six short names (former names, variants), for the CountryName table."""
        return list(self._other_names)

    def names_index(self) -> dict[tuple[str, str], list[tuple[str, date | None, date | None]]]:
        """(language, key) -> [(iso3, valid_from, valid_to)]: for integrity checks and debugging."""
        return {k: [(e.iso3, e.valid_from, e.valid_to) for e in v] for k, v in self._index.items()}


@functools.lru_cache(maxsize=1)
def _default_directory() -> CountryDirectory:
    return CountryDirectory.from_files(DATA_DIR)


def resolve(name: str, language: str, on_date: date | None = None) -> CountryRecord:
    """Shortcut for ``CountryDirectory.default().resolve(...)``."""
    return CountryDirectory.default().resolve(name, language, on_date)
