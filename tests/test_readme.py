"""The README's first steps, run as written on a fresh clone: `make run` (with PORT=, until it serves), `make
superuser` with its environment variables and a login to /admin/ with that account, the staff account commands
of curation/README.md, and the report commands of "Ingesting a report".

Every command run here is first found, verbatim, in a ```sh block of the READMEs, so a README that changes its
commands changes this test. To be quick, `make run` loads the Voeten test extract (VOETEN_DIR, which the
Makefile honours) instead of the whole dataset (a minute more on a busy machine). The clone is of the committed HEAD; it reuses this checkout's .venv (a symbolic
link, its requirements' times set before the venv's stamp so that make installs nothing). `make test` (the suite
itself), PostgreSQL, docker compose and backups of a running PostgreSQL are not run here.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PASSWORD = "a-long-readme-passphrase-9"

pytestmark = pytest.mark.skipif(
    not (VENV / ".installed").exists() or shutil.which("git") is None or shutil.which("make") is None,
    reason="needs git, make and this checkout's .venv (make setup)",
)


def readme_commands() -> str:
    """The lines of every ```sh block of README.md and curation/README.md."""
    blocks = []
    for path in (ROOT / "README.md", ROOT / "curation" / "README.md"):
        blocks += re.findall(r"```sh\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)
    return "\n".join(blocks)


def documented(command: str) -> str:
    assert command in readme_commands(), f"not in the README as written: {command}"
    return command


def environment(**extra: str) -> dict[str, str]:
    """A new shell's environment: none of the test run's database or Django settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}}
    return {**env, **extra}


def shell(command: str, cwd: Path, timeout: float = 180, **env: str) -> str:
    completed = subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=environment(**env), capture_output=True, text=True, timeout=timeout
    )
    assert completed.returncode == 0, f"{command}\n{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}"
    return completed.stdout


def typed(command: str, cwd: Path, answers: dict[str, str], timeout: float = 120) -> str:
    """Run a command on a terminal of its own (a pseudo-terminal) and type each answer once its prompt shows,
    as a person would: a password prompt discards what was typed before it."""
    master, terminal = pty.openpty()
    child = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=environment(), stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown, pending, deadline = "", list(answers.items()), time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if ready:
                try:
                    chunk = os.read(master, 4096).decode(errors="replace")
                except OSError:  # the command ended and closed its terminal
                    break
                if not chunk:
                    break
                shown += chunk
            while pending and shown.rstrip().endswith(pending[0][0].rstrip()):
                os.write(master, (pending.pop(0)[1] + "\n").encode())
                shown += "\n"
            if child.poll() is not None and not ready:
                break
        assert child.wait(timeout=30) == 0 and not pending, f"{command}\n{shown}"
    finally:
        os.close(master)
    return shown


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_serving(url: str, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"make run ended with {server.returncode}: {server.stdout.read()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise AssertionError(f"nothing served at {url} after {timeout} s")


def log_in(base: str, username: str, password: str) -> str:
    """Log in to /admin/ as a browser does (the login form and its CSRF token); returns the page it lands on."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base}/admin/login/?next=/admin/"
    form = opener.open(login, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"})
    request = urllib.request.Request(login, data=data.encode(), headers={"Referer": login})
    with opener.open(request, timeout=30) as response:
        assert response.url == f"{base}/admin/", response.url
        return response.read().decode()


@pytest.fixture
def clone(tmp_path) -> Path:
    path = tmp_path / "tally"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(path)], check=True, timeout=120)
    (path / ".venv").symlink_to(VENV)
    stamp = (VENV / ".installed").stat().st_mtime
    for requirements in path.glob("requirements*.txt"):
        os.utime(requirements, (stamp - 60, stamp - 60))
    return path


def test_the_readme_commands_work_as_written_on_a_fresh_clone(clone):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    assert "PORT=8001 HOST=0.0.0.0 make run" in readme_commands()  # PORT= is how the port is chosen
    server = subprocess.Popen(
        ["bash", "-c", documented("make run").replace("make run", f"PORT={port} make run")],
        cwd=clone, env=environment(VOETEN_DIR="tests/fixtures/voeten"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        wait_serving(f"{base}/", server, timeout=300)
        with urllib.request.urlopen(f"{base}/votes/?format=json", timeout=30) as response:
            assert json.load(response)["count"] > 0  # the bundled corpus is loaded
        with urllib.request.urlopen(f"{base}/sessions/1/ideal-points/", timeout=30) as response:
            assert response.read().decode().count('<circle class="dot"') > 20  # and the ideal points fitted to it

        # The first staff account, non-interactively, then a login to /admin/ with it.
        shell(documented("make superuser"), clone, DJANGO_SUPERUSER_USERNAME="admin", DJANGO_SUPERUSER_EMAIL="admin@example.org",
              DJANGO_SUPERUSER_PASSWORD=PASSWORD)
        page = log_in(base, "admin", PASSWORD)
        assert "Record of votes: entry and corrections" in page and "Upload a report" in page

        # Staff accounts (curation/README.md): the password typed at the prompt, or read from standard input.
        typed(documented("DEBUG=1 .venv/bin/python manage.py create_staff_user alice --group editors"), clone,
              {"Password: ": PASSWORD, "Password (again): ": PASSWORD})
        shell(documented(f'printf \'%s\\n\' "$PASSWORD" | DEBUG=1 .venv/bin/python manage.py create_staff_user bob --group viewers --password-stdin'),
              clone, PASSWORD=PASSWORD)
        assert "Record of votes" in log_in(base, "alice", PASSWORD) and "Record of votes" in log_in(base, "bob", PASSWORD)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    # Ingesting a report, as the README writes it (its example path replaced by a bundled report), in the
    # README's environment.
    documented("export DEBUG=1")
    env = {"DEBUG": "1"}
    parsed = json.loads(shell(documented(".venv/bin/python manage.py parse_report corpus/reports/first-committee-79-item106.zh.txt --json"), clone, **env))
    assert parsed["drafts"][0]["symbol"] == "A/C.1/79/L.53/Rev.1"
    report = "corpus/reports/first-committee-79-item106.en.txt"
    dry_run = documented(".venv/bin/python manage.py ingest_report --dry-run path/to/report.txt")
    assert "would be unchanged" in shell(dry_run.replace("path/to/report.txt", report), clone, **env)  # make run loaded it
    ingest = documented(".venv/bin/python manage.py ingest_report path/to/report.txt ...")
    assert "unchanged" in shell(ingest.replace("path/to/report.txt ...", report), clone, **env)
    assert "vote counts" in shell(documented(".venv/bin/python manage.py recount"), clone, **env)
    assert "unchanged" in shell(documented(".venv/bin/python manage.py ingest_plenary corpus/plenary/*.txt"), clone, **env)

    # An online copy of the SQLite database, without the sqlite3 tool.
    backup = documented("""python3 -c "import sqlite3; sqlite3.connect('tally.sqlite3').backup(sqlite3.connect('tally-backup.sqlite3'))\"""")
    shell(backup, clone)
    assert (clone / "tally-backup.sqlite3").stat().st_size > 0
