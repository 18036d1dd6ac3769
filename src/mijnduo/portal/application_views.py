"""The applicant's pages: their applications, the form page by page, check and sign."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnduo.aanvraag.validator import HeldLookup, Problem, ValidationResult
from mijnduo.applications import drafts, files, signing
from mijnduo.applications.constants import Status
from mijnduo.applications.models import Application, ApplicationFile
from mijnduo.applications.selectors import (
    ListedAttachment,
    applications_for_applicant,
    attachments_listed,
)
from mijnduo.applications.services import MAX_RESPONSE_LENGTH
from mijnduo.registry.selectors import held_beheerautorisaties, organisations_for_kvk

from . import questions as Q
from . import texts
from .permissions import (
    Applicant,
    applicant_for,
    own_application,
    own_application_and_attachments,
    own_application_and_held,
)
from .prefill import document_for_new_draft, fill_from_duo_register
from .summary import answers_summary

_DRAFT = Status.CONCEPT
# (code, label, toelichting) for every beheerautorisatie, in the form's order.
AUTORISATIE_CHOICES = tuple(
    (code, label, description) for code, (label, description) in texts.BEHEERAUTORISATIES.items()
)


def _draft_or_status_page(application: Application) -> HttpResponse | None:
    """Where to send someone who opens a form page of a non-draft: its status page."""
    if application.status != _DRAFT:
        return redirect("portal:application-status", reference=application.reference)
    return None


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    try:
        applicant = applicant_for(request)
    except Http404:
        # Logged in, but not for a KvK-nummer (an RSIN login): that page explains it.
        return redirect("mijn-organisatie")
    applications = applications_for_applicant(
        user_id=applicant.user_id, kvk_nummer=applicant.kvk_nummer
    )
    return render(
        request,
        "portal/applications/list.html",
        {
            "drafts": [a for a in applications if a.status == _DRAFT],
            "submitted": [a for a in applications if a.status != _DRAFT],
            "organisations": organisations_for_kvk(applicant.kvk_nummer),
            "kvk_nummer": applicant.kvk_nummer,
            "retention_days": settings.MIJNDUO_DRAFT_RETENTION_DAYS,
        },
    )


@login_required
@require_POST
def application_new(request: HttpRequest) -> HttpResponse:
    applicant = applicant_for(request)
    document = document_for_new_draft(applicant.kvk_nummer, request.POST.get("organisatie", ""))
    application = drafts.draft_create(
        actor=applicant.actor,
        applicant=request.user,  # type: ignore[arg-type]
        organisation_kvk=applicant.kvk_nummer,
        language=get_language() or "nl",
        document=document,
        applicant_level=applicant.level,
    )
    return redirect("portal:application-step", reference=application.reference, step="organisatie")


def _step_context(
    application: Application,
    step: Q.Step,
    document: dict[str, Any],
    problems: tuple[Problem, ...],
    applicant: Applicant,
    held: tuple[str, ...] = (),
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "application": application,
        "step": step,
        "steps": Q.STEPS,
        "previous": Q.step_before(step),
        "q": Q.bind(step.questions, document, problems),
        "problems": Q.shown(problems),
        "kvk_nummer": applicant.kvk_nummer,
        "autorisatie_choices": AUTORISATIE_CHOICES,
    }
    if step is Q.AUTORISATIES_STEP:
        context["held"] = [texts.beheerautorisatie_label(c) for c in held]
    if step is Q.ONDERTEKENING_STEP:
        context["applicant_email"] = Q.BoundQuestion(
            Q.APPLICANT_EMAIL,
            application.applicant_email,
            tuple(p for p in problems if p.name == Q.APPLICANT_EMAIL.path),
        )
    return context


def _held(application: Application, held_lookup: HeldLookup) -> tuple[str, ...]:
    """The beheerautorisaties the named beheerder holds now (for a wijziging)."""
    organisatie = application.document.get("organisatie") or {}
    email = (application.document.get("beheerder") or {}).get("email") or ""
    if not email:
        return ()
    held = held_lookup(organisatie, email)
    return tuple(code for code in texts.BEHEERAUTORISATIES if code in held)


def _with_current_set(document: dict[str, Any], held: tuple[str, ...]) -> dict[str, Any]:
    """A wijziging starts from the beheerder's current set, until the page is saved once."""
    if "beheerautorisaties" in document:
        return document
    return {**document, "beheerautorisaties": list(held)} if held else document


@login_required
@require_http_methods(["GET", "POST"])
def application_step(request: HttpRequest, reference: str, step: str) -> HttpResponse:
    applicant = applicant_for(request)
    page = Q.STEP_BY_SLUG.get(step)
    held_lookup: HeldLookup = held_beheerautorisaties
    if page is Q.AUTORISATIES_STEP and request.method == "GET":  # shows the held set
        application, held_lookup = own_application_and_held(applicant, reference)
    else:
        application = own_application(applicant, reference)
    if page is None:
        raise Http404
    if (elsewhere := _draft_or_status_page(application)) is not None:
        return elsewhere
    document = dict(application.submitted_document)
    problems: tuple[Problem, ...] = ()
    if request.method == "POST":
        document = Q.apply_answers(document, page, request.POST, applicant.kvk_nummer)
        looked_up = False
        if page is Q.ORGANISATIE_STEP and request.POST.get("actie") != "opslaan":
            # A BRIN code with an empty name or address: fill them in from DUO's open
            # register, and show the page again so the applicant can check them.
            document, looked_up = fill_from_duo_register(document)
        applicant_email = None
        if page is Q.ONDERTEKENING_STEP:
            applicant_email = request.POST.get(Q.APPLICANT_EMAIL.path, "").strip()[:254]
        application = drafts.draft_save(
            actor=applicant.actor,
            application=application,
            document=document,
            applicant_email=applicant_email,
            step=page.slug,
        )
        if request.POST.get("actie") == "opslaan":
            messages.success(request, _("Your answers have been saved. You can go on later."))
            return redirect("portal:applications")
        if looked_up:
            messages.info(
                request,
                _("We have filled in what DUO's register knows about this BRIN code. Check it."),
            )
            return redirect(
                "portal:application-step", reference=application.reference, step=page.slug
            )
        result = signing.validate_for_signing(document)
        problems = tuple(p for p in result.problems if page.owns_problem(p.name))
        if page is Q.ONDERTEKENING_STEP and not application.applicant_email:
            problems += (_applicant_email_problem(),)
        if not problems:
            following = Q.step_after(page)
            if following is None:
                return redirect("portal:application-check", reference=application.reference)
            return redirect(
                "portal:application-step", reference=application.reference, step=following.slug
            )
    held = _held(application, held_lookup) if page is Q.AUTORISATIES_STEP else ()
    if request.method == "GET":
        document = _with_current_set(document, held)
    return render(
        request,
        f"portal/applications/step_{page.slug}.html",
        _step_context(application, page, document, problems, applicant, held),
        status=400 if problems else 200,
    )


def _applicant_email_problem() -> Problem:
    return Problem(
        Q.APPLICANT_EMAIL.path,
        "required",
        "portal",
        _("Fill in your e-mail address, so we can send you the confirmation."),
    )


def _check_context(
    application: Application,
    result: ValidationResult,
    attachments: list[ListedAttachment],
) -> dict[str, Any]:
    problems = list(result.problems)
    if not application.applicant_email:
        problems.append(_applicant_email_problem())
    change = result.change_set
    return {
        "application": application,
        "steps": Q.STEPS,
        "result": result,
        "problems": Q.shown(problems),
        "sections": answers_summary(result.document, application.submitted_document),
        "kind": result.kind,
        "added": [texts.beheerautorisatie_label(c) for c in (change.added if change else ())],
        "removed": [texts.beheerautorisatie_label(c) for c in (change.removed if change else ())],
        "attachments": attachments,
        "can_sign": not problems,
        "signatory": (application.submitted_document.get("ondertekening") or {}),
    }


@login_required
@require_http_methods(["GET", "POST"])
def application_check(request: HttpRequest, reference: str) -> HttpResponse:
    """The whole application, its problems, the change set; then sign or send for signing."""
    applicant = applicant_for(request)
    attachments: list[ListedAttachment] | None = None
    held_lookup: HeldLookup = held_beheerautorisaties
    if request.method == "GET":  # shown after every step: one statement for all three
        application, attachments, held_lookup = own_application_and_attachments(
            applicant, reference
        )
    else:
        application = own_application(applicant, reference)
    if (elsewhere := _draft_or_status_page(application)) is not None:
        return elsewhere
    status = 200
    sign_problems: tuple[Problem, ...] = ()
    if request.method == "POST":
        action = request.POST.get("actie")
        signer = signing.Signer(
            user=request.user,  # type: ignore[arg-type]
            kvk_nummer=applicant.kvk_nummer,
            level=applicant.level,
        )
        try:
            if action == "zelf-ondertekenen":
                application = signing.application_sign_in_place(
                    actor=applicant.actor,
                    application=application,
                    signer=signer,
                    akkoord=request.POST.get("akkoord") == "ja",
                )
                messages.success(
                    request,
                    _("Thank you. Your application has been sent with reference %(reference)s.")
                    % {"reference": application.reference},
                )
                return redirect("portal:application-status", reference=application.reference)
            if action == "laten-ondertekenen":
                signing.signing_request_create(
                    actor=applicant.actor,
                    application=application,
                    link_for=lambda token: request.build_absolute_uri(
                        reverse("portal:sign", kwargs={"token": token})
                    ),
                )
                messages.success(
                    request,
                    _("We have sent the signatory an e-mail with a link to sign."),
                )
                return redirect("portal:application-status", reference=application.reference)
        except signing.DocumentHasProblems as error:
            sign_problems = error.result.problems
            status = 400
        application.refresh_from_db()
    if attachments is None:
        attachments = attachments_listed(application)
    result = signing.validate_for_signing(application.submitted_document, held_lookup=held_lookup)
    context = _check_context(application, result, attachments)
    context["sign_problems"] = Q.shown(sign_problems)
    context["akkoord_problems"] = [
        p.reason for p in sign_problems if p.name == "ondertekening.akkoordGebruiksvoorwaarden"
    ]
    return render(request, "portal/applications/check.html", context, status=status)


@login_required
@require_POST
def application_attach(request: HttpRequest, reference: str) -> HttpResponse:
    """Add a KvK uittreksel or another document (R17) to a draft."""
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    if (elsewhere := _draft_or_status_page(application)) is not None:
        return elsewhere
    upload = request.FILES.get("bestand")
    naam = request.POST.get("naam", "")
    content = upload.read(files.MAX_ATTACHMENT_BYTES + 1) if upload is not None else b""
    try:
        files.attachment_add(
            actor=applicant.actor, application=application, naam=naam, content=content
        )
    except files.AttachmentRefused as error:
        for problem in error.problems:
            messages.error(request, str(problem.reason))
    else:
        messages.success(request, _("The document has been added."))
    return redirect("portal:application-check", reference=application.reference)


@login_required
@require_POST
def application_delete(request: HttpRequest, reference: str) -> HttpResponse:
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    if (elsewhere := _draft_or_status_page(application)) is not None:
        return elsewhere
    drafts.draft_delete(actor=applicant.actor, application=application)
    messages.success(request, _("The draft has been deleted."))
    return redirect("portal:applications")


@login_required
def application_status(request: HttpRequest, reference: str) -> HttpResponse:
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    return status_page(request, application)


def status_page(
    request: HttpRequest,
    application: Application,
    *,
    answer: str = "",
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    history = list(application.history.all())
    questions = [c.reason for c in history if c.to_status == Status.AANVULLING_GEVRAAGD]
    return render(
        request,
        "portal/applications/status.html",
        {
            "application": application,
            "history": history,
            "question": questions[-1] if questions else "",
            "answer": answer,
            "respond_errors": errors or [],
            "max_answer": MAX_RESPONSE_LENGTH,
            "has_pdf": application.files.filter(purpose=ApplicationFile.Purpose.PDF).exists(),
            "attachments": attachments_listed(application),
            "sections": answers_summary(application.document, application.submitted_document),
        },
        status=status,
    )


@login_required
@require_POST
def application_withdraw_signing(request: HttpRequest, reference: str) -> HttpResponse:
    """Take an application waiting for its signature back, to change it."""
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    try:
        signing.signing_request_withdraw(actor=applicant.actor, application=application)
    except signing.SigningError:
        raise Http404 from None
    messages.success(request, _("The signing link no longer works. You can change the draft."))
    return redirect("portal:application-check", reference=application.reference)


@login_required
def application_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    applicant = applicant_for(request)
    application = own_application(applicant, reference)
    stored = application.files.filter(purpose=ApplicationFile.Purpose.PDF).first()
    if stored is None:
        raise Http404
    response = HttpResponse(bytes(stored.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{application.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
