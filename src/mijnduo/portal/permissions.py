"""Who may do what on the portal: the only way portal views load an application.

Every condition on its own line; every branch is tested (tests/portal).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.http import Http404, HttpRequest

from mijnduo.aanvraag.validator import HeldLookup
from mijnduo.applications.models import Application
from mijnduo.applications.selectors import (
    ListedAttachment,
    application_and_attachments_for_applicant,
    application_and_held_for_applicant,
    application_for_applicant,
)
from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.identity.eherkenning.constants import SESSION_KEY, AssuranceLevel

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Applicant:
    """The logged-in person as their eHerkenning login describes them."""

    user_id: int
    kvk_nummer: str
    level: str  # "EH3" or "EH4"

    @property
    def actor(self) -> Actor:
        return Actor(ActorKind.APPLICANT, str(self.user_id))


def applicant_for(request: HttpRequest) -> Applicant:
    """The applicant behind a request; 404 when there is no eHerkenning login.

    Views call this after ``login_required``: a session without eHerkenning data (or
    with data that does not parse) never reaches an application.
    """
    if not request.user.is_authenticated:
        raise Http404
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        raise Http404
    kvk_nummer = str(data.get("kvk_nummer") or "")
    if not kvk_nummer:
        raise Http404
    try:
        level = AssuranceLevel(str(data.get("level") or "")).label
    except ValueError as error:
        raise Http404 from error
    return Applicant(user_id=int(request.user.pk), kvk_nummer=kvk_nummer, level=level)


def own_application(applicant: Applicant, reference: str) -> Application:
    """The applicant's own application for their current organisation, else 404."""
    return _own(application_for_applicant, applicant, reference)


def own_application_and_held(
    applicant: Applicant, reference: str
) -> tuple[Application, HeldLookup]:
    """``own_application`` (the same conditions, else 404) and what its beheerder holds."""
    return _own(application_and_held_for_applicant, applicant, reference)


def own_application_and_attachments(
    applicant: Applicant, reference: str
) -> tuple[Application, list[ListedAttachment], HeldLookup]:
    """``own_application`` (the same conditions, else 404), its attachments and what its
    beheerder holds."""
    return _own(application_and_attachments_for_applicant, applicant, reference)


def _own(read: Callable[..., T], applicant: Applicant, reference: str) -> T:
    """``read`` (a selector that applies the applicant's conditions) for this applicant:
    their person and their current organisation; 404 when it finds nothing."""
    try:
        return read(user_id=applicant.user_id, kvk_nummer=applicant.kvk_nummer, reference=reference)
    except Application.DoesNotExist as error:
        raise Http404 from error
