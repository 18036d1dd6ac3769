"""Concurrent submissions with one Idempotency-Key store one application (real concurrency)."""

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from mijnduo.applications.models import Application

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a server database for real concurrency; CI runs this on PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_racing_requests_with_one_key_store_one_application(api, document) -> None:
    workers = 8
    barrier = threading.Barrier(workers)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def submit() -> None:
        try:
            barrier.wait()
            response = Client().post(
                "/api/v1/aanvragen",
                json.dumps(document),
                content_type="application/json",
                headers={"Authorization": f"Token {api.key}", "Idempotency-Key": "race-1"},
            )
            with lock:
                answers.append((response.status_code, response.json().get("referentie", "")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [status for status, _ in answers] == [201] * workers
    assert len({reference for _, reference in answers}) == 1
    assert Application.objects.count() == 1
