"""Two staff members acting on one application at the same moment: exactly one wins.

Real concurrency needs a server database (SQLite serialises whole transactions), so
this runs on PostgreSQL, as CI does.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from mijnduo.applications.constants import Status
from mijnduo.registry.models import BeheerautorisatieGrant
from mijnduo.review.constants import DecisionOutcome, DecisionState
from mijnduo.review.models import Decision
from mijnduo.review.services import (
    DecisionConflict,
    case_assign,
    decision_confirm,
    decision_make,
)

from .conftest import BEHANDELAAR, TWEEDE, make_staff, submit

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a server database for real concurrency; CI runs this on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def race(actions: list[Callable[[], Any]]) -> tuple[list[Any], list[Exception]]:
    barrier = threading.Barrier(len(actions))
    results: list[Any] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def run(action: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            outcome = action()
            with lock:
                results.append(outcome)
        except Exception as error:
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_approve_and_reject_at_once_one_decision_wins() -> None:
    first, second = make_staff(BEHANDELAAR), make_staff(BEHANDELAAR)
    application = case_assign(staff=first, application=submit())
    for _round in range(5):
        results, errors = race(
            [
                lambda: decision_make(
                    staff=first, application=application, outcome=DecisionOutcome.APPROVE
                ),
                lambda: decision_make(
                    staff=second,
                    application=application,
                    outcome=DecisionOutcome.REJECT,
                    reason="Nee.",
                ),
            ]
        )
        assert len(results) == 1, errors
        assert len(errors) == 1 and isinstance(errors[0], DecisionConflict)
        assert (
            Decision.objects.filter(application=application)
            .exclude(state=DecisionState.WITHDRAWN)
            .count()
            == 1
        )
        application.refresh_from_db()
        if application.status == Status.AFGEWEZEN:
            return  # the rejection won this round: the application is closed, as it should
        # The approval won and waits for confirmation; withdraw it and race again.
        Decision.objects.filter(application=application).update(state=DecisionState.WITHDRAWN)


def test_two_second_reviewers_confirm_at_once_the_registry_changes_once() -> None:
    proposer = make_staff(BEHANDELAAR)
    one, two = make_staff(TWEEDE), make_staff(TWEEDE)
    application = case_assign(staff=proposer, application=submit())
    proposal = decision_make(
        staff=proposer, application=application, outcome=DecisionOutcome.APPROVE
    )
    results, errors = race(
        [
            lambda: decision_confirm(staff=one, decision=proposal),
            lambda: decision_confirm(staff=two, decision=proposal),
        ]
    )
    assert len(results) == 1, errors
    assert len(errors) == 1 and isinstance(errors[0], DecisionConflict)
    application.refresh_from_db()
    assert application.status == Status.GOEDGEKEURD
    assert BeheerautorisatieGrant.objects.count() == 2  # po and rio_algemeen, once each
