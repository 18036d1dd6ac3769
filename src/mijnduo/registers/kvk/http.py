"""The KvK functionarissen API over HTTPS.

``GET {base_url}/functionarissen/kvknummer/{kvk}`` with the header
``apikey: <key>``. Connection errors, timeouts and 500/502/503/504 are retried
a few times with a short backoff; any other failure is not, because asking
again gives the same answer. Every failure becomes :class:`RegisterUnavailable`
(the check then says "unknown"); only a 404 with a JSON body means "no such
registration" (an HTML 404 is a wrong URL or a proxy, not an answer).

Logs name the KvK-nummer and the failure class only: never a response body,
which holds names and dates of birth.
"""

import logging
import re
import time
from collections.abc import Callable
from typing import Any

import requests
from django.utils import timezone

from .interface import Inschrijving, RegisterUnavailable
from .mapping import ResponseShapeError, inschrijving_from_json

logger = logging.getLogger(__name__)

_KVK_NUMMER = re.compile(r"[0-9]{8}")
RETRY_STATUSES = frozenset({500, 502, 503, 504})


class KvkHttpRegister:
    source = "kvk_api"

    def __init__(
        self,
        base_url: str,
        api_key: str,
        timeout: tuple[float, float] = (3.0, 5.0),
        retries: int = 2,
        session: requests.Session | None = None,
        *,
        backoff: float = 0.25,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self.retries = max(0, retries)
        self.session = session or requests.Session()
        self.backoff = backoff
        self._sleep = sleep

    def __repr__(self) -> str:
        # Never the API key.
        return f"KvkHttpRegister({self.base_url!r})"

    def url(self, kvk_nummer: str) -> str:
        return f"{self.base_url}/functionarissen/kvknummer/{kvk_nummer}"

    def inschrijving(self, kvk_nummer: str) -> Inschrijving | None:
        if not _KVK_NUMMER.fullmatch(kvk_nummer):
            return None  # no registration has such a number; and it never reaches a URL
        response = self._get(kvk_nummer)
        if response.status_code == 404:
            if _json(response) is None:
                raise self._unavailable(kvk_nummer, "unexpected_404")
            return None
        if response.status_code in (401, 403):
            raise self._unavailable(kvk_nummer, "auth", level=logging.ERROR)
        if response.status_code >= 500:
            raise self._unavailable(kvk_nummer, "server_error")
        if response.status_code != 200:
            raise self._unavailable(kvk_nummer, "client_error")
        data = _json(response)
        if data is None:
            raise self._unavailable(kvk_nummer, "bad_response")
        try:
            return inschrijving_from_json(data, kvk_nummer=kvk_nummer, today=timezone.localdate())
        except ResponseShapeError:
            raise self._unavailable(kvk_nummer, "bad_response") from None

    def _get(self, kvk_nummer: str) -> requests.Response:
        headers = {"apikey": self._api_key, "Accept": "application/json"}
        failure = "connection"
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = self.session.get(
                    self.url(kvk_nummer), headers=headers, timeout=self.timeout
                )
            except requests.Timeout:
                failure = "timeout"
            except requests.ConnectionError:
                failure = "connection"
            except requests.RequestException:
                raise self._unavailable(kvk_nummer, "request_error") from None
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                failure = "server_error"
            logger.info(
                "KvK register attempt %d for %s failed: %s", attempt + 1, kvk_nummer, failure
            )
        raise self._unavailable(kvk_nummer, failure)

    @staticmethod
    def _unavailable(
        kvk_nummer: str, reason: str, *, level: int = logging.WARNING
    ) -> RegisterUnavailable:
        logger.log(level, "KvK register unavailable for %s: %s", kvk_nummer, reason)
        return RegisterUnavailable(reason)


def _json(response: requests.Response) -> Any:
    """The body as JSON, or None when it is not JSON (an HTML error page)."""
    try:
        return response.json()
    except ValueError:  # requests' JSONDecodeError is a ValueError
        return None
