"""Paper intake: a form received by post, entered by staff through the same validator.

The questions are the portal's (one list of questions, one validator); only the
KvK-nummer is typed here, because there is no eHerkenning login to take it from.
"""

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from mijnduo.aanvraag.constants import Beheerautorisatie
from mijnduo.aanvraag.validator import Problem, validate
from mijnduo.applications import files
from mijnduo.applications.constants import Channel
from mijnduo.applications.services import application_submit
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required
from mijnduo.identity.staff.selectors import staff_actor
from mijnduo.portal import questions as Q
from mijnduo.portal import texts
from mijnduo.registry.selectors import held_beheerautorisaties

_SCAN = "scan"
_EXTRA_PROBLEM_RULE = "intake"


def _document_from(posted: Any) -> dict[str, Any]:
    document: dict[str, Any] = {}
    kvk_nummer = str(posted.get("organisatie.kvkNummer", ""))
    for step in Q.STEPS:
        document = Q.apply_answers(document, step, posted, kvk_nummer)
    document.setdefault("ondertekening", {})
    document["ondertekening"]["datum"] = str(posted.get("ondertekening.datum", ""))
    document["ondertekening"]["akkoordGebruiksvoorwaarden"] = (
        posted.get("ondertekening.akkoordGebruiksvoorwaarden") == "ja"
    )
    return document


_KVK = Q.Question("organisatie.kvkNummer", "text", gettext_lazy("KvK-nummer"))
_DATUM = Q.Question(
    "ondertekening.datum",
    "text",
    gettext_lazy("Date of signing on the form"),
    gettext_lazy("As written on the form, for example 2026-11-27."),
)


def _page(
    request: HttpRequest,
    document: dict[str, Any],
    problems: tuple[Problem, ...],
    *,
    status: int = 200,
) -> HttpResponse:
    questions = [question for step in Q.STEPS for question in step.questions]
    questions = [_KVK if q.widget == "locked" else q for q in questions] + [_DATUM]
    bound = Q.bind(questions, document, problems)
    return render(
        request,
        "review/paper.html",
        {
            "q": bound,
            "problems": Q.shown(problems),
            "scan_problems": [p for p in problems if p.name == _SCAN],
            "akkoord": (document.get("ondertekening") or {}).get("akkoordGebruiksvoorwaarden"),
            "autorisatie_choices": [
                (b.value, texts.BEHEERAUTORISATIES[b.value][0]) for b in Beheerautorisatie
            ],
            "nav": "paper",
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@staff_required(StaffRole.BEHANDELAAR)
def paper_intake_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request, {"ondertekening": {}}, ())
    document = _document_from(request.POST)
    result = validate(document, held_lookup=held_beheerautorisaties)
    problems = result.problems
    upload = request.FILES.get(_SCAN)
    if upload is None:
        problems += (
            Problem(_SCAN, "required", _EXTRA_PROBLEM_RULE, _("Add the scan of the paper form.")),
        )
    if problems:
        return _page(request, document, problems, status=400)
    assert upload is not None  # noqa: S101 (checked above; narrows the type)
    actor = staff_actor(request.user)
    try:
        with transaction.atomic():
            application = application_submit(
                actor=actor, submitted=document, result=result, channel=Channel.POST
            )
            files.scan_add(
                actor=actor,
                application=application,
                naam=f"scan-{timezone.localdate():%Y%m%d}",
                content=upload.read(files.MAX_ATTACHMENT_BYTES + 1),
            )
    except files.AttachmentRefused as refused:
        scan_problems = tuple(Problem(_SCAN, p.code, p.rule, p.reason) for p in refused.problems)
        return _page(request, document, scan_problems, status=400)
    return redirect("review:application", reference=application.reference)
