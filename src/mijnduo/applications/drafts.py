"""Drafts (status ``concept``) filled in on the portal: created, saved per step, removed.

A draft is an application in status ``concept``. Every save keeps exactly what was
entered (``submitted_document``), even when it breaks rules: nothing typed is lost.
The validator's normalised reading and its kind are kept beside it.
"""

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from mijnduo.aanvraag.validator import validate
from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record
from mijnduo.registry.selectors import held_beheerautorisaties

from .constants import Channel, Status
from .models import Application, StatusChange
from .references import new_reference

_REFERENCE_ATTEMPTS = 5


class NotADraft(Exception):
    """Only an application in status ``concept`` can be edited or deleted."""


def draft_create(
    *,
    actor: Actor,
    applicant: User,
    organisation_kvk: str,
    language: str,
    document: dict[str, Any],
    applicant_level: str = "",
) -> Application:
    """Start a draft for the logged-in applicant, pre-filled with what is known."""
    result = validate(document, held_lookup=held_beheerautorisaties)
    for _attempt in range(_REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                now = timezone.now()
                application = Application.objects.create(
                    reference=new_reference(),
                    status=Status.CONCEPT,
                    kind=str(result.kind or "aanmelding"),
                    channel=Channel.PORTAL,
                    submitted_document=document,
                    document=result.document,
                    applicant=applicant,
                    organisation_kvk=organisation_kvk,
                    language=language,
                    applicant_level=applicant_level,
                    created_at=now,
                    updated_at=now,
                )
                StatusChange.objects.create(
                    application=application,
                    actor=str(actor),
                    from_status="",
                    to_status=Status.CONCEPT,
                )
                audit_record(
                    actor=actor,
                    action="application.draft_created",
                    subject_type="application",
                    subject_id=application.reference,
                    after={"status": Status.CONCEPT, "channel": Channel.PORTAL},
                )
                return application
        except IntegrityError:
            continue  # the drawn reference exists (1 in 2^40): draw again
    raise RuntimeError("could not draw a unique reference")


@transaction.atomic
def draft_save(
    *,
    actor: Actor,
    application: Application,
    document: dict[str, Any],
    applicant_email: str | None = None,
    step: str,
) -> Application:
    """Keep the draft as entered, with its normalised reading and kind."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.CONCEPT:
        raise NotADraft(locked.reference)
    result = validate(document, held_lookup=held_beheerautorisaties)
    locked.submitted_document = document
    locked.document = result.document
    locked.kind = str(result.kind or locked.kind)
    changed = ["submitted_document", "document", "kind", "updated_at"]
    if applicant_email is not None:
        locked.applicant_email = applicant_email
        changed.append("applicant_email")
    locked.updated_at = timezone.now()
    locked.save(update_fields=changed)
    audit_record(
        actor=actor,
        action="application.draft_saved",
        subject_type="application",
        subject_id=locked.reference,
        after={"step": step},
    )
    return locked


@transaction.atomic
def draft_delete(*, actor: Actor, application: Application) -> None:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.CONCEPT:
        raise NotADraft(locked.reference)
    audit_record(
        actor=actor,
        action="application.draft_deleted",
        subject_type="application",
        subject_id=locked.reference,
        before={"status": Status.CONCEPT},
    )
    locked.delete()


@transaction.atomic
def drafts_purge(*, actor: Actor, retention_days: int) -> int:
    """Remove drafts not changed for ``retention_days`` days; returns how many."""
    cutoff = timezone.now() - timedelta(days=retention_days)
    stale = Application.objects.filter(status=Status.CONCEPT, updated_at__lt=cutoff)
    references = list(stale.values_list("reference", flat=True))
    for reference in references:
        audit_record(
            actor=actor,
            action="application.draft_purged",
            subject_type="application",
            subject_id=reference,
            before={"status": Status.CONCEPT},
            after={"retention_days": retention_days},
        )
    stale.delete()
    return len(references)
