"""The web service's environment as docker-compose.yml gives it, for tools that run the app as production does
(the soak, the check of the deploy settings) without docker."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
# ${NAME}, ${NAME:-default} and ${NAME:?message}, as docker compose interpolates them.
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?::(?P<kind>[-?])(?P<rest>[^}]*))?\}")


class MissingVariable(KeyError):
    """docker compose would refuse to start without this variable."""


def web_environment(given: dict[str, str], service: str = "web") -> dict[str, str]:
    """The service's `environment:`, interpolated from `given` (the shell's or .env's variables)."""
    import yaml  # requirements-dev.txt: the compose file is read by development tools only

    environment = yaml.safe_load(COMPOSE_FILE.read_text())["services"][service]["environment"]

    def value(match: re.Match) -> str:
        name, kind, rest = match["name"], match["kind"], match["rest"]
        if name in given:
            return given[name]
        if kind == "?":
            raise MissingVariable(f"{name}: {rest}")
        return rest if kind == "-" else ""

    return {key: VARIABLE.sub(value, str(raw)) for key, raw in environment.items()}
