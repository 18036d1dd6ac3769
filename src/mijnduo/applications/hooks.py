"""Callbacks run after an application is submitted and the transaction has committed.

The service desk (a layer above) registers here at start-up, so this app never
imports it: submission stays the same whether or not anyone listens.
"""

from collections.abc import Callable
from functools import partial

from django.db import transaction

_after_submission: list[Callable[[int], None]] = []


def on_submitted(callback: Callable[[int], None]) -> None:
    """Register ``callback(application_id)``; registering the same one twice is a no-op."""
    if callback not in _after_submission:
        _after_submission.append(callback)


def submitted(application_id: int) -> None:
    """Call inside the submitting transaction: the callbacks run once it commits."""
    for callback in _after_submission:
        transaction.on_commit(partial(callback, application_id))
