"""The validator of the canonical document: rules R1–R15 of form.md (R17 in attachments.py).

Pure Python: no HTTP, no ORM. What it needs from the registry (the
beheerautorisaties the named beheerder already holds, for R9/R10 and to tell an
aanmelding from a wijziging) is asked through ``held_lookup``, passed in by the
caller. It never raises on any JSON value; every failing rule is reported at once.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import fields as F
from .constants import (
    BEHEERAUTORISATIE_ORDER,
    MBO_HO_ROLES,
    MUNICIPAL_SIGNATORY_WORDS,
    REQUIRED_NUMBERS,
    RIO_ROLES,
    SECTOR_ROLES,
    ErrorCode,
    Kind,
    OrganisatieType,
)
from .formats import (
    FORBIDDEN_TEXT_CHARACTERS,
    IDENTIFIER_NORMALISERS,
    FormatError,
    collapse_whitespace,
    parse_signing_date,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ORGANISATIE_TYPES = frozenset(t.value for t in OrganisatieType)
MAX_CODES = 40

# Fields that R1 requires outright; the others are governed by R2, R3, R8, R12.
_R1_REQUIRED = {
    "organisatie": ("type", "naam", "straat", "huisnummer", "postcode", "woonplaats"),
    "beheerder": tuple(F.BEHEERDER),
    "intrekking": (),
    "ondertekening": (),
}
_FORBIDDEN_CHARACTERS = re.compile(f"[{FORBIDDEN_TEXT_CHARACTERS}]")
_R14_REQUIRED = ("naam", "functie", "email", "plaats", "datum", "akkoordGebruiksvoorwaarden")


@dataclass(frozen=True, slots=True)
class Problem:
    """One failing rule: ``name`` is the JSON path, ``code`` the error code (form.md §2)."""

    name: str
    code: str
    rule: str
    reason: Promise | str


@dataclass(frozen=True, slots=True)
class ChangeSet:
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    problems: tuple[Problem, ...]
    document: dict[str, Any]
    kind: Kind | None = None
    change_set: ChangeSet | None = None
    held: frozenset[str] = frozenset()

    @property
    def is_valid(self) -> bool:
        return not self.problems


class HeldLookup(Protocol):
    """Which beheerautorisaties the beheerder (by e-mail) holds for the organisation."""

    def __call__(self, organisatie: Mapping[str, Any], email: str) -> frozenset[str]: ...


def no_registry(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
    """The lookup for callers without a registry: nobody holds anything yet."""
    return frozenset()


def municipal_signatory_words(functie: str) -> list[str]:
    """R15: the accepted words (gemeentesecretaris, burgemeester, wethouder) found in a
    municipal signatory's function, case-insensitively; empty means not accepted."""
    lowered = functie.lower()
    return [word for word in MUNICIPAL_SIGNATORY_WORDS if word in lowered]


def today_in_amsterdam() -> date:
    return datetime.now(AMSTERDAM).date()


@dataclass(slots=True)
class _Problems:
    items: list[Problem] = field(default_factory=list)
    seen: set[tuple[str, str, str]] = field(default_factory=set)
    invalid_paths: set[str] = field(default_factory=set)

    def add(self, name: str, code: str, rule: str, reason: Promise | str) -> None:
        # One message per field, code and rule. Different rules failing on the same
        # field and code (R9 and R10 on beheerautorisaties) are all reported.
        if (name, code, rule) in self.seen:
            return
        self.seen.add((name, code, rule))
        self.invalid_paths.add(name)
        self.items.append(Problem(name, code, rule, reason))


def _has_forbidden_characters(text: str) -> bool:
    return _FORBIDDEN_CHARACTERS.search(text) is not None


def _read_text(value: object, name: str, spec: F.Field, problems: _Problems) -> object:
    """Return the stripped text ('' when not filled in), or the raw value when invalid."""
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(name, ErrorCode.INVALID, "R1", _("This must be text."))
        return value
    if _has_forbidden_characters(value):
        problems.add(
            name, ErrorCode.INVALID, "R1", _("This contains characters that are not allowed.")
        )
        return value
    # The limit applies to the text as stored: surrounding spaces do not count (R5
    # normalises spaces, so " 9700 VB  " is a valid postcode of 7 characters).
    text = collapse_whitespace(value)
    if len(text) > spec.max_length:
        problems.add(
            name,
            ErrorCode.INVALID,
            "R1",
            format_lazy(_("This is too long: at most {max} characters."), max=spec.max_length),
        )
        return value
    return text


def _read_bool(value: object, name: str, problems: _Problems) -> object:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and not value.strip():
        return None  # "Absent keys and empty strings both count as not filled in" (form.md §1).
    problems.add(name, ErrorCode.INVALID, "R1", _("Choose yes (true) or no (false)."))
    return value


def _required_reason(name: str) -> Promise | str:
    section, _dot, key = name.partition(".")
    spec = F.SECTIONS[section][key] if key else F.TOP_LEVEL[section]
    if spec.kind == "bool":
        return format_lazy(_("Choose {label}."), label=spec.label)
    return format_lazy(_("Fill in {label}."), label=spec.label)


def _read_section(raw: Mapping[str, Any], section: str, problems: _Problems) -> dict[str, Any]:
    """Normalise one section: every field present, text stripped, '' or None when empty."""
    specs = F.SECTIONS[section]
    value = raw.get(section)
    out: dict[str, Any] = dict(_EMPTY_SECTIONS[section])
    if value is None:
        return out
    if not isinstance(value, dict):
        problems.add(section, ErrorCode.INVALID, "R1", _("This must be an object."))
        return out
    for key, item in value.items():
        spec = specs.get(key) if isinstance(key, str) else None
        if spec is None:
            problems.add(
                _safe_name(section, key), ErrorCode.INVALID, "R1", _("This field does not exist.")
            )
        elif spec.kind == "bool":
            out[key] = (
                item
                if item is None or item is True or item is False
                else (_read_bool(item, f"{section}.{key}", problems))
            )
        elif (
            type(item) is str
            and len(item) <= spec.max_length
            and _FORBIDDEN_CHARACTERS.search(item) is None
        ):
            # The common case, inlined: short clean text only needs its spaces collapsed.
            out[key] = " ".join(item.split())
        else:
            out[key] = _read_text(item, f"{section}.{key}", spec, problems)
    return out


_EMPTY_SECTIONS: dict[str, dict[str, Any]] = {
    section: {key: ("" if spec.kind == "text" else None) for key, spec in specs.items()}
    for section, specs in F.SECTIONS.items()
}


def _safe_name(prefix: str, key: object) -> str:
    text = str(key)
    if len(text) > 60 or _has_forbidden_characters(text):
        text = text[:60].encode("unicode_escape").decode("ascii")
    return f"{prefix}.{text}" if prefix else text


def _read_codes(value: object, problems: _Problems) -> tuple[list[str], bool]:
    """R7: the requested beheerautorisaties in catalog order, duplicates collapsed."""
    name = "beheerautorisaties"
    if value is None or (isinstance(value, str) and not value.strip()):
        return [], True
    if not isinstance(value, list):
        problems.add(name, ErrorCode.INVALID, "R7", _("This must be a list of codes."))
        return [], False
    if len(value) > MAX_CODES:
        problems.add(name, ErrorCode.INVALID, "R7", _("This list has too many codes."))
        return [], False
    codes: set[str] = set()
    for item in value:
        if not isinstance(item, str):
            problems.add(name, ErrorCode.INVALID, "R7", _("Every code must be text."))
            continue
        code = item.strip().lower()
        if code in BEHEERAUTORISATIE_ORDER:
            codes.add(code)
        else:
            shown = item[:40].encode("unicode_escape").decode("ascii")
            problems.add(
                name,
                ErrorCode.INVALID,
                "R7",
                format_lazy(_("'{code}' is not a beheerautorisatie."), code=shown),
            )
    return sorted(codes, key=BEHEERAUTORISATIE_ORDER.__getitem__), True


# (path, section, key, normaliser), split once rather than on every document.
_IDENTIFIERS: list[tuple[str, str, str, Callable[[str], str]]] = [
    (name, name.partition(".")[0], name.partition(".")[2], normalise)
    for name, normalise in IDENTIFIER_NORMALISERS.items()
]


def _apply_identifier_formats(doc: dict[str, Any], problems: _Problems) -> None:
    """R5 (and R12's serial number): normalise identifiers, report malformed ones."""
    for name, section, key, normalise in _IDENTIFIERS:
        value = doc[section][key]
        if not value or not isinstance(value, str) or name in problems.invalid_paths:
            continue
        try:
            doc[section][key] = normalise(value)
        except FormatError as error:
            rule = "R12" if section == "intrekking" else "R5"
            problems.add(name, error.code, rule, error.reason)


def validate(
    raw: object,
    *,
    held_lookup: HeldLookup | Callable[[Mapping[str, Any], str], frozenset[str]] = no_registry,
    today: date | None = None,
) -> ValidationResult:
    """Check a document against R1–R15 and return its normalised form and kind."""
    problems = _Problems()
    if not isinstance(raw, dict):
        problems.add("document", ErrorCode.INVALID, "R1", _("The document must be a JSON object."))
        return ValidationResult(tuple(problems.items), empty_document())

    for key in raw:
        if key not in F.TOP_LEVEL_KEYS:
            problems.add(
                _safe_name("", key), ErrorCode.INVALID, "R1", _("This field does not exist.")
            )

    doc: dict[str, Any] = {}
    for section in ("organisatie", "beheerder"):
        doc[section] = _read_section(raw, section, problems)
    codes, codes_ok = _read_codes(raw.get("beheerautorisaties"), problems)
    doc["beheerautorisaties"] = codes
    doc["beheerautorisatieAnders"] = _read_text(
        raw.get("beheerautorisatieAnders"),
        "beheerautorisatieAnders",
        F.TOP_LEVEL["beheerautorisatieAnders"],
        problems,
    )
    for section in ("intrekking", "ondertekening"):
        doc[section] = _read_section(raw, section, problems)

    _apply_identifier_formats(doc, problems)
    org, beheerder, intrekking, ondertekening = (
        doc["organisatie"],
        doc["beheerder"],
        doc["intrekking"],
        doc["ondertekening"],
    )
    is_intrekking = intrekking["intrekken"] is True
    if intrekking["intrekken"] is None:
        intrekking["intrekken"] = False

    # R1: plain required fields.
    for section, keys in _R1_REQUIRED.items():
        for key in keys:
            if doc[section][key] in ("", None):
                name = f"{section}.{key}"
                problems.add(name, ErrorCode.REQUIRED, "R1", _required_reason(name))

    # R2: the organisation type.
    org_type = org["type"]
    if isinstance(org_type, str) and org_type:
        org_type = org_type.lower()
        org["type"] = org_type
        if org_type not in ORGANISATIE_TYPES:
            problems.add(
                "organisatie.type",
                ErrorCode.INVALID,
                "R2",
                _(
                    "Choose onderwijsinstelling, bestuur, gemeente, deurwaarder or anders "
                    "as the type of organisation."
                ),
            )
        elif org_type == OrganisatieType.ANDERS and not org["typeAnders"]:
            problems.add(
                "organisatie.typeAnders",
                ErrorCode.REQUIRED,
                "R2",
                _("You chose 'Anders': fill in what kind of organisation it is."),
            )

    # R3: the numbers each type must give.
    for key in REQUIRED_NUMBERS.get(org_type, ()) if isinstance(org_type, str) else ():
        if org[key] == "":
            name = f"organisatie.{key}"
            problems.add(name, ErrorCode.REQUIRED, "R3", _required_reason(name))

    # R4: the KvK-nummer, for every type.
    if org["kvkNummer"] == "":
        problems.add(
            "organisatie.kvkNummer",
            ErrorCode.REQUIRED,
            "R4",
            _required_reason("organisatie.kvkNummer"),
        )

    # R6: eHerkenning level 3 before sending the form (not for a revocation).
    if not is_intrekking and beheerder["heeftEherkenningNiveau3"] is False:
        problems.add(
            "beheerder.heeftEherkenningNiveau3",
            ErrorCode.EHERKENNING_REQUIRED,
            "R6",
            _(
                "Send the form only when the beheerder has an eHerkenning means at level 3 "
                "or higher with a machtiging for the service Mijn DUO."
            ),
        )

    # R7 (required part) and R13.
    if is_intrekking and codes:
        problems.add(
            "beheerautorisaties",
            ErrorCode.CONFLICT,
            "R13",
            _("You cannot revoke the beheer account and request beheerautorisaties at once."),
        )
    elif not is_intrekking and codes_ok and not codes:
        problems.add(
            "beheerautorisaties",
            ErrorCode.REQUIRED,
            "R7",
            _("Choose at least one beheerautorisatie."),
        )

    # R8: 'Anders, namelijk'.
    if "anders" in codes and doc["beheerautorisatieAnders"] == "":
        problems.add(
            "beheerautorisatieAnders",
            ErrorCode.REQUIRED,
            "R8",
            _("You chose 'Anders': fill in which beheerautorisatie you need."),
        )

    held = _held(doc, problems, held_lookup)

    # R9 and R10: RIO roles depend on a sector role, requested or already held.
    available = set(codes) | held
    if {"rio_algemeen", "rio_selfservice"} & set(codes) and not SECTOR_ROLES & available:
        problems.add(
            "beheerautorisaties",
            ErrorCode.DEPENDENCY,
            "R9",
            _(
                "Beheerder RIO Algemeen and RIO Selfservice need a Beheerder PO, VO, BVE, "
                "MBO NBO, HO or HO NBO role as well. Choose one of those too."
            ),
        )
    if "rio_opleidingseenheid" in codes and not MBO_HO_ROLES & available:
        problems.add(
            "beheerautorisaties",
            ErrorCode.DEPENDENCY,
            "R10",
            _(
                "Beheerder RIO Opleidingseenheid needs a Beheerder BVE, MBO NBO, HO or "
                "HO NBO role as well. Choose one of those too."
            ),
        )

    # R11: every RIO role needs the bestuursnummer (asked once: R3 may already ask for it).
    if (
        RIO_ROLES & set(codes)
        and org["bestuursnummer"] == ""
        and "organisatie.bestuursnummer" not in problems.invalid_paths
    ):
        problems.add(
            "organisatie.bestuursnummer",
            ErrorCode.REQUIRED,
            "R11",
            _("A RIO beheerautorisatie needs the bestuursnummer. Fill in the bestuursnummer."),
        )

    # R12: what happens to the account after a revocation.
    if is_intrekking and intrekking["blijftGebruiker"] is None:
        problems.add(
            "intrekking.blijftGebruiker",
            ErrorCode.REQUIRED,
            "R12",
            _("Choose whether you want to keep using your account as a user."),
        )

    _check_signature(ondertekening, org_type, problems, today or today_in_amsterdam())

    kind, change_set = _classify(is_intrekking, codes, held)
    return ValidationResult(tuple(problems.items), doc, kind, change_set, held)


def _held(
    doc: dict[str, Any],
    problems: _Problems,
    held_lookup: Callable[[Mapping[str, Any], str], frozenset[str]],
) -> frozenset[str]:
    """Ask the registry only when the organisation and beheerder are identifiable."""
    org, email = doc["organisatie"], doc["beheerder"]["email"]
    identifying = ("organisatie.kvkNummer", "organisatie.type", "beheerder.email")
    if any(name in problems.invalid_paths for name in identifying):
        return frozenset()
    if not org["kvkNummer"] or not email or org["type"] not in ORGANISATIE_TYPES:
        return frozenset()
    return frozenset(held_lookup(org, email))


def _check_signature(
    ondertekening: dict[str, Any], org_type: object, problems: _Problems, today: date
) -> None:
    """R14 and R15: section 5, ondertekening bevoegd gezag."""
    for key in _R14_REQUIRED:
        if ondertekening[key] in ("", None):
            name = f"ondertekening.{key}"
            reason = (
                _("Accept the Gebruiksvoorwaarden Mijn DUO to sign.")
                if key == "akkoordGebruiksvoorwaarden"
                else _required_reason(name)
            )
            problems.add(name, ErrorCode.REQUIRED, "R14", reason)
    if ondertekening["akkoordGebruiksvoorwaarden"] is False:
        problems.add(
            "ondertekening.akkoordGebruiksvoorwaarden",
            ErrorCode.INVALID,
            "R14",
            _("Accept the Gebruiksvoorwaarden Mijn DUO to sign."),
        )
    datum = ondertekening["datum"]
    if isinstance(datum, str) and datum and "ondertekening.datum" not in problems.invalid_paths:
        try:
            ondertekening["datum"] = parse_signing_date(datum, today)
        except FormatError as error:
            problems.add("ondertekening.datum", error.code, "R14", error.reason)
    functie = ondertekening["functie"]
    if (
        org_type == OrganisatieType.GEMEENTE
        and isinstance(functie, str)
        and functie
        and not municipal_signatory_words(functie)
    ):
        problems.add(
            "ondertekening.functie",
            ErrorCode.NOT_AUTHORISED,
            "R15",
            _(
                "For a municipality only the gemeentesecretaris, the burgemeester or a "
                "wethouder may sign. A mandate made by the municipality itself is not accepted."
            ),
        )


def _classify(
    is_intrekking: bool, codes: list[str], held: frozenset[str]
) -> tuple[Kind, ChangeSet | None]:
    if is_intrekking:
        return Kind.INTREKKING, ChangeSet(added=(), removed=_ordered(held))
    if not held:
        return Kind.AANMELDING, None
    desired = set(codes)
    return Kind.WIJZIGING, ChangeSet(
        added=_ordered(desired - held), removed=_ordered(held - desired)
    )


def _ordered(codes: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(
        sorted(codes, key=lambda c: BEHEERAUTORISATIE_ORDER.get(c, len(BEHEERAUTORISATIE_ORDER)))
    )


def empty_document() -> dict[str, Any]:
    """The normalised shape with nothing filled in."""
    doc: dict[str, Any] = {
        section: {key: ("" if spec.kind == "text" else None) for key, spec in specs.items()}
        for section, specs in F.SECTIONS.items()
    }
    doc["intrekking"]["intrekken"] = False
    doc["beheerautorisaties"] = []
    doc["beheerautorisatieAnders"] = ""
    return doc
