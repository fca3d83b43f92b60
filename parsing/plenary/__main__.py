"""python -m parsing.plenary FILE...: each record's actions as JSON, or its problems (exit status 1)."""

import sys
from pathlib import Path

from parsing.errors import ReportError
from parsing.plenary import parse_plenary


def main(argv: list[str]) -> int:
    failed = 0
    for name in argv:
        try:
            print(parse_plenary(Path(name).read_bytes()).to_json())
        except ReportError as error:
            failed += 1
            print(f"{name}: refused:\n{error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
