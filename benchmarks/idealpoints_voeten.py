"""Dev script (not part of the app): fit the ideal-point model of votes.analysis.idealpoints to Erik Voeten's
plenary roll calls 1946–2019 read straight from the CSVs, time it, and compare it per decade with a simple
baseline, the first principal component of the States' agreement matrix.

    .venv/bin/python -m benchmarks.idealpoints_voeten [../shared/data/voeten]

The project itself fits the stored record (`manage.py idealpoints`); this script only exercises the method on the
real data before they are imported. It needs no database and no Django settings.
"""

from __future__ import annotations

import csv
import gzip
import sys
import time
from pathlib import Path

import numpy as np

from votes.analysis.idealpoints import fit, roll_calls_from_triples


def read(path: Path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)  # csv keeps "NA" (Namibia) as a string


def load(folder: Path):
    session_of = {row["rcid"]: int(row["session"]) for row in read(folder / "un_roll_calls.csv.gz")}
    rows = []
    for row in read(folder / "un_votes.csv.gz"):
        # Three States have no code in the files (Yemen Arab Republic, Zanzibar, FRG): key them by name.
        key = "USA" if row["country_code"] == "US" else (row["country_code"] or row["country"])
        rows.append((row["rcid"], key, session_of[row["rcid"]], row["vote"]))
    return rows


def first_component_by_decade(data, decade_sessions):
    """Per decade: the first principal component of the agreement matrix (share of common roll calls on which two
    States cast the same vote), for the States with at least 20 common votes with most others."""
    results = {}
    for decade, sessions in decade_sessions.items():
        index = [data.sessions.index(s) for s in sessions if s in data.sessions]
        keep = np.isin(data.session, index)
        rc, country, value = data.rollcall[keep], data.country[keep], data.value[keep]
        rcs = np.unique(rc)
        rc_pos = {r: i for i, r in enumerate(rcs)}
        matrix = np.full((len(data.countries), len(rcs)), np.nan)
        matrix[country, [rc_pos[r] for r in rc]] = value
        present = (~np.isnan(matrix)).sum(1) >= 20
        m = matrix[present]
        same = np.zeros((len(m), len(m)))
        for a in range(len(m)):
            both = ~np.isnan(m[a]) & ~np.isnan(m)
            equal = (m[a] == m) & both
            same[a] = equal.sum(1) / np.maximum(both.sum(1), 1)
        centred = same - same.mean(0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        results[decade] = (np.nonzero(present)[0], centred @ vt[0])
    return results


def main(folder: str = "../shared/data/voeten") -> None:
    started = time.perf_counter()
    rows = load(Path(folder))
    data = roll_calls_from_triples(rows)
    loaded = time.perf_counter() - started
    result = fit(data)
    print(f"read {len(rows):,} positions of {int(data.rollcall.max()) + 1:,} roll calls, {len(data.countries)} States,"
          f" sessions {data.sessions[0]}–{data.sessions[-1]} in {loaded:.1f} s")
    print(f"fit: {result.items:,} items, {result.iterations} iterations, converged={result.converged},"
          f" {result.seconds:.1f} s")
    decades = {}
    for session in data.sessions:
        decades.setdefault(f"{1945 + session}"[:3] + "0s", []).append(session)
    print("decade   States  r(ideal point, PC1 of agreement)")
    for decade, (states, component) in first_component_by_decade(data, decades).items():
        t_index = [data.sessions.index(s) for s in decades[decade]]
        mean_point = np.nanmean(result.value[np.ix_(states, t_index)], axis=1)
        ok = ~np.isnan(mean_point)
        r = np.corrcoef(mean_point[ok], component[ok])[0, 1]
        print(f"{decade}   {ok.sum():6d}  {abs(r):.3f}")
    show = ["USA", "IL", "GB", "FR", "BR", "IN", "CN", "RU", "CU", "KP"]
    last = len(data.sessions) - 1
    print("session", data.sessions[last], {c: round(float(result.value[data.countries.index(c), last]), 2) for c in show if c in data.countries})


if __name__ == "__main__":
    main(*sys.argv[1:])
