"""Loading the reference data files shipped with the app (bodies here; countries come from `reference/`)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_data_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV data file whose leading `#` lines name its sources."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def body_rows() -> list[dict[str, str]]:
    return read_data_csv(DATA_DIR / "bodies.csv")
