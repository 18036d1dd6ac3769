"""Installing the simulator: key pairs, the broker, and the SP pointed at it."""

import uuid

from digid_eherkenning.choices import ConfigTypes
from digid_eherkenning.models import ConfigCertificate, EherkenningConfiguration
from digid_eherkenning.saml2.eherkenning import generate_eherkenning_metadata
from django.db import transaction
from simple_certmanager.models import Certificate

from mijnduo.identity.eherkenning.certificates import (
    add_sp_certificate,
    generate_key_pair,
    store_key_pair,
)
from mijnduo.identity.eherkenning.configuration import (
    ServiceProviderSettings,
    configure_service_provider,
)

from .broker import Broker, ServiceProvider, read_sp_metadata

BROKER_CERTIFICATE_LABEL = "eherkenning-simulator-makelaar"
SP_CERTIFICATE_LABEL = "eherkenning-sp-simulator"
SIMULATOR_PATH = "/simulator/eherkenning"
# Fixed so that a demo database keeps working across restarts; a real
# deployment gets its service UUID from the broker's dienstencatalogus.
DEMO_SERVICE_UUID = "6f4b3a2e-5c1d-4e8f-9a7b-2d3c4e5f6a7b"
DEMO_OIN = "00000001003214345000"  # 20 digits, the OIN format; not a real OIN
DEMO_BROKER_OIN = "00000009999999999000"


def _latest_certificate(label: str) -> Certificate | None:
    return Certificate.objects.filter(label=label).order_by("-pk").first()


def current_broker(*, single_use_artifacts: bool = True) -> Broker:
    """The simulator broker as installed (raises LookupError when it is not)."""
    certificate = _latest_certificate(BROKER_CERTIFICATE_LABEL)
    config = EherkenningConfiguration.get_solo()
    if certificate is None or not config.base_url:
        raise LookupError("The eHerkenning simulator is not installed: run `mijnduo loaddemo`.")
    with (
        certificate.private_key.open("rb") as key,
        certificate.public_certificate.open("rb") as cert,
    ):
        key_pem, cert_pem = key.read(), cert.read()
    base = f"{config.base_url}{SIMULATOR_PATH}"
    return Broker(
        entity_id=base,
        base_url=base,
        key_pem=key_pem,
        cert_pem=cert_pem,
        service_uuid=str(config.eh_service_uuid),
        service_id=f"urn:etoegang:DV:{config.oin}:services:{config.eh_attribute_consuming_service_index}",
        single_use_artifacts=single_use_artifacts,
    )


def current_service_provider() -> ServiceProvider:
    """The SP as the broker sees it: from the SP's own published metadata."""
    return read_sp_metadata(generate_eherkenning_metadata())


def install_simulator(base_url: str, *, service_uuid: str = DEMO_SERVICE_UUID) -> Broker:
    """Make the SP use the simulator broker at base_url. Idempotent; keeps existing keys."""
    base_url = base_url.rstrip("/")
    with transaction.atomic():
        if _latest_certificate(BROKER_CERTIFICATE_LABEL) is None:
            store_key_pair(
                BROKER_CERTIFICATE_LABEL, generate_key_pair("eHerkenning simulator makelaar")
            )
        if not ConfigCertificate.objects.filter(config_type=ConfigTypes.eherkenning).exists():
            add_sp_certificate(
                generate_key_pair("Mijn DUO Beheer SP (simulator)"), label=SP_CERTIFICATE_LABEL
            )
        broker_base = f"{base_url}{SIMULATOR_PATH}"
        # A broker object with a placeholder service only to render its metadata.
        certificate = Certificate.objects.filter(label=BROKER_CERTIFICATE_LABEL).latest("pk")
        with certificate.public_certificate.open("rb") as cert:
            metadata = Broker(
                entity_id=broker_base, base_url=broker_base, key_pem=b"", cert_pem=cert.read()
            ).metadata()
        configure_service_provider(
            ServiceProviderSettings(
                entity_id=f"{base_url}/eherkenning/metadata",
                base_url=base_url,
                oin=DEMO_OIN,
                broker_oin=DEMO_BROKER_OIN,
                service_uuid=str(uuid.UUID(service_uuid)),
                broker_metadata=metadata,
                broker_entity_id=broker_base,
                privacy_policy_url=f"{base_url}/privacy",
            )
        )
    return current_broker()
