"""The applicant's answer when DUO asks for more information (status aanvulling_gevraagd)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnduo.applications import files
from mijnduo.applications.constants import Status
from mijnduo.applications.services import MAX_RESPONSE_LENGTH, NotAwaitingInformation

from .application_views import status_page
from .permissions import applicant_for, own_application


@login_required
@require_POST
def application_respond_view(request: HttpRequest, reference: str) -> HttpResponse:
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    if application.status != Status.AANVULLING_GEVRAAGD:
        return redirect("portal:application-status", reference=application.reference)
    answer = request.POST.get("antwoord", "").strip()
    upload = request.FILES.get("bestand")
    errors: list[str] = []
    if not answer:
        errors.append(_("Write your answer to DUO's question."))
    elif len(answer) > MAX_RESPONSE_LENGTH:
        errors.append(
            _("Your answer is too long: use at most %(max)d characters.")
            % {"max": MAX_RESPONSE_LENGTH}
        )
    if not errors:
        try:
            files.application_answer(
                actor=applicant.actor,
                application=application,
                answer=answer,
                naam=request.POST.get("naam", "") or (upload.name if upload else "") or "",
                content=upload.read(files.MAX_ATTACHMENT_BYTES + 1) if upload else None,
            )
        except files.AttachmentRefused as error:
            errors.extend(str(problem.reason) for problem in error.problems)
        except NotAwaitingInformation:  # answered or decided meanwhile
            return redirect("portal:application-status", reference=application.reference)
    if errors:
        return status_page(request, application, answer=answer, errors=errors, status=400)
    messages.success(
        request, _("Thank you. DUO has your answer and goes on with your application.")
    )
    return redirect("portal:application-status", reference=application.reference)
