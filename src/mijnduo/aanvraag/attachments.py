"""Attachments to an application (form.md R17), checked as a pure function.

The form asks for a KvK uittreksel ("Stuur voor een snelle verwerking een
uittreksel van de KvK mee") and limits the document name ("Documentnaam max 30
tekens"). An attachment is accepted when its content, recognised by its magic
bytes and not by its name, is PDF, PNG or JPEG and is at most 10 MB.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .constants import ErrorCode
from .formats import FORBIDDEN_TEXT_CHARACTERS
from .validator import Problem

RULE = "R17"
MAX_SIZE = 10 * 1024 * 1024
MAX_NAME_LENGTH = 30

# Magic bytes at the start of the content, and the media type they identify.
MAGIC_BYTES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
ALLOWED_CONTENT_TYPES = frozenset(content_type for _magic, content_type in MAGIC_BYTES)

# What no form text may hold (bidi overrides can disguise an extension, e.g.
# "uittreksel\u202efdp.exe"), plus path separators.
_FORBIDDEN_IN_NAME = re.compile(f"[{FORBIDDEN_TEXT_CHARACTERS}/\\\\]")


@dataclass(frozen=True, slots=True)
class Attachment:
    """One uploaded document: the name as given and its content."""

    naam: str
    inhoud: bytes


def detect_content_type(data: bytes) -> str | None:
    """The media type of PDF, PNG or JPEG content by its magic bytes, else None."""
    if not isinstance(data, bytes | bytearray):
        return None
    head = bytes(data[:8])
    for magic, content_type in MAGIC_BYTES:
        if head.startswith(magic):
            return content_type
    return None


def validate_attachments(attachments: Sequence[Attachment]) -> tuple[Problem, ...]:
    """Check every attachment and report every problem at once (R17)."""
    problems: list[Problem] = []
    for index, attachment in enumerate(attachments):
        prefix = f"bijlagen[{index}]"
        problems.extend(_check_name(f"{prefix}.naam", attachment.naam))
        problems.extend(_check_content(f"{prefix}.inhoud", attachment.inhoud))
    return tuple(problems)


def _check_name(name: str, naam: object) -> list[Problem]:
    if not isinstance(naam, str):
        return [Problem(name, ErrorCode.INVALID, RULE, _("The document name must be text."))]
    if not naam.strip():
        return [Problem(name, ErrorCode.REQUIRED, RULE, _("Fill in the document name."))]
    if len(naam) > MAX_NAME_LENGTH:
        return [
            Problem(
                name,
                ErrorCode.INVALID,
                RULE,
                format_lazy(
                    _("The document name is too long: at most {max} characters."),
                    max=MAX_NAME_LENGTH,
                ),
            )
        ]
    if _FORBIDDEN_IN_NAME.search(naam) or naam.strip() in {".", ".."}:
        return [
            Problem(
                name,
                ErrorCode.INVALID,
                RULE,
                _("The document name contains characters that are not allowed, such as / or \\."),
            )
        ]
    return []


def _check_content(name: str, inhoud: object) -> list[Problem]:
    if not isinstance(inhoud, bytes | bytearray):
        return [Problem(name, ErrorCode.INVALID, RULE, _("The document content must be a file."))]
    if len(inhoud) == 0:
        return [Problem(name, ErrorCode.REQUIRED, RULE, _("The document is empty. Add a file."))]
    if detect_content_type(inhoud) is None:
        return [
            Problem(
                name,
                ErrorCode.INVALID,
                RULE,
                _("Add the document as PDF, PNG or JPEG."),
            )
        ]
    if len(inhoud) > MAX_SIZE:
        return [
            Problem(
                name,
                ErrorCode.INVALID,
                RULE,
                format_lazy(
                    _("The document is too large: at most {max} MB."),
                    max=MAX_SIZE // (1024 * 1024),
                ),
            )
        ]
    return []
