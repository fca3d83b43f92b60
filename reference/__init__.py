"""Country reference data and the name resolver (plain Python, no Django).  See reference/countries.py."""

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

__all__ = [
    "KINDS",
    "LANGUAGES",
    "CountryDirectory",
    "CountryRecord",
    "OtherName",
    "UnknownCountryName",
    "normalise",
    "resolve",
]
