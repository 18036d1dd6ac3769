"""The queue's statements can use the indexes made for them (issue 5's benchmark:
docs/performance.md). The table gets a few thousand rows (copies of one submitted
application, mostly decided, of all organisation types) and fresh statistics, and the
plans are read with sequential scans discouraged: a test database is small enough that
PostgreSQL would otherwise rather read the whole table."""

import itertools
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection

from mijnduo.applications.models import Application
from mijnduo.review.selectors import QueueFilter, queue

from .conftest import submit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the trigram index and plans are PostgreSQL's"
    ),
]


def plan(queryset: Any, *settings: str) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", *settings):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture(autouse=True)
def many_applications() -> None:
    original = Application.objects.get(pk=submit().pk)
    statuses = itertools.cycle(["goedgekeurd"] * 8 + ["ingediend", "in_behandeling"])
    types = itertools.cycle(["school", "bestuur", "gemeente", "deurwaarder", "anders"])
    fields = [f for f in Application._meta.concrete_fields if not f.primary_key]
    copies = []
    for number in range(2000):
        copy = Application(**{f.attname: getattr(original, f.attname) for f in fields})
        copy.reference = f"MDZ-{number:04d}-TEST"
        copy.status = next(statuses)
        copy.organisation_type = next(types)
        copy.organisation_naam = f"Organisatie {number}"
        copies.append(copy)
    Application.objects.bulk_create(copies)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE applications_application")


def test_a_name_search_uses_the_trigram_index() -> None:
    # The expression Django writes for the queue's name search (selectors._search),
    # alone: in an empty table the planner would rather filter the open queue's rows.
    search = Application.objects.filter(organisation_naam__icontains="regenboog").values("pk")
    assert "Bitmap Index Scan on applications_naam_trgm_idx" in plan(search)


def test_a_name_search_of_the_open_queue_uses_its_own_trigram_index() -> None:
    # As paging.queue_page counts: without an order, at most eleven pages.
    staff = User.objects.create(username="b")
    counted = queue(QueueFilter(query="organisatie 1234"), staff).order_by().values("pk")[:276]
    assert "Bitmap Index Scan on applications_open_naam_trgm_idx" in plan(counted)


def test_the_open_queue_sorted_by_name_reads_its_own_index() -> None:
    staff = User.objects.create(username="b")
    page_ids = queue(QueueFilter(sort="organisatie"), staff).values("pk")[:25]
    assert "applications_open_naam_idx" in plan(page_ids)


def test_the_open_queue_of_one_organisation_type_reads_its_own_index() -> None:
    staff = User.objects.create(username="b")
    page_ids = queue(QueueFilter(organisation_type="gemeente"), staff).values("pk")[:25]
    assert "applications_open_type_idx" in plan(page_ids)
