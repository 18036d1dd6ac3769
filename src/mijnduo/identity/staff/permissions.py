"""The one gate of every staff page: staff_required(...) or staff_member_for(request, ...).

The rules, in this order:
- nobody logged in: to the staff login, with ?next= back to the page;
- logged in, but an eHerkenning user, not is_staff, without a role, or inactive: 403
  ("for DUO service desk staff only"); not logged out, and no redirect, so no loop;
- a staff member whose session has no verified TOTP device yet: to the code page, or
  to the set-up page when they have no confirmed device;
- roles asked for and none of them held: 403.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from .constants import StaffRole
from .selectors import StaffMember, has_confirmed_totp_device, is_staff_member, staff_roles

P = ParamSpec("P")


class StaffAccessRefused(Exception):
    """Raised by staff_member_for; ``response`` is the redirect or the 403 page to send."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def is_verified(user: Any) -> bool:
    """Did this session pass the TOTP step? False when django-otp's middleware is absent."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def _with_next(url_name: str, request: HttpRequest) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


def forbidden(request: HttpRequest, *, staff: bool = False) -> HttpResponse:
    """The 403 page. ``staff``: a staff member lacking the role (shown their own header)."""
    return render(
        request, "identity/staff/forbidden.html", {"portal_header": not staff}, status=403
    )


def staff_member_for(request: HttpRequest, *roles: StaffRole) -> User:
    """The verified staff member of this request, or StaffAccessRefused (see module doc).

    With ``roles``, holding any one of them is enough. Also sets ``request.staff``
    (a StaffMember) for templates.
    """
    user = request.user
    if not user.is_authenticated:
        raise StaffAccessRefused(HttpResponseRedirect(_with_next("staff:login", request)))
    if not is_staff_member(user):
        raise StaffAccessRefused(forbidden(request))
    if not is_verified(user):
        target = "staff:verify" if has_confirmed_totp_device(user) else "staff:enrol"
        raise StaffAccessRefused(HttpResponseRedirect(_with_next(target, request)))
    member = StaffMember(user=user, roles=staff_roles(user))
    request.staff = member  # type: ignore[attr-defined]
    if roles and not member.has_role(*roles):
        raise StaffAccessRefused(forbidden(request, staff=True))
    return member.user


def staff_required(
    *roles: StaffRole,
) -> Callable[
    [Callable[Concatenate[HttpRequest, P], HttpResponse]],
    Callable[Concatenate[HttpRequest, P], HttpResponse],
]:
    """Decorator for function views: staff_member_for(request, *roles) first; never cached."""

    def decorator(
        view: Callable[Concatenate[HttpRequest, P], HttpResponse],
    ) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            try:
                staff_member_for(request, *roles)
            except StaffAccessRefused as refused:
                return refused.response
            return view(request, *args, **kwargs)

        return never_cache(wrapped)

    return decorator
