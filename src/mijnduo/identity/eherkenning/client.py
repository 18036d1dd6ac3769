"""The SAML client: django-digid-eherkenning's, with single-use request IDs."""

from typing import Any

from digid_eherkenning.saml2.eherkenning import eHerkenningClient
from django.core.cache import cache
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError


class MijnDuoEherkenningClient(eHerkenningClient):
    """Consumes the AuthnRequest ID when its response arrives.

    The library keeps the ID in the cache for an hour and accepts any number of
    responses to it. Deleting it on first use means a replayed artifact (or a
    second response to the same request) is refused even if a broker served it.
    The cache must be shared by all workers (docs/eherkenning.md).
    """

    def verify_saml2_response(self, response: Any, client_ip_address: str) -> None:
        super().verify_saml2_response(response, client_ip_address)
        key = self.authn_storage.get_cache_key(response.get_in_response_to())
        # delete() reports whether this call removed the key, so of two concurrent
        # responses to one request only one gets through (Redis and database cache).
        if not cache.delete(key):
            raise OneLogin_Saml2_ValidationError(
                "The AuthnRequest of this response was already used",
                OneLogin_Saml2_ValidationError.WRONG_INRESPONSETO,
            )
