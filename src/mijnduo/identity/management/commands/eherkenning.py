"""`mijnduo eherkenning configure|add-certificate|status`: connect a real broker.

Every option of `configure` can also come from an environment variable (shown in
--help), so a deployment can run it unattended. Step by step: docs/eherkenning.md.
"""

import datetime as dt
import os
import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from lxml import etree

from mijnduo.identity.eherkenning import checks
from mijnduo.identity.eherkenning.certificates import KeyPair, add_sp_certificate
from mijnduo.identity.eherkenning.configuration import (
    ServiceProviderSettings,
    configure_service_provider,
)

CONFIGURE_OPTIONS = {
    "entity_id": ("MIJNDUO_EH_ENTITY_ID", "SAML entity ID of this service provider"),
    "base_url": ("MIJNDUO_EH_BASE_URL", "public https URL of this site, without trailing /"),
    "oin": ("MIJNDUO_EH_OIN", "OIN of the organisation offering the service (20 digits)"),
    "broker_oin": ("MIJNDUO_EH_BROKER_OIN", "OIN of the broker (herkenningsmakelaar)"),
    "service_uuid": ("MIJNDUO_EH_SERVICE_UUID", "ServiceUUID of the service 'Mijn DUO'"),
    "broker_metadata": ("MIJNDUO_EH_BROKER_METADATA", "file with the broker's SAML metadata"),
    "broker_entity_id": ("MIJNDUO_EH_BROKER_ENTITY_ID", "the broker's entity ID in that file"),
    "privacy_url": ("MIJNDUO_EH_PRIVACY_URL", "URL of the privacy statement"),
    "acs_index": ("MIJNDUO_EH_ACS_INDEX", "attribute consuming service index (default 9052)"),
}


class Command(BaseCommand):
    help = "Configure eHerkenning: the broker, the service and the SP certificates."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        configure = sub.add_parser("configure", help="Point the service provider at a broker.")
        for name, (env, text) in CONFIGURE_OPTIONS.items():
            configure.add_argument(
                f"--{name.replace('_', '-')}",
                dest=name,
                default=os.environ.get(env),
                help=f"{text} [env {env}]",
            )
        certificate = sub.add_parser(
            "add-certificate", help="Offer a key pair for signing and decryption."
        )
        certificate.add_argument("--key", required=True, type=Path, help="private key, PEM")
        certificate.add_argument("--cert", required=True, type=Path, help="certificate, PEM")
        certificate.add_argument("--label", default="eherkenning-sp")
        certificate.add_argument(
            "--activate-on",
            help="ISO date-time at which this pair takes over (rotation); default: now",
        )
        sub.add_parser("status", help="Show the configuration and certificate state.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "configure":
            self._configure(options)
        elif action == "add-certificate":
            self._add_certificate(options)
        self._status()

    def _configure(self, options: dict[str, Any]) -> None:
        missing = [
            f"--{name.replace('_', '-')} (or {env})"
            for name, (env, _text) in CONFIGURE_OPTIONS.items()
            if name != "acs_index" and not options.get(name)
        ]
        if missing:
            raise CommandError("Missing: " + ", ".join(missing))
        metadata_path = Path(options["broker_metadata"])
        try:
            metadata = metadata_path.read_bytes()
            etree.fromstring(metadata, etree.XMLParser(resolve_entities=False, no_network=True))
        except (OSError, etree.XMLSyntaxError) as error:
            raise CommandError(f"Cannot read broker metadata {metadata_path}: {error}") from error
        try:
            service_uuid = str(uuid.UUID(options["service_uuid"]))
        except ValueError as error:
            raise CommandError("--service-uuid is not a UUID") from error
        if not options["base_url"].startswith("https://"):
            self.stderr.write("Warning: the base URL is not https; brokers require https.")
        configure_service_provider(
            ServiceProviderSettings(
                entity_id=options["entity_id"],
                base_url=options["base_url"],
                oin=options["oin"],
                broker_oin=options["broker_oin"],
                service_uuid=service_uuid,
                broker_metadata=metadata,
                broker_entity_id=options["broker_entity_id"],
                privacy_policy_url=options["privacy_url"],
                attribute_consuming_service_index=options.get("acs_index") or "9052",
            )
        )
        self.stdout.write("eHerkenning configured.")

    def _add_certificate(self, options: dict[str, Any]) -> None:
        activate_on: dt.datetime | None = None
        if options.get("activate_on"):
            activate_on = parse_datetime(options["activate_on"])
            if activate_on is None or activate_on.tzinfo is None:
                raise CommandError(
                    "--activate-on needs a date-time with time zone, e.g. 2027-03-01T06:00:00+01:00"
                )
        try:
            pair = KeyPair(
                key_pem=options["key"].read_bytes(), cert_pem=options["cert"].read_bytes()
            )
        except OSError as error:
            raise CommandError(f"Cannot read the key pair: {error}") from error
        add_sp_certificate(pair, label=options["label"], activate_on=activate_on)
        self.stdout.write("Certificate added.")

    def _status(self) -> None:
        from digid_eherkenning.exceptions import CertificateProblem
        from digid_eherkenning.models import EherkenningConfiguration

        config = EherkenningConfiguration.get_solo()
        self.stdout.write(f"Entity ID: {config.entity_id or '-'}")
        self.stdout.write(f"Base URL: {config.base_url or '-'}")
        self.stdout.write(f"Broker: {config.idp_service_entity_id or '-'}")
        self.stdout.write(f"Service UUID: {config.eh_service_uuid}")
        try:
            current, following = config.select_certificates()
            self.stdout.write(
                f"Current certificate: {current.label}, valid until {current.expiry_date:%Y-%m-%d}"
            )
            if following is not None:
                until = f"{following.expiry_date:%Y-%m-%d}"
                self.stdout.write(f"Next certificate: {following.label}, valid until {until}")
        except CertificateProblem:
            self.stdout.write("Current certificate: none")
        for message in checks.eherkenning_certificates():
            self.stdout.write(f"{message.id}: {message.msg}")
