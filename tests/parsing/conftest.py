"""Fixtures of the parser's tests.  They need neither Django nor a database:
``.venv/bin/python -m pytest tests/parsing -q -p no:django``."""

import pytest

from reference import CountryDirectory


@pytest.fixture(scope="session")
def directory() -> CountryDirectory:
    """The country directory, loaded once (loading is not part of what a parse costs)."""
    return CountryDirectory.default()
