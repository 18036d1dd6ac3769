"""`mijnduo loaddemo`: reference data, demo organisations and a demo API key (idempotent)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.demo.applications import demo_applications_submit
from mijnduo.identity.models import ApiClient
from mijnduo.identity.services import api_client_create, api_client_rotate
from mijnduo.identity.simulator.setup import install_simulator
from mijnduo.identity.staff.services import staff_demo_user_ensure
from mijnduo.registers.importer import import_shipped
from mijnduo.registers.selectors import gemeente_naam, hoofdvestiging, instelling_by_brincode
from mijnduo.registry.models import Account, Organisation
from mijnduo.registry.services import account_create, beheerautorisaties_grant, organisation_create

from ...data import (
    DEMO_API_CLIENT,
    DEMO_BEHEERDER,
    DEMO_GEMEENTE,
    DEMO_SCHOOLS,
    DEMO_STAFF,
    DEMO_STAFF_PASSWORD,
)

DEMO_ACTOR = Actor(ActorKind.SYSTEM, "demo")


class Command(BaseCommand):
    help = "Load the demo: CBS and DUO register files, demo organisations and a demo API key."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--progress", action="store_true", help="show progress bars")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo data is for development only (set MIJNDUO_DEBUG=1).")
        for summary in import_shipped(progress=options["progress"]):
            self.stdout.write(
                f"{summary.path.name}: {summary.rows_read} rows read, {summary.created} created, "
                f"{summary.updated} updated, {len(summary.rejected)} rejected"
            )
        with transaction.atomic():
            organisations = [self._school(s.brincode, s.kvk_nummer) for s in DEMO_SCHOOLS]
            organisations.append(self._gemeente(*DEMO_GEMEENTE))
            self._beheerder(organisations[0])
        for organisation in organisations:
            self.stdout.write(
                f"Demo organisation: {organisation.naam} (KvK {organisation.kvk_nummer})"
            )
        client = self._api_key()
        self._eherkenning()
        self._staff()
        with transaction.atomic():
            for application in demo_applications_submit(actor=DEMO_ACTOR, client=client):
                self.stdout.write(
                    f"Demo application {application.reference} ({application.kind}) "
                    "is in the service desk's queue."
                )

    def _staff(self) -> None:
        base_url = settings.MIJNDUO_BASE_URL
        with transaction.atomic():
            for username, naam, roles, key in DEMO_STAFF:
                staff_demo_user_ensure(
                    actor=DEMO_ACTOR,
                    username=username,
                    naam=naam,
                    roles=roles,
                    password=DEMO_STAFF_PASSWORD,
                    totp_secret_hex=key,
                )
        names = ", ".join(
            f"{username} ({', '.join(roles)})" for username, _n, roles, _k in DEMO_STAFF
        )
        self.stdout.write(
            f"Service desk: {base_url}/servicedesk/ with {names}; password "
            f"'{DEMO_STAFF_PASSWORD}'. The TOTP code: 'mijnduo staff demo-code USERNAME' "
            "(demo only)."
        )

    def _eherkenning(self) -> None:
        base_url = settings.MIJNDUO_BASE_URL
        if not settings.MIJNDUO_EHERKENNING_SIMULATOR:
            self.stdout.write(
                "eHerkenning simulator is off (MIJNDUO_EHERKENNING_SIMULATOR=1 turns it on)."
            )
            return
        install_simulator(base_url)
        self.stdout.write(
            f"eHerkenning simulator: log in at {base_url}/inloggen/ and pick a demo "
            "organisation by name (SIMULATOR, not real eHerkenning)."
        )

    def _school(self, brincode: str, kvk_nummer: str) -> Organisation:
        existing = Organisation.objects.filter(kvk_nummer=kvk_nummer, brincode=brincode).first()
        if existing:
            return existing
        instelling = instelling_by_brincode(brincode)
        vestiging = hoofdvestiging(brincode)
        if instelling is None or vestiging is None:
            raise CommandError(f"School {brincode} is not in the imported DUO register.")
        return organisation_create(
            actor=DEMO_ACTOR,
            organisatie={
                "type": "onderwijsinstelling",
                "kvkNummer": kvk_nummer,
                "brincode": brincode,
                "bestuursnummer": instelling.bestuursnummer,
                "naam": instelling.naam,
                "straat": vestiging.straat,
                "huisnummer": vestiging.huisnummer,
                "postcode": vestiging.postcode,
                "woonplaats": vestiging.plaats.title(),
            },
        )

    def _gemeente(self, code: str, kvk_nummer: str) -> Organisation:
        existing = Organisation.objects.filter(kvk_nummer=kvk_nummer, gemeentecode=code).first()
        if existing:
            return existing
        naam = gemeente_naam(code) or code
        return organisation_create(
            actor=DEMO_ACTOR,
            organisatie={
                "type": "gemeente",
                "kvkNummer": kvk_nummer,
                "gemeentecode": code,
                "naam": f"Gemeente {naam}",
                "woonplaats": naam,
            },
        )

    def _beheerder(self, organisation: Organisation) -> None:
        naam, email, codes = DEMO_BEHEERDER
        account = Account.objects.filter(email__iexact=email).first()
        if account is None:
            account = account_create(actor=DEMO_ACTOR, naam=naam, email=email)
        beheerautorisaties_grant(
            actor=DEMO_ACTOR, account=account, organisation=organisation, codes=codes, basis="demo"
        )

    def _api_key(self) -> ApiClient:
        client = ApiClient.objects.filter(name=DEMO_API_CLIENT).first()
        if client is None:
            client, key = api_client_create(actor=DEMO_ACTOR, name=DEMO_API_CLIENT)
        else:
            # The key is never stored, so each demo start issues a fresh one.
            key = api_client_rotate(actor=DEMO_ACTOR, client=client)
        self.stdout.write(self.style.SUCCESS(f"Demo API key (client '{DEMO_API_CLIENT}'): {key}"))
        return client
