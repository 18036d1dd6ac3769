import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mijnduo.notifications.services import email_deliver_due


class Command(BaseCommand):
    help = (
        "Send e-mails still waiting in the outbox (the mail server was down). "
        "Run every minute from cron, or with --loop beside the web workers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, every minute.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between rounds.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            sent, pending = email_deliver_due()
            self.stdout.write(f"sent {sent}, still pending {pending}")
            if not options["loop"]:
                return
            time.sleep(options["interval"])
