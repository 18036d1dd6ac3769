"""The simulator's pages and the broker's SAML endpoints.

Only routed when settings.MIJNDUO_EHERKENNING_SIMULATOR is on (conf/urls.py), and a
system check refuses that setting with DEBUG off.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnduo.identity.eherkenning.constants import AssuranceLevel
from mijnduo.registry.selectors import organisations_for_simulator

from .broker import Broker, BrokerError, Choice, Outcome
from .forms import SimulatorChoiceForm
from .setup import current_broker, current_service_provider

logger = logging.getLogger(__name__)

PENDING_PREFIX = "eh-simulator:authn:"
ARTIFACT_PREFIX = "eh-simulator:artifact:"
PENDING_SECONDS = 15 * 60
ARTIFACT_SECONDS = 5 * 60


def _broker() -> Broker:
    return current_broker(
        single_use_artifacts=getattr(settings, "MIJNDUO_EHERKENNING_SIMULATOR_SINGLE_USE", True)
    )


@require_GET
def metadata(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_broker().metadata(), content_type="application/samlmetadata+xml")


@csrf_exempt  # A broker receives this form from the SP's page: the signature is the proof.
@never_cache
@require_POST
def single_sign_on(request: HttpRequest) -> HttpResponse:
    data = request.POST
    try:
        authn_request = _broker().read_authn_request(
            data.get("SAMLRequest", ""), current_service_provider()
        )
    except BrokerError as error:
        logger.warning("Simulator refused an AuthnRequest: %s", error)
        return HttpResponseBadRequest(f"SIMULATOR: {error}", content_type="text/plain")
    ticket = secrets.token_urlsafe(24)
    cache.set(
        PENDING_PREFIX + ticket,
        {"request_id": authn_request.id, "relay_state": data.get("RelayState", "")[:200]},
        PENDING_SECONDS,
    )
    return redirect(f"{request.path.rsplit('/', 1)[0]}/kies?{urlencode({'ticket': ticket})}")


@never_cache
@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest) -> HttpResponse:
    ticket = request.GET.get("ticket", "")
    pending = cache.get(PENDING_PREFIX + ticket) if ticket else None
    if pending is None:
        return render(request, "identity/simulator/expired.html", status=400)
    organisations = organisations_for_simulator()
    form = SimulatorChoiceForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        cache.delete(PENDING_PREFIX + ticket)
        data = form.cleaned_data
        choice = Choice(
            kvk_nummer=data["kvk_nummer"] or data["organisation"] or "",
            person=data["person"],
            vestigingsnummer=data["vestigingsnummer"],
            level=AssuranceLevel(data["level"]),
            machtiging=data["machtiging"],
            outcome=Outcome(data["outcome"]),
        )
        broker = _broker()
        sp = current_service_provider()
        message = broker.response(sp=sp, in_response_to=pending["request_id"], choice=choice)
        artifact, handle = broker.new_artifact()
        cache.set(ARTIFACT_PREFIX + handle, message, ARTIFACT_SECONDS)
        query = {"SAMLart": artifact}
        if pending["relay_state"]:
            query["RelayState"] = pending["relay_state"]
        return redirect(f"{sp.acs_url}?{urlencode(query)}")
    return render(request, "identity/simulator/choose.html", {"form": form, "ticket": ticket})


@csrf_exempt  # Server-to-server SOAP; the XML signature is checked instead.
@require_POST
def artifact_resolution(request: HttpRequest) -> HttpResponse:
    broker = _broker()
    try:
        resolve_id, artifact = broker.read_artifact_resolve(
            request.body, current_service_provider()
        )
        handle = broker.handle_of(artifact)
    except BrokerError as error:
        logger.warning("Simulator refused an ArtifactResolve: %s", error)
        return HttpResponseBadRequest(f"SIMULATOR: {error}", content_type="text/plain")
    key = ARTIFACT_PREFIX + handle
    message = cache.get(key)
    # An artifact is good for one resolution (SAML bindings 3.6.5): whoever deletes
    # it first gets the message.
    if message is not None and broker.single_use_artifacts and not cache.delete(key):
        message = None
    body = broker.artifact_response(in_response_to=resolve_id, message=message)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
