"""Staff login: password, then the TOTP code (or setting up TOTP first), and logout.

After the password the session is logged in but not verified: no staff page opens
(permissions.staff_member_for) until a TOTP code is accepted here. Every step rotates
the session key; every outcome is audited by user id only.
"""

from base64 import b32encode
from typing import Any

import django_otp  # type: ignore[import-untyped]
import segno
from django.contrib import auth, messages
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .constants import SECRET_BLOCK_SIZE
from .forms import CodeForm, LoginForm
from .permissions import forbidden, is_verified
from .selectors import (
    confirmed_totp_device,
    is_staff_member,
    staff_actor,
    staff_user_by_username,
)
from .services import (
    LOGIN_ACTOR,
    staff_login_failure_record,
    staff_login_record,
    staff_logout_record,
    staff_totp_device_prepare,
    staff_totp_enrol,
)

# Where a completed login goes without a ?next=: the work queue (review:queue).
HOME = "/servicedesk/"
PREFIX = "/servicedesk/"


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """A path inside the back office to return to, or "" (never another host or area)."""
    if not candidate or not candidate.startswith(PREFIX) or "\\" in candidate:
        return ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


def _next_of(request: HttpRequest) -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next"))


def _to(url_name: str, next_path: str) -> HttpResponseRedirect:
    query = f"?{urlencode({'next': next_path})}" if next_path else ""
    return HttpResponseRedirect(reverse(url_name) + query)


def _second_step(user: Any, next_path: str) -> HttpResponseRedirect:
    if confirmed_totp_device(user) is not None:
        return _to("staff:verify", next_path)
    return _to("staff:enrol", next_path)


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    next_path = _next_of(request)
    if is_staff_member(request.user):
        if is_verified(request.user):
            return HttpResponseRedirect(next_path or HOME)
        return _second_step(request.user, next_path)
    form = LoginForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_valid():
        username = form.cleaned_data["username"]
        # Through django.contrib.auth, so django-axes sees every attempt.
        user = auth.authenticate(
            request=request, username=username, password=form.cleaned_data["password"]
        )
        if user is not None and is_staff_member(user):
            auth.login(request, user)  # rotates the session key
            return _second_step(user, next_path)
        if user is not None:
            # The right password of an account that is not staff (or has no role):
            # refused like a wrong password, and counted towards the lockout as one.
            user_login_failed.send(
                sender=__name__, credentials={"username": username}, request=request
            )
        reason = (
            "locked_out"
            if getattr(request, "axes_locked_out", False)
            else ("not_staff" if user is not None else "credentials")
        )
        known = staff_user_by_username(username)
        staff_login_failure_record(
            actor=LOGIN_ACTOR, reason=reason, user_id=known.pk if known else None
        )
        # When django-axes locked the login, its middleware replaces this response
        # with the lockout page (lockout.locked_out).
        form.add_error(None, _("The username or password is not right."))
        status = 400
    elif form.is_bound:
        status = 400
    return render(
        request,
        "identity/staff/login.html",
        {
            "form": form,
            "next": next_path,
            "expired": request.GET.get("verlopen") == "1",
            "portal_header": request.user.is_authenticated,
        },
        status=status,
    )


def _pending_staff(request: HttpRequest) -> tuple[User | None, HttpResponse | None]:
    """The staff member between password and code, or the response to send instead."""
    user = request.user
    next_path = _next_of(request)
    if not user.is_authenticated:
        return None, _to("staff:login", next_path)
    if not is_staff_member(user):
        return None, forbidden(request)
    if is_verified(user):
        return None, HttpResponseRedirect(next_path or HOME)
    return user, None


def _complete(request: HttpRequest, user: User, device: Any, *, enrolled: bool) -> HttpResponse:
    django_otp.login(request, device)
    # A new session key for the verified session as well (no fixation of a half login).
    request.session.cycle_key()
    staff_login_record(actor=staff_actor(user), user=user, enrolled=enrolled)
    return HttpResponseRedirect(_next_of(request) or HOME)


def _throttled_message(device: Any) -> str | None:
    allowed, _details = device.verify_is_allowed()
    if allowed:
        return None
    return _("Too many wrong codes. Wait a minute, then enter the newest code.")


def _code_page(
    request: HttpRequest, template: str, form: CodeForm, status: int, **extra: Any
) -> HttpResponse:
    context = {"form": form, "next": _next_of(request), **extra}
    return render(request, template, context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: the current code of the staff member's authenticator app."""
    user, refusal = _pending_staff(request)
    if refusal is not None or user is None:
        return refusal or forbidden(request)
    device = confirmed_totp_device(user)
    if device is None:
        return _to("staff:enrol", _next_of(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _code_page(
            request, "identity/staff/verify.html", form, 400 if form.is_bound else 200
        )
    throttled = _throttled_message(device)
    if throttled is None:
        verified = django_otp.verify_token(user, device.persistent_id, form.cleaned_data["code"])
        if verified is not None:
            return _complete(request, user, verified, enrolled=False)
        form.add_error("code", _("This code is not right. Enter the code your app shows now."))
        reason, status = "code", 400
    else:
        form.add_error("code", throttled)
        reason, status = "code_throttled", 429
    staff_login_failure_record(actor=staff_actor(user), reason=reason, user_id=user.pk)
    return _code_page(request, "identity/staff/verify.html", form, status)


def _grouped(secret: str) -> str:
    return " ".join(
        secret[i : i + SECRET_BLOCK_SIZE] for i in range(0, len(secret), SECRET_BLOCK_SIZE)
    )


def qr_svg(uri: str, label: str) -> SafeString:
    """The otpauth:// URI as an inline SVG QR code, with ``label`` as its text alternative."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="staff-qr__code", omitsize=True
    )
    # segno writes only markup of its own plus the path data; the label is escaped.
    return mark_safe(  # noqa: S308
        svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """First login (or after an MFA reset): set up an authenticator app, confirm a code."""
    user, refusal = _pending_staff(request)
    if refusal is not None or user is None:
        return refusal or forbidden(request)
    if confirmed_totp_device(user) is not None:
        return _to("staff:verify", _next_of(request))
    device = staff_totp_device_prepare(actor=staff_actor(user), user=user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_valid():
        throttled = _throttled_message(device)
        if throttled is None:
            enrolled = staff_totp_enrol(
                actor=staff_actor(user), user=user, token=form.cleaned_data["code"]
            )
            if enrolled is not None:
                return _complete(request, user, enrolled, enrolled=True)
            form.add_error("code", _("This code is not right. Enter the code your app shows now."))
            reason, status = "enrolment_code", 400
        else:
            form.add_error("code", throttled)
            reason, status = "code_throttled", 429
        staff_login_failure_record(actor=staff_actor(user), reason=reason, user_id=user.pk)
    elif form.is_bound:
        status = 400
    uri = device.config_url
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return _code_page(
        request,
        "identity/staff/enrol.html",
        form,
        status,
        secret=_grouped(secret),
        otpauth_uri=uri,
        qr=qr_svg(uri, _("QR code to set up your authenticator app. The key is also below.")),
    )


@never_cache
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated and is_staff_member(user):
        staff_logout_record(actor=staff_actor(user), user=user)
    auth.logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("staff:login")
