"""Identifier normalisers for R5 (form.md, registers.md).

Each function takes the text as filled in and returns its canonical form, or
raises :class:`FormatError` with a sentence for a person. Canonical forms are
fixed points: normalising a normalised value returns it unchanged.
"""

import re
from datetime import date
from functools import cache
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import EmailValidator
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import _is_number_matching_desc as _matches_desc
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import brin, postcode

from .constants import ErrorCode
from .gemeenten import is_known_gemeentecode


class FormatError(Exception):
    def __init__(self, reason: Promise | str, code: str = ErrorCode.INVALID) -> None:
        super().__init__(str(code))
        self.reason = reason
        self.code = code


# Control characters, lone surrogates and bidi overrides: none belong in a form field
# or a file name, and NUL or surrogates cannot even be stored by PostgreSQL.
FORBIDDEN_TEXT_CHARACTERS = "\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"

_SEPARATORS = re.compile(r"[\s.\-]+")
# ASCII only: "\d" would also accept other scripts' digits (e.g. Arabic-Indic, fullwidth).
_DIGITS = re.compile(r"\d+", re.ASCII)
_ALNUM = re.compile(r"[A-Z0-9]+")
_HUISNUMMER = re.compile(
    # Digits, then an optional addition: a letter may follow at once ("12a"), a
    # digit only after a separator ("12-2"), so "123456" is not 12345 + "6".
    r"[1-9]\d{0,4}(?:(?:[ \-/]?[A-Za-z]|[ \-/]\d)[A-Za-z0-9]*(?:[ \-/][A-Za-z0-9]+)*)?",
    re.ASCII,
)
_PHONE_SEPARATORS = re.compile(r"[\s\-.()]+")
_DUTCH_PHONE = re.compile(r"(?:0|\+31)([1-9][0-9]{8})", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _EmailValidator(EmailValidator):
    """Django's e-mail check with its regexes compiled once, not behind lazy proxies."""

    user_regex = re.compile(EmailValidator.user_regex.pattern, EmailValidator.user_regex.flags)
    domain_regex = re.compile(
        EmailValidator.domain_regex.pattern, EmailValidator.domain_regex.flags
    )
    literal_regex = re.compile(
        EmailValidator.literal_regex.pattern, EmailValidator.literal_regex.flags
    )


_email_validator = _EmailValidator()


def _strip_separators(value: str) -> str:
    return _SEPARATORS.sub("", value)


def normalise_brincode(value: str) -> str:
    try:
        compact = str(brin.validate(value))  # validate() compacts and returns the result
    except StdnumError:
        raise FormatError(
            _("A BRIN code is 2 digits followed by 2 letters, for example 05KO.")
        ) from None
    if len(compact) == 6:
        raise FormatError(
            format_lazy(
                _(
                    "{vestigingscode} is a vestigingscode. Fill in the instellingscode "
                    "of 4 characters: {instellingscode}."
                ),
                vestigingscode=compact,
                instellingscode=compact[:4],
            )
        )
    return compact


def normalise_bestuursnummer(value: str) -> str:
    compact = _strip_separators(value)
    if len(compact) != 5 or not _DIGITS.fullmatch(compact):
        raise FormatError(_("A bestuursnummer is 5 digits, for example 40169."))
    return compact


def format_gemeentecode(value: str) -> str:
    """The 4-digit form only, without asking whether the municipality exists."""
    compact = _strip_separators(value).upper().removeprefix("GM")
    # Interpretation: spreadsheets drop leading zeros ("14" for 0014), so 1-4
    # digits are padded to the CBS form.
    if not compact or len(compact) > 4 or not _DIGITS.fullmatch(compact):
        raise FormatError(_("A gemeentecode is 4 digits, for example 0014 (or GM0014)."))
    return compact.zfill(4)


def normalise_gemeentecode(value: str) -> str:
    code = format_gemeentecode(value)
    if not is_known_gemeentecode(code):
        raise FormatError(
            format_lazy(_("There is no municipality with gemeentecode {code}."), code=code),
            code=ErrorCode.UNKNOWN,
        )
    return code


def normalise_kvk_nummer(value: str) -> str:
    compact = _strip_separators(value)
    if _DIGITS.fullmatch(compact) and len(compact) == 12:
        raise FormatError(
            _("This looks like a vestigingsnummer (12 digits). Fill in the KvK-nummer of 8 digits.")
        )
    if len(compact) != 8 or not _DIGITS.fullmatch(compact):
        raise FormatError(_("A KvK-nummer is 8 digits, for example 41002315."))
    return compact


def normalise_crediteurnummer(value: str) -> str:
    compact = _strip_separators(value).upper()
    if not 1 <= len(compact) <= 20 or not _ALNUM.fullmatch(compact):
        raise FormatError(_("A crediteurnummer has 1 to 20 letters or digits."))
    return compact


def normalise_postcode(value: str) -> str:
    try:
        return str(postcode.validate(value))
    except StdnumError:
        raise FormatError(_("Fill in a Dutch postcode, for example 9700 VB.")) from None


@cache
def _nl_metadata() -> Any:
    return PhoneMetadata.metadata_for_region("NL")


def _is_dutch_fixed_line_or_mobile(national: str) -> bool:
    # What phonenumbers.is_valid_number decides for a Dutch number, restricted to the two
    # types almost every form carries: it would first try eight rarer types. A match here
    # is valid by phonenumbers' own definition; a miss is not an answer (see below).
    metadata = _nl_metadata()
    return bool(
        _matches_desc(national, metadata.general_desc)
        and (
            _matches_desc(national, metadata.fixed_line) or _matches_desc(national, metadata.mobile)
        )
    )


def normalise_telefoon(value: str) -> str:
    # Fast path for the ways nearly everyone writes a Dutch fixed or mobile number
    # (0505998440, +31 50 599 8440, (050) 599-8440): phonenumbers.parse would reach the
    # same national number at several times the cost. Everything else — other countries,
    # "+31 (0)50…", 0800/0900 numbers, letters — takes the full phonenumbers route.
    # tests/aanvraag/test_telefoon_fast_path.py checks both routes give the same answer.
    match = _DUTCH_PHONE.fullmatch(_PHONE_SEPARATORS.sub("", value))
    if match and _is_dutch_fixed_line_or_mobile(match[1]):
        return "+31" + match[1]
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise FormatError(
            _("Fill in a valid telephone number, for example 050 599 8440 or +31 50 599 8440.")
        )
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def normalise_email(value: str) -> str:
    try:
        _email_validator(value)
    except DjangoValidationError:
        raise FormatError(
            _("Fill in a valid e-mail address, for example naam@school.nl.")
        ) from None
    # The domain is case-insensitive; the local part is kept as written.
    local, _at, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_huisnummer(value: str) -> str:
    collapsed = " ".join(value.split())
    if not _HUISNUMMER.fullmatch(collapsed):
        raise FormatError(
            _("Fill in a house number with an optional addition, for example 12, 12a or 12-2.")
        )
    return collapsed


def normalise_serienummer(value: str) -> str:
    compact = _strip_separators(value).upper()
    if not 4 <= len(compact) <= 20 or not _ALNUM.fullmatch(compact):
        raise FormatError(_("A serial number has 4 to 20 letters or digits."))
    return compact


def parse_signing_date(value: str, today: date) -> str:
    """R14: a real date (YYYY-MM-DD), not in the future."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        parsed = date.fromisoformat(value)
    except ValueError:
        raise FormatError(
            _("Fill in a real date as year-month-day, for example 2026-11-27.")
        ) from None
    if parsed > today:
        raise FormatError(_("The date of signing cannot be in the future."))
    return parsed.isoformat()


def collapse_whitespace(value: str) -> str:
    return " ".join(value.split())


# Identifiers per JSON path (R5). Other text fields only have their whitespace collapsed.
IDENTIFIER_NORMALISERS = {
    "organisatie.brincode": normalise_brincode,
    "organisatie.bestuursnummer": normalise_bestuursnummer,
    "organisatie.gemeentecode": normalise_gemeentecode,
    "organisatie.kvkNummer": normalise_kvk_nummer,
    "organisatie.crediteurnummer": normalise_crediteurnummer,
    "organisatie.postcode": normalise_postcode,
    "organisatie.huisnummer": normalise_huisnummer,
    "beheerder.telefoon": normalise_telefoon,
    "beheerder.email": normalise_email,
    "ondertekening.email": normalise_email,
    "intrekking.serienummerTokengenerator": normalise_serienummer,
}
