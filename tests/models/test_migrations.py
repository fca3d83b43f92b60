"""Migrations that fill tables run their own frozen code, never today's: 0006 counts the stored figures and 0007
the search rows of a database that predates them, and give what today's code counts over the same record."""

import random

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from votes import agreement, search
from votes.models import AgreementScore, CountryTally, DraftSearchText

CODES = ["AAA", "BBB", "CCC", "DDD", "EEE"]


def migrate_to(*targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))
    return executor.loader.project_state(list(targets)).apps


def build_record(apps) -> None:
    """A few drafts and recorded votes through the models as they stood at votes 0005."""
    rng = random.Random(3)
    Country, Session, Body = (apps.get_model("votes", name) for name in ("Country", "Session", "Body"))
    Draft, Paragraph, Vote, Position = (apps.get_model("votes", name) for name in ("Draft", "Paragraph", "Vote", "Position"))
    for code in CODES:
        Country.objects.create(iso3=code, kind="member", name_en=code)
    session = Session.objects.create(number=79, start_year=2024)
    body, _ = Body.objects.get_or_create(code="C.1", defaults={"name_en": "First Committee", "order": 1})
    for n in range(4):
        draft = Draft.objects.create(symbol=f"A/C.1/79/L.{n}", kind="resolution", session=session, body=body,
                                     title_en=f"Draft   Number {n}", title_fr=f"Projet {n}")
        Paragraph.objects.create(draft=draft, part="operative", number=1, voted_label="OP1", order=0, text_en="Calls  UPON all")
        counts = dict.fromkeys(("yes", "no", "abstain", "absent"), 0)
        vote = Vote.objects.create(draft=draft, subject="whole", subject_label="whole", method="recorded",
                                   outcome="adopted", session=session, body=body)
        for code in CODES:
            value = rng.choice(list(counts))
            counts[value] += 1
            Position.objects.create(vote=vote, country_id=code, position=value)
        Vote.objects.filter(pk=vote.pk).update(**{f"{value}_count": n for value, n in counts.items()})


@pytest.mark.django_db(transaction=True)
def test_the_filling_migrations_count_what_todays_code_counts():
    old_apps = migrate_to(("votes", "0005_position_indexes_and_statistics"))
    build_record(old_apps)
    migrate_to(("votes", "0007_draft_search_text"))
    filled_pairs = set(AgreementScore.objects.values_list("country_id", "other_id", "common", "same", "votes", "agreed", "score"))
    filled_tallies = set(CountryTally.objects.values_list("country_id", *CountryTally.FIELDS))
    filled_search = set(DraftSearchText.objects.values_list("draft_id", "heading", "body"))
    assert len(filled_pairs) == len(CODES) * (len(CODES) - 1) and len(filled_search) == 4
    migrate_to(*MigrationExecutor(connection).loader.graph.leaf_nodes())
    agreement.refresh_pairs()
    agreement.refresh_tallies()
    search.rebuild_search_texts()
    recounted_pairs = set(AgreementScore.objects.values_list("country_id", "other_id", "common", "same", "votes", "agreed", "score"))
    assert {row[:6] for row in filled_pairs} == {row[:6] for row in recounted_pairs}
    assert {row[0:2]: round(row[6], 9) if row[6] is not None else None for row in filled_pairs} == {
        row[0:2]: round(row[6], 9) if row[6] is not None else None for row in recounted_pairs
    }
    assert filled_tallies == set(CountryTally.objects.values_list("country_id", *CountryTally.FIELDS))
    assert filled_search == set(DraftSearchText.objects.values_list("draft_id", "heading", "body"))


@pytest.mark.django_db(transaction=True)
def test_0018_writes_the_resolution_into_the_rows_as_todays_code_does():
    old_apps = migrate_to(("votes", "0017_agreement_by_body_and_cohesion_by_issue"))
    build_record(old_apps)
    Draft, DraftSearchText_ = old_apps.get_model("votes", "Draft"), old_apps.get_model("votes", "DraftSearchText")
    Draft.objects.filter(symbol="A/C.1/79/L.1").update(resolution="A/RES/79/6")
    Draft.objects.filter(symbol="A/C.1/79/L.2").update(resolution="A/C.1/79/L.2")  # a dataset's: symbol = resolution
    # The rows as they stood before 0018: symbol and titles only.
    DraftSearchText_.objects.all().delete()
    for pk, symbol, title in Draft.objects.values_list("pk", "symbol", "title_en"):
        DraftSearchText_.objects.create(draft_id=pk, heading=f"{symbol.lower()}\n{search.search_key(title)}", body="")
    migrate_to(("votes", "0018_search_heading_with_resolution"))
    migrated = dict(DraftSearchText.objects.values_list("draft__symbol", "heading"))
    assert migrated["A/C.1/79/L.1"] == "a/c.1/79/l.1\na/res/79/6\ndraft number 1\nprojet 1"
    assert migrated["A/C.1/79/L.2"] == "a/c.1/79/l.2\ndraft number 2"  # untouched: nothing to add
    migrate_to(*MigrationExecutor(connection).loader.graph.leaf_nodes())
    search.rebuild_search_texts()
    recounted = dict(DraftSearchText.objects.values_list("draft__symbol", "heading"))
    assert migrated["A/C.1/79/L.1"] == recounted["A/C.1/79/L.1"]


@pytest.mark.django_db(transaction=True)
def test_0020_writes_the_rows_over_all_bodies_as_todays_code_does():
    """A session of two bodies gets a row per country over both, the sums of its bodies' rows; a session of one
    body its rows marked as standing for all bodies. The body rows are today's code's (the count per body did not
    change in 0020): counted after the migration, then taken back to 0019 with the migration undone."""
    from votes.analysis import similarity
    from votes.models import CountrySession

    old_apps = migrate_to(("votes", "0019_ordering_by_columns"))
    build_record(old_apps)
    Vote, Session, Body = (old_apps.get_model("votes", name) for name in ("Vote", "Session", "Body"))
    plenary, _ = Body.objects.get_or_create(code="GA", defaults={"name_en": "General Assembly", "order": 0})
    Vote.objects.filter(draft__symbol="A/C.1/79/L.3").update(body=plenary)  # session 79: two bodies
    Vote.objects.filter(draft__symbol="A/C.1/79/L.0").update(session=Session.objects.create(number=78, start_year=2023))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate_to(*latest)
    similarity.rebuild()
    columns = ("country_id", "session_id", "body_id", "sole_body", "yes", "no", "abstain", "absent", "pairs")
    counted = set(CountrySession.objects.values_list(*columns))
    assert {(row[1], row[2], row[3]) for row in counted} == {(78, "C.1", True), (79, "C.1", False), (79, "GA", False), (79, None, False)}
    migrate_to(("votes", "0019_ordering_by_columns"))
    migrate_to(*latest)
    assert set(CountrySession.objects.values_list(*columns)) == counted
