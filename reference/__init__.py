"""Country reference data, the name resolver and the country-list splitter (plain Python, no Django).  See
reference/countries.py and reference/lists.py."""

from reference.countries import (
    KINDS,
    LANGUAGES,
    CountryDirectory,
    CountryRecord,
    OtherName,
    UnknownCountryName,
    normalise,
    resolve,
)
from reference.lists import ListedName, split_names

__all__ = [
    "KINDS",
    "LANGUAGES",
    "CountryDirectory",
    "CountryRecord",
    "ListedName",
    "OtherName",
    "UnknownCountryName",
    "normalise",
    "resolve",
    "split_names",
]
