"""The staff accounts of tests/curation/conftest.py, for the admin's write paths."""

from tests.curation.conftest import editor, editor_client, viewer, viewer_client  # noqa: F401
