"""Pages while the database cannot be reached (issue 18): a 503 with a page of its own and Retry-After, one
line in the log, no traceback; the soak (`make soak`) shows service coming back after a real restart."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES = ["/", "/votes/?country=CHN&position=no", "/countries/CHN/", "/countries/compare/?a=CHN&b=USA", "/search/?q=space",
         "/votes/?format=csv", "/votes/?country=CHN&format=json", "/countries/compare/?a=CHN&b=USA&format=csv"]

CLIENT = """
import django, json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.test import Client
client = Client()
answers = []
for path in sys.argv[1:]:
    response = client.get(path)
    answers.append([path, response.status_code, response.get("Retry-After"), response.content.decode()])
print(json.dumps(answers))
"""


def test_an_unreachable_database_answers_503_without_a_traceback():
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        # Nothing listens on the discard port of the loopback: every connection is refused at once.
        "DATABASE_URL": "postgresql://postgres@127.0.0.1:9/tally_hardening_unreachable",
        "SECRET_KEY": "tests-only-secret-key",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "testserver",
    }
    completed = subprocess.run(
        [sys.executable, "-c", CLIENT, *PAGES], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    for path, status, retry_after, body in json.loads(completed.stdout):
        assert (path, status, retry_after) == (path, 503, "5")
        assert "<h1>Temporarily unavailable</h1>" in body and body.rstrip().endswith("</html>")
    assert "Traceback" not in completed.stderr
    assert completed.stderr.count("database unavailable for GET") == len(PAGES)
