"""Reads of applications. Access checks live here, one condition per line."""

from mijnduo.identity.models import ApiClient

from .models import Application
from .references import is_reference


def application_for_api_client(client: ApiClient, reference: str) -> Application | None:
    """The client's own application, or None: another client's looks the same as none."""
    if not is_reference(reference):
        return None
    return (
        Application.objects.filter(reference=reference, api_client=client)
        .prefetch_related("history")
        .first()
    )


def application_by_idempotency_key(client: ApiClient, key: str) -> Application | None:
    return Application.objects.filter(api_client=client, idempotency_key=key).first()
