"""The Agreement Index on hand-computed cases, a vote's bloc breakdown, and the stored group figures."""

import datetime
import json

import pytest
from django.urls import reverse

from votes import figures
from votes.analysis.cohesion import agreement_index, breakdown, majority
from votes.models import GroupCohesion, GroupDissent, GroupMembership, Position, Vote


@pytest.mark.parametrize(
    "yes, no, abstain, expected",
    [
        (10, 0, 0, 1.0),  # unanimous
        (0, 0, 7, 1.0),  # unanimous abstention
        (1, 1, 1, 0.0),  # equal three-way split
        (5, 5, 0, 0.25),  # (5 − ½·5) / 10
        (3, 1, 0, 0.625),  # (3 − ½·1) / 4
        (6, 2, 2, 0.4),  # (6 − ½·4) / 10
        (1, 0, 0, 1.0),
    ],
)
def test_agreement_index_hand_computed(yes, no, abstain, expected):
    assert agreement_index(yes, no, abstain) == pytest.approx(expected)


def test_agreement_index_undefined_without_votes():
    assert agreement_index(0, 0, 0) is None


def test_majority_none_on_a_tie():
    assert majority({"yes": 2, "no": 2, "abstain": 1}) is None
    assert majority({"yes": 0, "no": 0, "abstain": 0}) is None
    assert majority({"yes": 1, "no": 2, "abstain": 0}) == "no"


def test_breakdown_counts_dissenters_and_ignores_absent():
    groups = {"A": ["G1"], "B": ["G1", "G2"], "C": ["G1"], "D": ["G2"], "E": ["G1"]}
    parts = breakdown([("A", "yes"), ("B", "yes"), ("C", "no"), ("D", "abstain"), ("E", "absent")], lambda c: groups[c])
    g1 = parts["G1"]
    assert g1.counts == {"yes": 2, "no": 1, "abstain": 0, "absent": 1}
    assert g1.majority == "yes" and g1.dissenters == [("C", "no")]
    assert g1.agreement_index == pytest.approx((2 - 0.5) / 3)
    assert parts["G2"].majority is None and parts["G2"].dissenters == []  # 1 yes, 1 abstain: a tie


@pytest.fixture
def seed_votes(seed):
    return list(Vote.objects.filter(draft=seed, method="recorded").order_by("order"))


def _by_hand(vote, code):
    """The group's counts on the vote computed straight from the positions and the membership table."""
    members = set(GroupMembership.objects.on(vote.date).filter(group_id=code).values_list("country_id", flat=True))
    counts = {"yes": 0, "no": 0, "abstain": 0, "absent": 0}
    for iso3, value in vote.positions.values_list("country_id", "position"):
        if iso3 in members:
            counts[value] += 1
    return counts


def test_bloc_breakdown_on_the_seed_votes(client, seed_votes):
    assert len(seed_votes) == 3
    for vote in seed_votes:
        response = client.get(reverse("vote-blocs", args=[vote.pk]), {"format": "json"})
        assert response.status_code == 200
        rows = {row["group"]: row for row in json.loads(b"".join(response.streaming_content))["results"]}
        assert set(rows) >= {"AFR", "APG", "EEG", "GRULAC", "WEOG", "EU", "LAS"}
        for code, row in rows.items():
            expected = _by_hand(vote, code)
            assert {k: row[k] for k in expected} == expected, (vote.subject_label, code)
            assert row["agreement_index"] == pytest.approx(
                agreement_index(expected["yes"], expected["no"], expected["abstain"]), abs=1e-4
            )
        # 193 Members on 2024-11-06: 54 + 53 + 23 + 33 + 28 members, the USA observing WEOG, Türkiye in two.
        assert sum(rows[c]["members"] for c in ("AFR", "APG", "EEG", "GRULAC", "WEOG")) == 193 - 1 + 1  # −KIR +TUR
        assert rows["EU"]["members"] == 27


def test_vote_page_shows_the_breakdown_with_its_definition(client, seed_votes):
    vote = seed_votes[-1]
    response = client.get(reverse("vote-detail", args=[vote.pk]), follow=True)
    html = response.content.decode()
    assert 'data-group="EU"' in html and "doi.org/10.1017/S0007123405000128" in html
    parts = {row.group.code: row for row in response.context["blocs"]}
    # The EU's dissenters on the page are exactly the EU members whose vote differs from the EU's majority.
    eu = parts["EU"]
    cast = {iso3: value for iso3, value in vote.positions.values_list("country_id", "position") if iso3 in eu.part.members}
    top = max(("yes", "no", "abstain"), key=lambda v: list(cast.values()).count(v))
    assert [iso3 for iso3, _, _ in eu.dissenters] == sorted(i for i, v in cast.items() if v in ("yes", "no", "abstain") and v != top)


def test_vote_page_queries_do_not_grow_with_groups(client, seed_votes, django_assert_max_num_queries):
    from votes.links import vote_path

    with django_assert_max_num_queries(12):
        assert client.get(vote_path(seed_votes[0])).status_code == 200


def test_stored_group_figures_follow_changes(seed_votes):
    figures.recount(["group cohesion"])
    vote = seed_votes[-1]
    eu = GroupCohesion.objects.get(group_id="EU", session_id=vote.session_id, body_id=vote.body_id)
    assert eu.votes == 3
    before = {(r.group_id, r.country_id): (r.votes, r.dissents) for r in GroupDissent.objects.all()}
    # Make Hungary vote against the EU majority on one vote, through the write path the record uses.
    hungary = Position.objects.get(vote=vote, country_id="HUN")
    others = [v for v in ("yes", "no", "abstain") if v != hungary.position]
    with figures.changing(votes=[vote.pk]):
        hungary.position = others[0]
        hungary.save()
    incremental = {(r.group_id, r.country_id): (r.votes, r.dissents) for r in GroupDissent.objects.all()}
    cohesion_incremental = {(r.group_id, r.session_id, r.body_id): (r.votes, r.ai_millionths, r.yes, r.no) for r in GroupCohesion.objects.all()}
    figures.recount(["group cohesion"])
    assert incremental == {(r.group_id, r.country_id): (r.votes, r.dissents) for r in GroupDissent.objects.all()}
    assert cohesion_incremental == {(r.group_id, r.session_id, r.body_id): (r.votes, r.ai_millionths, r.yes, r.no) for r in GroupCohesion.objects.all()}
    assert incremental != before


def test_group_pages(client, seed_votes, django_assert_max_num_queries):
    figures.recount(["group cohesion"])
    with django_assert_max_num_queries(6):
        listing = client.get(reverse("group-list"))
    assert listing.status_code == 200 and reverse("group-detail", args=["EU"]) in listing.content.decode()
    with django_assert_max_num_queries(10):
        page = client.get(reverse("group-detail", args=["EU"]))
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and 'role="img"' in html
    assert client.get(reverse("group-detail", args=["EU"]), {"body": "C.9"}).status_code == 400
    data = json.loads(b"".join(client.get(reverse("group-detail", args=["EU"]), {"format": "json"}).streaming_content))
    assert [row["votes"] for row in data["results"]] == [3]


def test_load_countries_loads_the_groups_idempotently_and_recounts_their_figures(seed_votes):
    from votes.countries import load_countries

    figures.recount(["group cohesion"])
    rows = sorted(GroupMembership.objects.values_list("group_id", "country_id", "start", "end", "role"))
    assert load_countries()["group_figures_recounted"] is False  # nothing changed: nothing recounted
    assert sorted(GroupMembership.objects.values_list("group_id", "country_id", "start", "end", "role")) == rows
    GroupMembership.objects.filter(group_id="EU", country_id="HUN").delete()
    GroupCohesion.objects.all().delete()
    assert load_countries()["group_figures_recounted"] is True
    assert GroupCohesion.objects.get(group_id="EU", session_id=79, body_id="C.1").votes == 3
    # Periods are cut to UN membership: the FRG's EU membership starts on its admission to the UN (1973-09-18).
    assert GroupMembership.objects.get(group_id="EU", country_id="DEU").start.isoformat() == "1973-09-18"


# --- cohesion by issue tag, on the real Voeten extract ---------------------------------------------------------


@pytest.fixture
def voeten_extract(countries):
    """The Voeten test extract (311 real plenary roll calls with their issue tags), imported."""
    from tests.voeten.test_voeten_import import EXTRACT
    from votes.voeten import import_voeten

    return import_voeten(EXTRACT)


def _issue_by_hand(code, tag):
    """(votes, split, mean Agreement Index) of a group over the recorded votes with the tag, from the positions
    and the membership table, vote by vote."""
    votes = split = 0
    indices = []
    for vote in Vote.objects.filter(issue_tags=tag, method="recorded", date__isnull=False):
        counts = _by_hand(vote, code)
        if counts["yes"] + counts["no"] + counts["abstain"] == 0:
            continue
        votes += 1
        indices.append(agreement_index(counts["yes"], counts["no"], counts["abstain"]))
        top = majority(counts)
        split += top is not None and sum(counts[v] for v in ("yes", "no", "abstain") if v != top) > 0
    return votes, split, sum(indices) / len(indices) if indices else None


def test_cohesion_by_issue_on_the_voeten_extract(voeten_extract):
    from votes.models import GroupIssueCohesion

    stored = {(r.group_id, r.issue_id): r for r in GroupIssueCohesion.objects.all()}
    assert {tag for _, tag in stored} == {"co", "di", "ec", "hr", "me", "nu"}
    for code, tag in (("EU", "hr"), ("AFR", "me"), ("WEOG", "nu"), ("LAS", "co")):
        votes, split, mean = _issue_by_hand(code, tag)
        row = stored[(code, tag)]
        assert votes > 0 and (row.votes, row.split) == (votes, split), (code, tag)
        assert row.mean_ai == pytest.approx(mean, abs=1e-5)
    before = sorted(GroupIssueCohesion.objects.values_list("group_id", "issue_id", *figures.GroupCohesionByIssue.fields))
    figures.recount(["group cohesion by issue"])
    assert sorted(GroupIssueCohesion.objects.values_list("group_id", "issue_id", *figures.GroupCohesionByIssue.fields)) == before


def test_group_page_shows_cohesion_by_issue_with_its_twins(client, voeten_extract, django_assert_max_num_queries):
    url = reverse("group-detail", args=["EU"])
    with django_assert_max_num_queries(11):
        page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and 'id="issues-heading"' in html
    table = html.split('class="issue-cohesion"')[1].split("</table>")[0]
    assert table.count("<tr data-issue=") == 6 and 'data-issue="hr"' in table and "?issue=hr" in table
    data = json.loads(b"".join(client.get(url, {"format": "json", "by": "issue"}).streaming_content))
    votes, split, mean = _issue_by_hand("EU", "hr")
    hr = next(row for row in data["results"] if row["issue"] == "hr")
    assert (hr["votes"], hr["split"], hr["mean_ai"]) == (votes, split, pytest.approx(mean, abs=1e-4))
    csv_text = b"".join(client.get(url, {"format": "csv", "by": "issue"}).streaming_content).decode()
    assert csv_text.splitlines()[0].startswith("group,issue,issue_name,votes,mean_ai") and len(csv_text.splitlines()) == 7
    assert client.get(url, {"by": "colour"}).status_code == 400


def test_new_group_memberships_recount_the_cohesion_by_issue(voeten_extract):
    """A membership file that changes (here: the African Union's rows taken out of the database and loaded again)
    recounts the figures by issue too, which count members on each vote's date."""
    from votes.countries import load_countries
    from votes.models import GroupIssueCohesion

    stored = sorted(GroupIssueCohesion.objects.values_list("group_id", "issue_id", "votes", "ai_millionths"))
    GroupMembership.objects.filter(group_id="AU").delete()
    figures.recount(["group cohesion by issue"])
    assert not GroupIssueCohesion.objects.filter(group_id="AU").exists()
    assert load_countries()["group_figures_recounted"] is True
    assert sorted(GroupIssueCohesion.objects.values_list("group_id", "issue_id", "votes", "ai_millionths")) == stored
    assert GroupIssueCohesion.objects.filter(group_id="AU").exists()  # the extract has roll calls since 2002
