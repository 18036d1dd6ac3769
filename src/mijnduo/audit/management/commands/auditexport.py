"""``mijnduo auditexport --from DATE --to DATE``: the audit trail of a period as CSV."""

from argparse import ArgumentParser
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError

from mijnduo.audit.export import EXPORT_ZONE, audit_csv_write


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be a date as YYYY-MM-DD, not {text!r}.") from None


def _midnight(day: date) -> datetime:
    # Midnight exists on every day in Amsterdam (the clocks change at 02:00 and 03:00).
    return datetime.combine(day, time.min, tzinfo=EXPORT_ZONE)


class Command(BaseCommand):
    help = (
        "Write the audit records of a period as CSV (UTF-8). --from and --to are dates in "
        "Dutch time, both included."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="from_date", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="to_date", required=True, metavar="YYYY-MM-DD")
        parser.add_argument(
            "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        first = _day(options["from_date"], "--from")
        last = _day(options["to_date"], "--to")
        if first > last:
            raise CommandError(f"--from ({first}) is after --to ({last}).")
        start, end = _midnight(first), _midnight(last + timedelta(days=1))
        output: Path | None = options["output"]
        if output is None:
            count = audit_csv_write(cast(TextIO, self.stdout), start=start, end=end)
        else:
            try:
                # newline="": the csv module writes its own line endings (CRLF, RFC 4180).
                with output.open("w", encoding="utf-8", newline="") as handle:
                    count = audit_csv_write(handle, start=start, end=end)
            except OSError as error:
                raise CommandError(f"cannot write {output}: {error.strerror}") from None
        self.stderr.write(f"{count} audit records from {first} to {last} (inclusive).")
