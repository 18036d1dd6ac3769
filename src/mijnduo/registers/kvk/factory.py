"""The process's register, chosen by settings (docs/kvk.md, "Configuration").

Built once per process: the HTTP client keeps its connection pool, the offline
register its parsed file. Changing a MIJNDUO_KVK_* setting (override_settings
in tests) drops the cached one; :func:`signatory_register_reset` does so by hand.
"""

import functools
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from .http import KvkHttpRegister
from .interface import SignatoryRegister
from .offline import OfflineRegister

DEMO_FILE = (
    Path(__file__).resolve().parent.parent.parent / "data" / "kvk" / "functionarissen-demo.json"
)
KINDS = ("offline", "http")


def _build() -> SignatoryRegister:
    kind = str(getattr(settings, "MIJNDUO_KVK_REGISTER", "offline") or "offline").strip().lower()
    if kind == "offline":
        return OfflineRegister(getattr(settings, "MIJNDUO_KVK_OFFLINE_FILE", "") or DEMO_FILE)
    if kind != "http":
        raise ImproperlyConfigured(
            f"MIJNDUO_KVK_REGISTER must be one of {', '.join(KINDS)}, not {kind!r}."
        )
    base_url = str(getattr(settings, "MIJNDUO_KVK_BASE_URL", "") or "").strip()
    api_key = str(getattr(settings, "MIJNDUO_KVK_API_KEY", "") or "").strip()
    if not base_url or not api_key:
        raise ImproperlyConfigured(
            "MIJNDUO_KVK_REGISTER=http needs MIJNDUO_KVK_BASE_URL and MIJNDUO_KVK_API_KEY "
            "(or set MIJNDUO_KVK_REGISTER=offline)."
        )
    if not base_url.startswith(("https://", "http://")):
        raise ImproperlyConfigured("MIJNDUO_KVK_BASE_URL must start with https://.")
    try:
        timeout = float(getattr(settings, "MIJNDUO_KVK_TIMEOUT", 5))
    except (TypeError, ValueError):
        raise ImproperlyConfigured("MIJNDUO_KVK_TIMEOUT must be a number of seconds.") from None
    if timeout <= 0:
        raise ImproperlyConfigured("MIJNDUO_KVK_TIMEOUT must be more than 0 seconds.")
    # Connecting should be quick; the read timeout is the configured one.
    return KvkHttpRegister(base_url, api_key, timeout=(min(3.0, timeout), timeout))


@functools.cache
def signatory_register() -> SignatoryRegister:
    """The register the R16 check uses in this process."""
    return _build()


def signatory_register_reset() -> None:
    """Forget the cached register (tests, or after changing settings at run time)."""
    signatory_register.cache_clear()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("MIJNDUO_KVK_"):
        signatory_register_reset()
