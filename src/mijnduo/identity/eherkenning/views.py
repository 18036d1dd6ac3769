"""Login, the assertion consumer service, refusals, logout and the session keep-alive."""

import logging

from digid_eherkenning.forms import SAML2Form
from digid_eherkenning.models import EherkenningConfiguration
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..models import EherkenningIdentity
from ..sessions import renew
from .attributes import LoginRefused, Refusal
from .backend import LoginCancelled, LoginFailed
from .client import MijnDuoEherkenningClient
from .constants import MINIMUM_LEVEL, SESSION_KEY, AssuranceLevel
from .services import identity_logout, record_refusal

logger = logging.getLogger(__name__)

# Outcomes that are not a Refusal of the assertion itself, but get a page as well.
CANCELLED = "geannuleerd"
FAILED = "mislukt"
REFUSAL_PAGES = {r.value for r in Refusal} | {CANCELLED, FAILED}


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """A local path to return to after login, or "" (never another host)."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//"):
        return ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


@never_cache
@require_http_methods(["GET", "POST"])
def login_start(request: HttpRequest) -> HttpResponse:
    """GET explains; POST sends the signed AuthnRequest to the broker (HTTP-POST binding)."""
    next_path = safe_next(request, request.GET.get("next") or request.POST.get("next"))
    if request.method == "GET":
        return render(
            request,
            "identity/login.html",
            {
                "next": next_path,
                "minimum_level": MINIMUM_LEVEL.label,
                "expired": request.GET.get("verlopen") == "1",
            },
        )
    if not EherkenningConfiguration.get_solo().entity_id:
        logger.error("eHerkenning login attempted but eHerkenning is not configured")
        return render(request, "identity/unavailable.html", status=503)
    client = MijnDuoEherkenningClient()
    location, parameters = client.create_authn_request(request)
    form = SAML2Form(initial={"SAMLRequest": parameters["SAMLRequest"], "RelayState": next_path})
    return render(request, "identity/post_binding.html", {"url": location, "form": form})


@never_cache
@require_GET
def assertion_consumer_service(request: HttpRequest) -> HttpResponse:
    artifact = request.GET.get("SAMLart", "")
    if not artifact:
        # Nothing came from a broker: no audit record, so stray requests cannot
        # fill the audit trail.
        return HttpResponseRedirect(resolve_url("eherkenning:refused", page=FAILED))
    try:
        user = auth.authenticate(request, eherkenning_artifact=artifact)
    except LoginRefused as refusal:
        too_low = refusal.reason is Refusal.LEVEL_TOO_LOW
        return _refused(request, refusal.reason.value, level=refusal.detail if too_low else "")
    except LoginCancelled:
        return _refused(request, CANCELLED)
    except LoginFailed:
        return _refused(request, FAILED)
    if user is None:
        return _refused(request, FAILED)
    session_data = request.eherkenning_session  # type: ignore[attr-defined]
    # Rotates the session key (no fixation). The session then lasts
    # SESSION_COOKIE_AGE (15 minutes), renewed by every request.
    auth.login(request, user)
    request.session[SESSION_KEY] = session_data
    target = safe_next(request, request.GET.get("RelayState")) or resolve_url(
        settings.LOGIN_REDIRECT_URL
    )
    return HttpResponseRedirect(target)


def _refused(request: HttpRequest, page: str, *, level: str = "") -> HttpResponse:
    record_refusal(page, level)
    # The level shown on the page is a label like "EH2+", not personal data.
    query = f"?{urlencode({'niveau': level})}" if level else ""
    return HttpResponseRedirect(resolve_url("eherkenning:refused", page=page) + query)


@never_cache
@require_GET
def refused(request: HttpRequest, page: str) -> HttpResponse:
    if page not in REFUSAL_PAGES:
        raise Http404
    shown_level = request.GET.get("niveau", "")
    if shown_level not in {level.label for level in AssuranceLevel}:
        shown_level = ""
    return render(
        request,
        f"identity/refused_{page}.html",
        {"minimum_level": MINIMUM_LEVEL.label, "level": shown_level},
        status=403 if page in {r.value for r in Refusal} else 200,
    )


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        identity = EherkenningIdentity.objects.filter(user=request.user).first()
        if identity is not None:
            identity_logout(identity)
    auth.logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("start")


@login_required
@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay logged in": the session's 15 minutes start again now."""
    renew(request)
    return HttpResponse(status=204)
