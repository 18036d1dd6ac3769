"""Creating and revoking API clients, audited in the same transaction."""

from django.db import transaction
from django.utils import timezone

from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record

from .models import ApiClient
from .tokens import hash_key, new_key, visible_prefix


@transaction.atomic
def api_client_create(*, actor: Actor, name: str) -> tuple[ApiClient, str]:
    """Create a client; return it with its key, which is not stored and cannot be shown again."""
    key = new_key()
    client = ApiClient.objects.create(
        name=name, key_hash=hash_key(key), key_prefix=visible_prefix(key)
    )
    audit_record(
        actor=actor,
        action="api_client.created",
        subject_type="api_client",
        subject_id=client.pk,
        after={"name": name, "keyPrefix": client.key_prefix},
    )
    return client, key


@transaction.atomic
def api_client_rotate(*, actor: Actor, client: ApiClient) -> str:
    """Give an existing client a new key; the old key stops working at once."""
    key = new_key()
    before = {"keyPrefix": client.key_prefix}
    client.key_hash = hash_key(key)
    client.key_prefix = visible_prefix(key)
    client.revoked_at = None
    client.save(update_fields=["key_hash", "key_prefix", "revoked_at"])
    audit_record(
        actor=actor,
        action="api_client.rotated",
        subject_type="api_client",
        subject_id=client.pk,
        before=before,
        after={"keyPrefix": client.key_prefix},
    )
    return key


@transaction.atomic
def api_client_revoke(*, actor: Actor, client: ApiClient) -> None:
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if client.revoked_at is not None:
        return
    client.revoked_at = timezone.now()
    client.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action="api_client.revoked",
        subject_type="api_client",
        subject_id=client.pk,
        after={"revokedAt": client.revoked_at.isoformat()},
    )
