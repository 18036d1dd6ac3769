"""Staff management, for functioneel beheerders only: list, create, roles, MFA, block, unlock."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .constants import StaffRole
from .forms import RolesForm, StaffCreateForm
from .permissions import staff_required
from .selectors import role_values_of, staff_account, staff_accounts, staff_actor
from .services import (
    staff_lockout_reset,
    staff_mfa_reset,
    staff_roles_set,
    staff_user_create,
    staff_user_deactivate,
)

ROLE_LABELS = dict(StaffRole.choices)


def _row(user: User) -> dict[str, object]:
    return {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "roles": [ROLE_LABELS[value] for value in role_values_of(user)],
        "role_values": role_values_of(user),
        "has_mfa": bool(getattr(user, "has_mfa", False)),
    }


@staff_required(StaffRole.FUNCTIONEEL_BEHEERDER)
@require_GET
def members(request: HttpRequest) -> HttpResponse:
    rows = [_row(user) for user in staff_accounts()]
    return render(request, "identity/staff/members.html", {"rows": rows, "nav": "members"})


@staff_required(StaffRole.FUNCTIONEEL_BEHEERDER)
@require_http_methods(["GET", "POST"])
def member_create(request: HttpRequest) -> HttpResponse:
    form = StaffCreateForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = staff_user_create(
                actor=staff_actor(request.user),
                username=data["username"],
                naam=data["naam"],
                email=data["email"],
                roles=data["roles"],
                password=data["password"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(
                request,
                _("The account is created. At the first login its owner sets up the app."),
            )
            return HttpResponseRedirect(reverse("staff:member", args=[created.pk]))
    if form.is_bound:
        status = 400
    return render(
        request,
        "identity/staff/member_create.html",
        {"form": form, "nav": "members"},
        status=status,
    )


# The actions on one staff member's page: the button's value -> what it does.
ROLES, MFA_RESET, DEACTIVATE, UNLOCK = "rollen", "mfa-herstellen", "blokkeren", "ontgrendelen"


@staff_required(StaffRole.FUNCTIONEEL_BEHEERDER)
@require_http_methods(["GET", "POST"])
def member(request: HttpRequest, pk: int) -> HttpResponse:
    account = staff_account(pk)
    if account is None:
        raise Http404
    row = _row(account)
    roles_form = RolesForm(initial={"roles": row["role_values"]})
    problem = ""
    if request.method == "POST":
        action = request.POST.get("actie", "")
        actor = staff_actor(request.user)
        try:
            if action == ROLES:
                roles_form = RolesForm(request.POST)
                if roles_form.is_valid():
                    staff_roles_set(
                        actor=actor, user=account, roles=roles_form.cleaned_data["roles"]
                    )
                    messages.success(request, _("The roles are saved."))
                    return HttpResponseRedirect(request.path)
            elif action == MFA_RESET:
                staff_mfa_reset(actor=actor, user=account)
                messages.success(
                    request,
                    _("The authenticator app is removed; the next login sets up a new one."),
                )
                return HttpResponseRedirect(request.path)
            elif action == DEACTIVATE:
                staff_user_deactivate(actor=actor, user=account)
                messages.success(request, _("The account is blocked."))
                return HttpResponseRedirect(request.path)
            elif action == UNLOCK:
                staff_lockout_reset(actor=actor, user=account)
                messages.success(request, _("Failed logins are forgotten; the account can log in."))
                return HttpResponseRedirect(request.path)
            else:
                problem = _("Choose one of the buttons.")
        except ValidationError as error:
            problem = " ".join(error.messages)
    return render(
        request,
        "identity/staff/member.html",
        {
            "row": row,
            "account": account,
            "roles_form": roles_form,
            "problem": problem,
            "actions": {
                "roles": ROLES,
                "mfa_reset": MFA_RESET,
                "deactivate": DEACTIVATE,
                "unlock": UNLOCK,
            },
            "nav": "members",
        },
        status=400 if request.method == "POST" else 200,
    )
