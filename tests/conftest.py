"""Shared fixtures: a valid document per organisation type and an authenticated API client."""

import copy
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from mijnduo.audit.actors import SYSTEM
from sample_documents import VALID_DOCUMENT


@pytest.fixture(autouse=True, scope="session")
def _pages_recorded_by_the_test_client() -> Any:
    """Django's test client sees ``response.context`` of a Jinja2 page too: Django has
    its own templates send ``template_rendered`` in tests only, and so do the pages."""
    from django.test.signals import template_rendered

    from mijnduo.conf.jinja2 import PageTemplate

    plain = PageTemplate.render

    def render(self: PageTemplate, context: Any = None, request: Any = None) -> str:
        context = {} if context is None else context
        rendered = plain(self, context, request)
        template_rendered.send(sender=self, template=self, context=context)
        return rendered

    PageTemplate.render = render  # type: ignore[method-assign]
    yield
    PageTemplate.render = plain  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _no_user_read_with_an_earlier_session() -> Any:
    """What a session read found belongs to one request; a test is a fresh start too
    (a test that loads a session outside a request, or client.logout(), leaves it)."""
    from mijnduo.identity import sessions

    sessions._read_with_session.set(None)
    yield
    sessions._read_with_session.set(None)


@pytest.fixture
def document() -> dict[str, Any]:
    return copy.deepcopy(VALID_DOCUMENT)


class ApiCaller:
    """A Django test client that sends the token and JSON bodies."""

    def __init__(self, key: str, client: Any) -> None:
        self.key = key
        self.client_record = client
        self.http = Client()

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Token {self.key}", **(extra or {})}

    def post(
        self, path: str, body: Any = None, *, raw: bytes | str | None = None, **kw: Any
    ) -> Any:
        import json

        data = raw if raw is not None else json.dumps(body)
        content_type = kw.pop("content_type", "application/json")
        return self.http.post(
            path,
            data=data,
            content_type=content_type,
            headers=self.headers(kw.pop("headers", None)),
        )

    def get(self, path: str, **kw: Any) -> Any:
        return self.http.get(path, headers=self.headers(kw.pop("headers", None)))


@pytest.fixture
def make_api_caller(db: None) -> Callable[[str], ApiCaller]:
    from mijnduo.identity.services import api_client_create

    def make(name: str = "test-client") -> ApiCaller:
        client, key = api_client_create(actor=SYSTEM, name=name)
        return ApiCaller(key, client)

    return make


@pytest.fixture
def api(make_api_caller: Callable[[str], ApiCaller]) -> ApiCaller:
    return make_api_caller("test-client")
