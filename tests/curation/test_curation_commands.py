"""The staff commands: the groups, and the first accounts (no default password, ever)."""

import io
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from curation.groups import EDITORS, VIEWERS

pytestmark = pytest.mark.django_db


def run(*args, stdin=""):
    out = io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command(*args, stdout=out)
    finally:
        sys.stdin = saved
    return out.getvalue()


def test_migrate_creates_the_groups_and_the_command_resets_them():
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="change_position").exists()
    editors.permissions.clear()
    Group.objects.filter(name=VIEWERS).delete()
    out = run("setup_staff_groups")
    assert "editors:" in out and "viewers:" in out
    assert editors.permissions.filter(codename="change_position").exists()
    assert Group.objects.get(name=VIEWERS).permissions.filter(codename="view_vote").exists()


def test_create_staff_user_reads_the_password_from_stdin(client):
    out = run("create_staff_user", "alice", "--group", "editors", "--password-stdin", stdin="correct horse battery staple\n")
    assert "Created staff user alice in editors" in out
    alice = get_user_model().objects.get(username="alice")
    assert alice.is_staff and not alice.is_superuser
    assert list(alice.groups.values_list("name", flat=True)) == ["editors"]
    assert alice.has_perm("votes.change_position") and not alice.has_perm("votes.change_country")
    assert client.login(username="alice", password="correct horse battery staple")
    assert client.get("/admin/").status_code == 200


def test_create_staff_user_never_makes_up_a_password():
    with pytest.raises(CommandError, match="--password-stdin"):
        run("create_staff_user", "bob", "--group", "viewers")  # no terminal to ask, no password given
    with pytest.raises(CommandError, match="empty"):
        run("create_staff_user", "bob", "--group", "viewers", "--password-stdin", stdin="\n")
    with pytest.raises(CommandError, match="Password refused"):
        run("create_staff_user", "bob", "--group", "viewers", "--password-stdin", stdin="password\n")
    assert not get_user_model().objects.filter(username="bob").exists()


def test_create_staff_user_refuses_an_existing_name_and_an_unknown_group():
    run("create_staff_user", "carol", "--group", "viewers", "--password-stdin", stdin="a-long-test-passphrase-7\n")
    with pytest.raises(CommandError, match="exists already"):
        run("create_staff_user", "carol", "--group", "editors", "--password-stdin", stdin="a-long-test-passphrase-7\n")
    with pytest.raises(CommandError):
        run("create_staff_user", "dave", "--group", "admins", "--password-stdin", stdin="a-long-test-passphrase-7\n")
