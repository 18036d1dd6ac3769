"""What a draft starts with: the login's KvK-nummer, the registry, DUO's open register."""

from typing import Any

from mijnduo.registers.selectors import hoofdvestiging, instelling_by_brincode
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


def fill_from_duo_register(document: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Fill the empty name, address and bestuursnummer from DUO's open register.

    Only for a BRIN code the register knows; nothing typed is overwritten. Returns the
    document and whether anything was filled in.
    """
    organisatie = dict(document.get("organisatie") or {})
    brincode = str(organisatie.get("brincode") or "").strip()
    if not brincode:
        return document, False
    instelling = instelling_by_brincode(brincode)
    if instelling is None:
        return document, False
    vestiging = hoofdvestiging(brincode)
    found = {
        "bestuursnummer": instelling.bestuursnummer,
        "naam": vestiging.naam if vestiging else instelling.naam,
        "straat": vestiging.straat if vestiging else "",
        "huisnummer": vestiging.huisnummer if vestiging else "",
        "postcode": vestiging.postcode if vestiging else "",
        # DUO's files write place names in capitals (GRONINGEN).
        "woonplaats": _place_name(vestiging.plaats) if vestiging else "",
    }
    filled = False
    for key, value in found.items():
        if value and not str(organisatie.get(key) or "").strip():
            organisatie[key] = value
            filled = True
    return {**document, "organisatie": organisatie}, filled


def _place_name(value: str) -> str:
    return value.title() if value.isupper() else value
