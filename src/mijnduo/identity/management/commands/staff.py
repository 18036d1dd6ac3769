"""`mijnduo staff create|reset-mfa|unlock|list|demo-code`: service-desk staff accounts.

`mijnduo staff create admin --role functioneel_beheerder --email … --name …` creates
the first functioneel beheerder; after that, staff are managed on /servicedesk/medewerkers/.
"""

import getpass
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp  # type: ignore[import-untyped]

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.selectors import (
    confirmed_totp_device,
    role_values_of,
    staff_accounts,
    staff_user_by_username,
)
from mijnduo.identity.staff.services import (
    staff_lockout_reset,
    staff_mfa_reset,
    staff_user_create,
)

CLI_ACTOR = Actor(ActorKind.SYSTEM, "cli")


class Command(BaseCommand):
    help = "Create service-desk staff accounts, reset their MFA, lift a lockout, or list them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a staff account (asks for the password)")
        create.add_argument("username")
        create.add_argument(
            "--role",
            dest="roles",
            action="append",
            required=True,
            choices=StaffRole.values,
            help="a role; repeat for more than one",
        )
        create.add_argument("--email", required=True)
        create.add_argument("--name", required=True, help="full name")
        create.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from the first line of standard input (for scripts)",
        )
        reset = sub.add_parser("reset-mfa", help="remove the TOTP app; set up again at login")
        reset.add_argument("username")
        unlock = sub.add_parser("unlock", help="lift a lockout after failed logins")
        unlock.add_argument("username")
        sub.add_parser("list", help="list staff accounts (username, roles, MFA, state)")
        demo = sub.add_parser("demo-code", help="DEBUG only: print a user's current TOTP code")
        demo.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "list":
            self._list()
        elif action == "create":
            self._create(options)
        elif action == "demo-code":
            self._demo_code(options["username"])
        else:
            user = staff_user_by_username(options["username"])
            if user is None:
                raise CommandError("No staff account with that username.")
            if action == "reset-mfa":
                removed = staff_mfa_reset(actor=CLI_ACTOR, user=user)
                self.stdout.write(
                    f"Removed {removed} device(s); the next login sets up the app again."
                )
            else:
                staff_lockout_reset(actor=CLI_ACTOR, user=user)
                self.stdout.write("Failed logins forgotten; the account can log in again.")

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords are not the same.")
        return first

    def _create(self, options: dict[str, Any]) -> None:
        password = self._password(options["password_stdin"])
        try:
            user = staff_user_create(
                actor=CLI_ACTOR,
                username=options["username"],
                naam=options["name"],
                email=options["email"],
                roles=options["roles"],
                password=password,
            )
        except ValidationError as error:
            problems = [
                f"{field}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
            raise CommandError("Not created. " + " ".join(problems)) from error
        self.stdout.write(
            f"Staff account {user.username!r} created (id {user.pk}). At the first login "
            "on /servicedesk/inloggen its owner sets up an authenticator app."
        )

    def _list(self) -> None:
        for user in staff_accounts():
            roles = ",".join(role_values_of(user)) or "-"
            mfa = "mfa" if getattr(user, "has_mfa", False) else "no-mfa"
            state = "active" if user.is_active else "blocked"
            self.stdout.write(f"{user.username}\t{roles}\t{mfa}\t{state}")

    def _demo_code(self, username: str) -> None:
        # A code on the command line is a second factor for anyone at this terminal:
        # only in development, for the demo accounts.
        if not settings.DEBUG:
            raise CommandError("demo-code is for development only (MIJNDUO_DEBUG=1).")
        user = staff_user_by_username(username)
        device = confirmed_totp_device(user) if user is not None else None
        if device is None:
            raise CommandError("No staff account with a confirmed authenticator app.")
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
