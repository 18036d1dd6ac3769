"""``mijnduo auditverify``: check the audit trail's hash chain (docs/audit.md)."""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from mijnduo.audit.chain import audit_chain_verify
from mijnduo.audit.models import AuditRecord


class Command(BaseCommand):
    help = (
        "Recompute the hash of every audit record and check the chain. Prints the number of "
        "records checked and the head hash (write it down: it shows later whether records "
        "were cut off the end). Exits with status 1 when the chain is broken."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--progress", action="store_true", help="show a progress bar")
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="records read per query (default 5000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["progress"]:
            total = AuditRecord.objects.count()
            with tqdm(total=total, unit=" records", file=sys.stderr, leave=False) as bar:
                report = audit_chain_verify(batch_size=options["batch_size"], progress=bar.update)
        else:
            report = audit_chain_verify(batch_size=options["batch_size"])
        self.stdout.write(f"records checked: {report.records_checked}")
        if not report.ok:
            self.stdout.write(f"last intact hash: {report.last_hash}")
            raise CommandError(
                f"audit chain broken at sequence {report.first_broken_sequence} "
                f"({report.problem}): {report.explanation}",
                returncode=1,
            )
        self.stdout.write(f"head hash: {report.last_hash}")
        self.stdout.write(self.style.SUCCESS(report.explanation))
