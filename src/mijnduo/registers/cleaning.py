"""Normalisers for register fields (formats in docs/registers.md).

Each takes the stripped text from a file and returns the canonical value that
is stored, or raises :class:`FieldError` with the reason the row is rejected.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import brin, postcode

_BESTUURSNUMMER = re.compile(r"[0-9]{5}")
_GEMEENTECODE = re.compile(r"(?:GM)?([0-9]{1,4})")
_PROVINCIECODE = re.compile(r"(?:PV)?([0-9]{1,2})")
_KVK_NUMMER = re.compile(r"[0-9]{8}")
_KVK_SEPARATORS = re.compile(r"[\s.]")
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


def clean_brincode(value: str) -> str:
    """``05 ko`` → ``05KO``: 2 digits and 2 letters, the 6-character form refused."""
    if not value:
        raise FieldError("is empty")
    compact = brin.compact(value)
    try:
        brin.validate(compact)
    except StdnumError:
        raise FieldError(f"{value!r} is not a BRIN code (2 digits and 2 letters)") from None
    if len(compact) != 4:
        raise FieldError(f"{value!r} is a vestigingscode, not a BRIN code of 4 characters")
    return compact


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
    if not _BESTUURSNUMMER.fullmatch(value):
        raise FieldError(f"{value!r} is not a bestuursnummer (5 digits)")
    return value


def clean_gemeentecode(value: str, *, required: bool = False) -> str:
    """``363``, ``0363`` and CBS's ``GM0363`` all become ``0363``."""
    if not value:
        if required:
            raise FieldError("is empty")
        return ""
    match = _GEMEENTECODE.fullmatch(value.upper())
    if match is None:
        raise FieldError(f"{value!r} is not a gemeentecode (4 digits)")
    return match.group(1).zfill(4)


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
    if not value:
        return ""
    try:
        return str(postcode.validate(value))
    except StdnumError:
        raise FieldError(f"{value!r} is not a Dutch postcode (1234 AB)") from None


def clean_kvk_nummer(value: str) -> str:
    if not value:
        return ""
    compact = _KVK_SEPARATORS.sub("", value)
    if not _KVK_NUMMER.fullmatch(compact):
        raise FieldError(f"{value!r} is not a KvK-nummer (8 digits)")
    return compact
