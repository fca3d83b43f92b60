"""Ideal points: where each State stands, session by session, on the main dimension of plenary voting.

Method — a dynamic one-dimensional item-response model in the spirit of Bailey, Strezhnev and Voeten
("Estimating Dynamic State Preferences from United Nations Voting Data", Journal of Conflict Resolution
61(2), 2017), simplified so that the whole record fits in seconds:

- Each roll call j of the plenary (body GA) gives up to two binary items, which together stand for the ordered
  choice no < abstain < yes: "yes" against "abstain or no", and "yes or abstain" against "no" (the second only
  when someone abstained). Items on which every State cast the same side are left out (they carry no information).
- A State i in session t votes 1 on item k when α_k + β_k·x_it + ε > 0, ε ~ N(0, 1) (probit).
- x_it follows a random walk over the sessions of the State's membership: x_i,first ~ N(0, 1),
  x_it ~ N(x_i,t−1, ω²) (ω = 0.1 by default); item parameters have N(0, 5²) priors.
- Fitted by EM for the posterior mode (Albert–Chib data augmentation, as in Imai, Lo and Olmsted 2016): the
  E-step takes the truncated-normal means of the latent utilities, the M-step solves each item's 2×2
  regression and each State's tridiagonal (random-walk) system exactly. Iterations stop when no ideal point moves
  more than `tolerance` once standardised.
- Identification: the scale is set by the priors and then standardised over all State-sessions (mean 0, sd 1);
  the sign puts the United States on the positive side (or, without it, the State with most votes).

Limits, stated for whoever reads the numbers: BSV link sessions through resolutions voted on again in later
sessions (identical texts, "bridge" votes) and model the ordered choice with shared cut-points; here sessions are
linked only by the random walk, and the two items of a roll call are treated as independent (a pseudo-likelihood),
so abstentions weigh more than in an ordered probit. Standard errors are the curvature of the posterior of x with
the roll calls' parameters held fixed: they understate the uncertainty. Absences are not modelled (missing at
random). A session's values compare across sessions only as far as the random walk holds the scale.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy.special import erfcx

ITEM_PRIOR_VARIANCE = 25.0
SQRT_2_OVER_PI = np.sqrt(2 / np.pi)


def _mills(s: np.ndarray) -> np.ndarray:
    """φ(s)/Φ(s), the shift of a standard normal truncated to (−s, ∞), stable for large |s|:
    Φ(s) = ½·exp(−s²/2)·erfcx(−s/√2)."""
    return SQRT_2_OVER_PI / erfcx(-s / np.sqrt(2))
FIRST_PRIOR_VARIANCE = 1.0


@dataclass
class RollCalls:
    """Plenary positions as arrays, one entry per (roll call, State) with a cast vote. Values: 1 yes, 0.5 abstain,
    0 no."""

    rollcall: np.ndarray  # int: index of the roll call
    country: np.ndarray  # int: index into `countries`
    session: np.ndarray  # int: index into `sessions` (the roll call's session)
    value: np.ndarray  # float: 1, 0.5, 0
    countries: list[str]
    sessions: list[int]


@dataclass
class Fit:
    countries: list[str]
    sessions: list[int]
    value: np.ndarray  # (countries, sessions); nan where the State cast no vote in the session
    se: np.ndarray
    votes: np.ndarray  # int (countries, sessions)
    iterations: int
    items: int
    seconds: float
    converged: bool

    def rows(self):
        """(iso3, session, value, se, votes) for every State-session with votes."""
        for i, iso3 in enumerate(self.countries):
            for t, session in enumerate(self.sessions):
                if self.votes[i, t]:
                    yield iso3, session, float(self.value[i, t]), float(self.se[i, t]), int(self.votes[i, t])


def _items(data: RollCalls):
    """The binary items (see the module docstring): per observation its item index and 0/1 outcome."""
    n_rc = int(data.rollcall.max()) + 1
    yes = (data.value == 1.0).astype(float)
    not_no = (data.value > 0.0).astype(float)
    counts = np.bincount(data.rollcall, minlength=n_rc).astype(float)
    yes_share = np.bincount(data.rollcall, weights=yes, minlength=n_rc) / np.maximum(counts, 1)
    not_no_share = np.bincount(data.rollcall, weights=not_no, minlength=n_rc) / np.maximum(counts, 1)
    abstained = np.bincount(data.rollcall, weights=(data.value == 0.5).astype(float), minlength=n_rc) > 0
    use_a = (yes_share > 0) & (yes_share < 1)
    use_b = abstained & (not_no_share > 0) & (not_no_share < 1)
    obs, item, outcome = [], [], []
    index = 0
    for use, y in ((use_a, yes), (use_b, not_no)):
        ids = np.full(n_rc, -1)
        ids[use] = np.arange(index, index + use.sum())
        index += int(use.sum())
        keep = use[data.rollcall]
        obs.append(np.nonzero(keep)[0])
        item.append(ids[data.rollcall[keep]])
        outcome.append(y[keep])
    return np.concatenate(obs), np.concatenate(item), np.concatenate(outcome), index


def fit(data: RollCalls, omega: float = 0.1, tolerance: float = 5e-3, max_iterations: int = 1000,
        reference: str = "USA") -> Fit:
    started = time.perf_counter()
    n_c, n_t = len(data.countries), len(data.sessions)
    obs, item, y, n_items = _items(data)
    ci, ti = data.country[obs], data.session[obs]
    cell = ci * n_t + ti
    votes = np.bincount(data.country * n_t + data.session, minlength=n_c * n_t).reshape(n_c, n_t)

    # Each State's span of sessions: the random walk links consecutive sessions inside it.
    active = votes > 0
    first = np.where(active.any(1), active.argmax(1), 0)
    last = np.where(active.any(1), n_t - 1 - active[:, ::-1].argmax(1), -1)
    t_axis = np.arange(n_t)
    inside = (t_axis[None, :] >= first[:, None]) & (t_axis[None, :] <= last[:, None])
    link = inside[:, 1:] & inside[:, :-1]  # between t−1 and t
    w = 1.0 / omega**2
    off = np.where(link, -w, 0.0)  # (countries, sessions − 1): the walk's coupling of t−1 and t
    diagonal = np.zeros((n_c, n_t))
    diagonal[:, 1:] += link * w
    diagonal[:, :-1] += link * w
    diagonal[np.arange(n_c), first] += 1.0 / FIRST_PRIOR_VARIANCE
    outside = ~inside
    diagonal[outside] = 1.0  # cells outside the span: x = 0, decoupled

    # Start: the share of votes not cast "yes" (the States that often vote no or abstain are at one end).
    not_yes = np.bincount(data.country, weights=(data.value < 1).astype(float), minlength=n_c)
    cast = np.maximum(np.bincount(data.country, minlength=n_c), 1)
    start = not_yes / cast
    start = (start - start.mean()) / (start.std() or 1.0)
    x = np.where(inside, start[:, None], 0.0)

    alpha = np.zeros(n_items)
    beta = np.zeros(n_items)
    sign = np.where(y > 0, 1.0, -1.0)
    z = sign * 0.8  # first pass: the outcomes' signs stand for the latent utilities
    iterations, converged, previous = 0, False, None
    for iterations in range(1, max_iterations + 1):
        xo = x.reshape(-1)[cell]
        if iterations > 1:  # E-step: truncated-normal means of the latent utilities
            mu = alpha[item] + beta[item] * xo
            z = mu + sign * _mills(sign * mu)
        # M-step for the items: each one's 2×2 regression of z on (1, x), with its prior.
        n = np.bincount(item, minlength=n_items) + 1.0 / ITEM_PRIOR_VARIANCE
        sx = np.bincount(item, weights=xo, minlength=n_items)
        sxx = np.bincount(item, weights=xo * xo, minlength=n_items) + 1.0 / ITEM_PRIOR_VARIANCE
        sz = np.bincount(item, weights=z, minlength=n_items)
        sxz = np.bincount(item, weights=xo * z, minlength=n_items)
        det = n * sxx - sx * sx
        alpha = (sxx * sz - sx * sxz) / det
        beta = (n * sxz - sx * sz) / det
        # M-step for the States: each one's path, a tridiagonal system (data precision + random walk).
        b = beta[item]
        precision_data = np.bincount(cell, weights=b * b, minlength=n_c * n_t).reshape(n_c, n_t)
        rhs = np.bincount(cell, weights=b * (z - alpha[item]), minlength=n_c * n_t).reshape(n_c, n_t)
        new_x = _solve_tridiagonal(diagonal + precision_data, off, rhs)
        new_x[outside] = 0.0
        # Converged when the standardised ideal points stop moving: the overall scale creeps for hundreds of
        # iterations (ideal points spread while the roll calls' slopes shrink), which standardising removes anyway.
        standardised = (new_x - new_x[active].mean()) / (new_x[active].std() or 1.0)
        change = np.abs(standardised - previous)[active].max() if previous is not None else np.inf
        previous = standardised
        x = new_x
        if change < tolerance:
            converged = True
            break

    system = np.zeros((n_c, n_t, n_t))
    system[:, t_axis, t_axis] = diagonal + precision_data
    system[:, t_axis[1:], t_axis[:-1]] = off
    system[:, t_axis[:-1], t_axis[1:]] = off
    variance = np.diagonal(np.linalg.inv(system), axis1=1, axis2=2)
    # Standardise over the State-sessions with votes; orient the reference State positive.
    mean, sd = x[active].mean(), x[active].std() or 1.0
    value = (x - mean) / sd
    se = np.sqrt(variance) / sd
    anchor = data.countries.index(reference) if reference in data.countries else int(votes.sum(1).argmax())
    if np.nanmean(np.where(active[anchor], value[anchor], np.nan)) < 0:
        value = -value
    value = np.where(active, value, np.nan)
    se = np.where(active, se, np.nan)
    return Fit(data.countries, data.sessions, value, se, votes, iterations, n_items, time.perf_counter() - started, converged)


def _solve_tridiagonal(diagonal: np.ndarray, off: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Thomas algorithm, one symmetric tridiagonal system per row (State), all rows at once."""
    n_t = diagonal.shape[1]
    c = np.zeros_like(off)
    d = np.zeros_like(rhs)
    denominator = diagonal[:, 0]
    c[:, 0] = off[:, 0] / denominator if n_t > 1 else 0
    d[:, 0] = rhs[:, 0] / denominator
    for t in range(1, n_t):
        denominator = diagonal[:, t] - off[:, t - 1] * c[:, t - 1]
        if t < n_t - 1:
            c[:, t] = off[:, t] / denominator
        d[:, t] = (rhs[:, t] - off[:, t - 1] * d[:, t - 1]) / denominator
    x = np.empty_like(rhs)
    x[:, -1] = d[:, -1]
    for t in range(n_t - 2, -1, -1):
        x[:, t] = d[:, t] - c[:, t] * x[:, t + 1]
    return x


def roll_calls_from_triples(rows) -> RollCalls:
    """RollCalls from (roll call key, iso3, session, position) tuples; position in yes / abstain / no (others,
    e.g. absent, are left out)."""
    values = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
    rc_index, c_index, s_index = {}, {}, {}
    rc, cc, ss, vv = [], [], [], []
    for key, iso3, session, position in rows:
        if position not in values:
            continue
        rc.append(rc_index.setdefault(key, len(rc_index)))
        cc.append(c_index.setdefault(iso3, len(c_index)))
        ss.append(session)
        vv.append(values[position])
    sessions = sorted(set(ss))
    s_pos = {s: i for i, s in enumerate(sessions)}
    return RollCalls(
        np.asarray(rc, dtype=np.int64), np.asarray(cc, dtype=np.int64),
        np.asarray([s_pos[s] for s in ss], dtype=np.int64), np.asarray(vv), list(c_index), sessions,
    )


# --- the stored figure -------------------------------------------------------------------------------------

PLENARY = "GA"


def plenary_roll_calls(body: str = PLENARY) -> RollCalls:
    from ..models import Position

    rows = (
        Position.objects.filter(vote__body_id=body, vote__method="recorded", position__in=("yes", "no", "abstain"))
        .order_by()
        .values_list("vote_id", "country_id", "vote__session_id", "position")
    )
    return roll_calls_from_triples(rows.iterator(chunk_size=50000))


def refit(body: str = PLENARY, **options) -> int:
    """Fit the model to the stored plenary roll calls and replace the stored ideal points; returns rows written."""
    from django.db import transaction

    from ..models import IdealPoint, IdealPointFit

    data = plenary_roll_calls(body)
    with transaction.atomic():
        IdealPoint.objects.all().delete()
        IdealPointFit.objects.all().delete()
        if len(data.value) == 0:
            return 0
        result = fit(data, **options)
        IdealPoint.objects.bulk_create(
            [IdealPoint(country_id=iso3, session_id=session, value=value, se=se, votes=n)
             for iso3, session, value, se, n in result.rows()],
            batch_size=2000,
        )
        IdealPointFit.objects.create(
            body_id=body, roll_calls=int(data.rollcall.max()) + 1, items=result.items, iterations=result.iterations,
            converged=result.converged, seconds=result.seconds,
        )
        return IdealPoint.objects.count()


def mark_stale(vote_ids) -> None:
    """A change of plenary votes leaves the fitted ideal points behind the record until the next refit."""
    from ..models import IdealPointFit, Vote

    if Vote.objects.filter(pk__in=list(vote_ids), body_id=PLENARY).exists():
        IdealPointFit.objects.filter(stale=False).update(stale=True)


def needs_refit(body: str = PLENARY) -> bool:
    """Whether the stored fit is behind the record: marked stale by a change of plenary votes, or missing while
    the body has recorded votes to fit."""
    from ..models import IdealPointFit, Vote

    fit = IdealPointFit.objects.order_by("-fitted_at").first()
    if fit is not None:
        return fit.stale
    return Vote.objects.recorded().filter(body_id=body).exists()


# --- what pages read -----------------------------------------------------------------------------------------


def country_series(iso3: str) -> list[tuple[int, float, float | None, int]]:
    from ..models import IdealPoint

    return list(IdealPoint.objects.filter(country_id=iso3).order_by("session_id").values_list("session_id", "value", "se", "votes"))


def session_spread(session: int):
    from ..models import IdealPoint

    return IdealPoint.objects.filter(session_id=session).select_related("country").order_by("-value")


def latest_fit():
    from ..models import IdealPointFit

    return IdealPointFit.objects.order_by("-fitted_at").first()
