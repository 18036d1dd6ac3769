"""`mijnduo apitoken`: keys printed once, stored only as a hash, revocable."""

import io

import pytest
from django.core.management import CommandError, call_command

from mijnduo.audit.models import AuditRecord
from mijnduo.identity.models import ApiClient
from mijnduo.identity.tokens import hash_key

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("apitoken", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_create_prints_the_key_once_and_stores_only_its_hash() -> None:
    key, message = _run("create", "leerlingadministratie")
    client = ApiClient.objects.get(name="leerlingadministratie")
    assert key.startswith("mdb_")
    assert len(key) > 40
    assert "shown once" in message
    assert client.key_hash == hash_key(key)
    assert key not in {client.key_hash, client.key_prefix}
    assert key.startswith(client.key_prefix)
    assert AuditRecord.objects.filter(action="api_client.created").count() == 1


def test_created_key_authenticates_and_revoked_key_does_not(document) -> None:
    from django.test import Client

    key, _ = _run("create", "sis")
    http = Client()

    def call() -> int:
        return http.post(
            "/api/v1/aanvragen/valideer",
            document,
            content_type="application/json",
            headers={"Authorization": f"Token {key}"},
        ).status_code

    assert call() == 200
    out, _ = _run("revoke", "sis")
    assert "revoked" in out
    assert call() == 401


def test_rotate_replaces_the_key() -> None:
    old, _ = _run("create", "sis")
    new, _ = _run("rotate", "sis")
    assert new != old
    assert ApiClient.objects.get(name="sis").key_hash == hash_key(new)


def test_duplicate_name_and_unknown_name_are_clear_errors() -> None:
    _run("create", "sis")
    with pytest.raises(CommandError, match="already exists"):
        _run("create", "sis")
    with pytest.raises(CommandError, match="No API client"):
        _run("revoke", "onbekend")


def test_list_shows_prefix_and_state_never_the_key() -> None:
    key, _ = _run("create", "sis")
    out, _ = _run("list")
    assert "sis" in out
    assert key not in out
