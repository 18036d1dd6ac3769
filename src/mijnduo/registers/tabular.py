"""Reading register CSV files whatever their encoding, delimiter and column spelling.

DUO and CBS publish the same data in several shapes over the years: UTF-8 (with
or without BOM) or Windows-1252, semicolons or commas, quoted or not, and
column names that drifted (``BRIN NUMMER`` became ``INSTELLINGSCODE``). This
module turns any of them into rows keyed by one canonical column name.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

# Tried in order. UTF-8 first: a Windows-1252 file with accented letters is
# almost never valid UTF-8, the other way round it always "decodes". Latin-1
# last because it accepts every byte, including the few cp1252 leaves undefined.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
DELIMITERS = (";", ",")

# Canonical column → spellings seen in published files, after normalise_column().
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "INSTELLINGSCODE": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER", "BRIN"),
    "VESTIGINGSCODE": ("VESTIGINGSCODE", "BRINVESTIGINGSNUMMER", "BRIN VESTIGINGSNUMMER"),
    # Older location files: either the full 6-character code or only its 2 digits.
    "VESTIGINGSNUMMER": ("VESTIGINGSNUMMER",),
    "VESTIGINGSNAAM": ("VESTIGINGSNAAM", "INSTELLINGSNAAM VESTIGING"),
    "INSTELLINGSNAAM": ("INSTELLINGSNAAM",),
    "BEVOEGD GEZAG NUMMER": ("BEVOEGD GEZAG NUMMER", "BEVOEGDGEZAGNUMMER"),
    "BEVOEGD GEZAG NAAM": ("BEVOEGD GEZAG NAAM", "BEVOEGDGEZAGNAAM"),
    "KVK-NUMMER": ("KVK-NUMMER", "KVK NUMMER", "KVKNUMMER"),
    "STRAATNAAM": ("STRAATNAAM",),
    "HUISNUMMER-TOEVOEGING": ("HUISNUMMER-TOEVOEGING",),
    "POSTCODE": ("POSTCODE",),
    "PLAATSNAAM": ("PLAATSNAAM",),
    "GEMEENTENUMMER": ("GEMEENTENUMMER",),
    # CBS municipality list (Gemeentecode,GemeentecodeGM,Gemeentenaam,...).
    "GEMEENTECODE": ("GEMEENTECODE",),
    "GEMEENTECODEGM": ("GEMEENTECODEGM",),
    "GEMEENTENAAM": ("GEMEENTENAAM",),
    "PROVINCIECODE": ("PROVINCIECODE",),
    "PROVINCIECODEPV": ("PROVINCIECODEPV",),
    "PROVINCIENAAM": ("PROVINCIENAAM",),
}
_ALIAS_TO_CANONICAL = {
    alias: canonical for canonical, aliases in COLUMN_ALIASES.items() for alias in aliases
}
_SPACES = re.compile(r"\s+")
_SPACES_AROUND_HYPHEN = re.compile(r"\s*-\s*")


class RegisterFileError(Exception):
    """The file cannot be read as a register file at all (missing, empty, unknown)."""


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # line number in the file, the header being line 1
    values: dict[str, str]  # canonical column → stripped value, "" when empty

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True, slots=True)
class Table:
    path: Path
    encoding: str
    delimiter: str
    columns: frozenset[str]  # canonical names of the recognised columns
    rows: tuple[Row, ...]


def normalise_column(name: str) -> str:
    """``kvk - nummer`` → ``KVK-NUMMER``, ``brin_nummer`` → ``BRIN NUMMER``."""
    name = name.replace("\ufeff", "").replace("_", " ").strip().upper()
    return _SPACES_AROUND_HYPHEN.sub("-", _SPACES.sub(" ", name))


def clean_value(value: str) -> str:
    # DUO writes an empty field as a single space; strip() turns that into "".
    return value.strip()


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name), trying the encodings in ENCODINGS."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8"  # report what the file is; the BOM is optional
        return text, encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def sniff_delimiter(header_line: str) -> str:
    # The header alone decides: names contain neither separator, while data
    # rows do contain commas (addresses, names) in semicolon files.
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    if counts[best] == 0:
        raise RegisterFileError("no column separator (; or ,) found in the first line")
    return best


def read_table(path: Path) -> Table:
    """Read a whole register file. Raises RegisterFileError when it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RegisterFileError(f"file not found: {path}") from None
    except IsADirectoryError:
        raise RegisterFileError(f"not a file: {path}") from None
    except OSError as error:
        raise RegisterFileError(f"cannot read {path}: {error.strerror}") from None
    text, encoding = decode(data)
    if not text.strip():
        raise RegisterFileError(f"file is empty: {path}")
    header_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    for header in reader:
        if any(cell.strip() for cell in header):
            break
    positions = _column_positions(header)
    rows: list[Row] = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, often a trailing one
        values = {
            column: clean_value(cells[index]) if index < len(cells) else ""
            for column, index in positions.items()
        }
        # line_num counts physical lines, so quoted multi-line fields keep it true.
        rows.append(Row(reader.line_num, values))
    return Table(path, encoding, delimiter, frozenset(positions), tuple(rows))


def _column_positions(header: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        canonical = _ALIAS_TO_CANONICAL.get(normalise_column(name))
        # When a file carries two spellings (BRIN NUMMER and INSTELLINGSCODE),
        # the leftmost wins rather than the row silently mixing both.
        if canonical is not None and canonical not in positions:
            positions[canonical] = index
    return positions
