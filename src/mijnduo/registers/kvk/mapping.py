"""The one place where a KvK answer (JSON) becomes :class:`Inschrijving`.

KvK does not publish the functionarissen API's schema openly. The shape read
here is OUR ASSUMPTION, modelled on the Dataservice "inschrijving" fields; it
is documented in docs/kvk.md and must be confirmed against the KvK contract.
The HTTP client and the offline file use the same shape, so only this module
changes when the real one differs.

Missing keys are tolerated (an absent flag means "not set"); a value of the
wrong type or an unreadable date raises :class:`ResponseShapeError`, which the
registers turn into "unavailable": a half-understood answer is no answer.
"""

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from .interface import Bevoegdheid, Functionaris, Inschrijving

_ISO_DATE = re.compile(r"([0-9]{4})-?([0-9]{2})-?([0-9]{2})")
ADULT_AGE = 18


class ResponseShapeError(ValueError):
    """The answer is not in the shape we expect. Never carries the answer's content."""


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ResponseShapeError(f"{what} is not an object")
    return value


def _text(value: Any, what: str) -> str:
    """A text field; KvK wraps some in an object ({"soort": ...} or {"omschrijving": ...})."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return _text(value.get("soort") or value.get("omschrijving"), what)
    raise ResponseShapeError(f"{what} is not text")


def _date(value: Any, what: str) -> date | None:
    # Both 2024-01-31 (Dataservice) and 20240131 (the KvK REST APIs) occur.
    if value is None or value == "":
        return None
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ResponseShapeError(f"{what} is not a date")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ResponseShapeError(f"{what} is not a date") from None


def _birth_date(value: Any) -> date | None:
    # Birth dates of officers are sometimes partial ("19680000"); for the age check
    # an unknown month or day is taken late in the year, so nobody is made older.
    if isinstance(value, str) and (match := _ISO_DATE.fullmatch(value)):
        month, day = int(match[2]) or 12, int(match[3]) or 28
        return _date(f"{match[1]}-{month:02d}-{day:02d}", "persoon.geboortedatum")
    return _date(value, "persoon.geboortedatum")


def _flag(value: Any, what: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ResponseShapeError(f"{what} is not true/false")
    return value


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def bevoegdheid_from_text(bevoegdheid: str, volmacht: str = "") -> Bevoegdheid:
    """Normalise the register's wording; unknown wording stays ONBEKEND (never "alone")."""
    text = _plain(bevoegdheid)
    # Restricting words win over "alone" words, so mixed wording is never read as
    # more authority than it gives. "onbeperkt" contains "beperkt": take it out first.
    restricting = text.replace("onbeperkt", "")
    if "niet bevoegd" in text or "onbevoegd" in text:
        found = Bevoegdheid.NIET_BEVOEGD
    elif "beperk" in restricting:
        found = Bevoegdheid.BEPERKT
    elif "gezamenlijk" in text:
        found = Bevoegdheid.GEZAMENLIJK
    elif "onbeperkt" in text:
        found = Bevoegdheid.ONBEPERKT
    elif "alleen" in text or "zelfstandig" in text:
        found = Bevoegdheid.ALLEEN_BEVOEGD
    else:
        found = Bevoegdheid.ONBEKEND
    if found.authorises_alone or not volmacht:
        return found
    # A gevolmachtigde has a volmacht instead of (or next to) a bevoegdheid.
    proxy = _plain(volmacht)
    if "volledig" in proxy:
        return Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD
    if "beperkt" in proxy and found is Bevoegdheid.ONBEKEND:
        return Bevoegdheid.BEPERKT
    return found


def _age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _suspended(value: Any, today: date) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    schorsing = _object(value, "schorsing")
    einde = _date(schorsing.get("datumEinde"), "schorsing.datumEinde")
    return einde is None or einde > today


def functionaris_from_json(data: Any, *, today: date) -> Functionaris:
    functionaris = _object(data, "functionaris")
    persoon = _object(functionaris.get("persoon"), "persoon")
    geboortedatum = _birth_date(persoon.get("geboortedatum"))
    minderjarig = _flag(persoon.get("minderjarig"), "persoon.minderjarig") or (
        geboortedatum is not None and _age_on(geboortedatum, today) < ADULT_AGE
    )
    overleden = _flag(persoon.get("overleden"), "persoon.overleden") or bool(
        persoon.get("overlijdensdatum")
    )
    return Functionaris(
        voornamen=_text(persoon.get("voornamen"), "persoon.voornamen"),
        voorvoegsel=_text(persoon.get("voorvoegselGeslachtsnaam"), "persoon.voorvoegsel"),
        geslachtsnaam=_text(persoon.get("geslachtsnaam"), "persoon.geslachtsnaam"),
        functie=_text(functionaris.get("functie") or functionaris.get("functietitel"), "functie"),
        bevoegdheid=bevoegdheid_from_text(
            _text(functionaris.get("bevoegdheid"), "bevoegdheid"),
            _text(functionaris.get("volmacht"), "volmacht"),
        ),
        overleden=overleden,
        geschorst=_flag(functionaris.get("geschorst"), "geschorst")
        or _suspended(functionaris.get("schorsing"), today),
        minderjarig=minderjarig,
        datum_einde=_date(functionaris.get("datumEinde"), "functionaris.datumEinde"),
    )


def _rechtstoestand(value: Any) -> str:
    if isinstance(value, list):
        states = [_text(item, "bijzondereRechtstoestand") for item in value]
        return ", ".join(state.casefold() for state in states if state)
    return _text(value, "bijzondereRechtstoestand").casefold()


def inschrijving_from_json(data: Any, *, kvk_nummer: str, today: date) -> Inschrijving:
    """Map one registration. ``kvk_nummer`` is the number asked for; a different one
    in the answer means the answer is about someone else, so it is refused."""
    inschrijving = _object(data, "inschrijving")
    if not inschrijving:
        raise ResponseShapeError("the answer is empty")
    answered = _text(inschrijving.get("kvkNummer"), "kvkNummer") or kvk_nummer
    if answered != kvk_nummer:
        raise ResponseShapeError("the answer is about another KvK-nummer")
    functionarissen = inschrijving.get("functionarissen") or []
    if not isinstance(functionarissen, list):
        raise ResponseShapeError("functionarissen is not a list")
    einde = _date(inschrijving.get("datumEinde"), "datumEinde")
    return Inschrijving(
        kvk_nummer=kvk_nummer,
        naam=_text(inschrijving.get("naam"), "naam"),
        beeindigd=_flag(inschrijving.get("beeindigd"), "beeindigd")
        or (einde is not None and einde <= today),
        bijzondere_rechtstoestand=_rechtstoestand(inschrijving.get("bijzondereRechtstoestand")),
        functionarissen=tuple(functionaris_from_json(f, today=today) for f in functionarissen),
    )
