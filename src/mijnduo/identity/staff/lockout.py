"""django-axes hooks: the client address it counts failures for, and the lockout page."""

import ipaddress
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """The address a lockout counts against (AXES_CLIENT_IP_CALLABLE).

    Behind MIJNDUO_PROXY_COUNT reverse proxies, each appending the address it received
    the request from to X-Forwarded-For, the client is that many entries from the
    right; entries further left are whatever the client sent and are not trusted.
    Without proxies (the default) it is REMOTE_ADDR.
    """
    count = int(getattr(settings, "MIJNDUO_PROXY_COUNT", 0))
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    remote = request.META.get("REMOTE_ADDR")
    return str(remote) if remote else None


def cool_off_minutes() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    hours = float(cool_off) if isinstance(cool_off, int | float) else 0.25
    return round(hours * 60)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page for a locked-out login (AXES_LOCKOUT_CALLABLE): wait, or call the beheerder.

    It names neither the username nor the address, and is the same whether or not the
    password was right.
    """
    return render(
        request,
        "identity/staff/locked_out.html",
        {"minutes": cool_off_minutes()},
        status=429,
    )
