"""Votes addressed by what they are: the draft's symbol and the subject, the body between them when it is not
the draft's own; old id addresses and Voeten's roll-call ids redirect permanently, query kept."""

from pathlib import Path

import pytest
from django.urls import reverse

from votes.models import Vote
from votes.plenary import ingest_plenary_file
from votes.voeten import import_voeten

ROOT = Path(__file__).resolve().parents[2]


def test_a_committee_vote_is_addressed_by_draft_and_subject(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="PP18")
    page = client.get("/votes/A/C.1/79/L.53/Rev.1/PP18/")
    assert page.status_code == 200 and page.context["vote"] == vote
    assert client.get("/votes/A/C.1/79/L.53/Rev.1/whole/").context["vote"].subject == "whole"
    assert client.get("/votes/A/C.1/79/L.53/Rev.1/PP99/").status_code == 404
    assert client.get("/votes/A/C.1/79/L.53/PP18/").status_code == 404


def test_old_id_addresses_redirect_permanently_keeping_the_query(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="PP18")
    response = client.get(f"/votes/{vote.pk}/", {"format": "csv"})
    assert response.status_code == 301 and response["Location"] == "/votes/A/C.1/79/L.53/Rev.1/PP18/?format=csv"
    assert client.get("/votes/999999/").status_code == 404


def test_pages_and_exports_link_the_readable_address(client, seed):
    assert 'href="/votes/A/C.1/79/L.53/Rev.1/PP18/"' in client.get("/votes/").content.decode()
    assert 'href="/votes/A/C.1/79/L.53/Rev.1/PP18/"' in client.get(reverse("draft-detail", args=[seed.symbol])).content.decode()


def test_plenary_votes_on_a_committee_draft_and_roll_calls(client, countries):
    import_voeten(ROOT / "tests" / "fixtures" / "voeten")
    ingest_plenary_file(ROOT / "corpus" / "plenary" / "A-48-PV.46_en.txt")
    vote = Vote.objects.get(roll_call__rcid=3739)
    draft = vote.draft
    expected = f"/votes/{draft.symbol}/whole/" if draft.body_id == "GA" else f"/votes/{draft.symbol}/GA/whole/"
    response = client.get("/votes/voeten/3739/")
    assert response.status_code == 301 and response["Location"] == expected
    assert client.get(expected).context["vote"] == vote
    dataset_only = Vote.objects.filter(roll_call__isnull=False, document__isnull=True).select_related("draft").first()
    assert client.get(f"/votes/{dataset_only.draft.symbol}/{dataset_only.subject_label}/").context["vote"] == dataset_only



@pytest.mark.django_db
def test_an_address_read_two_ways_names_the_longest_symbol_then_the_draft_s_own_body():
    """ "A/C.1/79/L.9/Rev.1/whole" is the revision's vote, or a vote of the unrevised draft in a body "Rev.1"
    (there is none, but the address cannot tell): the longest symbol wins. A plenary vote on a committee draft
    is addressed with its body, and each vote's address (votes.links) leads back to it."""
    from tests.web.factories import DraftFactory, make_vote
    from votes.links import vote_address

    unrevised, revised = DraftFactory(symbol="A/C.1/79/L.9"), DraftFactory(symbol="A/C.1/79/L.9/Rev.1")
    unrevised_whole, revised_whole = make_vote(unrevised), make_vote(revised)
    in_plenary = Vote.objects.create(
        draft=revised, subject="whole", subject_label="whole", method="without_vote", outcome="adopted",
        body_id="GA", session=revised.session, order=1,
    )
    addresses = ("A/C.1/79/L.9/whole", "A/C.1/79/L.9/Rev.1/whole", "A/C.1/79/L.9/Rev.1/GA/whole", "A/C.1/79/L.9/GA/whole")
    assert [Vote.objects.at_address(address) for address in addresses] == [unrevised_whole, revised_whole, in_plenary, None]
    for vote in (unrevised_whole, revised_whole, in_plenary):
        assert Vote.objects.at_address(vote_address(vote.draft.symbol, vote.draft.body_id, vote.body_id, vote.subject_label)) == vote
