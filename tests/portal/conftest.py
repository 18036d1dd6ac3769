"""Portal fixtures: a person logged in with eHerkenning (the session the ACS view writes)."""

import secrets
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from mijnduo.identity.eherkenning.constants import SESSION_KEY, AssuranceLevel

from .answers import KVK

OTHER_KVK = "90000099"


def login(
    client: Client,
    user: Any,
    kvk_nummer: str = KVK,
    level: AssuranceLevel = AssuranceLevel.EH3,
) -> Client:
    """Log ``user`` in as the eHerkenning backend would, acting for ``kvk_nummer``."""
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = {
        "kvk_nummer": kvk_nummer,
        "rsin": "",
        "level": level.value,
        "vestigingsnummer": "",
    }
    session.save()
    return client


@pytest.fixture
def make_person(db: None) -> Callable[[], Any]:
    def make() -> Any:
        return get_user_model().objects.create_user(username=f"eh-{secrets.token_hex(6)}")

    return make


@pytest.fixture
def applicant(make_person: Callable[[], Any]) -> Any:
    return make_person()


@pytest.fixture
def applicant_client(applicant: Any) -> Client:
    return login(Client(), applicant)
