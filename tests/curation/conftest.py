"""Staff accounts and the admin's test client for the curation workflows."""

import datetime
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
PP18_DATE = datetime.date(2024, 11, 6)
PASSWORD = "a-long-test-passphrase-7"


def pp18_lists(language: str) -> dict[str, str]:
    """The seed's PP18 lists as printed in `language` ("zh" or "en")."""
    return {key: (DATA / f"pp18.{language}.{key}.txt").read_text(encoding="utf-8") for key in ("yes", "no", "abstain")}


def pp18_expected() -> dict:
    return json.loads((DATA / "pp18.expected.json").read_text(encoding="utf-8"))


def vote_form(paragraph, lists, **overrides):
    """The add/change form of a vote on PP18 as an editor fills it in."""
    data = {
        "draft": paragraph.draft_id,
        "subject": "paragraph",
        "paragraph": paragraph.pk,
        "amendment_symbol": "",
        "subject_label": "",
        "method": "recorded",
        "outcome": "retained",
        "body": "",
        "session": "",
        "meeting": "31",
        "date": "2024-11-06",
        "order": "0",
        "document": "",
        "stated_yes": "87",
        "stated_no": "53",
        "stated_abstain": "22",
        "language": "",
        "yes_list": lists["yes"],
        "no_list": lists["no"],
        "abstain_list": lists["abstain"],
        "reason": "",
    }
    data.update(overrides)
    return data


def positions_of(vote) -> dict[str, str]:
    return dict(vote.positions.values_list("country_id", "position"))


@pytest.fixture
def editor(db):
    from curation.services import create_staff_user

    return create_staff_user("editor", PASSWORD, "editors")


@pytest.fixture
def viewer(db):
    from curation.services import create_staff_user

    return create_staff_user("viewer", PASSWORD, "viewers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client
