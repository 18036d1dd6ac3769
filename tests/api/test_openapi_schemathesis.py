"""Schemathesis against the generated OpenAPI document: no 5xx, every answer as documented."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/schema", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """Schemathesis drives the real WSGI handler, whose request signals close the
    connection after each request; that would end the test's transaction. Django's
    own test client disconnects them in the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def token(make_api_caller) -> str:
    return make_api_caller("schemathesis").key


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_api_conforms_to_its_openapi_document(case, token) -> None:
    # The document's rules reach beyond its shape (R3, R9, R14 …): a schema-valid body
    # may rightly get a 400 problem answer, so that one check does not apply here.
    # Every other check does, including "not a server error" and response conformance.
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"}, excluded_checks=[positive_data_acceptance]
    )
