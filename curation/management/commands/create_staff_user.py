"""Create a staff account in the editors or viewers group.

    python manage.py create_staff_user alice --group editors            # prompts for the password twice
    printf '%s\n' "$PASSWORD" | python manage.py create_staff_user bob --group viewers --password-stdin

There is no default password: one is typed, or read from standard input, and checked by the validators.
"""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from curation.groups import GROUPS
from curation.services import create_staff_user


class Command(BaseCommand):
    help = "Create a staff account in the editors or viewers group (the password is prompted for, or read from stdin)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--group", required=True, choices=GROUPS, help="editors: enter and correct data, upload reports; viewers: read only.")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from the first line of standard input.")

    def handle(self, *args, username, group, email, password_stdin, **options):
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        else:
            raise CommandError("No terminal to ask for a password: pass it on standard input with --password-stdin.")
        if not password:
            raise CommandError("The password is empty.")
        try:
            user = create_staff_user(username, password, group, email=email)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Created staff user {user.username} in {group}. Log in at /admin/.")
