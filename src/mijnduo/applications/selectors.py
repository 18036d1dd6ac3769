"""Reads of applications. Access checks live here, one condition per line."""

from dataclasses import dataclass

from mijnduo.db import Listed, select_one, select_one_listing
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
    _check_applicant_lookup(kvk_nummer, reference)
    # Every form page reads its application: one plain statement (mijnduo.db).
    found = select_one(Application, **_applicants_own(user_id, kvk_nummer, reference))
    if found is None:
        raise Application.DoesNotExist
    return found


def application_and_attachments_for_applicant(
    *, user_id: int, kvk_nummer: str, reference: str
) -> tuple[Application, list["ListedAttachment"]]:
    """``application_for_applicant`` (the same conditions) and ``attachments_listed``,
    in one statement: the check page shows both every time."""
    _check_applicant_lookup(kvk_nummer, reference)
    found = select_one_listing(
        Application,
        _ATTACHMENTS,
        _ATTACHMENT_VALUES,
        **_applicants_own(user_id, kvk_nummer, reference),
    )
    if found is None:
        raise Application.DoesNotExist
    application, rows = found
    return application, [ListedAttachment(naam, size) for naam, size in rows]


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
