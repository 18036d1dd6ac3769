"""The filled-in form and the attachments, for staff; every download is audited."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from mijnduo.applications.files import application_pdf
from mijnduo.applications.models import ApplicationFile
from mijnduo.audit.services import audit_record
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required
from mijnduo.identity.staff.selectors import staff_actor

from .detail import _application

_READERS = (StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # Attachments are never shown inline: a file is data to look at, not a page.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required(*_READERS)
def pdf_view(request: HttpRequest, reference: str) -> HttpResponse:
    application = _application(reference)
    content = application_pdf(application)
    with transaction.atomic():
        audit_record(
            actor=staff_actor(request.user),
            action="application.pdf_downloaded",
            subject_type="application",
            subject_id=application.reference,
        )
    return _download(content, "application/pdf", f"{application.reference}.pdf")


@staff_required(*_READERS)
def file_view(request: HttpRequest, reference: str, file_id: int) -> HttpResponse:
    application = _application(reference)
    stored = get_object_or_404(ApplicationFile, pk=file_id, application=application)
    with transaction.atomic():
        audit_record(
            actor=staff_actor(request.user),
            action="application.file_downloaded",
            subject_type="application",
            subject_id=application.reference,
            after={"file": stored.pk},
        )
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(
        stored.content_type, "bin"
    )
    return _download(bytes(stored.content), stored.content_type, f"bijlage-{stored.pk}.{extension}")
