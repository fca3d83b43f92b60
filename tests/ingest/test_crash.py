"""An ingest killed with SIGKILL at random points while it writes (issue 18, fault 1's test): the record is
either untouched or whole, every stored figure equals a recount from it, and running the ingest again completes.

Kills: TALLY_CRASH_KILLS (default 5); the random points are drawn from TALLY_CRASH_SEED (default: new each
run, printed on failure)."""

import os
import random
import signal
import time
from collections import Counter

from tests import processes
from tests.conftest import SEED_ZH

KILLS = int(os.environ.get("TALLY_CRASH_KILLS", "5"))
SEED_ROWS = {"Document": 1, "Draft": 1, "Sponsorship": 35, "Paragraph": 25, "Vote": 3, "Position": 579}
EMPTY = {name: 0 for name in SEED_ROWS}


def run_child(database_url, start_file, *command):
    child = processes.start(database_url, start_file, *command)
    processes.wait_connected(child)
    return child


def test_an_ingest_killed_anywhere_leaves_the_record_and_its_figures_whole(shared_database, tmp_path):
    seed = int(os.environ.get("TALLY_CRASH_SEED", random.SystemRandom().randrange(10**6)))
    draw = random.Random(seed)
    # How long the whole ingest takes here (its last step the commit), measured on a dry run: the same writes,
    # rolled back.
    dry = run_child(shared_database, tmp_path / "dry", "ingest_report", "--dry-run", str(SEED_ZH))
    (tmp_path / "dry").touch()
    assert dry.wait(timeout=300) == 0, dry.stderr.read()
    duration = float(dry.stdout.read().split("done in ")[-1].split()[0])

    outcomes = Counter()  # once a kill came after the commit, the next ones interrupt a re-ingest (unchanged)
    for kill in range(KILLS):
        go = tmp_path / f"go{kill}"
        child = run_child(shared_database, go, "ingest_report", str(SEED_ZH))
        # The first kill within the first quarter of the dry run's time: with the suite's other worker busy,
        # the dry run can take longer than the ingest, and a first kill after its commit leaves none inside.
        delay = draw.uniform(0, duration / 4 if kill == 0 else duration)
        go.touch()  # connected, and from here on writing
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        code = child.wait(timeout=60)
        state = processes.record_state(shared_database)
        where = f"kill {kill} after {delay:.3f} s of {duration:.3f} s (TALLY_CRASH_SEED={seed})"
        assert state["sizes"] in (EMPTY, SEED_ROWS), where
        assert state["figures_differing"] == [], where
        outcomes["whole" if state["sizes"] == SEED_ROWS else "untouched"] += 1
        assert code == -signal.SIGKILL or state["sizes"] == SEED_ROWS, where
    assert outcomes["untouched"] >= 1, f"no kill landed inside the ingest: {outcomes} (TALLY_CRASH_SEED={seed})"

    again = processes.manage(shared_database, "ingest_report", str(SEED_ZH))
    assert again.returncode == 0, again.stderr
    state = processes.record_state(shared_database)
    assert state["sizes"] == SEED_ROWS and state["figures_differing"] == []
    assert state["figure_rows"]["agreement"] > 30_000 and state["figure_rows"]["country tallies"] > 150
