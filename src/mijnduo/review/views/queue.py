"""The work queue: filters, search, sorting, pages, counts per status, assign to me."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mijnduo.aanvraag.constants import OrganisatieType
from mijnduo.applications.constants import KindChoices, Status
from mijnduo.applications.models import Application
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required

from ..paging import queue_page
from ..queue_rows import queue_rows_html
from ..selectors import (
    OPEN_STATUSES,
    QUEUE_STATUSES,
    SORTS,
    QueueFilter,
    age_in_working_days,
    assignable_staff,
    counts_per_status,
    queue,
)
from ..services import DecisionConflict, case_assign

PAGE_SIZE = 25
_READERS = (StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR)


def _choice(value: str, allowed: set[str], default: str = "") -> str:
    return value if value in allowed else default


def read_filter(request: HttpRequest) -> QueueFilter:
    """The filter from the query string; anything not offered falls back to the default."""
    get = request.GET
    assigned = get.get("toegewezen", "")
    return QueueFilter(
        status=_choice(get.get("status", "open"), {"open", "alle", *Status.values}, "open"),
        kind=_choice(get.get("soort", ""), set(KindChoices.values)),
        organisation_type=_choice(get.get("type", ""), {t.value for t in OrganisatieType}),
        age=_choice(get.get("leeftijd", ""), {"binnen", "over"}),
        assigned=assigned if assigned in {"mij", "niemand"} or assigned.isdigit() else "",
        query=get.get("zoek", "")[:100],
        sort=_choice(get.get("sorteer", "oudste"), set(SORTS), "oudste"),
    )


def _query_string(filters: QueueFilter, **overrides: str) -> str:
    values = {
        "status": filters.status,
        "soort": filters.kind,
        "type": filters.organisation_type,
        "leeftijd": filters.age,
        "toegewezen": filters.assigned,
        "zoek": filters.query,
        "sorteer": filters.sort,
    }
    values.update(overrides)
    return urlencode({key: value for key, value in values.items() if value})


@require_GET
@staff_required(*_READERS)
def queue_view(request: HttpRequest) -> HttpResponse:
    filters = read_filter(request)
    page = queue_page(queue(filters, request.user), request.GET.get("pagina"), PAGE_SIZE)  # type: ignore[arg-type]
    rows = [(application, age_in_working_days(application)) for application in page.rows]
    assigned = filters.assigned
    return render(
        request,
        "review/queue.html",
        {
            "filters": filters,
            "page": page,
            "rows": rows,
            "rows_html": queue_rows_html(
                rows,
                service_level=settings.MIJNDUO_SERVICE_LEVEL_DAYS,
                open_statuses=OPEN_STATUSES,
            ),
            "counts": [
                (status, Status(status).label, count)
                for status, count in counts_per_status().items()
            ],
            "statuses": [(s, Status(s).label) for s in QUEUE_STATUSES],
            "kinds": KindChoices.choices,
            "organisation_types": [t.value for t in OrganisatieType],
            # (value, name, selected), so the template compares nothing per option.
            "staff": [
                (str(m.pk), m.get_full_name() or m.username, str(m.pk) == assigned)
                for m in assignable_staff()
            ],
            "sorts": SORTS,
            "query_string": _query_string(filters),
            "service_level": settings.MIJNDUO_SERVICE_LEVEL_DAYS,
            "open_statuses": OPEN_STATUSES,
            "nav": "queue",
            "base_query": _query_string(filters, status=""),
        },
    )


@require_POST
@staff_required(StaffRole.BEHANDELAAR)
def assign_view(request: HttpRequest, reference: str) -> HttpResponse:
    application = get_object_or_404(Application, reference=reference)
    try:
        case_assign(staff=request.user, application=application)  # type: ignore[arg-type]
    except DecisionConflict:
        messages.error(request, _("This application is closed and cannot be assigned."))
    else:
        messages.success(
            request, _("Application %(reference)s is assigned to you.") % {"reference": reference}
        )
    return redirect("review:application", reference=reference)
