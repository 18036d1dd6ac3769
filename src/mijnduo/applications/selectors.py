"""Reads of applications. Access checks live here, one condition per line."""

from dataclasses import dataclass
from functools import cache
from typing import cast

from django.db import connections, router
from django.db.models import Field

from mijnduo.db import select_one
from mijnduo.identity.models import ApiClient

from .models import Application, ApplicationFile
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


def application_for_applicant(*, user_id: int, kvk_nummer: str, reference: str) -> Application:
    """The applicant's own portal application, or Application.DoesNotExist.

    Both conditions hold: the same person (user) and the same organisation
    (KvK-nummer of the current eHerkenning login). Someone else's application, or
    one's own while logged in for another organisation, looks the same as none.
    """
    if not is_reference(reference):
        raise Application.DoesNotExist
    if not kvk_nummer:
        raise Application.DoesNotExist
    # Every form page reads its application: one plain statement (mijnduo.db).
    found = select_one(
        Application,
        reference=reference,
        applicant_id=user_id,
        organisation_kvk=kvk_nummer,
    )
    if found is None:
        raise Application.DoesNotExist
    return found


def applications_for_applicant(*, user_id: int, kvk_nummer: str) -> list[Application]:
    """The applicant's drafts and applications for this organisation, newest first."""
    if not kvk_nummer:
        return []
    return list(
        Application.objects.filter(applicant_id=user_id, organisation_kvk=kvk_nummer)
        .only("reference", "status", "kind", "updated_at", "document")
        .order_by("-updated_at")[:200]
    )


@dataclass(frozen=True, slots=True)
class ListedAttachment:
    naam: str
    size: int


def attachments_listed(application: Application) -> list[ListedAttachment]:
    """The application's attachments (R17), oldest first: name and size, not content.

    One plain statement (ADR 0003): the check page lists them every time it is shown.
    """
    alias = router.db_for_read(ApplicationFile)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            _attachments_sql(alias), [application.pk, ApplicationFile.Purpose.BIJLAGE.value]
        )
        return [ListedAttachment(naam, size) for naam, size in cursor.fetchall()]


@cache
def _attachments_sql(alias: str) -> str:
    meta = ApplicationFile._meta
    quote = connections[alias].ops.quote_name
    naam, size, of, purpose, created_at, pk = (
        quote(str(cast(Field, meta.get_field(name)).column))
        for name in ("naam", "size", "application", "purpose", "created_at", "id")
    )
    # Only names from the model's metadata are interpolated; values are parameters.
    return (
        f"SELECT {naam}, {size} FROM {quote(meta.db_table)} "  # noqa: S608
        f"WHERE {of} = %s AND {purpose} = %s ORDER BY {created_at}, {pk}"
    )
