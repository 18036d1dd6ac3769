"""``mijnduo importregisters``: load CBS and DUO register files (docs/registers.md)."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mijnduo.registers.importer import (
    SHIPPED_CBS_FILE,
    SHIPPED_DUO_FILE,
    ImportSummary,
    RegisterFileError,
    import_cbs,
    import_duo,
)
from mijnduo.registers.models import Sector

# Enough to see what kind of problem a file has without flooding the terminal.
FIRST_REASONS = 10


class Command(BaseCommand):
    help = (
        "Import the CBS municipality list and DUO register files (locations, main "
        "locations, boards). Without options, imports the files shipped in mijnduo/data."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--cbs", type=Path, metavar="PATH", help="CBS municipality list")
        parser.add_argument(
            "--duo",
            type=Path,
            metavar="PATH",
            action="append",
            help="DUO file: all locations, main locations or boards (repeatable)",
        )
        parser.add_argument(
            "--sector",
            choices=Sector.values,
            help="sector of the DUO location files (default: read from the file name)",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show a progress bar even when stderr is not a terminal",
        )
        parser.add_argument(
            "--verbose", action="store_true", help="list every rejected row, not only the first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = bool(options["progress"]) or sys.stderr.isatty()
        cbs: Path | None = options["cbs"]
        duo: list[Path] = options["duo"] or []
        sector: str | None = options["sector"]
        if cbs is None and not duo:
            cbs, duo, sector = SHIPPED_CBS_FILE, [SHIPPED_DUO_FILE], sector or Sector.PO
        try:
            # Municipalities first: DUO rows refer to them by gemeentecode.
            if cbs is not None:
                self._report(import_cbs(cbs, progress=progress), verbose=options["verbose"])
            for path in duo:
                summary = import_duo(path, sector=sector, progress=progress)
                self._report(summary, verbose=options["verbose"])
        except RegisterFileError as error:
            raise CommandError(str(error)) from None

    def _report(self, summary: ImportSummary, *, verbose: bool) -> None:
        sector = f", sector {summary.sector}" if summary.sector else ""
        self.stdout.write(
            f"{summary.path.name}: {summary.kind}{sector} "
            f"({summary.encoding}, separator {summary.delimiter!r})"
        )
        self.stdout.write(f"  rows read: {summary.rows_read}, rejected: {len(summary.rejected)}")
        for name, counts in summary.tables.items():
            self.stdout.write(
                f"  {name}: {counts.created} created, {counts.updated} updated, "
                f"{counts.unchanged} unchanged"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"  total: {summary.created} created, {summary.updated} updated, "
                f"{summary.unchanged} unchanged"
            )
        )
        shown = summary.rejected if verbose else summary.rejected[:FIRST_REASONS]
        for rejected in shown:
            self.stdout.write(self.style.WARNING(f"  rejected {rejected}"))
        if len(shown) < len(summary.rejected):
            more = len(summary.rejected) - len(shown)
            self.stdout.write(f"  ... and {more} more rejected rows (see --verbose)")
