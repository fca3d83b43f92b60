"""The staff accounts of tests/curation/conftest.py, for the admin's write paths; the seed with an issue tag."""

import pytest

from tests.curation.conftest import editor, editor_client, viewer, viewer_client  # noqa: F401


@pytest.fixture
def seed(seed):
    """The seed report's votes tagged "di" (Voeten's "Arms control and disarmament": the draft, on peaceful uses
    in the context of international security, is the First Committee's), as an import would tag them, so that
    the figures by issue have rows for every write path below to keep in step."""
    from votes import figures
    from votes.models import IssueTag, Vote

    tag, _ = IssueTag.objects.get_or_create(code="di", defaults={"name": "Arms control and disarmament"})
    votes = list(seed.votes.recorded())
    with figures.changing(votes=[vote.pk for vote in votes]):
        Vote.issue_tags.through.objects.bulk_create([Vote.issue_tags.through(vote=vote, issuetag=tag) for vote in votes])
    return seed
