"""The CBS municipality list shipped with the product (R5: gemeentecode must exist)."""

import csv
from functools import cache
from pathlib import Path

# Shared with the register import; the file lives in the package, not in an app.
CBS_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "cbs" / "gemeenten-alfabetisch-2023.csv"
)


@cache
def municipality_names() -> dict[str, str]:
    """Map 4-digit gemeentecode to name, read once from the shipped CBS file."""
    with CBS_FILE.open(encoding="utf-8-sig", newline="") as handle:
        return {row["Gemeentecode"].zfill(4): row["Gemeentenaam"] for row in csv.DictReader(handle)}


def is_known_gemeentecode(code: str) -> bool:
    return code in municipality_names()
