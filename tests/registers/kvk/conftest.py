"""Fixtures for the KvK register tests. Nothing here reaches the network."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import responses

from mijnduo.registers.kvk import KvkHttpRegister, signatory_register_reset

from .helpers import API_KEY, BASE_URL


@pytest.fixture
def http_mock() -> Iterator[responses.RequestsMock]:
    # Any request not registered fails with ConnectionError: nothing reaches the network.
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make_http(sleeps: list[float]) -> Callable[..., Any]:
    def make(**kwargs: Any) -> KvkHttpRegister:
        kwargs.setdefault("sleep", sleeps.append)
        return KvkHttpRegister(BASE_URL, API_KEY, **kwargs)

    return make


@pytest.fixture(autouse=True)
def _fresh_register() -> Iterator[None]:
    signatory_register_reset()
    yield
    signatory_register_reset()
