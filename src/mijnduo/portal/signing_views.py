"""The signatory's page: reached by the link in their e-mail, after eHerkenning login."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mijnduo.aanvraag.validator import Problem
from mijnduo.applications import signing
from mijnduo.applications.models import Application, SigningRequest

from .permissions import applicant_for
from .questions import shown
from .summary import answers_summary

MAX_REASON = 2000


def _link_refused(request: HttpRequest) -> HttpResponse:
    # One page for unknown, used and expired links: nothing to learn by probing.
    return render(request, "portal/signing/link_refused.html", status=410)


def _page(
    request: HttpRequest,
    signing_request: SigningRequest,
    problems: tuple[Problem, ...] = (),
    reason_error: str = "",
    status: int = 200,
) -> HttpResponse:
    application: Application = signing_request.application
    return render(
        request,
        "portal/signing/sign.html",
        {
            "application": application,
            "sections": answers_summary(application.document, application.submitted_document),
            "added": application.added,
            "removed": application.removed,
            "problems": shown(problems),
            "reason_error": reason_error,
            "expires_at": signing_request.expires_at,
        },
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, token: str) -> HttpResponse:
    person = applicant_for(request)
    try:
        signing_request = signing.signing_request_for_token(token)
    except signing.LinkNotUsable:
        return _link_refused(request)
    if signing_request.application.organisation_kvk != person.kvk_nummer:
        return render(request, "portal/signing/wrong_organisation.html", status=403)
    if request.method == "GET":
        return _page(request, signing_request)
    signer = signing.Signer(
        user=request.user,  # type: ignore[arg-type]
        kvk_nummer=person.kvk_nummer,
        level=person.level,
    )
    try:
        if request.POST.get("actie") == "weigeren":
            reason = request.POST.get("reden", "").strip()
            if not reason:
                return _page(
                    request,
                    signing_request,
                    reason_error=_("Give a reason, so the applicant knows what to change."),
                    status=400,
                )
            signing.application_decline_by_link(
                actor=person.actor, token=token, signer=signer, reason=reason[:MAX_REASON]
            )
            return render(request, "portal/signing/declined.html")
        application = signing.application_sign_by_link(
            actor=person.actor,
            token=token,
            signer=signer,
            akkoord=request.POST.get("akkoord") == "ja",
        )
    except signing.DocumentHasProblems as error:
        return _page(request, signing_request, problems=error.result.problems, status=400)
    except signing.WrongOrganisation:
        return render(request, "portal/signing/wrong_organisation.html", status=403)
    except signing.LinkNotUsable:
        return _link_refused(request)
    messages.success(request, _("Thank you. You have signed the application."))
    return render(request, "portal/signing/signed.html", {"application": application})
