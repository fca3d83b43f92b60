"""Country analysis: votes most / least like a State over sessions, two States' agreement by session, shares by
session — from the stored per-session figures, equal to a count by hand and to a recount after a change."""

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from django.urls import reverse

from tests.web.factories import DraftFactory, make_vote
from votes import figures
from votes.analysis import similarity
from votes.models import CountrySession, Session


def by_hand(votes, a, b):
    """(n, agreed) of two States over votes, from their positions."""
    n = agreed = 0
    for vote in votes:
        positions = dict(vote.positions.values_list("country_id", "position"))
        pa, pb = positions.get(a), positions.get(b)
        if pa in ("yes", "no", "abstain") and pb in ("yes", "no", "abstain"):
            n += 1
            agreed += pa == pb
    return n, agreed


@pytest.fixture
def two_sessions(mini):
    """The mini record (session 79) plus two votes of session 78."""
    old = DraftFactory(symbol="A/C.1/78/L.1", session=Session.for_number(78))
    v1 = make_vote(old, "whole", date=datetime.date(2023, 11, 1), yes=["CHN", "USA", "FRA"], no=["BRA"], abstain=["CIV"])
    v2 = make_vote(old, "amendment:A/C.1/78/L.9", date=datetime.date(2023, 11, 1), yes=["CHN", "BRA"], no=["USA", "FRA", "CIV"])
    figures.recount()  # every figure: a change takes its votes out of all of them
    return {**mini, "old": [v1, v2], "new": [mini["pp2"], mini["op1"], mini["whole"]]}


def test_most_and_least_like_over_sessions(two_sessions):
    rows = {other: (n, g) for other, n, g, _ in similarity.most_and_least_like("CHN", limit=10)[0]}
    for other in ("USA", "BRA", "CIV", "FRA", "MDG"):
        expected = by_hand(two_sessions["old"] + two_sessions["new"], "CHN", other)
        assert rows.get(other, (0, 0)) == expected, other
    only_78 = {other: (n, g) for other, n, g, _ in similarity.most_and_least_like("CHN", 78, 78, limit=10)[0]}
    assert only_78 == {o: by_hand(two_sessions["old"], "CHN", o) for o in ("USA", "BRA", "CIV", "FRA")}
    most, least, _ = similarity.most_and_least_like("USA", 79, 79, limit=1)
    # FRA agreed with the USA on 2 of 3; BRA, CHN and CIV on none of 3: a tie goes to the larger n, then the code.
    assert most[0] == ("FRA", 3, 2, pytest.approx(2 / 3)) and least[0] == ("BRA", 3, 0, 0.0)


def test_agreement_by_session_and_shares(two_sessions):
    assert similarity.agreement_by_session("USA", "CHN") == [
        (78, *by_hand(two_sessions["old"], "USA", "CHN")), (79, *by_hand(two_sessions["new"], "USA", "CHN"))
    ]
    shares = {row["session_id"]: row for row in similarity.shares_by_session("MDG")}
    assert (shares[79]["yes"], shares[79]["absent"]) == (1, 2) and 78 not in shares


def test_incremental_equals_recount(two_sessions):
    vote = two_sessions["old"][0]
    with figures.changing(votes=[vote.pk]):
        vote.positions.filter(country_id="CHN").update(position="no")
    def stored():
        return sorted(CountrySession.objects.values_list("country_id", "session_id", "yes", "no", "abstain", "absent", "pairs"))

    incremental = stored()
    assert similarity.agreement_by_session("CHN", "USA")[0] == (78, *by_hand(two_sessions["old"], "CHN", "USA"))
    figures.recount(["agreement by session"])
    assert incremental == stored()


def test_a_deleted_vote_leaves_its_session_counted(two_sessions):
    """The deleted vote's session loses its rows before the delete and is counted again from its other vote."""
    first, second = two_sessions["old"]
    first.delete()
    assert similarity.agreement_by_session("CHN", "USA")[0] == (78, *by_hand([second], "CHN", "USA"))
    second.delete()
    assert [row[0] for row in similarity.agreement_by_session("CHN", "USA")] == [79]


def test_country_analysis_page(client, two_sessions, django_assert_max_num_queries):
    url = reverse("country-analysis", args=["CHN"])
    with django_assert_max_num_queries(8):
        response = client.get(url, {"start": 78, "end": 78})
    html = response.content.decode()
    assert response.status_code == 200 and "n = 2" in html and 'id="shares-chart"' in html
    assert client.get(url, {"start": 79, "end": 78}).status_code == 400
    assert client.get(url, {"start": "x"}).status_code == 400


def test_compare_page_charts_two_countries_by_session(client, two_sessions):
    response = client.get(reverse("country-compare"), {"a": "USA", "b": "CHN"})
    chart = response.context["agreement_chart"]
    assert [(p.label, p.n) for p in chart.points] == [("78", 2), ("79", 3)]
    assert [round(p.value, 4) for p in chart.points] == [
        round(g / n, 4) for n, g in (by_hand(two_sessions["old"], "USA", "CHN"), by_hand(two_sessions["new"], "USA", "CHN"))
    ]
    html = response.content.decode()
    assert 'id="agreement-chart"' in html and "<table>" in html.split('id="agreement-chart"')[1]


# --- by body ------------------------------------------------------------------------------------------------


@pytest.fixture
def with_plenary(two_sessions):
    """Two sessions of First Committee votes plus a plenary vote of session 78 on which CHN and USA differ."""
    from votes.models import Body

    draft = DraftFactory(symbol="A/78/L.5", session=Session.for_number(78), body=Body.objects.get(code="GA"))
    with figures.changing() as change:
        plenary = make_vote(draft, "whole", date=datetime.date(2023, 12, 5), yes=["CHN", "BRA", "CIV"], no=["USA"], abstain=["FRA"])
        change.created(votes=[plenary.pk])
    return {**two_sessions, "plenary": [plenary]}


def test_agreement_is_stored_per_body_and_summed_over_bodies(with_plenary):
    """The plenary vote, created through the figures' change, is counted in its own body's rows; session 78 then
    voted in two bodies and has rows over both (body empty), their sums; session 79, in one, has none: its body's
    rows stand for it. A recount gives the same rows."""
    assert set(CountrySession.objects.filter(session_id=78).values_list("body_id", "sole_body")) == {("C.1", False), ("GA", False), (None, False)}
    assert set(CountrySession.objects.filter(session_id=79).values_list("body_id", "sole_body")) == {("C.1", True)}
    for all_bodies in CountrySession.objects.filter(session_id=78, body__isnull=True):
        in_bodies = CountrySession.objects.filter(session_id=78, country_id=all_bodies.country_id, body__isnull=False)
        assert all_bodies.yes == sum(row.yes for row in in_bodies) and all_bodies.absent == sum(row.absent for row in in_bodies)
    committee, plenary = with_plenary["old"], with_plenary["plenary"]
    for body, votes in (("C.1", committee), ("GA", plenary), (None, committee + plenary)):
        rows = {o: (n, g) for o, n, g, _ in similarity.most_and_least_like("CHN", 78, 78, limit=10, body=body)[0]}
        assert rows == {o: by_hand(votes, "CHN", o) for o in ("USA", "BRA", "CIV", "FRA")}, body
    # The whole record in every body is read from the agreement figure, kept by the same change: the sums of
    # the session rows over every session.
    whole = similarity.most_and_least_like("CHN", limit=10)
    assert {o: (n, g) for o, n, g, _ in whole.most} == {o: by_hand(committee + with_plenary["new"] + plenary, "CHN", o) for o in ("USA", "BRA", "CIV", "FRA", "MDG")}
    assert whole == similarity.most_and_least_like("CHN", 1, 80, limit=10)
    assert similarity.agreement_by_session("CHN", "USA", body="GA") == [(78, 1, 0)]
    assert similarity.agreement_by_session("CHN", "USA")[0] == (78, *by_hand(committee + plenary, "CHN", "USA"))
    shares = {row["session_id"]: row for row in similarity.shares_by_session("CHN", "GA")}
    assert list(shares) == [78] and (shares[78]["yes"], shares[78]["no"]) == (1, 0)
    every = {row["session_id"]: row for row in similarity.shares_by_session("CHN")}
    assert every[78]["yes"] == sum(by_hand_position(v, "CHN") == "yes" for v in committee + plenary)
    columns = ("country_id", "session_id", "body_id", "sole_body", "yes", "no", "abstain", "absent", "pairs")
    stored = set(CountrySession.objects.values_list(*columns))
    figures.recount(["agreement by session"])
    assert set(CountrySession.objects.values_list(*columns)) == stored


def by_hand_position(vote, iso3):
    return dict(vote.positions.values_list("country_id", "position")).get(iso3)


def test_country_analysis_by_body_page(client, with_plenary, django_assert_max_num_queries):
    url = reverse("country-analysis", args=["CHN"])
    for params in ({"body": "GA"}, {"body": "C.1", "start": 78, "end": 79}, {}):
        with django_assert_max_num_queries(9):
            response = client.get(url, params)
        assert response.status_code == 200
    response = client.get(url, {"body": "GA", "start": 78, "end": 78})
    html = response.content.decode()
    # In the plenary vote CHN agreed with BRA and CIV (n = 1) and with neither USA nor FRA.
    most = html.split('class="agreement most"')[1].split("</ol>")[0]
    assert 'data-country="BRA"' in most and "(1 / n = 1)" in most and 'data-country="USA"' not in most.split("</li>")[0]
    assert '<option value="GA" selected>' in html and 'name="body"' in html
    assert client.get(url, {"body": "XX"}).status_code == 400
    assert client.get(url, {"body": "C.9", "start": 78}).status_code == 400


@given(
    st.dictionaries(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4),
        st.tuples(st.integers(0, 999), st.integers(0, 999)),
        max_size=12,
    ),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4),
)
def test_pair_entry_finds_what_decoding_finds(entries, other):
    """The comparison's lookup of one partner agrees with decoding the whole text, codes that begin or end
    another code among them (USA beside US and SUSA)."""
    codes = sorted(entries)
    text = similarity.encode_pairs(codes, [entries[code][0] for code in codes], [entries[code][1] for code in codes])
    decoded = {code: (votes, agreed) for code, votes, agreed in similarity.decode_pairs(text)}
    for code in [*entries, other]:
        assert similarity.pair_entry(text, code) == decoded.get(code)


@pytest.fixture
def one_vote_partner(mini):
    """Session 77: twelve votes CHN and USA both cast (agreeing on four), and one more on which CHN and NRU, a
    partner of that one vote, voted alike."""
    draft = DraftFactory(symbol="A/C.1/77/L.1", session=Session.for_number(77))
    with figures.changing() as change:
        for k in range(12):
            vote = make_vote(draft, f"amendment:A/C.1/77/L.{k + 2}", date=datetime.date(2022, 11, 1), order=k,
                             yes=["CHN"] + (["USA"] if k < 4 else []), no=[] if k < 4 else ["USA"])
            change.created(votes=[vote.pk])
        vote = make_vote(draft, "whole", date=datetime.date(2022, 11, 2), order=12, yes=["CHN", "NRU"], abstain=["USA"])
        change.created(votes=[vote.pk])
    return vote


def test_least_and_most_like_rank_partners_with_a_tenth_of_the_largest_n(client, one_vote_partner):
    likeness = similarity.most_and_least_like("CHN", 77, 77, limit=10)
    assert likeness.min_votes == 2  # a tenth of USA's 13, rounded up
    assert [row[:3] for row in likeness.most] == [("USA", 13, 4)] == [row[:3] for row in likeness.least]
    every = similarity.most_and_least_like("CHN", 77, 77, limit=10, min_votes=1)
    assert every.most[0][:3] == ("NRU", 1, 1) and every.least[0][:3] == ("USA", 13, 4)

    url = reverse("country-analysis", args=["CHN"])
    html = client.get(url, {"start": 77, "end": 77}).content.decode()
    assert "n ≥ 2 votes both cast, a tenth of the largest n" in html and 'data-country="NRU"' not in html
    html = client.get(url, {"start": 77, "end": 77, "min_votes": 1}).content.decode()
    assert "n ≥ 1 votes both cast (as chosen)" in html and 'data-country="NRU"' in html.split('class="agreement most"')[1]
    assert 'name="min_votes" min="1" value="1"' in html
    assert client.get(url, {"min_votes": 0}).status_code == 400
    assert client.get(url, {"min_votes": "x"}).status_code == 400
