"""The start page, the problem-type pages and the error pages."""

import logging
import sys

from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from mijnduo.aanvraag.constants import Beheerautorisatie
from mijnduo.applications.api.problems import (
    ALL_PROBLEM_TYPES,
    INTERNAL,
    NOT_FOUND,
    UNAVAILABLE,
    problem_json_response,
)
from mijnduo.identity.selectors import represented_organisation

logger = logging.getLogger(__name__)


def start(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/start.html",
        {"codes": [code.value for code in Beheerautorisatie]},
    )


@login_required
def my_organisation(request: HttpRequest) -> HttpResponse:
    """Where a login lands: which organisation the person represents, per eHerkenning."""
    return render(
        request,
        "portal/my_organisation.html",
        {"represented": represented_organisation(request)},
    )


def health(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: the process answers. Touches no database on purpose."""
    return JsonResponse({"status": "ok"})


def problem_type(request: HttpRequest, slug: str) -> HttpResponse:
    for problem in ALL_PROBLEM_TYPES:
        if problem.slug == slug:
            return render(request, "portal/problem_type.html", {"problem": problem})
    raise Http404


def _wants_problem_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_problem_json(request):
        return problem_json_response(request, NOT_FOUND)
    return render(request, "portal/error.html", {"problem": NOT_FOUND}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its exception handling, so the error is still current.
    error = sys.exc_info()[1]
    problem = UNAVAILABLE if isinstance(error, (OperationalError, InterfaceError)) else INTERNAL
    if _wants_problem_json(request):
        return problem_json_response(request, problem)
    response = render(request, "portal/error.html", {"problem": problem}, status=problem.status)
    if problem is UNAVAILABLE:
        response["Retry-After"] = "30"
    return response
