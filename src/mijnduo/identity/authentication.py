"""`Authorization: Token <key>` for the JSON API."""

from dataclasses import dataclass

from rest_framework import authentication, exceptions
from rest_framework.request import Request

from mijnduo.audit.actors import Actor, ActorKind

from .models import ApiClient
from .selectors import active_client_by_key_hash
from .tokens import hash_key


@dataclass(frozen=True, slots=True)
class ApiPrincipal:
    """The authenticated caller of the API (DRF's ``request.user``)."""

    client: ApiClient
    is_authenticated: bool = True
    is_active: bool = True

    @property
    def actor(self) -> Actor:
        return Actor(ActorKind.API_CLIENT, str(self.client.pk))


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[ApiPrincipal, ApiClient] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header.")
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        client = active_client_by_key_hash(hash_key(key))
        if client is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return ApiPrincipal(client), client

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
