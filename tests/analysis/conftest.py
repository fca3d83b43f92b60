import pytest

from tests.web.factories import build_mini


@pytest.fixture
def mini(db):
    """Six countries, three recorded votes of the First Committee (tests/web/factories.py)."""
    return build_mini()
