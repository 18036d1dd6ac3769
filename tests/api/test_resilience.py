"""A database outage answers 503 problem details; a failed submission leaves nothing behind."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

from mijnduo.applications.models import Application, StatusChange

URL = "/api/v1/aanvragen"


@pytest.mark.django_db
def test_database_unavailable_is_503_problem(api, document) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    with mock.patch.object(connection, "cursor", side_effect=refuse):
        response = api.post(URL, document)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    body = response.json()
    assert body["type"] == "/problemen/dienst-niet-beschikbaar"
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_failure_after_the_application_row_leaves_no_half_written_application(
    api, document
) -> None:
    with mock.patch(
        "mijnduo.applications.services.audit_record", side_effect=OperationalError("gone")
    ):
        response = api.post(URL, document)
    assert response.status_code == 503
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_unexpected_error_is_500_problem_without_stack_trace(api, document) -> None:
    with mock.patch("mijnduo.applications.services.audit_record", side_effect=RuntimeError("bug")):
        response = api.post(URL, document)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "RuntimeError" not in response.content.decode()
    assert Application.objects.count() == 0
