"""The shape of the canonical document (form.md §1): sections, fields, types, limits.

This table is the single description of the document's structure. The validator
checks structure against it and the API derives its OpenAPI schema from it, so
the two cannot drift apart.
"""

from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FieldKind = Literal["text", "bool", "codes"]


@dataclass(frozen=True, slots=True)
class Field:
    kind: FieldKind
    label: Promise
    max_length: int = 200
    example: object = None


ORGANISATIE: dict[str, Field] = {
    "type": Field("text", _("the type of organisation"), 30, "onderwijsinstelling"),
    "typeAnders": Field("text", _("the other type of organisation"), 100),
    "brincode": Field("text", _("the BRIN code (instellingscode)"), 20, "05KO"),
    "bestuursnummer": Field("text", _("the bestuursnummer"), 20, "40169"),
    "gemeentecode": Field("text", _("the gemeentecode"), 20, "0014"),
    "crediteurnummer": Field("text", _("the crediteurnummer"), 40),
    "kvkNummer": Field("text", _("the KvK-nummer"), 20, "41002315"),
    "nummerAnders": Field("text", _("the organisation number"), 50),
    "naam": Field("text", _("the name of the (educational) institution"), 200, "OBS De Linde"),
    "straat": Field("text", _("the street"), 200, "Kerkstraat"),
    "huisnummer": Field("text", _("the house number"), 20, "12a"),
    "postcode": Field("text", _("the postcode"), 10, "9700 VB"),
    "woonplaats": Field("text", _("the town"), 100, "Groningen"),
}

BEHEERDER: dict[str, Field] = {
    "naam": Field("text", _("the name of the beheerder"), 200, "J. de Vries"),
    "functie": Field("text", _("the function of the beheerder"), 100, "ICT-coördinator"),
    "telefoon": Field("text", _("the telephone number of the beheerder"), 30, "050 599 8440"),
    "email": Field("text", _("the e-mail address of the beheerder"), 254, "j.devries@example.nl"),
    "heeftMijnDuoZakelijkAccount": Field(
        "bool", _("whether the beheerder already has a Mijn DUO Zakelijk account"), 0, False
    ),
    "heeftEherkenningNiveau3": Field(
        "bool", _("whether the beheerder has an eHerkenning means at level 3"), 0, True
    ),
}

INTREKKING: dict[str, Field] = {
    "intrekken": Field("bool", _("whether you want to revoke the beheer account"), 0, False),
    "blijftGebruiker": Field("bool", _("whether you want to keep using the account as a user"), 0),
    "serienummerTokengenerator": Field("text", _("the serial number of the token generator"), 20),
}

ONDERTEKENING: dict[str, Field] = {
    "naam": Field("text", _("the name of the signatory"), 200, "A. Jansen"),
    "functie": Field("text", _("the function of the signatory"), 100, "Bestuurder"),
    "email": Field("text", _("the e-mail address of the signatory"), 254, "a.jansen@example.nl"),
    "plaats": Field("text", _("the place of signing"), 100, "Groningen"),
    # Longer than a date, so "27 november 2026" gets R14's format message, not "too long".
    "datum": Field("text", _("the date of signing"), 40, "2026-11-27"),
    "akkoordGebruiksvoorwaarden": Field(
        "bool", _("your agreement with the Gebruiksvoorwaarden Mijn DUO"), 0, True
    ),
}

SECTIONS: dict[str, dict[str, Field]] = {
    "organisatie": ORGANISATIE,
    "beheerder": BEHEERDER,
    "intrekking": INTREKKING,
    "ondertekening": ONDERTEKENING,
}

TOP_LEVEL: dict[str, Field] = {
    "beheerautorisaties": Field("codes", _("at least one beheerautorisatie"), 40, ["vo"]),
    "beheerautorisatieAnders": Field("text", _("the other beheerautorisatie"), 200),
}

TOP_LEVEL_KEYS = frozenset(SECTIONS) | frozenset(TOP_LEVEL)


def label(name: str) -> Promise:
    """The human label of a JSON path such as ``organisatie.postcode``."""
    section, _dot, field = name.partition(".")
    if field:
        return SECTIONS[section][field].label
    return TOP_LEVEL[section].label
