"""Configuring the service provider (also editable later in the library's admin)."""

from dataclasses import dataclass

from digid_eherkenning.choices import AssuranceLevels
from digid_eherkenning.models import EherkenningConfiguration
from django.core.files.base import ContentFile
from django.db import transaction


@dataclass(frozen=True)
class ServiceProviderSettings:
    entity_id: str
    base_url: str
    oin: str
    broker_oin: str
    service_uuid: str
    broker_metadata: bytes
    broker_entity_id: str
    privacy_policy_url: str
    attribute_consuming_service_index: str = "9052"
    service_name: str = "Mijn DUO Beheer"
    service_description: str = "Beheerders van Mijn DUO Zakelijk aanmelden, wijzigen en intrekken"
    organization_name: str = "Dienst Uitvoering Onderwijs"
    organization_url: str = ""


def configure_service_provider(values: ServiceProviderSettings) -> EherkenningConfiguration:
    """Write the singleton configuration. EH3 is requested; no eIDAS service."""
    with transaction.atomic():
        config = EherkenningConfiguration.get_solo()
        config.entity_id = values.entity_id
        config.base_url = values.base_url.rstrip("/")
        config.oin = values.oin
        config.makelaar_id = values.broker_oin
        config.eh_service_uuid = values.service_uuid
        config.eh_attribute_consuming_service_index = values.attribute_consuming_service_index
        config.eh_loa = AssuranceLevels.substantial
        config.no_eidas = True
        # The assertion must carry the broker's signature; the SAML library then
        # refuses an unsigned or altered one.
        config.want_assertions_signed = True
        config.service_name = values.service_name
        config.service_description = values.service_description
        config.privacy_policy = values.privacy_policy_url
        config.organization_name = values.organization_name
        config.organization_url = values.organization_url or values.base_url
        config.idp_service_entity_id = values.broker_entity_id
        config.metadata_file_source = ""
        config.idp_metadata_file.save(
            "eherkenning-broker-metadata.xml", ContentFile(values.broker_metadata), save=False
        )
        config.save()
    return config
