"""The ideal-point model recovers a known ordering: on arrays (the method) and through the command on a small
plenary record built with the factories (the stored figure)."""

import datetime

import numpy as np
import pytest
from django.core.management import call_command

from tests.web.factories import DraftFactory, make_vote
from votes import figures
from votes.analysis.idealpoints import fit, roll_calls_from_triples
from votes.models import Body, IdealPoint, IdealPointFit, Session


def spearman(a, b) -> float:
    ra, rb = np.argsort(np.argsort(a)), np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def simulate(n_countries=40, sessions=(1, 2, 3, 4), per_session=60, seed=3, drift=None):
    """Ordered-probit votes (no < abstain < yes) of States with known ideal points; returns (rows, truth)."""
    rng = np.random.default_rng(seed)
    truth = {f"S{i:02d}": x for i, x in enumerate(np.linspace(-2, 2, n_countries))}
    rows = []
    for session in sessions:
        for k in range(per_session):
            beta, cut = rng.choice([-1, 1]) * rng.uniform(1, 3), rng.uniform(-1.5, 1.5)
            for iso3, x in truth.items():
                x_t = x + (drift or {}).get(iso3, 0) * session
                u = beta * (x_t - cut) + rng.normal()
                position = "yes" if u > 0.5 else ("abstain" if u > -0.5 else "no")
                rows.append((f"{session}-{k}", iso3, session, position))
    return rows, truth


def test_fit_recovers_the_known_ordering():
    rows, truth = simulate()
    data = roll_calls_from_triples(rows)
    result = fit(data, reference="S39")  # the State at the positive end orients the scale
    assert result.converged
    estimated = np.nanmean(result.value, axis=1)
    true = np.array([truth[c] for c in result.countries])
    assert spearman(estimated, true) > 0.97
    assert estimated[result.countries.index("S39")] > 0 > estimated[result.countries.index("S00")]
    assert np.all(np.isfinite(result.se[result.votes > 0])) and np.all(result.se[result.votes > 0] > 0)


def test_fit_follows_a_state_that_moves():
    # S00 starts at the negative end and moves 1 unit a session to the positive side.
    rows, truth = simulate(sessions=(1, 2, 3, 4, 5), drift={"S00": 1.0})
    data = roll_calls_from_triples(rows)
    result = fit(data, reference="S39")
    path = result.value[result.countries.index("S00")]
    assert np.all(np.diff(path) > 0), path
    assert path[-1] > 0


def test_absences_and_sessions_outside_membership_are_not_estimated():
    rows, truth = simulate(sessions=(1, 2, 3))
    rows = [row for row in rows if not (row[1] == "S05" and row[2] == 3)]  # S05 no longer votes in session 3
    result = fit(roll_calls_from_triples(rows), reference="S39")
    i = result.countries.index("S05")
    assert result.votes[i, 2] == 0 and np.isnan(result.value[i, 2]) and not np.isnan(result.value[i, 1])


@pytest.fixture
def plenary(db):
    """A plenary record: 12 States, two sessions of 25 roll calls each, votes decided by known ideal points
    (perfect spatial voting with an abstention band); USA at the positive end."""
    codes = ["USA", "GBR", "FRA", "DEU", "JPN", "BRA", "IND", "ZAF", "CHN", "IRN", "CUB", "PRK"]
    truth = dict(zip(codes, np.linspace(2, -2, len(codes))))
    rng = np.random.default_rng(11)
    ga = Body.objects.get(code="GA")
    for number in (78, 79):
        session = Session.for_number(number)
        for k in range(25):
            draft = DraftFactory(symbol=f"A/{number}/L.{k + 1}", session=session, body=ga, agenda_item=None)
            cut, side = rng.uniform(-1.8, 1.8), rng.choice([-1, 1])
            lists = {"yes": [], "no": [], "abstain": []}
            for iso3, x in truth.items():
                u = side * (x - cut)
                lists["yes" if u > 0.3 else ("abstain" if u > -0.3 else "no")].append(iso3)
            make_vote(draft, date=datetime.date(1945 + number, 12, 1), **lists)
    return truth


def test_command_stores_the_known_ordering(plenary, capsys):
    call_command("idealpoints")
    assert "converged" in capsys.readouterr().out
    for number in (78, 79):
        rows = list(IdealPoint.objects.filter(session_id=number).order_by("-value").values_list("country_id", "votes", "se"))
        assert [iso3 for iso3, _, _ in rows] == list(plenary)  # exactly the true order, USA first
        assert all(votes == 25 and se > 0 for _, votes, se in rows)
    assert IdealPointFit.objects.get().stale is False


def test_a_plenary_change_marks_the_fit_stale_and_recount_refits(plenary):
    figures.recount(["ideal points"])
    before = dict(IdealPoint.objects.values_list("country_id", "session_id").annotate().values_list("pk", "value"))
    vote = Body.objects.get(code="GA").votes.first()
    with figures.changing(votes=[vote.pk]):
        vote.positions.filter(country_id="PRK").update(position="yes")
    assert IdealPointFit.objects.get().stale is True
    IdealPoint.objects.all().update(value=0.0)
    figures.recount(["ideal points"])
    assert IdealPointFit.objects.get().stale is False
    assert IdealPoint.objects.exclude(value=0.0).count() == len(before)


def test_command_if_stale_fits_only_a_record_it_is_behind(plenary, capsys):
    """`make load` runs `idealpoints --if-stale`: a first load fits, a second fits nothing, a plenary change
    since makes it fit again."""
    call_command("idealpoints", "--if-stale")
    first = IdealPointFit.objects.get()
    assert "converged" in capsys.readouterr().out and IdealPoint.objects.filter(session_id=79).count() == len(plenary)
    call_command("idealpoints", "--if-stale")
    assert "not refitted" in capsys.readouterr().out and IdealPointFit.objects.get().pk == first.pk
    vote = Body.objects.get(code="GA").votes.first()
    with figures.changing(votes=[vote.pk]):
        vote.positions.filter(country_id="PRK").update(position="yes")
    call_command("idealpoints", "--if-stale")
    refitted = IdealPointFit.objects.get()
    assert refitted.pk != first.pk and refitted.stale is False


def test_command_if_stale_without_plenary_votes_fits_nothing(db, capsys):
    call_command("idealpoints", "--if-stale")
    assert "not refitted" in capsys.readouterr().out and not IdealPointFit.objects.exists()
