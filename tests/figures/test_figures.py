"""votes.figures, the one home of the stored figures: each registered figure is restored by a recount after it
was corrupted, and every write path of the record (ingest, a correction of positions, an admin save, a
deletion) leaves every figure equal to a count from scratch."""

from __future__ import annotations

import pytest
from django.db import models
from django.db.models import Case, Value, When
from django.test import Client
from django.urls import reverse

from curation.services import set_positions
from tests.conftest import SEED_EN
from tests.curation.test_curation_corrections import post_data_of
from votes import figures
from votes.ingest import ingest_report_file
from votes.models import CountryTally, Draft, Paragraph, Position, Vote

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, dict[tuple, tuple]]:
    """Every stored figure, by figure and row key."""
    return {
        figure.name: {
            row[: len(figure.key)]: row[len(figure.key) :]
            for row in figure.model.objects.order_by().values_list(*figure.key, *figure.fields)
        }
        for figure in figures.FIGURES
    }


def from_scratch() -> dict[str, dict[tuple, tuple]]:
    """The figures as a full recount gives them (the current ones are restored afterwards by the rollback)."""
    figures.recount()
    return snapshot()


def corrupt(figure: figures.Figure) -> None:
    """Wrong values in every row of the figure, and, where rows are the figure's own, one row fewer."""
    wrong = {}
    for name in figure.fields:
        field = figure.model._meta.get_field(name)
        if isinstance(field, models.BooleanField):
            wrong[name] = Case(When(**{name: True}, then=Value(False)), default=Value(True))  # each row's flag turned over
        else:
            wrong[name] = "corrupted" if isinstance(field, models.TextField) else (0.5 if isinstance(field, models.FloatField) else 7)
    figure.model.objects.update(**wrong)
    if figure.model is not Vote:  # a vote is the record itself, not a figure
        figure.model.objects.order_by("pk").first().delete()


def test_every_stored_model_is_registered():
    stored = {figure.model for figure in figures.FIGURES}
    assert {CountryTally, Vote} <= stored and len(figures.FIGURES) == len({f.name for f in figures.FIGURES})
    with pytest.raises(ValueError, match="unknown figures: nothing"):
        figures.by_name(["nothing"])


@pytest.mark.parametrize("figure", figures.FIGURES, ids=lambda figure: figure.name)
def test_recount_restores_a_corrupted_figure(seed, figure):
    if figure.name == "ideal points":
        pytest.skip("fitted to plenary roll calls and the seed is a committee report: tests/analysis/test_idealpoints.py")
    before = snapshot()
    assert before[figure.name], "the seed gives every figure rows"
    corrupt(figure)
    assert snapshot()[figure.name] != before[figure.name]
    figures.recount([figure.name])
    assert snapshot() == before


def test_ingest_leaves_the_figures_as_a_recount_would(seed):
    assert snapshot() == from_scratch()
    assert snapshot()["vote counts"][(seed.votes.get(subject_label="PP18").pk,)] == (87, 53, 22, 31, 34)


def test_a_correction_of_positions_moves_every_figure(seed):
    vote = seed.votes.get(subject_label="PP18")
    listed = dict(vote.positions.exclude(position="absent").values_list("country_id", "position"))
    listed["CIV"] = "abstain"
    listed["USA"] = "yes"
    set_positions(vote, listed, reason="verbatim record")
    assert (vote.yes_count, vote.no_count, vote.abstain_count) == (87, 52, 23)
    assert snapshot() == from_scratch()


def test_an_admin_save_of_a_position_moves_every_figure(seed, editor_client):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="OP2", country_id="FRA")
    url = reverse("admin:votes_position_change", args=[position.pk])
    data = post_data_of(editor_client.get(url))
    data.update(position="yes" if position.position != "yes" else "no", reason="A/C.1/79/PV.31")
    assert editor_client.post(url, data).status_code == 302
    assert snapshot() == from_scratch()


def test_an_admin_save_of_a_paragraph_rewrites_its_search_row(seed, editor_client):
    paragraph = Paragraph.objects.get(draft=seed, voted_label="PP18")
    url = reverse("admin:votes_paragraph_change", args=[paragraph.pk])
    data = post_data_of(editor_client.get(url))
    data.update(text_en="Noting the zebra-striped export controls", reason="A/C.1/79/L.53/Rev.1, corrected text")
    assert editor_client.post(url, data).status_code == 302
    assert "zebra-striped" in seed.search_text.body
    assert snapshot() == from_scratch()


def test_deleting_votes_and_a_draft_takes_them_out_of_every_figure(seed):
    seed.votes.get(subject_label="OP2").delete()
    assert snapshot() == from_scratch()
    seed.votes.all().delete()  # one by one, as the admin's delete action does (a paragraph's vote protects it)
    assert snapshot() == from_scratch()
    Draft.objects.get(pk=seed.pk).delete()
    assert snapshot() == from_scratch()
    assert not CountryTally.objects.exists()


def test_nested_changes_take_a_vote_out_once(seed):
    vote = seed.votes.get(subject_label="whole")
    with figures.changing(votes=[vote.pk]) as outer:
        with figures.changing(votes=[vote.pk]) as inner:
            assert inner is outer
            vote.positions.filter(country_id="CHN").update(position="no")
        outer.include(votes=[vote.pk])
    assert snapshot() == from_scratch()


def test_a_failed_change_writes_no_figure(seed):
    before = snapshot()
    vote = seed.votes.get(subject_label="whole")
    with pytest.raises(RuntimeError):
        with figures.changing(votes=[vote.pk]):
            vote.positions.filter(country_id="CHN").update(position="no")
            raise RuntimeError("the change fails half-way")
    assert snapshot() == before


def test_a_second_language_changes_no_figure_but_the_search_row(seed):
    before = snapshot()
    ingest_report_file(SEED_EN)
    after = snapshot()
    assert {name: rows for name, rows in after.items() if name != "search rows"} == {
        name: rows for name, rows in before.items() if name != "search rows"
    }
    assert after == from_scratch()


def test_migrate_counts_a_figure_it_finds_empty(seed):
    """A figure added by a migration is counted by `migrate` itself: no backfill migration of its own."""
    from django.core.management import call_command

    before = snapshot()
    for figure in figures.FIGURES:
        if figure.model is not Vote:
            figure.model.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert snapshot() == before


def test_an_editor_deletes_a_mistaken_vote_in_the_admin_and_every_figure_follows(seed, editor_client):
    vote = seed.votes.get(subject_label="OP2")
    url = reverse("admin:votes_vote_delete", args=[vote.pk])
    confirmation = editor_client.get(url).content.decode()
    # The confirmation counts what goes with the vote (its 193 positions) and asks, instead of refusing.
    assert "Cannot delete" not in confirmation and "Positions: 193" in confirmation
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Vote.objects.filter(pk=vote.pk).exists() and not Position.objects.filter(vote_id=vote.pk).exists()
    assert snapshot() == from_scratch()


def test_an_editor_deletes_votes_from_the_list_and_a_viewer_cannot(seed, editor_client, viewer):
    ids = [str(pk) for pk in seed.votes.values_list("pk", flat=True)]
    changelist = reverse("admin:votes_vote_changelist")
    viewer_client = Client()
    viewer_client.force_login(viewer)
    assert viewer_client.get(reverse("admin:votes_vote_delete", args=[ids[0]])).status_code == 403
    viewer_client.post(changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert seed.votes.count() == len(ids)
    response = editor_client.post(changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert response.status_code == 302 and not seed.votes.exists()
    assert snapshot() == from_scratch()


def test_a_changed_position_writes_only_the_pairs_it_moves(seed, monkeypatch):
    """A vote touches every pair of the States on it (~25,000 rows here); inside a change the agreement figure
    writes the difference only: one State's position moved on one vote changes some of its pairs (both
    directions), not the rest."""
    from votes import agreement

    written = []
    for method in ("add", "add_difference", "subtract"):
        original = getattr(agreement.PAIRS, method)
        monkeypatch.setattr(agreement.PAIRS, method, lambda rows, original=original, method=method: written.append((method, len(rows))) or original(rows))
    vote = seed.votes.get(subject_label="PP18")
    old = vote.positions.get(country_id="CUB").position
    new = "no" if old == "yes" else "yes"
    # Its agreement moves with those that cast the old position or the new one; with the rest (another position
    # cast, or absent) nothing it counts changes.
    moved = vote.positions.exclude(country_id="CUB").filter(position__in=[old, new]).count()
    with figures.changing(votes=[vote.pk]):
        vote.positions.filter(country_id="CUB").update(position=new)
    assert moved > 50 and written == [("add_difference", 2 * moved)]
    assert snapshot() == from_scratch()
