"""Import CBS and DUO register files into the register tables.

The public entry points are :func:`import_cbs`, :func:`import_duo`,
:func:`import_register_file` and :func:`import_shipped`; each returns an
:class:`ImportSummary`. The management command ``importregisters`` is a thin
shell around them. See docs/registers.md for the accepted files.

The kind of file is read from its columns, never from its name: DUO renames its
files, but a location file always has a location code column.
"""

import re
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal, TextIO

from django.db import models, transaction
from tqdm import tqdm

import mijnduo

from .models import Bestuur, Gemeente, Instelling, Sector, Vestiging
from .records import (
    Collected,
    RejectedRow,
    collect_besturen,
    collect_gemeenten,
    collect_instellingen,
    collect_vestigingen,
)
from .sync import TableCounts, sync_table
from .tabular import RegisterFileError, Row, Table, read_table

__all__ = [
    "SHIPPED_CBS_FILE",
    "SHIPPED_DUO_FILE",
    "FileKind",
    "ImportSummary",
    "RegisterFileError",
    "RejectedRow",
    "TableCounts",
    "detect_kind",
    "import_cbs",
    "import_duo",
    "import_register_file",
    "import_shipped",
]

SHIPPED_DATA_DIR = Path(mijnduo.__file__).resolve().parent / "data"
SHIPPED_CBS_FILE = SHIPPED_DATA_DIR / "cbs" / "gemeenten-alfabetisch-2023.csv"
SHIPPED_DUO_FILE = SHIPPED_DATA_DIR / "duo" / "alle-schoolvestigingen-basisonderwijs.csv"


class FileKind(StrEnum):
    GEMEENTEN = "gemeenten"  # CBS municipality list
    VESTIGINGEN = "vestigingen"  # DUO all locations
    INSTELLINGEN = "instellingen"  # DUO main locations (one row per institution)
    BESTUREN = "besturen"  # DUO boards (bevoegde gezagen)


DUO_KINDS = frozenset({FileKind.VESTIGINGEN, FileKind.INSTELLINGEN, FileKind.BESTUREN})
_SECTORED_KINDS = frozenset({FileKind.VESTIGINGEN, FileKind.INSTELLINGEN})

# Table name (as used in Collected) → model and the field that identifies a row.
_TABLES: dict[str, tuple[type[models.Model], str]] = {
    "gemeenten": (Gemeente, "code"),
    "besturen": (Bestuur, "bestuursnummer"),
    "instellingen": (Instelling, "brincode"),
    "vestigingen": (Vestiging, "vestigingscode"),
}
_WRITE_ORDER = ("gemeenten", "besturen", "instellingen", "vestigingen")

# Words in DUO file names that give away the sector, for when --sector is not given.
_SECTOR_WORDS = {
    Sector.PO: ("po", "basisonderwijs", "primair"),
    Sector.VO: ("vo", "voortgezet"),
    Sector.MBO: ("mbo",),
    Sector.HO: ("ho", "hbo", "wo", "hoger"),
}


@dataclass(slots=True)
class ImportSummary:
    path: Path
    kind: FileKind
    sector: Sector | None
    encoding: str
    delimiter: str
    rows_read: int = 0
    tables: dict[str, TableCounts] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(counts.created for counts in self.tables.values())

    @property
    def updated(self) -> int:
        return sum(counts.updated for counts in self.tables.values())

    @property
    def unchanged(self) -> int:
        return sum(counts.unchanged for counts in self.tables.values())


def detect_kind(columns: frozenset[str]) -> FileKind | None:
    """The kind of register file with these (canonical) columns, or None."""
    if "VESTIGINGSCODE" in columns or {"INSTELLINGSCODE", "VESTIGINGSNUMMER"} <= columns:
        return FileKind.VESTIGINGEN
    if {"INSTELLINGSCODE", "INSTELLINGSNAAM"} <= columns:
        return FileKind.INSTELLINGEN
    if {"BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG NAAM"} <= columns:
        return FileKind.BESTUREN
    if "GEMEENTENAAM" in columns and columns & {"GEMEENTECODE", "GEMEENTECODEGM"}:
        return FileKind.GEMEENTEN
    return None


def resolve_sector(sector: str | None, path: Path) -> Sector:
    """The --sector given, else the one the file name shows (``...-basisonderwijs.csv``)."""
    if sector:
        try:
            return Sector(sector.strip().lower())
        except ValueError:
            choices = ", ".join(Sector.values)
            raise RegisterFileError(f"unknown sector {sector!r}; use one of {choices}") from None
    words = set(re.split(r"[^a-z0-9]+", path.stem.lower()))
    found = {
        candidate
        for candidate, markers in _SECTOR_WORDS.items()
        if any(marker in words for marker in markers)
    }
    if len(found) != 1:
        raise RegisterFileError(
            f"cannot tell the sector from the file name {path.name!r}; give it with --sector"
        )
    return found.pop()


def import_cbs(path: Path | str, *, progress: bool = False) -> ImportSummary:
    """Import a CBS municipality list into Gemeente."""
    return import_register_file(path, expect="cbs", progress=progress)


def import_duo(
    path: Path | str, *, sector: str | None = None, progress: bool = False
) -> ImportSummary:
    """Import a DUO location, main-location or board file."""
    return import_register_file(path, expect="duo", sector=sector, progress=progress)


def import_register_file(
    path: Path | str,
    *,
    expect: Literal["cbs", "duo"] | None = None,
    sector: str | None = None,
    progress: bool = False,
    progress_file: TextIO | None = None,
) -> ImportSummary:
    """Read, validate and write one register file; all tables change or none do.

    ``expect`` ("cbs" or "duo") refuses a file of the other publisher, so that
    a mix-up of command options is reported instead of silently accepted.
    Raises RegisterFileError when the file is missing or not a register file;
    bad rows are not errors but are listed in the summary.
    """
    path = Path(path)
    table = read_table(path)
    kind = detect_kind(table.columns)
    if kind is None:
        raise RegisterFileError(
            f"{path.name} is not a recognised register file: expected the columns of a "
            "CBS municipality list (Gemeentecode, Gemeentenaam) or a DUO file "
            "(VESTIGINGSCODE, INSTELLINGSCODE or BEVOEGD GEZAG NUMMER/NAAM)"
        )
    publisher = "duo" if kind in DUO_KINDS else "cbs"
    if expect is not None and expect != publisher:
        raise RegisterFileError(
            f"{path.name} is a {publisher.upper()} file ({kind}), not a {expect.upper()} file"
        )
    resolved = resolve_sector(sector, path) if kind in _SECTORED_KINDS else None
    summary = ImportSummary(path, kind, resolved, table.encoding, table.delimiter)
    summary.rows_read = len(table.rows)
    rows = tqdm(
        table.rows,
        desc=path.name,
        unit=" rows",
        file=progress_file or sys.stderr,
        disable=not progress,
        leave=False,
    )
    collected = _collect(kind, rows, table, resolved)
    summary.rejected = collected.rejected
    with transaction.atomic():
        for name in _WRITE_ORDER:
            if name in collected.tables:
                model, key_field = _TABLES[name]
                summary.tables[name] = sync_table(
                    model,
                    key_field,
                    collected.tables[name],
                    fill_only=collected.fill_only.get(name),
                )
    return summary


def import_shipped(*, progress: bool = False) -> list[ImportSummary]:
    """Import the CBS and DUO files shipped in ``mijnduo/data`` (municipalities first)."""
    return [
        import_cbs(SHIPPED_CBS_FILE, progress=progress),
        import_duo(SHIPPED_DUO_FILE, sector=Sector.PO, progress=progress),
    ]


def _collect(kind: FileKind, rows: "tqdm[Row]", table: Table, sector: Sector | None) -> Collected:
    try:
        if kind is FileKind.GEMEENTEN:
            return collect_gemeenten(rows, table.columns)
        if kind is FileKind.BESTUREN:
            return collect_besturen(rows, table.columns)
        if sector is None:  # resolve_sector() ran for these kinds; this keeps the types honest
            raise RegisterFileError(f"a {kind} file needs a sector")
        if kind is FileKind.INSTELLINGEN:
            return collect_instellingen(rows, table.columns, sector)
        return collect_vestigingen(rows, table.columns, sector)
    finally:
        rows.close()
