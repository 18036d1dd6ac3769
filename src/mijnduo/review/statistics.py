"""Management information: applications per week by kind and outcome, processing time."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from mijnduo.applications.constants import KindChoices, Status
from mijnduo.applications.models import Application

from .working_days import working_days_between

OUTCOMES = (Status.GOEDGEKEURD, Status.AFGEWEZEN, Status.INGETROKKEN)
# Processing time in working days: (label, lowest, highest or None).
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0–1", 0, 1),
    ("2–3", 2, 3),
    ("4–5", 4, 5),
    ("6–10", 6, 10),
    ("11–20", 11, 20),
    ("> 20", 21, None),
)


@dataclass(frozen=True)
class WeekRow:
    week_start: date
    submitted: dict[str, int]  # per kind
    decided: dict[str, int]  # per outcome status

    @property
    def submitted_total(self) -> int:
        return sum(self.submitted.values())


@dataclass(frozen=True)
class Statistics:
    weeks: list[WeekRow]
    processing: list[tuple[str, int]]
    decided_count: int
    median_days: int | None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_key(value: datetime | date) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _monday(value)


def statistics(weeks: int = 12, today: date | None = None) -> Statistics:
    """The last ``weeks`` weeks up to and including this one (Monday to Sunday)."""
    today = today or timezone.localdate()
    first = _monday(today) - timedelta(weeks=weeks - 1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    week_starts = [first + timedelta(weeks=i) for i in range(weeks)]
    submitted = {w: dict.fromkeys(KindChoices.values, 0) for w in week_starts}
    decided = {w: dict.fromkeys((str(s) for s in OUTCOMES), 0) for w in week_starts}
    per_kind = (
        Application.objects.filter(submitted_at__gte=start)
        .annotate(week=TruncWeek("submitted_at"))
        .values("week", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in per_kind:
        key = _week_key(row["week"])
        if key in submitted and row["kind"] in submitted[key]:
            submitted[key][row["kind"]] += row["n"]
    # Withdrawn applications have no decided_at: their week is the last status change.
    per_outcome = (
        Application.objects.filter(status__in=OUTCOMES, updated_at__gte=start)
        .annotate(week=TruncWeek("updated_at"))
        .values("week", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in per_outcome:
        key = _week_key(row["week"])
        if key in decided:
            decided[key][row["status"]] += row["n"]
    durations = sorted(
        working_days_between(
            timezone.localtime(submitted_at).date(), timezone.localtime(decided_at).date()
        )
        for submitted_at, decided_at in Application.objects.filter(
            decided_at__gte=start, submitted_at__isnull=False
        )
        .values_list("submitted_at", "decided_at")
        .iterator(chunk_size=5000)
    )
    processing = [
        (label, sum(1 for d in durations if low <= d and (high is None or d <= high)))
        for label, low, high in BUCKETS
    ]
    return Statistics(
        weeks=[WeekRow(w, submitted[w], decided[w]) for w in week_starts],
        processing=processing,
        decided_count=len(durations),
        median_days=durations[len(durations) // 2] if durations else None,
    )
