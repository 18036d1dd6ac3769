"""The Dutch wording of the paper form, in one place (form sections 1.1, 1.2, 3.1 and 4).

The PDF is the Dutch form, so these labels are not translated. The codes come from
:mod:`mijnduo.aanvraag.constants`; a test checks that every code has a label here.
"""

from types import MappingProxyType

from mijnduo.aanvraag.constants import Beheerautorisatie, Kind, OrganisatieType

FORM_TITLE = "Aanmelding en wijziging Mijn DUO met eHerkenning (beheerder)"

# Form 1.1 "Type organisatie". "anders" is followed by the text of typeAnders.
ORGANISATIE_TYPE_LABELS = MappingProxyType(
    {
        OrganisatieType.ONDERWIJSINSTELLING.value: "Onderwijsinstelling",
        OrganisatieType.BESTUUR.value: "Bestuur",
        OrganisatieType.GEMEENTE.value: "Gemeente",
        OrganisatieType.DEURWAARDER.value: "Deurwaarder",
        OrganisatieType.ANDERS.value: "Anders, namelijk",
    }
)

# Form 1.2 "Organisatienummer": the document's keys with the form's captions, in the
# form's order.
ORGANISATIENUMMER_LABELS = MappingProxyType(
    {
        "brincode": "Brincode (instellingscode)",
        "bestuursnummer": "Bestuursnummer",
        "gemeentecode": "Gemeentecode",
        "crediteurnummer": "Crediteurnummer",
        "kvkNummer": "KvK-nummer",
        "nummerAnders": "Anders, namelijk",
    }
)

# Form 3.1, in the form's order. BOW carries the toelichting's "(Blik-op-werk)".
BEHEERAUTORISATIE_LABELS = MappingProxyType(
    {
        Beheerautorisatie.PO.value: "Beheerder PO (Primair Onderwijs)",
        Beheerautorisatie.VO.value: "Beheerder VO (Voortgezet Onderwijs)",
        Beheerautorisatie.BVE.value: "Beheerder BVE (Middelbaar Beroepsonderwijs)",
        Beheerautorisatie.MBO_NBO.value: "Beheerder MBO NBO (voor niet bekostigd onderwijs)",
        Beheerautorisatie.HO.value: "Beheerder HO (Hoger Onderwijs)",
        Beheerautorisatie.HO_NBO.value: "Beheerder HO NBO (voor niet bekostigd onderwijs)",
        Beheerautorisatie.BEKOSTIGING_OPLEIDINGEN.value: (
            "Beheerder Bekostiging en Opleidingen (Alle Onderwijssectoren)"
        ),
        Beheerautorisatie.RIO_ALGEMEEN.value: "Beheerder RIO Algemeen",
        Beheerautorisatie.RIO_SELFSERVICE.value: "Beheerder RIO Selfservice",
        Beheerautorisatie.RIO_OPLEIDINGSEENHEID.value: "Beheerder RIO Opleidingseenheid",
        Beheerautorisatie.BOP.value: "Beheerder BOP",
        Beheerautorisatie.OWP.value: "Beheerder OWP",
        Beheerautorisatie.GEMEENTE.value: "Beheerder Gemeente",
        Beheerautorisatie.BOW.value: "Beheerder BOW (Blik-op-werk)",
        Beheerautorisatie.ANDERS.value: "Anders, namelijk",
    }
)

KIND_LABELS = MappingProxyType(
    {
        Kind.AANMELDING.value: "Aanmelding",
        Kind.WIJZIGING.value: "Wijziging",
        Kind.INTREKKING.value: "Intrekking",
    }
)

# Form 4.1: what DUO does, by the answer to "Wilt u uw account blijven gebruiken als
# gebruiker?".
INTREKKING_GEVOLG = MappingProxyType(
    {
        True: "DUO verwijdert uw beheerdersrol.",
        False: (
            "DUO verwijdert uw account. Stuur uw tokengenerator terug naar DUO SSD, "
            "Antwoordnummer 199, 9700 VB Groningen."
        ),
    }
)

# The login level of a digital signature, as stored ("EH3") and as the PDF says it.
INLOGNIVEAU_LABELS = MappingProxyType(
    {
        "EH2": "eHerkenning niveau 2 (EH2)",
        "EH2+": "eHerkenning niveau 2+ (EH2+)",
        "EH3": "eHerkenning niveau 3 (EH3)",
        "EH4": "eHerkenning niveau 4 (EH4)",
    }
)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def beheerautorisatie_label(code: str, anders: str = "") -> str:
    """The form's label of a code; "Anders, namelijk: …" carries the text filled in."""
    if code == Beheerautorisatie.ANDERS and anders:
        return f"{BEHEERAUTORISATIE_LABELS[code]}: {anders}"
    # A code outside the catalog (an old record) is shown as it is, not dropped.
    return BEHEERAUTORISATIE_LABELS.get(code, code)


def inlogniveau_label(level: str) -> str:
    """``EH3`` as "eHerkenning niveau 3 (EH3)"; any other text is shown as it is."""
    return INLOGNIVEAU_LABELS.get(level.strip().upper(), level)
