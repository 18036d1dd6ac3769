"""`mijnduo apitoken create|rotate|revoke|list`: manage API clients and their keys."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.identity.models import ApiClient
from mijnduo.identity.services import api_client_create, api_client_revoke, api_client_rotate

CLI_ACTOR = Actor(ActorKind.SYSTEM, "cli")


class Command(BaseCommand):
    help = "Create, rotate, revoke or list API clients. A key is printed once and never stored."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a client and print its key once")
        create.add_argument("name")
        rotate = sub.add_parser("rotate", help="replace a client's key and print the new key once")
        rotate.add_argument("name")
        revoke = sub.add_parser("revoke", help="revoke a client's key")
        revoke.add_argument("name")
        sub.add_parser("list", help="list clients (name, key prefix, state)")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "list":
            for listed in ApiClient.objects.order_by("name"):
                state = (
                    "actief" if listed.is_active else f"ingetrokken {listed.revoked_at:%Y-%m-%d}"
                )
                self.stdout.write(f"{listed.name}\t{listed.key_prefix}…\t{state}")
            return
        name = options["name"].strip()
        if not name or len(name) > 100:
            raise CommandError("Give a name of 1 to 100 characters.")
        if action == "create":
            if ApiClient.objects.filter(name=name).exists():
                raise CommandError(f"An API client named {name!r} already exists; use rotate.")
            _created, key = api_client_create(actor=CLI_ACTOR, name=name)
            self._print_key(name, key)
            return
        client = ApiClient.objects.filter(name=name).first()
        if client is None:
            raise CommandError(f"No API client named {name!r}.")
        if action == "rotate":
            self._print_key(name, api_client_rotate(actor=CLI_ACTOR, client=client))
        else:
            api_client_revoke(actor=CLI_ACTOR, client=client)
            self.stdout.write(f"Key of {name!r} revoked.")

    def _print_key(self, name: str, key: str) -> None:
        self.stderr.write(f"API key for {name!r} (shown once, store it safely):")
        self.stdout.write(key)
