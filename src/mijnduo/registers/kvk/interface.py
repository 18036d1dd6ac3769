"""What the KvK Handelsregister tells about who may sign for a registration.

The check (signatory.py) depends only on these types and on the
:class:`SignatoryRegister` protocol, so the HTTP client and the offline demo
register are interchangeable, and tests can pass a register of their own.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol


class Bevoegdheid(StrEnum):
    """A function's authority, normalised from the register's free text (mapping.py)."""

    ALLEEN_BEVOEGD = "alleen_bevoegd"
    ONBEPERKT = "onbeperkt"
    VOLLEDIG_GEVOLMACHTIGD = "volledig_gevolmachtigd"
    GEZAMENLIJK = "gezamenlijk"
    BEPERKT = "beperkt"
    # The register says so in words ("Niet bevoegd", e.g. a supervisory board member);
    # kept apart from ONBEKEND because it is an answer, not a gap.
    NIET_BEVOEGD = "niet_bevoegd"
    ONBEKEND = "onbekend"

    @property
    def authorises_alone(self) -> bool:
        return self in _ALONE


_ALONE = frozenset(
    {Bevoegdheid.ALLEEN_BEVOEGD, Bevoegdheid.ONBEPERKT, Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD}
)


@dataclass(frozen=True, slots=True)
class Functionaris:
    """One person in one function. A person with two functions appears twice."""

    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    functie: str
    bevoegdheid: Bevoegdheid
    overleden: bool = False
    geschorst: bool = False
    minderjarig: bool = False
    # Set when the function has an end date; the check compares it with today.
    datum_einde: date | None = None

    @property
    def naam(self) -> str:
        return " ".join(
            part for part in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if part
        )

    def function_ended(self, today: date) -> bool:
        return self.datum_einde is not None and self.datum_einde <= today


@dataclass(frozen=True, slots=True)
class Inschrijving:
    """A registration in the Handelsregister with its officers."""

    kvk_nummer: str
    naam: str
    beeindigd: bool
    # "" when none; otherwise lower case, e.g. "faillissement", "surseance van betaling".
    bijzondere_rechtstoestand: str
    functionarissen: tuple[Functionaris, ...]


class RegisterUnavailable(Exception):
    """The register could not answer: the check must say "unknown", never "confirmed".

    ``reason`` is a short code (``timeout``, ``connection``, ``server_error``,
    ``auth``, ``client_error``, ``unexpected_404``, ``request_error``,
    ``bad_response``, ``not_in_offline_file``, ``offline_file_unreadable``; see
    docs/kvk.md); it goes into logs and the verdict's evidence, so it never
    carries personal data.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SignatoryRegister(Protocol):
    """Where the check reads a registration's officers.

    Returns ``None`` only when the register states that no such registration
    exists; raises :class:`RegisterUnavailable` whenever it cannot say. An
    implementation may set a ``source`` attribute (a short code for the evidence).
    """

    def inschrijving(self, kvk_nummer: str) -> Inschrijving | None: ...
