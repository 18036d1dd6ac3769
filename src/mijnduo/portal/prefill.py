"""What a new draft starts with: the login's KvK-nummer and what the registry knows."""

from typing import Any

from mijnduo.registry.constants import ORGANISATION_FIELD_FOR
from mijnduo.registry.selectors import organisations_for_kvk


def document_for_new_draft(kvk_nummer: str, organisation_id: str) -> dict[str, Any]:
    """The KvK-nummer from eHerkenning, and name, address and numbers of the chosen
    registry organisation — only one registered under that same KvK-nummer."""
    organisatie: dict[str, Any] = {"kvkNummer": kvk_nummer}
    for organisation in organisations_for_kvk(kvk_nummer):
        if str(organisation.pk) != organisation_id:
            continue
        for key, attribute in ORGANISATION_FIELD_FOR.items():
            value = getattr(organisation, attribute)
            if value:
                organisatie[key] = value
    return {"organisatie": organisatie}
