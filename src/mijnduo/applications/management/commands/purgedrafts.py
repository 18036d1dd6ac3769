from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from mijnduo.applications.drafts import drafts_purge
from mijnduo.audit.actors import SYSTEM


class Command(BaseCommand):
    help = (
        "Remove portal drafts not changed for MIJNDUO_DRAFT_RETENTION_DAYS days "
        "(default 30). Run daily from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period (days) for this run.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] or settings.MIJNDUO_DRAFT_RETENTION_DAYS
        removed = drafts_purge(actor=SYSTEM, retention_days=days)
        self.stdout.write(f"removed {removed} draft(s) not changed for {days} days")
