"""A small record built with factories (the `seed` fixture in tests/conftest.py is the real one)."""

import pytest

from .factories import build_mini


@pytest.fixture
def mini(db):
    return build_mini()
