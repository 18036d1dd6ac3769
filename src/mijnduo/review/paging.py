"""Pages of the work queue that cost what the page asks for, not what the table holds.

Django's paginator counts every matching row on every page. With 100,000 applications
that count alone cost ~15–25 ms on PostgreSQL (bench/review_load.py). Here the count
stops a few pages past the one asked for: page 1 counts at most 11 pages' worth, page
500 at most 510 pages' worth. When there are more, the page says "more than".
"""

from dataclasses import dataclass
from math import ceil
from typing import Any

from django.db.models import QuerySet

LOOK_AHEAD_PAGES = 10


@dataclass(frozen=True)
class QueuePage:
    rows: list[Any]
    number: int
    count: int
    capped: bool  # True: at least ``count`` rows match; the rest was not counted
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.count / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages or self.capped

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def queue_page(queryset: QuerySet[Any], raw_number: str | None, page_size: int) -> QueuePage:
    number = int(raw_number) if raw_number and raw_number.isdigit() else 1
    number = max(1, min(number, 100_000))
    limit = (number + LOOK_AHEAD_PAGES) * page_size + 1
    counted = queryset.order_by()[:limit].count()
    capped = counted == limit
    count = limit - 1 if capped else counted
    last = max(1, ceil(count / page_size))
    if not capped and number > last:
        number = last  # past the end: the last page, as Django's get_page does
    start = (number - 1) * page_size
    # A deferred join in one statement: the page's ids are picked from the index (deep
    # pages skip thousands of entries without reading the rows), then only those rows
    # are read, and sorted again (25 rows) by the same order.
    page_ids = queryset.values("pk")[start : start + page_size]
    rows = list(queryset.filter(pk__in=page_ids))
    return QueuePage(rows=rows, number=number, count=count, capped=capped, page_size=page_size)
