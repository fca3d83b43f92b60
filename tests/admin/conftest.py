"""The staff accounts of tests/curation/conftest.py, for the admin tests too."""

from tests.curation.conftest import editor, editor_client, viewer, viewer_client  # noqa: F401
