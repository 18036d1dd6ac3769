"""The stored files of an application: its PDF (made once) and attachments (R17)."""

import hashlib

from django.db import IntegrityError, transaction

from mijnduo.aanvraag.attachments import (
    MAX_SIZE,
    Attachment,
    detect_content_type,
    validate_attachments,
)
from mijnduo.aanvraag.validator import Problem
from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record
from mijnduo.documents.pdf import SignatureRecord as PdfSignature
from mijnduo.documents.pdf import render_application_pdf

from .constants import OPEN_STATUSES, Status
from .models import Application, ApplicationFile, SignatureRecord
from .services import NotAwaitingInformation, application_respond

MAX_ATTACHMENT_BYTES = MAX_SIZE


class AttachmentRefused(Exception):
    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("attachment refused")
        self.problems = problems


def _pdf_signature(signature: SignatureRecord | None) -> PdfSignature | None:
    if signature is None:
        return None
    return PdfSignature(
        naam=signature.naam,
        functie=signature.functie,
        signed_at=signature.signed_at,
        level=signature.level,
    )


def application_pdf_render(application: Application) -> bytes:
    signature = SignatureRecord.objects.filter(application=application).first()
    submitted_at = (
        application.history.filter(to_status="ingediend").values_list("at", flat=True).first()
        or application.updated_at
    )
    return render_application_pdf(
        document=application.document,
        reference=application.reference,
        kind=application.kind,
        submitted_at=submitted_at,
        signature=_pdf_signature(signature),
        added=list(application.added),
        removed=list(application.removed),
    )


def _file(application: Application, purpose: str, naam: str, content: bytes) -> ApplicationFile:
    return ApplicationFile.objects.create(
        application=application,
        purpose=purpose,
        naam=naam,
        content_type=detect_content_type(content) or "application/octet-stream",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


def application_pdf_store(application: Application) -> bytes:
    """Render the filled-in form once and keep it (call inside the submission)."""
    content = application_pdf_render(application)
    _file(application, ApplicationFile.Purpose.PDF, f"{application.reference}.pdf", content)
    return content


def application_pdf(application: Application) -> bytes:
    """The stored PDF; made and stored now if the application has none yet (the API).

    Two requests at once may both render; the unique constraint keeps one, and the
    loser reads the winner's file.
    """
    stored = (
        ApplicationFile.objects.filter(application=application, purpose=ApplicationFile.Purpose.PDF)
        .values_list("content", flat=True)
        .first()
    )
    if stored is not None:
        return bytes(stored)
    content = application_pdf_render(application)
    try:
        with transaction.atomic():
            _file(application, ApplicationFile.Purpose.PDF, f"{application.reference}.pdf", content)
    except IntegrityError:
        existing = ApplicationFile.objects.filter(
            application=application, purpose=ApplicationFile.Purpose.PDF
        ).first()
        if existing is None:
            raise
        return bytes(existing.content)
    return content


def _checked_file(
    *,
    actor: Actor,
    application: Application,
    purpose: str,
    action: str,
    naam: str,
    content: bytes,
) -> ApplicationFile:
    """Store an uploaded file after R17's checks (by content, size, name), audited."""
    problems = validate_attachments([Attachment(naam=naam, inhoud=content)])
    if problems:
        raise AttachmentRefused(problems)
    stored = _file(application, purpose, naam.strip(), content)
    audit_record(
        actor=actor,
        action=action,
        subject_type="application",
        subject_id=application.reference,
        after={"file": stored.pk, "content_type": stored.content_type, "size": stored.size},
    )
    return stored


@transaction.atomic
def attachment_add(
    *, actor: Actor, application: Application, naam: str, content: bytes
) -> ApplicationFile:
    """Add an attachment (a KvK uittreksel) after checking it against R17."""
    return _checked_file(
        actor=actor,
        application=application,
        purpose=ApplicationFile.Purpose.BIJLAGE,
        action="application.attachment_added",
        naam=naam,
        content=content,
    )


class ApplicationClosed(Exception):
    """A decided or withdrawn application takes no more files."""


@transaction.atomic
def application_answer(
    *,
    actor: Actor,
    application: Application,
    answer: str,
    naam: str = "",
    content: bytes | None = None,
) -> ApplicationFile | None:
    """The applicant answers DUO's request for more information, with a file or not:
    both kept, or neither (R17 refusing the file: AttachmentRefused), and the
    application back in the service desk's queue.

    The row is locked before anything is written and its status read under that lock,
    so two answers at once, or a decision during one, wait for each other instead of
    deadlocking or answering twice (NotAwaitingInformation for the later one).
    """
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.AANVULLING_GEVRAAGD:
        raise NotAwaitingInformation(locked.reference)
    stored = None
    if content is not None:
        stored = attachment_add(actor=actor, application=locked, naam=naam, content=content)
    application_respond(actor=actor, application=locked, answer=answer)
    return stored


@transaction.atomic
def api_attachment_add(
    *, actor: Actor, application: Application, naam: str, content: bytes
) -> ApplicationFile:
    """An attachment sent through the API, until the service desk decides
    (ApplicationClosed after). While DUO waits for more information the attachment is
    the client's answer (docs/interpretations.md): API clients have no other way to
    answer; the portal's applicants answer on their status page."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status not in OPEN_STATUSES:
        raise ApplicationClosed(locked.reference)
    if locked.status == Status.AANVULLING_GEVRAAGD:
        stored = application_answer(
            actor=actor,
            application=locked,
            answer=f"Bijlage via de API: {naam.strip()}",
            naam=naam,
            content=content,
        )
        assert stored is not None  # noqa: S101 (content was given; narrows the type)
        return stored
    return attachment_add(actor=actor, application=locked, naam=naam, content=content)


@transaction.atomic
def scan_add(
    *, actor: Actor, application: Application, naam: str, content: bytes
) -> ApplicationFile:
    """The scan of a paper form received by post: PDF, PNG or JPEG, at most 10 MB,
    checked by content like an attachment (R17's checks, not its purpose)."""
    return _checked_file(
        actor=actor,
        application=application,
        purpose=ApplicationFile.Purpose.SCAN,
        action="application.scan_added",
        naam=naam,
        content=content,
    )
