"""The database, not just the forms, keeps the record consistent: each constraint is tried and must refuse."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from votes.models import Body, Country, Document, Draft, Paragraph, Position, Session, Sponsorship, Vote


@pytest.fixture
def draft(countries):
    session = Session.for_number(79)
    return Draft.objects.create(symbol="A/C.1/79/L.1", kind="resolution", session=session, body=Body.objects.get(code="C.1"))


def make_vote(draft, **overrides):
    fields = dict(
        draft=draft,
        subject="whole",
        subject_label="whole",
        method="recorded",
        outcome="adopted",
        body=draft.body,
        session=draft.session,
        date=datetime.date(2024, 11, 6),
        stated_yes=1,
        stated_no=0,
        stated_abstain=0,
    )
    fields.update(overrides)
    return Vote.objects.create(**fields)


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_one_position_per_country_and_vote(draft):
    vote = make_vote(draft)
    Position.objects.create(vote=vote, country_id="CHN", position="yes")
    refused(lambda: Position.objects.create(vote=vote, country_id="CHN", position="no"))


def test_one_sponsorship_per_country_and_draft(draft):
    Sponsorship.objects.create(draft=draft, country_id="CHN", kind="original")
    refused(lambda: Sponsorship.objects.create(draft=draft, country_id="CHN", kind="later"))


def test_stated_tally_cannot_be_negative(draft):
    refused(lambda: make_vote(draft, stated_no=-1))


def test_a_vote_without_a_vote_has_no_tally(draft):
    refused(lambda: make_vote(draft, method="without_vote"))
    assert make_vote(draft, method="without_vote", stated_yes=None, stated_no=None, stated_abstain=None).pk


def test_a_paragraph_vote_needs_a_paragraph_and_only_it_has_one(draft):
    paragraph = Paragraph.objects.create(draft=draft, part="operative", number=2, voted_label="OP2", label="OP2")
    report = Document.objects.create(language="en", body=draft.body, session=draft.session, file_name="r.txt", sha256="0" * 64)
    refused(lambda: make_vote(draft, subject="paragraph", subject_label="OP2", document=report))
    refused(lambda: make_vote(draft, subject="whole", paragraph=paragraph))
    # A dataset's roll call coded "on a paragraph" without naming it (no document) is kept as the data give it.
    assert make_vote(draft, subject="paragraph", subject_label="RC1").paragraph is None


def test_a_paragraph_vote_points_at_a_paragraph_of_the_same_draft(draft):
    other = Draft.objects.create(symbol="A/C.1/79/L.2", kind="resolution", session=draft.session, body=draft.body)
    foreign = Paragraph.objects.create(draft=other, part="preambular", number=1, voted_label="PP1", label="PP1")
    refused(lambda: make_vote(draft, subject="paragraph", subject_label="PP1", paragraph=foreign))
    own = Paragraph.objects.create(draft=draft, part="preambular", number=1, voted_label="PP1", label="PP1")
    vote = make_vote(draft, subject="paragraph", subject_label="PP1", paragraph=own)
    # Moving the vote to the other draft afterwards is refused too.
    refused(lambda: Vote.objects.filter(pk=vote.pk).update(draft=other))


def test_one_vote_per_subject_of_a_draft_in_a_body(draft):
    make_vote(draft)
    refused(lambda: make_vote(draft))


def test_draft_symbols_are_unique(draft):
    refused(lambda: Draft.objects.create(symbol=draft.symbol, kind="decision", session=draft.session, body=draft.body))


def test_membership_queryset_follows_admission_dates(countries):
    assert Country.objects.members_on(datetime.date(2024, 11, 6)).count() == 193
    assert Country.objects.members_on(datetime.date(1946, 1, 1)).count() == 51
    # South Sudan was admitted on 14 July 2011.
    assert not Country.objects.members_on(datetime.date(2011, 7, 13)).filter(iso3="SSD").exists()
    assert Country.objects.members_on(datetime.date(2011, 7, 14)).filter(iso3="SSD").exists()
