"""Codes of the canonical document (form.md §1–§4). Names here are a public contract."""

from enum import StrEnum


class OrganisatieType(StrEnum):
    """Form 1.1 "Type organisatie"."""

    ONDERWIJSINSTELLING = "onderwijsinstelling"
    BESTUUR = "bestuur"
    GEMEENTE = "gemeente"
    DEURWAARDER = "deurwaarder"
    ANDERS = "anders"


class Beheerautorisatie(StrEnum):
    """Form 3.1, in the form's order (the order used when normalising)."""

    PO = "po"
    VO = "vo"
    BVE = "bve"
    MBO_NBO = "mbo_nbo"
    HO = "ho"
    HO_NBO = "ho_nbo"
    BEKOSTIGING_OPLEIDINGEN = "bekostiging_opleidingen"
    RIO_ALGEMEEN = "rio_algemeen"
    RIO_SELFSERVICE = "rio_selfservice"
    RIO_OPLEIDINGSEENHEID = "rio_opleidingseenheid"
    BOP = "bop"
    OWP = "owp"
    GEMEENTE = "gemeente"
    BOW = "bow"
    ANDERS = "anders"


BEHEERAUTORISATIE_ORDER: dict[str, int] = {
    code.value: i for i, code in enumerate(Beheerautorisatie)
}

# R9: "Voor deze rol is een Beheerder PO/VO/MBO/HO rol ook nodig".
SECTOR_ROLES = frozenset({"po", "vo", "bve", "mbo_nbo", "ho", "ho_nbo"})
# R10: "Voor deze rol is een Beheerder MBO/HO rol ook nodig" (MBO = BVE or MBO NBO).
MBO_HO_ROLES = frozenset({"bve", "mbo_nbo", "ho", "ho_nbo"})
RIO_ROLES = frozenset({"rio_algemeen", "rio_selfservice", "rio_opleidingseenheid"})

# R3 (toelichting "Bij 1.2"): which numbers each organisation type must give.
REQUIRED_NUMBERS: dict[str, tuple[str, ...]] = {
    OrganisatieType.ONDERWIJSINSTELLING: ("brincode", "bestuursnummer"),
    OrganisatieType.BESTUUR: ("bestuursnummer",),
    OrganisatieType.GEMEENTE: ("gemeentecode",),
    OrganisatieType.DEURWAARDER: ("crediteurnummer",),
    OrganisatieType.ANDERS: ("nummerAnders",),
}

# The number that, with the KvK-nummer, identifies an organisation of each type
# in the registry (form.md §1 "matched by KvK-nummer plus the type's own number").
OWN_NUMBER: dict[str, str] = {
    OrganisatieType.ONDERWIJSINSTELLING: "brincode",
    OrganisatieType.BESTUUR: "bestuursnummer",
    OrganisatieType.GEMEENTE: "gemeentecode",
    OrganisatieType.DEURWAARDER: "crediteurnummer",
    OrganisatieType.ANDERS: "nummerAnders",
}

# R15: accepted signatories for a municipality ("gemeentesecretaris of leden van
# het college van burgemeester en wethouders").
MUNICIPAL_SIGNATORY_WORDS = ("gemeentesecretaris", "burgemeester", "wethouder")


class ErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID = "invalid"
    UNKNOWN = "unknown"
    EHERKENNING_REQUIRED = "eherkenning_required"
    DEPENDENCY = "dependency"
    CONFLICT = "conflict"
    NOT_AUTHORISED = "not_authorised"


class Kind(StrEnum):
    """What a submission asks for (form.md §1 "Kinds of request")."""

    AANMELDING = "aanmelding"
    WIJZIGING = "wijziging"
    INTREKKING = "intrekking"
