"""Token generators DUO expects back after an account was deleted; staff mark receipt."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required
from mijnduo.identity.staff.selectors import staff_actor
from mijnduo.registry.models import TokenGeneratorReturn
from mijnduo.registry.selectors import token_generator_returns_open
from mijnduo.registry.services import AlreadyReceived, token_generator_return_receive


@require_http_methods(["GET", "POST"])
@staff_required(StaffRole.BEHANDELAAR)
def token_returns_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        raw_id = request.POST.get("id", "")
        expected = get_object_or_404(
            TokenGeneratorReturn, pk=int(raw_id) if raw_id.isdigit() else 0
        )
        try:
            token_generator_return_receive(
                actor=staff_actor(request.user), expected=expected, received_on=timezone.localdate()
            )
        except AlreadyReceived:
            messages.error(request, _("This token generator was already marked as received."))
        else:
            messages.success(
                request,
                _("Token generator %(serial)s is marked as received.")
                % {"serial": expected.serienummer},
            )
        return redirect("review:token-returns")
    return render(
        request,
        "review/token_returns.html",
        {"open": token_generator_returns_open(), "today": timezone.localdate(), "nav": "tokens"},
    )
