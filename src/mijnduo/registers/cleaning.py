"""Normalisers for register fields (formats in docs/registers.md).

Each takes the stripped text from a file and returns the canonical value that
is stored, or raises :class:`FieldError` with the reason the row is rejected.
"""

import re
from collections.abc import Callable

from django.utils.translation import override
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import brin

from mijnduo.aanvraag.formats import (
    FormatError,
    format_gemeentecode,
    normalise_bestuursnummer,
    normalise_brincode,
    normalise_kvk_nummer,
    normalise_postcode,
)

_PROVINCIECODE = re.compile(r"(?:PV)?([0-9]{1,2})")
_VESTIGINGSSUFFIX = re.compile(r"[0-9]{1,2}")


class FieldError(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_text(value: str, *, max_length: int, required: bool = False) -> str:
    if required and not value:
        raise FieldError("is empty")
    if len(value) > max_length:
        raise FieldError(f"is longer than {max_length} characters")
    if "\x00" in value:
        # PostgreSQL cannot store NUL in text; it only appears in damaged files.
        raise FieldError("contains a NUL character")
    return value


def _same_as_the_form(normalise: Callable[[str], str], value: str) -> str:
    # The form's own normalisers (R5), so a code means the same in a file as in a form.
    try:
        return normalise(value)
    except FormatError as error:
        # The import report is for operators and in English, like the rest of it.
        with override("en"):
            raise FieldError(f"{value!r}: {error.reason}") from None


def clean_brincode(value: str) -> str:
    """``05 ko`` → ``05KO``: 2 digits and 2 letters, the 6-character form refused."""
    if not value:
        raise FieldError("is empty")
    return _same_as_the_form(normalise_brincode, value)


def clean_vestigingscode(value: str, brincode: str) -> str:
    """A vestigingscode is the BRIN code followed by 2 digits (``05KO00``).

    Older DUO files give only the 2 digits (sometimes as ``1`` for ``01``) in
    VESTIGINGSNUMMER; those are completed with the row's BRIN code.
    """
    if not value:
        raise FieldError("is empty")
    if _VESTIGINGSSUFFIX.fullmatch(value):
        if not brincode:
            raise FieldError(f"{value!r} has only the location digits and the row has no BRIN")
        return brincode + value.zfill(2)
    compact = brin.compact(value)
    try:
        brin.validate(compact)
    except StdnumError:
        raise FieldError(f"{value!r} is not a vestigingscode (BRIN code and 2 digits)") from None
    if len(compact) != 6:
        raise FieldError(f"{value!r} is not a vestigingscode (BRIN code and 2 digits)")
    if brincode and not compact.startswith(brincode):
        raise FieldError(f"{compact} does not belong to BRIN code {brincode}")
    return compact


def clean_bestuursnummer(value: str) -> str:
    if not value:
        raise FieldError("is empty")
    return _same_as_the_form(normalise_bestuursnummer, value)


def clean_gemeentecode(value: str, *, required: bool = False) -> str:
    """``363``, ``0363`` and CBS's ``GM0363`` all become ``0363``.

    The form's format, without its "is it in the shipped CBS list" check: a newer CBS
    file is exactly how new municipalities arrive.
    """
    if not value:
        if required:
            raise FieldError("is empty")
        return ""
    return _same_as_the_form(format_gemeentecode, value)


def clean_provinciecode(value: str) -> str:
    """``22`` and CBS's ``PV22`` become ``22``."""
    if not value:
        return ""
    match = _PROVINCIECODE.fullmatch(value.upper())
    if match is None:
        raise FieldError(f"{value!r} is not a provinciecode (2 digits)")
    return match.group(1).zfill(2)


def clean_postcode(value: str) -> str:
    """``9700vb`` → ``9700 VB``. Empty stays empty: an address may lack one."""
    return _same_as_the_form(normalise_postcode, value) if value else ""


def clean_kvk_nummer(value: str) -> str:
    return _same_as_the_form(normalise_kvk_nummer, value) if value else ""
