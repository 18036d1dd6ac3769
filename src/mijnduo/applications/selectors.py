"""Reads of applications. Access checks live here, one condition per line."""

from dataclasses import dataclass
from functools import cache

from django.db import connections, router

from mijnduo.aanvraag.validator import HeldLookup
from mijnduo.db import Listed, select_one, select_one_also, select_one_listing
from mijnduo.identity.models import ApiClient
from mijnduo.registry.selectors import (
    held_beheerautorisaties,
    held_in_document_sql,
    held_lookup_answered,
)

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
    _check_applicant_lookup(kvk_nummer, reference)
    # Every form page reads its application: one plain statement (mijnduo.db).
    found = select_one(Application, **_applicants_own(user_id, kvk_nummer, reference))
    if found is None:
        raise Application.DoesNotExist
    return found


def application_and_held_for_applicant(
    *, user_id: int, kvk_nummer: str, reference: str
) -> tuple[Application, HeldLookup]:
    """``application_for_applicant`` (the same conditions), and in the same statement
    what the beheerder named in it holds: ``held_beheerautorisaties`` answered from that
    read when asked about that beheerder (the beheerautorisaties page shows it)."""
    _check_applicant_lookup(kvk_nummer, reference)
    held_sql = _held_in_document_sql()
    found = select_one_also(
        Application, held_sql, **_applicants_own(user_id, kvk_nummer, reference)
    )
    if found is None:
        raise Application.DoesNotExist
    application, held_json = found
    return application, _held_lookup(held_sql, application, held_json)


def application_and_attachments_for_applicant(
    *, user_id: int, kvk_nummer: str, reference: str
) -> tuple[Application, list["ListedAttachment"], HeldLookup]:
    """``application_for_applicant`` (the same conditions), ``attachments_listed``, and
    the held codes as ``application_and_held_for_applicant`` gives them, in one
    statement: the check page shows all three every time."""
    _check_applicant_lookup(kvk_nummer, reference)
    held_sql = _held_in_document_sql()
    found = select_one_listing(
        Application,
        _ATTACHMENTS,
        _ATTACHMENT_VALUES,
        held_sql,
        **_applicants_own(user_id, kvk_nummer, reference),
    )
    if found is None:
        raise Application.DoesNotExist
    application, rows, held_json = found
    attachments = [ListedAttachment(naam, size) for naam, size in rows]
    return application, attachments, _held_lookup(held_sql, application, held_json)


def _held_lookup(
    held_sql: str | None, application: Application, held_json: str | None
) -> HeldLookup:
    """The validator's lookup: answered from the read when it had the subquery."""
    if held_sql is None:
        return held_beheerautorisaties
    return held_lookup_answered(application.document, held_json)


def _held_in_document_sql() -> str | None:
    """The held codes' subquery over the application read (as p), for its database."""
    return _held_in_document_sql_for(router.db_for_read(Application))


@cache
def _held_in_document_sql_for(alias: str) -> str | None:
    connection = connections[alias]
    document = f"p.{connection.ops.quote_name(Application._meta.get_field('document').column)}"
    return held_in_document_sql(document, connection.vendor)


def _check_applicant_lookup(kvk_nummer: str, reference: str) -> None:
    if not is_reference(reference):
        raise Application.DoesNotExist
    if not kvk_nummer:
        raise Application.DoesNotExist


def _applicants_own(user_id: int, kvk_nummer: str, reference: str) -> dict[str, object]:
    """The conditions that make an application the applicant's own (see above)."""
    return {"reference": reference, "applicant_id": user_id, "organisation_kvk": kvk_nummer}


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


# The attachments as the check page lists them (attachments_listed), beside the application.
_ATTACHMENTS = Listed(
    model=ApplicationFile,
    foreign_key="application",
    equal=("purpose",),
    columns=("naam", "size"),
    order_by=("created_at", "id"),
)
_ATTACHMENT_VALUES = (ApplicationFile.Purpose.BIJLAGE.value,)  # for _ATTACHMENTS.equal


def attachments_listed(application: Application) -> list[ListedAttachment]:
    """The application's attachments (R17), oldest first: name and size, not content.

    The check page reads them together with its application
    (``application_and_attachments_for_applicant``); this is for the other pages.
    """
    rows = (
        ApplicationFile.objects.filter(
            application=application,
            **dict(zip(_ATTACHMENTS.equal, _ATTACHMENT_VALUES, strict=True)),
        )
        .order_by(*_ATTACHMENTS.order_by)
        .values_list(*_ATTACHMENTS.columns)
    )
    return [ListedAttachment(naam, size) for naam, size in rows]
