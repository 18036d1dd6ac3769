"""RFC 9457 problem details for every error the API returns.

Validation failures carry the ``invalidParams`` extension (form.md §3). No
error ever shows a stack trace; database outages answer 503.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.response import Response

from mijnduo.aanvraag.validator import Problem

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_PATH = "/problemen/"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: Promise


VALIDATION = ProblemType(
    "validatiefout",
    400,
    _("The application is incomplete or not filled in correctly."),
)
MALFORMED = ProblemType("ongeldige-json", 400, _("The request body is not a valid JSON object."))
BAD_REQUEST = ProblemType("ongeldig-verzoek", 400, _("The request is not valid."))
UNAUTHENTICATED = ProblemType("niet-geauthenticeerd", 401, _("Authentication is needed."))
FORBIDDEN = ProblemType("geen-toegang", 403, _("You may not do this."))
NOT_FOUND = ProblemType("niet-gevonden", 404, _("Not found."))
METHOD_NOT_ALLOWED = ProblemType("methode-niet-toegestaan", 405, _("Method not allowed."))
NOT_ACCEPTABLE = ProblemType("niet-acceptabel", 406, _("This response format is not available."))
IDEMPOTENCY_IN_USE = ProblemType(
    "idempotentie-conflict", 409, _("This Idempotency-Key is being used by another request.")
)
STATUS_CONFLICT = ProblemType(
    "status-staat-het-niet-toe", 409, _("The status of the application does not allow this.")
)
TOO_LARGE = ProblemType("te-groot", 413, _("The request body is larger than 1 MB."))
UNSUPPORTED_MEDIA_TYPE = ProblemType(
    "mediatype-niet-ondersteund", 415, _("Send the document as application/json.")
)
IDEMPOTENCY_MISMATCH = ProblemType(
    "idempotentie-sleutel-hergebruikt",
    422,
    _("This Idempotency-Key was already used for a different request body."),
)
THROTTLED = ProblemType("te-veel-verzoeken", 429, _("Too many requests."))
INTERNAL = ProblemType("interne-fout", 500, _("Something went wrong on our side."))
UNAVAILABLE = ProblemType(
    "dienst-niet-beschikbaar", 503, _("The service is temporarily unavailable. Try again later.")
)

ALL_PROBLEM_TYPES = (
    VALIDATION,
    MALFORMED,
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    IDEMPOTENCY_IN_USE,
    STATUS_CONFLICT,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    IDEMPOTENCY_MISMATCH,
    THROTTLED,
    INTERNAL,
    UNAVAILABLE,
)
_BY_STATUS = {p.status: p for p in ALL_PROBLEM_TYPES if p not in (MALFORMED, IDEMPOTENCY_IN_USE)}


class ApiProblem(exceptions.APIException):
    """An error with a problem type and, for validation failures, the invalid params."""

    def __init__(
        self,
        problem_type: ProblemType,
        detail: Promise | str | None = None,
        invalid_params: Iterable[Problem] = (),
    ) -> None:
        # Rendered now: the request's language is already active.
        super().__init__(detail=str(detail or problem_type.title))
        self.status_code = problem_type.status
        self.problem_type = problem_type
        self.invalid_params = tuple(invalid_params)


class RequestTooLarge(ApiProblem):
    def __init__(self) -> None:
        super().__init__(TOO_LARGE)


def invalid_params(problems: Iterable[Problem]) -> list[dict[str, str]]:
    return [{"name": p.name, "code": p.code, "reason": str(p.reason)} for p in problems]


def problem_body(
    problem_type: ProblemType,
    *,
    detail: str | None = None,
    instance: str | None = None,
    problems: Iterable[Problem] = (),
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PATH + problem_type.slug,
        "title": str(problem_type.title),
        "status": problem_type.status,
    }
    if detail and detail != body["title"]:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    params = invalid_params(problems)
    if params:
        body["invalidParams"] = params
    return body


def problem_response(
    problem_type: ProblemType,
    *,
    detail: str | None = None,
    instance: str | None = None,
    problems: Iterable[Problem] = (),
    headers: dict[str, str] | None = None,
) -> Response:
    response = Response(
        problem_body(problem_type, detail=detail, instance=instance, problems=problems),
        status=problem_type.status,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    response["Content-Language"] = get_language() or "nl"
    return response


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception becomes problem details."""
    request = context.get("request")
    instance = request.path if request is not None else None
    if isinstance(exc, ApiProblem):
        return problem_response(
            exc.problem_type,
            detail=str(exc.detail),
            instance=instance,
            problems=exc.invalid_params,
        )
    if isinstance(exc, (OperationalError, InterfaceError)):
        logger.error("database unavailable: %s", type(exc).__name__)
        return problem_response(UNAVAILABLE, instance=instance, headers={"Retry-After": "30"})
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        headers: dict[str, str] = {}
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        wait = getattr(exc, "wait", None)
        if wait:
            headers["Retry-After"] = str(int(wait))
        problem_type = MALFORMED if isinstance(exc, exceptions.ParseError) else None
        problem_type = problem_type or _BY_STATUS.get(exc.status_code, BAD_REQUEST)
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(
            problem_type, detail=detail and str(detail), instance=instance, headers=headers
        )
    logger.exception("unhandled error in API view %s", type(exc).__name__)
    return problem_response(INTERNAL, instance=instance)


def problem_json_response(request: HttpRequest, problem_type: ProblemType) -> JsonResponse:
    """The same body for errors raised outside DRF views (Django's handler404/handler500)."""
    response = JsonResponse(
        problem_body(problem_type, instance=request.path),
        status=problem_type.status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    if problem_type is UNAVAILABLE:
        response["Retry-After"] = "30"
    return response
