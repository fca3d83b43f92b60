"""Production settings (issue 18, fault 5): with the environment docker-compose.yml gives the web service,
`manage.py check --deploy --fail-level WARNING` is clean, and the HTTPS, cookie and CSP settings come from it."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.compose import MissingVariable, web_environment

ROOT = Path(__file__).resolve().parent.parent


def run_python(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    # Only what compose sets, plus what a Python needs to run: nothing from the test run's own settings.
    base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env={**base, **environment}, capture_output=True, text=True, timeout=120)


def test_compose_refuses_to_start_without_a_secret_key():
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        web_environment({})


def test_check_deploy_is_clean_with_the_web_environment():
    environment = web_environment({"SECRET_KEY": secrets.token_urlsafe(50)})
    completed = run_python(environment, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_the_compose_environment_turns_https_and_the_policy_on():
    environment = web_environment({"SECRET_KEY": secrets.token_urlsafe(50)})
    shown = run_python(
        environment,
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_PROXY_SSL_HEADER, 'config.middleware.ContentSecurityPolicyMiddleware' in s.MIDDLEWARE, s.DEBUG)",
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split("\n")[0] == "True True True True ('HTTP_X_FORWARDED_PROTO', 'https') True False"


def test_the_check_fails_without_them():
    """The same check on the defaults (development: plain HTTP) names what production must set: the test above
    is not clean by accident."""
    completed = run_python({"SECRET_KEY": secrets.token_urlsafe(50)}, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert completed.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in completed.stderr + completed.stdout


def test_numpy_blas_runs_the_threads_the_setting_names():
    """BLAS_THREADS (default 1) is applied to every process that loads the apps: a web worker, a command, this
    run. A second process with BLAS_THREADS=2 gets two (so the setting, not the machine, decides)."""
    from django.conf import settings
    from threadpoolctl import threadpool_info

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == settings.BLAS_THREADS == 1 for pool in blas)
    script = ("import django; django.setup(); from threadpoolctl import threadpool_info; "
              "print(sorted({p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'}))")
    environment = {"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "x", "BLAS_THREADS": "2"}
    completed = run_python(environment, "-c", script)
    assert completed.stdout.strip() == "[2]", completed.stdout + completed.stderr
