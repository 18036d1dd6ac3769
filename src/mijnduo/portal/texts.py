"""Labels and the form's toelichting, as help beside the fields they explain.

English message ids; the Dutch texts (the paper form's own words) are in the
translation catalogue.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ORGANISATIE_TYPES: dict[str, Promise] = {
    "onderwijsinstelling": _("Educational institution"),
    "bestuur": _("School board"),
    "gemeente": _("Municipality"),
    "deurwaarder": _("Bailiff"),
    "anders": _("Other"),
}

# Toelichting "Bij 1.2 Organisatienummer": which numbers each type gives.
NUMBER_HELP: dict[str, Promise] = {
    "brincode": _(
        "For an educational institution: the BRIN code (instellingscode), e.g. 05KO. "
        "We fill in the name and address from DUO's register if you leave them empty."
    ),
    "bestuursnummer": _(
        "For an educational institution or a school board: the bestuursnummer, 5 digits."
    ),
    "gemeentecode": _("For a municipality: the gemeentecode, 4 digits, e.g. 0014."),
    "crediteurnummer": _("For a bailiff: your DUO crediteurnummer."),
    "nummerAnders": _("For another organisation: the number that identifies it."),
}

# Which organisation types need each number (form.md R3); the page shows the others
# as optional, and hides them when JavaScript runs.
NUMBER_TYPES: dict[str, tuple[str, ...]] = {
    "brincode": ("onderwijsinstelling",),
    "bestuursnummer": ("onderwijsinstelling", "bestuur"),
    "gemeentecode": ("gemeente",),
    "crediteurnummer": ("deurwaarder",),
    "nummerAnders": ("anders",),
}

BEHEERAUTORISATIES: dict[str, tuple[Promise, Promise]] = {
    "po": (
        _("Beheerder PO (primary education)"),
        _(
            "Authorises user accounts for the Onderwijs Service Register (OSR) and the role "
            "PO-informatiediensten, to see how school leavers perform."
        ),
    ),
    "vo": (
        _("Beheerder VO (secondary education)"),
        _(
            "Authorises user accounts for the BRON-VO roles, the Onderwijs Service Register "
            "(OSR), Mijn Diploma's and the roles examensecretaris and verzuimmelder."
        ),
    ),
    "bve": (
        _("Beheerder BVE (vocational education, MBO)"),
        _(
            "Authorises user accounts for the BRON BVE and, if needed, VAVO roles, the "
            "Onderwijs Service Register (OSR), Mijn Diploma's and the roles "
            "examensecretaris and verzuimmelder."
        ),
    ),
    "mbo_nbo": (
        _("Beheerder MBO NBO (for education without government funding)"),
        _(
            "Authorises user accounts for these BRON BVE roles: TMB and TMO gebruiker, "
            "gebruiker studentdossier, behandelaar inschrijvingen, gebruiker registercontrole "
            "and aanvrager handmatige mutatie. And for the Onderwijs Service Register (OSR), "
            "Mijn Diploma's and the roles examensecretaris and verzuimmelder."
        ),
    ),
    "ho": (
        _("Beheerder HO (higher education)"),
        _(
            "Authorises user accounts for the HO behandelaar roles, the Onderwijs Service "
            "Register (OSR), the CROHO and Mijn Diploma's."
        ),
    ),
    "ho_nbo": (
        _("Beheerder HO NBO (for education without government funding)"),
        _(
            "Authorises user accounts for these HO NBO roles: TMB aanleveren gebruiker, TMO "
            "gebruiker, gebruiker studentdossier, HO verzoek handmatige mutatie, raadplegen "
            "studentdossier NBI and HO behandelaar registratie overzicht. And for the "
            "Onderwijs Service Register (OSR) and Mijn Diploma's."
        ),
    ),
    "bekostiging_opleidingen": (
        _("Beheerder Bekostiging en Opleidingen (all education sectors)"),
        _(
            "Authorises user accounts for the roles medewerker bekostiging, medewerker "
            "opleidingen and raadpleger zaakdossier for bijzondere bekostiging."
        ),
    ),
    "rio_algemeen": (
        _("Beheerder RIO Algemeen"),
        _(
            "Authorises user accounts for Registratie Instellingen Opleidingen (RIO) for some "
            "general roles, such as entering contact details. This role also needs a "
            "Beheerder PO, VO, MBO or HO role, and a bestuursnummer."
        ),
    ),
    "rio_selfservice": (
        _("Beheerder RIO Selfservice"),
        _(
            "Authorises user accounts for RIO, for institutions that fill RIO through the RIO "
            "portal. This role also needs a Beheerder PO, VO, MBO or HO role, and a "
            "bestuursnummer."
        ),
    ),
    "rio_opleidingseenheid": (
        _("Beheerder RIO Opleidingseenheid"),
        _(
            "Authorises user accounts for RIO in MBO, HO and private institutions that enter "
            "parts of courses or private courses. This role also needs a Beheerder MBO or HO "
            "role, and a bestuursnummer."
        ),
    ),
    "bop": (
        _("Beheerder BOP"),
        _(
            "Authorises user accounts to deliver files and fetch feedback files about the "
            "Lerarenportfolio data."
        ),
    ),
    "owp": (
        _("Beheerder OWP"),
        _("Authorises user accounts to deliver files and fetch feedback files about staff data."),
    ),
    "gemeente": (
        _("Beheerder Gemeente"),
        _(
            "Authorises user accounts for RMC, GBA, the LRK Portaal, the verzuimloket and "
            "inburgering."
        ),
    ),
    "bow": (
        _("Beheerder BOW (Blik-op-werk)"),
        _("Authorises user accounts to exchange files for Blik-op-werk organisations."),
    ),
    "anders": (_("Other"), _("Describe the beheerautorisatie you need.")),
}


def beheerautorisatie_label(code: str) -> Promise | str:
    return BEHEERAUTORISATIES[code][0] if code in BEHEERAUTORISATIES else code
