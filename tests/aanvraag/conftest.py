"""Fixtures for the validator tests: these tests need no database."""

from typing import Any

import pytest
from django.utils import translation

from .documents import ORGANISATION_TYPES, build


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Reasons are rendered in English unless a test overrides the language."""
    with translation.override("en"):
        yield


@pytest.fixture(params=ORGANISATION_TYPES)
def org_type(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def base_document(org_type: str) -> dict[str, Any]:
    """A fresh valid document for each organisation type."""
    return build(org_type)
