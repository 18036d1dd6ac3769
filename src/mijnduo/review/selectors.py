"""Reads for the service desk: the queue, the counts, an application's checks."""

import re
from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from mijnduo.applications.constants import OPEN_STATUSES, Status
from mijnduo.applications.models import Application

from .models import CheckResult, CheckRun, Decision
from .working_days import date_working_days_before, working_days_between

# What the service desk sees: everything that was submitted, not the portal's drafts.
QUEUE_STATUSES = (
    Status.INGEDIEND,
    Status.IN_BEHANDELING,
    Status.AANVULLING_GEVRAAGD,
    Status.GOEDGEKEURD,
    Status.AFGEWEZEN,
    Status.INGETROKKEN,
)

SORTS = {
    "oudste": ("submitted_at", "id"),
    "nieuwste": ("-submitted_at", "-id"),
    "referentie": ("reference",),
    "organisatie": ("organisation_naam", "id"),
}


@dataclass(frozen=True)
class QueueFilter:
    status: str = "open"  # "open", "alle" or one status
    kind: str = ""
    organisation_type: str = ""
    age: str = ""  # "", "binnen" (within the service level), "over"
    assigned: str = ""  # "", "mij", "niemand", or a staff user id
    query: str = ""
    sort: str = "oudste"


def _service_level_cutoff() -> datetime:
    """Submitted before this moment = older than the service level."""
    today = timezone.localdate()
    day = date_working_days_before(today, settings.MIJNDUO_SERVICE_LEVEL_DAYS)
    return timezone.make_aware(datetime.combine(day, time.min))


_REFERENCE = re.compile(r"^MDZ-?[0-9A-Z]{4}-?[0-9A-Z]{4}$")
_BRINCODE = re.compile(r"^[0-9]{2}[A-Z]{2}$")


def _search(query: str) -> Q:
    """What was typed, as the one thing it can be: a reference, a KvK-nummer, a BRIN
    code or a bestuursnummer are looked up exactly (on their indexes); anything else is
    part of an organisation's name. An OR over all of them made every search scan the
    whole table (bench/review_load.py)."""
    text = query.strip()
    compact = text.replace(" ", "").upper()
    if _REFERENCE.match(compact):
        digits = compact.replace("-", "").removeprefix("MDZ")
        return Q(reference=f"MDZ-{digits[:4]}-{digits[4:]}")
    if compact.isdigit() and len(compact) == 8:
        return Q(kvk_nummer=compact)
    if compact.isdigit() and len(compact) == 5:
        return Q(bestuursnummer=compact)
    if _BRINCODE.match(compact):
        return Q(brincode=compact)
    # The submitted_at condition changes no answer (the name columns are filled in
    # when an application is submitted, with submitted_at). It is there for
    # PostgreSQL's planner, which otherwise counts a name search by testing the pattern
    # on each of the open queue's entries in the sort-by-name index (cheap by its cost
    # model, ~4 ms at 14,000 open applications) rather than asking the trigram index
    # (~0.4 ms). With a column that index lacks, that plan needs the table too, and the
    # planner takes the trigram index (bench/review_load.py --explain).
    return Q(organisation_naam__icontains=text, submitted_at__isnull=False)


def queue(filters: QueueFilter, staff: User) -> QuerySet[Application]:
    # One condition on status, so the open view can use its partial index.
    if filters.status == "open":
        applications = Application.objects.filter(status__in=OPEN_STATUSES)
    elif filters.status in QUEUE_STATUSES:
        applications = Application.objects.filter(status=filters.status)
    else:
        applications = Application.objects.filter(status__in=QUEUE_STATUSES)
    if filters.kind:
        applications = applications.filter(kind=filters.kind)
    if filters.organisation_type:
        applications = applications.filter(organisation_type=filters.organisation_type)
    if filters.age == "over":
        applications = applications.filter(submitted_at__lt=_service_level_cutoff())
    elif filters.age == "binnen":
        applications = applications.filter(submitted_at__gte=_service_level_cutoff())
    if filters.assigned == "mij":
        applications = applications.filter(assigned_to=staff)
    elif filters.assigned == "niemand":
        applications = applications.filter(assigned_to__isnull=True)
    elif filters.assigned.isdigit():
        applications = applications.filter(assigned_to_id=int(filters.assigned))
    if filters.query.strip():
        applications = applications.filter(_search(filters.query))
    return (
        applications.select_related("assigned_to")
        .only(
            "reference",
            "status",
            "kind",
            "channel",
            "organisation_type",
            "organisation_naam",
            "kvk_nummer",
            "brincode",
            "bestuursnummer",
            "submitted_at",
            "assigned_to__first_name",
            "assigned_to__last_name",
            "assigned_to__username",
        )
        .order_by(*SORTS.get(filters.sort, SORTS["oudste"]))
    )


CLOSED_COUNTS_CACHE_KEY = "review:closed-status-counts"
CLOSED_COUNTS_SECONDS = 60


def _counts(statuses: tuple[str, ...]) -> dict[str, int]:
    rows = (
        Application.objects.filter(status__in=statuses)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = dict.fromkeys((str(s) for s in statuses), 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def counts_per_status() -> dict[str, int]:
    """How many applications per status. The open ones are counted exactly on every
    page (a partial index keeps that cheap); the decided ones only grow, are counted
    over the whole table (~16 ms at 100,000 rows) and may be a minute old."""
    closed = cache.get(CLOSED_COUNTS_CACHE_KEY)
    if closed is None:
        closed = _counts(tuple(s for s in QUEUE_STATUSES if s not in OPEN_STATUSES))
        cache.set(CLOSED_COUNTS_CACHE_KEY, closed, CLOSED_COUNTS_SECONDS)
    counts = _counts(tuple(str(s) for s in OPEN_STATUSES))
    return {str(status): {**counts, **closed}[str(status)] for status in QUEUE_STATUSES}


def age_in_working_days(application: Application) -> int | None:
    if application.submitted_at is None:
        return None
    return working_days_between(
        timezone.localtime(application.submitted_at).date(), timezone.localdate()
    )


def latest_run(application: Application) -> CheckRun | None:
    return CheckRun.objects.filter(application=application).order_by("-ran_at", "-id").first()


def run_results(run: CheckRun) -> list[CheckResult]:
    return list(CheckResult.objects.filter(run=run).order_by("id"))


def decisions(application: Application) -> list[Decision]:
    return list(
        Decision.objects.filter(application=application).select_related(
            "proposed_by", "confirmed_by"
        )
    )


def assignable_staff() -> list[User]:
    """Active staff members, for the queue's "assigned to" filter."""
    return list(
        User.objects.filter(is_staff=True, is_active=True, eherkenning_identity__isnull=True)
        .only("id", "username", "first_name", "last_name")
        .order_by("first_name", "username")
    )


def checks_stale(application: Application, run: CheckRun | None) -> bool:
    """No run yet, or the application changed since (e.g. the applicant answered)."""
    return run is None or run.ran_at < application.updated_at
