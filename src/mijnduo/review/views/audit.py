"""The audit trail for the functioneel beheerder: verify the hash chain, export a period."""

import io
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mijnduo.audit.chain import audit_chain_verify
from mijnduo.audit.export import audit_csv_write
from mijnduo.audit.services import audit_record
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required
from mijnduo.identity.staff.selectors import staff_actor


def _page(request: HttpRequest, **context: object) -> HttpResponse:
    today = timezone.localdate()
    defaults: dict[str, object] = {
        "nav": "audit",
        "date_from": (today - timedelta(days=30)).isoformat(),
        "date_to": today.isoformat(),
        "export_error": "",
    }
    defaults.update(context)
    status = 400 if defaults["export_error"] else 200
    return render(request, "review/audit.html", defaults, status=status)


@require_http_methods(["GET", "POST"])
@staff_required(StaffRole.FUNCTIONEEL_BEHEERDER)
def audit_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _page(request, report=audit_chain_verify())
    return _page(request)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


@require_GET
@staff_required(StaffRole.FUNCTIONEEL_BEHEERDER)
def audit_export_view(request: HttpRequest) -> HttpResponse:
    """CSV of the records from one day to another (both included, Amsterdam time)."""
    first = _day(request.GET.get("van", ""))
    last = _day(request.GET.get("tot", ""))
    if first is None or last is None:
        return _page(
            request,
            export_error=_("Fill in both dates as YYYY-MM-DD."),
            date_from=request.GET.get("van", ""),
            date_to=request.GET.get("tot", ""),
        )
    if first > last:
        return _page(
            request,
            export_error=_("The first date is after the last date."),
            date_from=first.isoformat(),
            date_to=last.isoformat(),
        )
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    buffer = io.StringIO()
    with transaction.atomic():
        count = audit_csv_write(buffer, start=start, end=end)
        audit_record(
            actor=staff_actor(request.user),
            action="audit.exported",
            subject_type="audit",
            subject_id=f"{first.isoformat()}..{last.isoformat()}",
            after={"records": count},
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="audit-{first.isoformat()}-{last.isoformat()}.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response
