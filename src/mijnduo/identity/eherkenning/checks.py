"""System checks: a simulator left on, missing or expiring certificates, a per-process cache."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.db import DatabaseError
from django.utils import timezone

EXPIRY_WARNING = dt.timedelta(days=30)


@register("mijnduo")
def simulator_only_in_development(**kwargs: Any) -> list[CheckMessage]:
    if settings.MIJNDUO_EHERKENNING_SIMULATOR and not settings.DEBUG:
        return [
            Error(
                "The eHerkenning simulator is on while DEBUG is off.",
                hint="Unset MIJNDUO_EHERKENNING_SIMULATOR in production; anyone could log in "
                "as any organisation through it.",
                id="mijnduo.E001",
            )
        ]
    return []


@register("mijnduo")
def shared_cache(**kwargs: Any) -> list[CheckMessage]:
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.DEBUG and backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The default cache is not shared between processes.",
                hint="eHerkenning pairs a response with its request through the cache; with "
                "several workers use the database cache (default) or Redis (MIJNDUO_CACHE_URL).",
                id="mijnduo.W002",
            )
        ]
    return []


@register("mijnduo")
def eherkenning_certificates(**kwargs: Any) -> list[CheckMessage]:
    # Imported here: the check module loads before the app registry is ready.
    from digid_eherkenning.exceptions import CertificateProblem
    from digid_eherkenning.models import ConfigCertificate, EherkenningConfiguration

    try:
        config = EherkenningConfiguration.get_solo()
        if not config.entity_id:
            return [
                Warning(
                    "eHerkenning is not configured: nobody can log in.",
                    hint="Run `mijnduo eherkenning configure` (docs/eherkenning.md), or "
                    "`mijnduo loaddemo` for the development simulator.",
                    id="mijnduo.W003",
                )
            ]
        offered = list(ConfigCertificate.objects.for_config(config))
        try:
            current, _next = config.select_certificates()
        except CertificateProblem:
            expired = [c for c in offered if c.certificate.expiry_date <= timezone.now()]
            return [
                Error(
                    "eHerkenning has no valid SP certificate"
                    + (" (all offered certificates have expired)." if expired else "."),
                    hint="Add a key pair: `mijnduo eherkenning add-certificate`.",
                    id="mijnduo.E004",
                )
            ]
        remaining = current.expiry_date - timezone.now()
        if remaining < EXPIRY_WARNING and _next is None:
            return [
                Warning(
                    f"The eHerkenning SP certificate expires in {remaining.days} days "
                    "and no next certificate is ready.",
                    hint="Add the next key pair with an activation date and send the new "
                    "metadata to the broker (docs/eherkenning.md).",
                    id="mijnduo.W005",
                )
            ]
    except DatabaseError:
        # Before `migrate` there is nothing to check yet.
        return []
    return []
