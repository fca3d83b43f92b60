"""The world map of a vote: every State drawn from Natural Earth's outlines (static/vendor/world-atlas, converted
once by benchmarks/world_map.py), filled by its position on the vote — by pattern as well as colour, with a legend
and a table as its text alternative. Keyed by ISO numeric / M49 code (countries.csv `m49`)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from django.contrib.staticfiles import finders

from reference import CountryDirectory

ASSET = "vendor/world-atlas/world-110m.json"
NOT_A_MEMBER = "none"

# Former States have no outline of their own: drawn on their successors' outlines (those not Members themselves
# on the day); the GDR, Democratic Yemen and Zanzibar, whose successor's outline belongs to a State that voted
# beside them, are dots of their own in the asset (keyed by ISO3).
FORMER_TERRITORY = {
    "SUN": ("RUS", "UKR", "BLR", "EST", "LVA", "LTU", "MDA", "GEO", "ARM", "AZE", "KAZ", "UZB", "TKM", "KGZ", "TJK"),
    "YUG": ("SVN", "HRV", "BIH", "SRB", "MNE", "MKD"),
    "CSK": ("CZE", "SVK"),
}


# SVG path data: commands, numbers, separators. The map's markup writes outlines unescaped (votes.templatetags).
PATH_DATA = re.compile(r"[MLHVCSQTAZmlhvcsqtaz0-9.,eE+\- ]*")


@functools.lru_cache(maxsize=1)
def outlines() -> dict:
    with open(finders.find(ASSET), encoding="utf-8") as handle:
        data = json.load(handle)
    for m49, d in data["shapes"].items():
        if not PATH_DATA.fullmatch(d):
            raise ValueError(f"{ASSET}: the outline of {m49} is not SVG path data")
    return data


@dataclass
class MapCountry:
    iso3: str
    name: str
    position: str  # yes / no / abstain / absent, or "none": not a Member on the day
    d: str = ""  # an outline, or
    cx: float | None = None  # a dot
    cy: float | None = None


@dataclass
class VoteMap:
    width: int
    height: int
    shapes: list[MapCountry]
    dots: list[MapCountry]
    unmapped: list[MapCountry]  # States that voted but have no outline or dot (listed under the map)


def reference_countries(language: str) -> list[tuple[str, str, str]]:
    """(iso3, m49, name) of every State in the country reference (the files `load_countries` loads; no query)."""
    return [(r.iso3, r.m49 or "", r.name(language)) for r in CountryDirectory.default().all()]


def vote_map(positions: dict[str, str], language: str = "en", countries: list[tuple[str, str, str]] | None = None) -> VoteMap | None:
    """`positions`: iso3 → position on the vote; `countries`: (iso3, m49, name) of every State known (by default
    the country reference). None when nobody voted."""
    if not positions:
        return None
    countries = countries if countries is not None else reference_countries(language)
    data = outlines()
    by_m49 = {m49: (iso3, name) for iso3, m49, name in countries if m49}
    names = {iso3: name for iso3, _, name in countries}
    m49_of = {iso3: m49 for iso3, m49, _ in countries}
    # Outline m49 → the State drawn there: the State itself, else a former State holding that territory.
    drawn: dict[str, tuple[str, str]] = {}
    for former, successors in FORMER_TERRITORY.items():
        if former in positions:
            for successor in successors:
                if successor not in positions and m49_of.get(successor):
                    drawn[m49_of[successor]] = (former, names.get(former, former))
    shapes, dots, placed = [], [], set()
    for m49, d in data["shapes"].items():
        iso3, name = by_m49.get(m49, ("", ""))
        if iso3 not in positions and m49 in drawn:
            iso3, name = drawn[m49]
        shapes.append(MapCountry(iso3, name, positions.get(iso3, NOT_A_MEMBER), d=d))
        placed.add(iso3)
    for key, (x, y) in data["dots"].items():
        iso3, name = (key, names.get(key, key)) if key in names else by_m49.get(key, ("", ""))
        if iso3 in positions and iso3 not in placed:
            dots.append(MapCountry(iso3, name, positions[iso3], cx=x, cy=y))
            placed.add(iso3)
    unmapped = [MapCountry(iso3, names.get(iso3, iso3), value) for iso3, value in sorted(positions.items()) if iso3 not in placed]
    return VoteMap(data["width"], data["height"], shapes, dots, unmapped)
