"""Every state change of an application, each audited in the same transaction."""

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from mijnduo.aanvraag.validator import ValidationResult
from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record
from mijnduo.db import insert_instance
from mijnduo.identity.models import ApiClient

from . import hooks
from .constants import TRANSITIONS, Channel, Status
from .models import Application, StatusChange
from .references import new_reference

_REFERENCE_ATTEMPTS = 5


class InvalidTransition(Exception):
    """The requested status does not follow the current one (form.md §4)."""


class DocumentNotValid(Exception):
    """A service was asked to store a document that failed validation."""


def application_submit(
    *,
    actor: Actor,
    submitted: dict[str, Any],
    result: ValidationResult,
    channel: Channel,
    api_client: ApiClient | None = None,
    idempotency_key: str = "",
    request_fingerprint: str = "",
) -> Application:
    """Store a validated document as an application with status ``ingediend``.

    The application, its first history row and its audit record are written in one
    transaction. A reference that happens to exist already (1 in 2^40 per draw) rolls
    that transaction back and the whole of it is tried again with a new reference, so
    the common path needs no savepoint.
    """
    if not result.is_valid or result.kind is None:
        raise DocumentNotValid("only a valid document can be submitted")
    change = result.change_set
    fields: dict[str, Any] = {
        "status": Status.INGEDIEND,
        "kind": result.kind.value,
        "channel": channel,
        "submitted_document": submitted,
        "document": result.document,
        "added": list(change.added) if change else [],
        "removed": list(change.removed) if change else [],
        "api_client": api_client,
        "idempotency_key": idempotency_key,
        "request_fingerprint": request_fingerprint,
    }
    fields.update(queue_fields(result.document))
    fields["submitted_at"] = timezone.now()
    for _attempt in range(_REFERENCE_ATTEMPTS):
        reference = new_reference()
        try:
            return _store_submission(actor=actor, reference=reference, fields=fields)
        except IntegrityError:
            if not Application.objects.filter(reference=reference).exists():
                raise  # another constraint (e.g. the idempotency key): not ours to retry
    raise RuntimeError("could not draw a unique reference")  # 2^40 values: not expected


@transaction.atomic
def _store_submission(*, actor: Actor, reference: str, fields: dict[str, Any]) -> Application:
    # The hot path of the API: one plain INSERT per row (mijnduo.db.insert_instance).
    application = insert_instance(Application(reference=reference, **fields))
    insert_instance(
        StatusChange(
            application=application, actor=str(actor), from_status="", to_status=Status.INGEDIEND
        )
    )
    audit_record(
        actor=actor,
        action="application.submitted",
        subject_type="application",
        subject_id=application.reference,
        after={
            "status": application.status,
            "kind": application.kind,
            "channel": fields["channel"],
        },
    )
    hooks.submitted(application.pk)
    return application


def queue_fields(document: dict[str, Any]) -> dict[str, str]:
    """The columns the service desk's queue filters and searches on, from the document."""
    organisatie = document.get("organisatie") or {}

    def text(key: str, length: int) -> str:
        value = organisatie.get(key)
        return value[:length] if isinstance(value, str) else ""

    return {
        "organisation_type": text("type", 30),
        "organisation_naam": text("naam", 200),
        "kvk_nummer": text("kvkNummer", 8),
        "brincode": text("brincode", 4),
        "bestuursnummer": text("bestuursnummer", 5),
    }


_DECIDED = frozenset({Status.GOEDGEKEURD, Status.AFGEWEZEN})


def record_transition(
    *, actor: Actor, locked: Application, to_status: str, reason: str = ""
) -> list[str]:
    """Move a locked application to ``to_status``: the lifecycle check, the history row
    and the audit record. The caller holds the row lock and saves the application;
    returns the fields changed, for ``save(update_fields=...)``."""
    from_status = locked.status
    if to_status not in TRANSITIONS[from_status]:
        raise InvalidTransition(f"{from_status} → {to_status} is not allowed")
    now = timezone.now()
    locked.status = to_status
    locked.updated_at = now
    changed = ["status", "updated_at"]
    if to_status == Status.INGEDIEND:
        # Submitted: from now on it is in the service desk's queue.
        hooks.submitted(locked.pk)
        locked.submitted_at = now
        columns = queue_fields(locked.document)
        for name, value in columns.items():
            setattr(locked, name, value)
        changed += ["submitted_at", *columns]
    if to_status in _DECIDED:
        locked.decided_at = now
        changed.append("decided_at")
    StatusChange.objects.create(
        application=locked,
        actor=str(actor),
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action="application.status_changed",
        subject_type="application",
        subject_id=locked.reference,
        before={"status": from_status},
        after={"status": to_status},
    )
    return changed


@transaction.atomic
def application_change_status(
    *, actor: Actor, application: Application, to_status: Status, reason: str = ""
) -> Application:
    """Move an application to the next status, recording history and audit."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    changed = record_transition(actor=actor, locked=locked, to_status=to_status, reason=reason)
    locked.save(update_fields=changed)
    return locked


class NotAwaitingInformation(Exception):
    """Only an application for which DUO asked more information can be answered."""


MAX_RESPONSE_LENGTH = 4000


@transaction.atomic
def application_respond(*, actor: Actor, application: Application, answer: str) -> Application:
    """The applicant answers DUO's request for more information; the application
    returns to the service desk's queue with the answer in its history."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.AANVULLING_GEVRAAGD:
        raise NotAwaitingInformation(locked.reference)
    changed = record_transition(
        actor=actor,
        locked=locked,
        to_status=Status.IN_BEHANDELING,
        reason=answer.strip()[:MAX_RESPONSE_LENGTH],
    )
    locked.save(update_fields=changed)
    return locked
