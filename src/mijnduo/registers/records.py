"""Turn the rows of one register file into per-table records, rejecting bad rows.

Nothing here touches the database: each ``collect_*`` function validates rows
and returns a :class:`Collected` that :mod:`mijnduo.registers.sync` writes.
A bad row is recorded with its line, column and reason and skipped; it never
stops the rest of the file.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .cleaning import (
    FieldError,
    clean_bestuursnummer,
    clean_brincode,
    clean_gemeentecode,
    clean_kvk_nummer,
    clean_postcode,
    clean_provinciecode,
    clean_text,
    clean_vestigingscode,
)
from .models import Sector
from .tabular import Row

Records = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int  # line in the file, the header being line 1
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.reason}"


@dataclass(slots=True)
class Collected:
    """Records per table name (key → fields), guesses not to overwrite, rejections."""

    tables: dict[str, Records] = field(default_factory=dict)
    fill_only: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)


class _Rejected(Exception):
    def __init__(self, rejected: RejectedRow) -> None:
        super().__init__(str(rejected))
        self.rejected = rejected


def _value(row: Row, column: str, clean: Callable[[str], str]) -> str:
    try:
        return clean(row.get(column))
    except FieldError as error:
        raise _Rejected(RejectedRow(row.line, column, error.reason)) from None


def _unique(row: Row, column: str, key: str, seen: dict[str, int]) -> None:
    # A repeated key would make the outcome depend on row order; refuse the repeat.
    if key in seen:
        raise _Rejected(RejectedRow(row.line, column, f"{key} already given on line {seen[key]}"))
    seen[key] = row.line


_naam = partial(clean_text, max_length=200, required=True)
_optional_naam = partial(clean_text, max_length=200)
_required_gemeentecode = partial(clean_gemeentecode, required=True)
_gemeentenaam = partial(clean_text, max_length=100, required=True)
_provincienaam = partial(clean_text, max_length=100)


def collect_gemeenten(rows: Iterable[Row], columns: frozenset[str]) -> Collected:
    """CBS list: Gemeentecode (or GemeentecodeGM), Gemeentenaam, province columns."""
    code_column = "GEMEENTECODE" if "GEMEENTECODE" in columns else "GEMEENTECODEGM"
    provincie_column = "PROVINCIECODE" if "PROVINCIECODE" in columns else "PROVINCIECODEPV"
    collected = Collected(tables={"gemeenten": {}})
    gemeenten = collected.tables["gemeenten"]
    seen: dict[str, int] = {}
    for row in rows:
        try:
            code = _value(row, code_column, _required_gemeentecode)
            record = {
                "naam": _value(row, "GEMEENTENAAM", _gemeentenaam),
                "provinciecode": _value(row, provincie_column, clean_provinciecode),
                "provincienaam": _value(row, "PROVINCIENAAM", _provincienaam),
            }
            _unique(row, code_column, code, seen)
        except _Rejected as rejection:
            collected.rejected.append(rejection.rejected)
            continue
        gemeenten[code] = record
    return collected


def collect_besturen(rows: Iterable[Row], columns: frozenset[str]) -> Collected:
    """DUO board file: BEVOEGD GEZAG NUMMER, BEVOEGD GEZAG NAAM and KVK-NUMMER."""
    collected = Collected(tables={"besturen": {}})
    besturen = collected.tables["besturen"]
    seen: dict[str, int] = {}
    for row in rows:
        try:
            nummer = _value(row, "BEVOEGD GEZAG NUMMER", clean_bestuursnummer)
            record = {"naam": _value(row, "BEVOEGD GEZAG NAAM", _naam)}
            if "KVK-NUMMER" in columns:
                record["kvk_nummer"] = _value(row, "KVK-NUMMER", clean_kvk_nummer)
            _unique(row, "BEVOEGD GEZAG NUMMER", nummer, seen)
        except _Rejected as rejection:
            collected.rejected.append(rejection.rejected)
            continue
        besturen[nummer] = record
    return collected


def collect_vestigingen(rows: Iterable[Row], columns: frozenset[str], sector: Sector) -> Collected:
    """DUO location file: every location, and from those its institution and board.

    The institution is named after its main location (vestigingscode ending in
    00) unless the file has an INSTELLINGSNAAM column. Without a main location
    in the file the first location's name is used, but only to fill an empty name.
    """
    code_column = "VESTIGINGSCODE" if "VESTIGINGSCODE" in columns else "VESTIGINGSNUMMER"
    collected = Collected(tables={"besturen": {}, "instellingen": {}, "vestigingen": {}})
    vestigingen = collected.tables["vestigingen"]
    # Per brincode: (from the main location?, has INSTELLINGSNAAM?, institution fields).
    instellingen: dict[str, tuple[bool, bool, dict[str, Any]]] = {}
    seen: dict[str, int] = {}
    for row in rows:
        try:
            brincode = (
                _value(row, "INSTELLINGSCODE", clean_brincode)
                if "INSTELLINGSCODE" in columns
                else ""
            )
            code = _value(row, code_column, partial(clean_vestigingscode, brincode=brincode))
            brincode = brincode or code[:4]
            bestuur = _bestuur(row, columns)
            vestiging = _vestiging_fields(row, brincode, sector)
            instellingsnaam = _value(row, "INSTELLINGSNAAM", _optional_naam)
            _unique(row, code_column, code, seen)
        except _Rejected as rejection:
            collected.rejected.append(rejection.rejected)
            continue
        vestigingen[code] = vestiging
        _add_bestuur(collected, bestuur)
        is_main = code.endswith("00")
        if brincode not in instellingen or (is_main and not instellingen[brincode][0]):
            instellingen[brincode] = (
                is_main,
                bool(instellingsnaam),
                {
                    "naam": instellingsnaam or vestiging["naam"],
                    "bestuursnummer": bestuur[0] if bestuur else "",
                    "gemeentecode": vestiging["gemeentecode"],
                    "sector": sector.value,
                },
            )
    for brincode, (is_main, named, fields) in instellingen.items():
        collected.tables["instellingen"][brincode] = fields
        if not (is_main or named):
            collected.fill_only.setdefault("instellingen", {})[brincode] = {"naam"}
    return collected


def collect_instellingen(rows: Iterable[Row], columns: frozenset[str], sector: Sector) -> Collected:
    """DUO main-location file (one row per institution, with INSTELLINGSNAAM)."""
    collected = Collected(tables={"besturen": {}, "instellingen": {}})
    seen: dict[str, int] = {}
    for row in rows:
        try:
            brincode = _value(row, "INSTELLINGSCODE", clean_brincode)
            naam = _value(row, "INSTELLINGSNAAM", _naam)
            bestuur = _bestuur(row, columns)
            gemeentecode = _value(row, "GEMEENTENUMMER", clean_gemeentecode)
            _unique(row, "INSTELLINGSCODE", brincode, seen)
        except _Rejected as rejection:
            collected.rejected.append(rejection.rejected)
            continue
        _add_bestuur(collected, bestuur)
        collected.tables["instellingen"][brincode] = {
            "naam": naam,
            "bestuursnummer": bestuur[0] if bestuur else "",
            "gemeentecode": gemeentecode,
            "sector": sector.value,
        }
    return collected


def _bestuur(row: Row, columns: frozenset[str]) -> tuple[str, dict[str, Any]] | None:
    """The board a location or institution row names: its number, and its name if given."""
    if "BEVOEGD GEZAG NUMMER" not in columns:
        return None
    nummer = _value(row, "BEVOEGD GEZAG NUMMER", clean_bestuursnummer)
    naam = _value(row, "BEVOEGD GEZAG NAAM", _optional_naam)
    # Only a name actually present updates the board; an absent one keeps what is stored.
    return nummer, ({"naam": naam} if naam else {})


def _add_bestuur(collected: Collected, bestuur: tuple[str, dict[str, Any]] | None) -> None:
    if bestuur is not None:
        nummer, fields = bestuur
        collected.tables["besturen"].setdefault(nummer, {}).update(fields)


def _vestiging_fields(row: Row, brincode: str, sector: Sector) -> dict[str, Any]:
    return {
        "brincode": brincode,
        "naam": _value(row, "VESTIGINGSNAAM", _naam),
        "straat": _value(row, "STRAATNAAM", partial(clean_text, max_length=120)),
        # Kept as written (3-A, 1-3): DUO joins number and suffix in one column.
        "huisnummer": _value(row, "HUISNUMMER-TOEVOEGING", partial(clean_text, max_length=20)),
        "postcode": _value(row, "POSTCODE", clean_postcode),
        "plaats": _value(row, "PLAATSNAAM", partial(clean_text, max_length=80)),
        "gemeentecode": _value(row, "GEMEENTENUMMER", clean_gemeentecode),
        "sector": sector.value,
    }
