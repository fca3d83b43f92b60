"""The command line, ``python -m parsing FILE [--json]``, through ``parsing.cli.main``."""

import io
import json
import subprocess
import sys
from pathlib import Path

from parsing.cli import main

from report_helpers import REPORTS, replace_once, report_text

SEED = REPORTS / "first-committee-79-item106.txt"
PROJECT = Path(__file__).resolve().parents[2]


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_json_is_the_expected_file():
    status, out, err = run(str(SEED), "--json")
    assert (status, err) == (0, "")
    assert out == (REPORTS / "first-committee-79-item106.expected.json").read_text(encoding="utf-8") + "\n"


def test_summary_names_the_votes():
    status, out, err = run(str(SEED))
    assert (status, err) == (0, "")
    assert "A/C.1/79/L.53/Rev.1" in out
    assert "PP18" in out and "87-53-22" in out and "CIV intended abstain" in out


def test_problems_go_to_stderr_and_nothing_to_stdout(tmp_path):
    bad = tmp_path / "bad.txt"
    text = report_text("single.en.txt")
    bad.write_text(replace_once(text, "adopted by a recorded vote of 3 to 2", "adopted by a recorded vote of 4 to 2"),
                   encoding="utf-8")
    status, out, err = run(str(bad), "--json")
    assert (status, out) == (1, "")
    assert err == f"{bad}: line 43: 3 names listed under In favour, tally says 4\n"


def test_unreadable_file_and_usage(tmp_path):
    status, out, err = run(str(tmp_path / "missing.txt"))
    assert (status, out) == (1, "") and "cannot read" in err
    assert run()[0] == 2
    assert run("a.txt", "b.txt")[0] == 2
    assert run("--help")[0] == 0


def test_python_dash_m_parsing_runs_without_django():
    completed = subprocess.run(
        [sys.executable, "-m", "parsing", str(SEED), "--json"],
        cwd=PROJECT, capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["drafts"][0]["symbol"] == "A/C.1/79/L.53/Rev.1"
