"""Dev script (not part of the app): compare the ideal points of votes.analysis.idealpoints, fitted to Voeten's
plenary roll calls read straight from the CSVs, with Bailey, Strezhnev and Voeten's published estimates, decade by
decade (Pearson's r over the States, of each State's mean over the decade, and over all State-sessions).

    .venv/bin/python -m benchmarks.idealpoints_bsv BSV.csv [../shared/data/voeten]

BSV.csv is not in the project and not on this machine: it is one of
- BSV's own release, `IdealpointestimatesAll_<date>.csv` (Harvard Dataverse hdl:1902.1/12379; columns `Countryname`,
  `session`, `IdealPointAll`; ccode/iso3c vary by release), or
- the by-year extract in Imai's *Quantitative Social Science* (`unvoting.csv`: `Year`, `CountryName`, `idealpoint`,
  1946–2012; session = year − 1945).
States are matched by English name to the `country` column of Voeten's `un_votes.csv.gz` (the same dataset's
names; those that differ are counted and listed, not guessed). The sign of the main dimension is arbitrary in both
fits: r is printed signed, after orienting ours so that the United States is positive, as BSV's is.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from votes.analysis.idealpoints import fit, roll_calls_from_triples


def read_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def read_bsv(path: Path) -> dict[tuple[str, int], float]:
    """{(country name, session): ideal point} from either layout named in the module docstring."""
    points = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if "IdealPointAll" in row:
                name, session, value = row.get("Countryname") or row.get("CountryName"), int(float(row["session"])), row["IdealPointAll"]
            else:
                name, session, value = row["CountryName"], int(row["Year"]) - 1945, row["idealpoint"]
            if value not in ("", "NA"):
                points[(name, session)] = float(value)
    return points


def load_voeten(folder: Path):
    session_of = {row["rcid"]: int(row["session"]) for row in read_gz(folder / "un_roll_calls.csv.gz")}
    return [(row["rcid"], row["country"], session_of[row["rcid"]], row["vote"]) for row in read_gz(folder / "un_votes.csv.gz")]


def main(bsv_path: str, folder: str = "../shared/data/voeten") -> None:
    bsv = read_bsv(Path(bsv_path))
    data = roll_calls_from_triples(load_voeten(Path(folder)))
    result = fit(data)
    print(f"fit: {len(data.countries)} States, sessions {data.sessions[0]}–{data.sessions[-1]}, {result.seconds:.1f} s,"
          f" converged={result.converged}")
    ours = {(name, session): float(result.value[i, t])
            for i, name in enumerate(data.countries) for t, session in enumerate(data.sessions) if result.votes[i, t]}
    if "United States" in data.countries:
        usa = data.countries.index("United States")
        if np.nanmean(result.value[usa]) < 0:
            ours = {key: -value for key, value in ours.items()}
    unmatched = sorted({name for name, _ in bsv} - set(data.countries))
    print(f"BSV: {len(bsv):,} State-sessions of {len({n for n, _ in bsv})} States; {len(unmatched)} names not in Voeten's"
          f" files{': ' + ', '.join(unmatched[:12]) if unmatched else ''}{' …' if len(unmatched) > 12 else ''}")
    by_decade: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for (name, session), theirs in bsv.items():
        if (name, session) in ours:
            by_decade[f"{1945 + session}"[:3] + "0s"].append((name, ours[(name, session)], theirs))
    print("decade   States  r(State means)  State-sessions  r(State-sessions)")
    for decade in sorted(by_decade):
        rows = by_decade[decade]
        means: dict[str, list[list[float]]] = defaultdict(lambda: [[], []])
        for name, a, b in rows:
            means[name][0].append(a)
            means[name][1].append(b)
        a = np.array([np.mean(v[0]) for v in means.values()])
        b = np.array([np.mean(v[1]) for v in means.values()])
        r_means = np.corrcoef(a, b)[0, 1] if len(a) > 2 else float("nan")
        pairs = np.array([(x, y) for _, x, y in rows])
        r_all = np.corrcoef(pairs[:, 0], pairs[:, 1])[0, 1] if len(pairs) > 2 else float("nan")
        print(f"{decade}   {len(a):6d}  {r_means:13.3f}  {len(pairs):14d}  {r_all:17.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
