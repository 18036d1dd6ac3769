"""The Dutch catalogue is complete, and the compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

import mijnduo

LOCALE = Path(mijnduo.__file__).parent / "locale" / "nl" / "LC_MESSAGES"
_ENTRY = re.compile(r'(#, fuzzy\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)')


def _unquote(block: str) -> str:
    return "".join(
        line[1:-1].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        for line in block.strip().splitlines()
    )


def _entries() -> list[tuple[bool, str, str]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    return [(bool(f), _unquote(i), _unquote(s)) for f, i, s in _ENTRY.findall(text)]


def test_every_message_has_a_dutch_translation() -> None:
    entries = [e for e in _entries() if e[1]]
    assert len(entries) > 100
    untranslated = [msgid for fuzzy, msgid, msgstr in entries if fuzzy or not msgstr]
    assert untranslated == []


def test_compiled_catalogue_matches_the_source() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = [
        msgid for _f, msgid, msgstr in _entries() if msgid and catalogue.gettext(msgid) != msgstr
    ]
    assert stale == [], "run `make messages`"
