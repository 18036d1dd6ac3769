"""Valid base documents, one per organisation type, and helpers to vary them.

Every base document is already in normalised form, so a test can compare the
normalised output of the validator with the input it started from.
"""

import copy
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from mijnduo.aanvraag.validator import Problem, ValidationResult, validate

TODAY = date(2026, 11, 27)
SIGNED = "2026-11-20"

ORGANISATION_TYPES = ("onderwijsinstelling", "bestuur", "gemeente", "deurwaarder", "anders")

_BEHEERDER: dict[str, Any] = {
    "naam": "J. de Vries",
    "functie": "ICT-coördinator",
    "telefoon": "+31505998440",
    "email": "j.devries@example.nl",
    "heeftMijnDuoZakelijkAccount": False,
    "heeftEherkenningNiveau3": True,
}
_ADDRESS: dict[str, Any] = {
    "straat": "Kerkstraat",
    "huisnummer": "12a",
    "postcode": "9700 VB",
    "woonplaats": "Groningen",
}
_INTREKKING: dict[str, Any] = {
    "intrekken": False,
    "blijftGebruiker": None,
    "serienummerTokengenerator": "",
}


def _signature(functie: str) -> dict[str, Any]:
    return {
        "naam": "A. Jansen",
        "functie": functie,
        "email": "a.jansen@example.nl",
        "plaats": "Groningen",
        "datum": SIGNED,
        "akkoordGebruiksvoorwaarden": True,
    }


BASE_DOCUMENTS: dict[str, dict[str, Any]] = {
    "onderwijsinstelling": {
        "organisatie": {
            "type": "onderwijsinstelling",
            "brincode": "05KO",
            "bestuursnummer": "40169",
            "kvkNummer": "41002315",
            "naam": "OBS De Linde",
            **_ADDRESS,
        },
        "beheerder": _BEHEERDER,
        "beheerautorisaties": ["po"],
        "intrekking": _INTREKKING,
        "ondertekening": _signature("Bestuurder"),
    },
    "bestuur": {
        "organisatie": {
            "type": "bestuur",
            "bestuursnummer": "40169",
            "kvkNummer": "41002316",
            "naam": "Stichting Openbaar Onderwijs Groningen",
            **_ADDRESS,
        },
        "beheerder": _BEHEERDER,
        "beheerautorisaties": ["bekostiging_opleidingen"],
        "intrekking": _INTREKKING,
        "ondertekening": _signature("Voorzitter college van bestuur"),
    },
    "gemeente": {
        "organisatie": {
            "type": "gemeente",
            "gemeentecode": "0014",
            "kvkNummer": "01176822",
            "naam": "Gemeente Groningen",
            **_ADDRESS,
        },
        "beheerder": _BEHEERDER,
        "beheerautorisaties": ["gemeente"],
        "intrekking": _INTREKKING,
        "ondertekening": _signature("Gemeentesecretaris"),
    },
    "deurwaarder": {
        "organisatie": {
            "type": "deurwaarder",
            "crediteurnummer": "CR123456",
            "kvkNummer": "12345678",
            "naam": "Gerechtsdeurwaarders Noord",
            **_ADDRESS,
        },
        "beheerder": _BEHEERDER,
        "beheerautorisaties": ["anders"],
        "beheerautorisatieAnders": "Beheerder beslaglegging",
        "intrekking": _INTREKKING,
        "ondertekening": _signature("Directeur"),
    },
    "anders": {
        "organisatie": {
            "type": "anders",
            "typeAnders": "Examenbureau",
            "nummerAnders": "EXB-2026-1",
            "kvkNummer": "87654321",
            "naam": "Stichting Examenbureau Noord",
            **_ADDRESS,
        },
        "beheerder": _BEHEERDER,
        "beheerautorisaties": ["bop"],
        "intrekking": _INTREKKING,
        "ondertekening": _signature("Bestuurder"),
    },
}


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()
"""A change value that removes the key instead of setting it."""


def build(org_type: str = "onderwijsinstelling", **changes: object) -> dict[str, Any]:
    """A deep copy of the base document with changes applied.

    Keys are JSON paths with ``__`` for the dot, e.g.
    ``build("gemeente", organisatie__gemeentecode="GM0014", beheerder__email=DELETE)``;
    use :func:`with_paths` for paths that are not Python identifiers.
    """
    return with_paths(
        copy.deepcopy(BASE_DOCUMENTS[org_type]),
        {key.replace("__", "."): value for key, value in changes.items()},
    )


def with_paths(document: dict[str, Any], changes: Mapping[str, object]) -> dict[str, Any]:
    """Apply ``{"section.key": value}`` changes to ``document`` in place and return it."""
    for path, value in changes.items():
        *parents, key = path.split(".")
        target: Any = document
        for parent in parents:
            target = target.setdefault(parent, {})
        if value is DELETE:
            target.pop(key, None)
        else:
            target[key] = copy.deepcopy(value)
    return document


def intrekking(org_type: str = "onderwijsinstelling", **changes: object) -> dict[str, Any]:
    """A valid revocation: intrekken true, blijftGebruiker chosen, no beheerautorisaties."""
    doc = build(
        org_type,
        intrekking={"intrekken": True, "blijftGebruiker": True, "serienummerTokengenerator": ""},
        beheerautorisaties=[],
    )
    return with_paths(doc, {key.replace("__", "."): value for key, value in changes.items()})


def holding(*codes: str) -> Callable[[Mapping[str, Any], str], frozenset[str]]:
    """A registry lookup in which the beheerder holds ``codes``."""
    held = frozenset(codes)

    def lookup(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
        return held

    return lookup


def check(document: object, *, held: Iterable[str] = (), today: date = TODAY) -> ValidationResult:
    return validate(document, held_lookup=holding(*held), today=today)


def found(result: ValidationResult) -> list[tuple[str, str, str]]:
    """The problems as (name, code, rule), in the order reported."""
    return [(p.name, p.code, p.rule) for p in result.problems]


def names_and_codes(problems: Iterable[Problem]) -> set[tuple[str, str]]:
    return {(p.name, p.code) for p in problems}


def reason_for(result: ValidationResult, name: str) -> str:
    """The reason of the single problem reported for ``name``, rendered now."""
    reasons = [str(p.reason) for p in result.problems if p.name == name]
    assert len(reasons) == 1, result.problems
    return reasons[0]
