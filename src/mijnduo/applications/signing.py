"""Section 5, ondertekening bevoegd gezag: signing in place, or by a single-use link.

The applicant either signs in place (they are the bevoegd gezag) or names a
signatory, who gets an e-mail with a link that works once, until it expires, and
only after an eHerkenning login for the same KvK-nummer. Signing sets the date
and the agreement to the Gebruiksvoorwaarden, validates the whole document once
more with the one validator, and submits it: status ``ingediend``, the PDF made
and stored, confirmations queued — all in one transaction.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from mijnduo.aanvraag.validator import HeldLookup, ValidationResult, today_in_amsterdam, validate
from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record
from mijnduo.registry.selectors import held_beheerautorisaties

from . import messages
from .constants import Status
from .files import application_pdf_store
from .models import Application, SignatureRecord, SigningRequest
from .services import record_transition


class SigningError(Exception):
    """The application cannot be signed or sent for signing in its current state."""


class DocumentHasProblems(SigningError):
    def __init__(self, result: ValidationResult) -> None:
        super().__init__("the document breaks rules of the form")
        self.result = result


class LinkNotUsable(SigningError):
    """The link is unknown, used, expired, or its application moved on."""


class WrongOrganisation(SigningError):
    """The signatory logged in for another KvK-nummer than the application's."""


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs, as their eHerkenning login says."""

    user: User
    kvk_nummer: str
    level: str  # "EH3" or "EH4"


def as_signed(document: dict[str, Any], today: date, akkoord: bool = True) -> dict[str, Any]:
    """The document as it reads once signed today: the date, and the signatory's answer
    to the Gebruiksvoorwaarden (the validator refuses a signature without agreement).

    A new document and a new signing section; the other sections are shared with
    ``document``, and neither is changed. (A deep copy cost the check page 14 µs on
    every view, and nothing writes into the other sections: the validator builds new
    ones.)"""
    section = document.get("ondertekening")
    section = dict(section) if isinstance(section, dict) else {}
    section["datum"] = today.isoformat()
    section["akkoordGebruiksvoorwaarden"] = akkoord
    return {**document, "ondertekening": section}


def validate_for_signing(
    document: dict[str, Any],
    today: date | None = None,
    held_lookup: HeldLookup = held_beheerautorisaties,
) -> ValidationResult:
    """Validate a draft as it would be signed today (what the check page shows).
    ``held_lookup``: the registry's answer, or one read with the application."""
    return validate(as_signed(document, today or today_in_amsterdam()), held_lookup=held_lookup)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _store_result(application: Application, result: ValidationResult) -> None:
    change = result.change_set
    application.document = result.document
    application.kind = str(result.kind)
    application.added = list(change.added) if change else []
    application.removed = list(change.removed) if change else []


@transaction.atomic
def signing_request_create(
    *, actor: Actor, application: Application, link_for: Any, now: datetime | None = None
) -> str:
    """Send the application to the named signatory; returns the link's token.

    ``link_for(token)`` builds the absolute link for the e-mail. Any earlier open
    link of this application stops working.
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.CONCEPT:
        raise SigningError(f"{locked.reference} is not a draft")
    now = now or timezone.now()
    result = validate_for_signing(locked.submitted_document, timezone.localdate(now))
    if not result.is_valid:
        raise DocumentHasProblems(result)
    _store_result(locked, result)
    SigningRequest.objects.filter(application=locked, used_at__isnull=True).update(
        used_at=now, outcome=SigningRequest.Outcome.CANCELLED
    )
    token = secrets.token_urlsafe(32)
    expires_at = now + timedelta(days=settings.MIJNDUO_SIGNING_LINK_DAYS)
    SigningRequest.objects.create(
        application=locked, token_hash=_token_hash(token), created_at=now, expires_at=expires_at
    )
    record_transition(actor=actor, locked=locked, to_status=Status.WACHT_OP_ONDERTEKENING)
    locked.save()
    messages.queue_signing_request(
        application=locked,
        link=link_for(token),
        expires_on=timezone.localtime(expires_at).strftime("%d-%m-%Y %H:%M"),
    )
    return token


def signing_request_for_token(token: str, now: datetime | None = None) -> SigningRequest:
    """The open, unexpired signing request behind a link, or LinkNotUsable."""
    if not token or len(token) > 100:
        raise LinkNotUsable("malformed")
    request = (
        SigningRequest.objects.select_related("application")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if request is None:
        raise LinkNotUsable("unknown")
    if request.used_at is not None:
        raise LinkNotUsable("used")
    if request.expires_at <= (now or timezone.now()):
        raise LinkNotUsable("expired")
    if request.application.status != Status.WACHT_OP_ONDERTEKENING:
        raise LinkNotUsable("application moved on")
    return request


def _check_signer(application: Application, signer: Signer) -> None:
    if not signer.kvk_nummer or signer.kvk_nummer != application.organisation_kvk:
        raise WrongOrganisation(application.reference)


def _submit_signed(
    *,
    actor: Actor,
    locked: Application,
    signer: Signer,
    by_applicant: bool,
    akkoord: bool,
    now: datetime,
) -> Application:
    signed_document = as_signed(locked.submitted_document, timezone.localdate(now), akkoord)
    result = validate(
        signed_document, held_lookup=held_beheerautorisaties, today=timezone.localdate(now)
    )
    if not result.is_valid:
        raise DocumentHasProblems(result)
    locked.submitted_document = signed_document
    _store_result(locked, result)
    ondertekening = result.document["ondertekening"]
    SignatureRecord.objects.create(
        application=locked,
        naam=ondertekening["naam"],
        functie=ondertekening["functie"],
        signed_at=now,
        level=signer.level,
        kvk_nummer=signer.kvk_nummer,
        signer=signer.user,
        by_applicant=by_applicant,
    )
    record_transition(actor=actor, locked=locked, to_status=Status.INGEDIEND)
    locked.save()
    audit_record(
        actor=actor,
        action="application.signed",
        subject_type="application",
        subject_id=locked.reference,
        after={"level": signer.level, "by_applicant": by_applicant, "kind": locked.kind},
    )
    pdf = application_pdf_store(locked)
    messages.queue_confirmation(application=locked, pdf=pdf)
    return locked


@transaction.atomic
def application_sign_in_place(
    *,
    actor: Actor,
    application: Application,
    signer: Signer,
    akkoord: bool,
    now: datetime | None = None,
) -> Application:
    """The applicant is the bevoegd gezag and signs their own draft."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.CONCEPT:
        raise SigningError(f"{locked.reference} is not a draft")
    _check_signer(locked, signer)
    return _submit_signed(
        actor=actor,
        locked=locked,
        signer=signer,
        by_applicant=True,
        akkoord=akkoord,
        now=now or timezone.now(),
    )


@transaction.atomic
def application_sign_by_link(
    *, actor: Actor, token: str, signer: Signer, akkoord: bool, now: datetime | None = None
) -> Application:
    """The signatory signs through their link (used up by signing)."""
    now = now or timezone.now()
    request = signing_request_for_token(token, now)
    locked_request = SigningRequest.objects.select_for_update().get(pk=request.pk)
    if locked_request.used_at is not None:
        raise LinkNotUsable("used")  # another tab or person was first
    locked = Application.objects.select_for_update().get(pk=request.application_id)
    _check_signer(locked, signer)
    # Validates first: a refused signature (no agreement) leaves the link usable.
    submitted = _submit_signed(
        actor=actor, locked=locked, signer=signer, by_applicant=False, akkoord=akkoord, now=now
    )
    locked_request.used_at = now
    locked_request.outcome = SigningRequest.Outcome.SIGNED
    locked_request.save(update_fields=["used_at", "outcome"])
    return submitted


@transaction.atomic
def application_decline_by_link(
    *, actor: Actor, token: str, signer: Signer, reason: str, now: datetime | None = None
) -> Application:
    """The signatory declines, with a reason; the application becomes a draft again."""
    now = now or timezone.now()
    request = signing_request_for_token(token, now)
    locked_request = SigningRequest.objects.select_for_update().get(pk=request.pk)
    if locked_request.used_at is not None:
        raise LinkNotUsable("used")
    locked = Application.objects.select_for_update().get(pk=request.application_id)
    _check_signer(locked, signer)
    locked_request.used_at = now
    locked_request.outcome = SigningRequest.Outcome.DECLINED
    locked_request.decline_reason = reason
    locked_request.save(update_fields=["used_at", "outcome", "decline_reason"])
    record_transition(actor=actor, locked=locked, to_status=Status.CONCEPT, reason=reason)
    locked.save()
    messages.queue_declined(application=locked, reason=reason)
    return locked


@transaction.atomic
def signing_request_withdraw(*, actor: Actor, application: Application) -> Application:
    """The applicant takes the application back to change it; the link stops working."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.WACHT_OP_ONDERTEKENING:
        raise SigningError(f"{locked.reference} is not waiting for a signature")
    SigningRequest.objects.filter(application=locked, used_at__isnull=True).update(
        used_at=timezone.now(), outcome=SigningRequest.Outcome.CANCELLED
    )
    record_transition(actor=actor, locked=locked, to_status=Status.CONCEPT)
    locked.save()
    return locked
