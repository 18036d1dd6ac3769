"""Does the name under the signature belong to this officer in the KvK register?

Tolerant of how people write their own name: initials ("A.M.", "A. M.", "AM",
"Th."), tussenvoegsels written in front, behind ("Berg, A.M. van der") or left
out, capitals, diacritics ("Jänssen" = "Janssen"), titles ("mr. drs.") and
hyphenated first names. Strict where it matters: a different surname or a
different tussenvoegsel never matches, and neither do initials or first names
that conflict with the registered first names. A name without any first name or
initial does not match either: a surname alone could be anyone in the family.

The answer says how it matched (:class:`MatchNote`), so the service desk can see
how much tolerance was needed.
"""

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .interface import Functionaris

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class MatchNote(StrEnum):
    """How a name matched; the value is a stable code for the evidence."""

    EXACT = "exact"
    INITIALS = "initials"
    FIRST_NAMES_PARTIAL = "first_names_partial"
    PREFIX_IGNORED = "prefix_ignored"
    PREFIX_REORDERED = "prefix_reordered"
    DIACRITICS_IGNORED = "diacritics_ignored"
    TITLE_IGNORED = "title_ignored"

    @property
    def label(self) -> "_StrPromise":
        return _LABELS[self]


_LABELS = {
    MatchNote.EXACT: _("same name (ignoring capitals and spacing)"),
    MatchNote.INITIALS: _("initials compared with the first names"),
    MatchNote.FIRST_NAMES_PARTIAL: _("only some of the registered first names were given"),
    MatchNote.PREFIX_IGNORED: _("tussenvoegsel missing on one side"),
    MatchNote.PREFIX_REORDERED: _("tussenvoegsel written after the surname"),
    MatchNote.DIACRITICS_IGNORED: _("diacritics ignored"),
    MatchNote.TITLE_IGNORED: _("title ignored"),
}


@dataclass(frozen=True, slots=True)
class NameMatch:
    notes: tuple[MatchNote, ...]

    @property
    def codes(self) -> list[str]:
        return [note.value for note in self.notes]


Fold = Callable[[str], str]

# Titles before the name. A title written in capitals without a dot ("DR") is read
# as initials instead, unless the whole name is in capitals.
_TITLE = re.compile(
    r"(?:prof|drs|dr|mr|ir|ing|dhr|mevr|mw|ds|bc|de\s+heer|mevrouw)(?:\.\s*|\s+)", re.IGNORECASE
)
# Degrees after the name ("A. Jansen MSc"); only dropped while two words remain.
_POSTNOMINAL = re.compile(
    r"[\s,]+(?:msc|m\.sc|bsc|b\.sc|ma|ba|mba|phd|ll\.?m|mpa|emba|ra|rc|med|bed)\.?\s*$",
    re.IGNORECASE,
)
# "v.d.", "v/d", "vd": van de, van der or van den. Lower case only: "V.D." are initials.
_VD = re.compile(r"(?<![\w'])v(?:\.\s?|/)?d\.?(?=\s|,|$)")
_VD_TOKEN = "v/d"  # noqa: S105 (a name prefix, not a password)
_VD_MEANS = frozenset({"vande", "vander", "vanden"})
_PREFIXES = frozenset(
    {
        *("van", "de", "der", "den", "het", "'t", "t", "te", "ter", "ten", "in", "op"),
        *("onder", "uit", "aan", "bij", "voor", "over", "la", "le", "les", "du", "d'"),
        *("da", "di", "del", "della", "dos", "das", "do", "von", "vom", "zu", "zum", "zur"),
        *("el", "al", "l'", "'s", _VD_TOKEN),
    }
)
_NOT_ALNUM = re.compile(r"[\W_]+")


def _casefold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def _tidy(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    text = re.sub(r"\([^)]*\)", " ", text)  # "A.M. (Anne) Berg": the roepnaam aside
    return " ".join(text.split())


def _without_titles(text: str) -> tuple[str, bool]:
    removed = False
    shouting = text.isupper()
    while match := _TITLE.match(text):
        word = match.group(0).strip()
        if word.isupper() and not word.endswith(".") and not shouting:
            break
        text, removed = text[match.end() :], True
    while (match := _POSTNOMINAL.search(text)) and len(text[: match.start()].split()) >= 2:
        text, removed = text[: match.start()], True
    return text.strip(" ,"), removed


def _split(text: str) -> list[str]:
    # "A.M.van der Berg" → "A." "M." "van" ...; the v.d. abbreviation becomes one token.
    return _VD.sub(f" {_VD_TOKEN} ", text).replace(".", ". ").split()


@dataclass(frozen=True, slots=True)
class _Given:
    text: str
    abbreviated: bool


def _given_parts(tokens: list[str], fold: Fold, *, shouting: bool) -> list[_Given]:
    parts: list[_Given] = []
    for token in tokens:
        for piece in token.split("-"):
            letters = piece.strip(".")
            if not letters:
                continue
            if piece.endswith(".") or len(letters) == 1:
                parts.append(_Given(fold(letters), True))  # "A.", "Th."
            elif not shouting and letters.isupper() and letters.isalpha() and len(letters) <= 3:
                parts.extend(_Given(fold(c), True) for c in letters)  # "AM"
            else:
                parts.append(_Given(fold(letters), False))
    return parts


def _same_given(signed: _Given, registered: _Given) -> bool:
    if not signed.abbreviated and not registered.abbreviated:
        return signed.text == registered.text
    if signed.abbreviated and registered.abbreviated:
        return signed.text.startswith(registered.text) or registered.text.startswith(signed.text)
    abbreviation, full = (signed, registered) if signed.abbreviated else (registered, signed)
    return full.text.startswith(abbreviation.text)


def _given_notes(signed: list[_Given], registered: list[_Given]) -> set[MatchNote] | None:
    if not signed or not registered:
        return None
    abbreviated = any(g.abbreviated for g in (*signed, *registered))
    if not abbreviated and "".join(g.text for g in signed) == "".join(g.text for g in registered):
        return set()  # "Annemarie" / "Anne Marie" / "Anne-Marie"
    notes: set[MatchNote] = set()
    if len(signed) <= len(registered) and all(
        _same_given(s, r) for s, r in zip(signed, registered, strict=False)
    ):
        used = registered[: len(signed)]
        if any(g.abbreviated for g in (*signed, *used)):
            notes.add(MatchNote.INITIALS)
    elif len(signed) == 1 and not signed[0].abbreviated and signed[0] in registered:
        pass  # the roepnaam is one of the later first names
    else:
        return None
    if len(signed) < len(registered):
        notes.add(MatchNote.FIRST_NAMES_PARTIAL)
    return notes


def _prefix_notes(signed: str, registered: str) -> set[MatchNote] | None:
    if signed == registered or (signed == _compact(_VD_TOKEN) and registered in _VD_MEANS):
        return set()
    if not signed or not registered:
        return {MatchNote.PREFIX_IGNORED}
    return None  # "van den" is not "van der"


@dataclass(frozen=True, slots=True)
class _Reading:
    given: list[str]
    prefix: str
    reordered: bool


def _is_prefix(token: str, fold: Fold) -> bool:
    return fold(token) in _PREFIXES


def _plain_readings(tokens: list[str], fold: Fold, surname: str, prefix: str) -> Iterator[_Reading]:
    for k in range(1, len(tokens)):
        head, tail = tokens[:-k], _compact(fold("".join(tokens[-k:])))
        if tail == surname:
            j = len(head)
            while j > 0 and _is_prefix(head[j - 1], fold):
                j -= 1
            yield _Reading(head[:j], _compact(fold("".join(head[j:]))), False)
        if prefix and tail == prefix + surname:
            yield _Reading(head, prefix, False)  # written together: "Vanderberg", "d'Ancona"


def _comma_readings(text: str, fold: Fold, surname: str, prefix: str) -> Iterator[_Reading]:
    left_text, right_text = text.split(",", 1)
    left, right = _split(left_text), _split(right_text.replace(",", " "))
    a = 0
    while a < len(right) and _is_prefix(right[a], fold):
        a += 1
    b = len(right)
    while b > a and _is_prefix(right[b - 1], fold):
        b -= 1
    given, moved = right[a:b], right[:a] + right[b:]
    if _compact(fold("".join(left))) == surname:  # the surname itself starts like a prefix
        yield _Reading(given, _compact(fold("".join(moved))), bool(moved))
    i = 0
    while i < len(left) and _is_prefix(left[i], fold):
        i += 1
    j = len(left)
    while j > i and _is_prefix(left[j - 1], fold):
        j -= 1
    core = _compact(fold("".join(left[i:j])))
    written = _compact(fold("".join(left[:i] + left[j:] + moved)))
    if core and core == surname:
        yield _Reading(given, written, bool(left[j:] or moved))
    if core and prefix and core == prefix + surname and not written:
        yield _Reading(given, prefix, False)


def _match(text: str, functionaris: Functionaris, fold: Fold) -> set[MatchNote] | None:
    surname = _compact(fold(functionaris.geslachtsnaam))
    prefix = _compact(fold(functionaris.voorvoegsel))
    if not surname:
        return None  # a legal person as officer, or no name at all
    registered_given = _given_parts(
        _split(functionaris.voornamen), fold, shouting=functionaris.voornamen.isupper()
    )
    shouting = text.isupper()
    readings = (
        _comma_readings(text, fold, surname, prefix)
        if "," in text
        else _plain_readings(_split(text), fold, surname, prefix)
    )
    for reading in readings:
        prefix_notes = _prefix_notes(reading.prefix, prefix)
        if prefix_notes is None:
            continue
        given = _given_notes(_given_parts(reading.given, fold, shouting=shouting), registered_given)
        if given is None:
            continue
        if reading.reordered:
            prefix_notes.add(MatchNote.PREFIX_REORDERED)
        return prefix_notes | given
    return None


def person_key(functionaris: Functionaris) -> tuple[str, str, str]:
    """The registered name, folded: two functions with the same key are one person to us."""
    parts = (functionaris.voornamen, functionaris.voorvoegsel, functionaris.geslachtsnaam)
    a, b, c = (" ".join(_ascii_fold(part).replace("-", " ").split()) for part in parts)
    return a, b, c


def match_name(signed: str, functionaris: Functionaris) -> NameMatch | None:
    """How ``signed`` matches the officer's registered name, or None if it does not."""
    text, title_removed = _without_titles(_tidy(signed))
    if not text:
        return None
    passes: tuple[tuple[Fold, set[MatchNote]], ...] = (
        (_casefold, set()),
        (_ascii_fold, {MatchNote.DIACRITICS_IGNORED}),
    )
    for fold, extra in passes:
        notes = _match(text, functionaris, fold)
        if notes is None:
            continue
        notes |= extra
        if title_removed:
            notes.add(MatchNote.TITLE_IGNORED)
        return NameMatch(tuple(n for n in MatchNote if n in notes) or (MatchNote.EXACT,))
    return None
