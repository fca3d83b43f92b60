"""Fixtures of the plenary parser's tests (no Django, no database needed for the parser's own tests)."""

import pytest

from reference import CountryDirectory


@pytest.fixture(scope="session")
def directory() -> CountryDirectory:
    return CountryDirectory.default()
