"""The authentication backend: artifact in, Django user out, or a clear refusal."""

import base64
import logging
from typing import Any

from digid_eherkenning.models import EherkenningConfiguration
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import User
from django.http import HttpRequest
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError

from mijnduo.db import select_one
from mijnduo.identity.sessions import user_read_with_session

from .attributes import EherkenningLogin, check_login, read_login
from .client import MijnDuoEherkenningClient
from .services import identity_login

logger = logging.getLogger(__name__)


class LoginCancelled(Exception):
    """The person stopped at the broker (SAML status AuthnFailed)."""


class LoginFailed(Exception):
    """The broker reported an error, or the answer failed a check (signature, time, replay)."""


def _is_type_4_artifact(artifact: str) -> bool:
    """SAML 2.0 artifact format (type 0x0004, 44 bytes), checked before the library sees it.

    The library's own check refers to an error code its SAML package lacks and
    crashes; a hand-made or truncated URL must give the error page instead.
    """
    try:
        raw = base64.b64decode(artifact, validate=True)
    except ValueError:
        return False
    return len(raw) == 44 and raw[:2] == b"\x00\x04"


def _resolve(request: HttpRequest, artifact: str) -> EherkenningLogin:
    if not _is_type_4_artifact(artifact):
        raise LoginFailed("malformed artifact")
    client = MijnDuoEherkenningClient()
    try:
        response = client.artifact_resolve(request, artifact)
        attributes = response.get_attributes()
        authn_contexts = response.get_authn_contexts()
    except OneLogin_Saml2_ValidationError as error:
        if error.code == OneLogin_Saml2_ValidationError.STATUS_CODE_AUTHNFAILED:
            raise LoginCancelled from error
        # The reason goes to the log for operators; it holds no personal data
        # (identifiers are encrypted and never part of these messages).
        logger.warning("eHerkenning response refused: %s", error)
        raise LoginFailed(str(error)) from error
    except (OneLogin_Saml2_Error, OSError, ValueError) as error:
        # OSError: the broker cannot be reached; ValueError: an answer the library
        # cannot decode.
        logger.warning("eHerkenning artifact resolution failed: %s", type(error).__name__)
        raise LoginFailed(type(error).__name__) from error
    return read_login(attributes, authn_contexts)


class EherkenningBackend(BaseBackend):
    """Logs in a person who came back from the broker with an artifact.

    Refuses (raising LoginRefused, LoginCancelled or LoginFailed for the view to
    explain) a level below EH3, a ServiceUUID other than Mijn DUO's, and anything
    the SAML checks reject. Never answers for a password login.
    """

    def authenticate(
        self, request: HttpRequest | None, eherkenning_artifact: str | None = None, **kwargs: Any
    ) -> User | None:
        if request is None or not eherkenning_artifact:
            return None
        login = _resolve(request, eherkenning_artifact)
        config = EherkenningConfiguration.get_solo()
        check_login(login, mijn_duo_service_uuid=str(config.eh_service_uuid))
        identity = identity_login(login)
        # auth.login() may flush the session (another user was logged in), so the
        # ACS view stores this in the session after logging the user in.
        request.eherkenning_session = {  # type: ignore[attr-defined]
            "kvk_nummer": login.kvk_nummer,
            "rsin": login.rsin,
            "level": login.level.value,
            "vestigingsnummer": login.vestigingsnummer,
        }
        return identity.user

    def get_user(self, user_id: int) -> User | None:
        # Every logged-in request reads its user: with the session when it can (the
        # session store read it along), else in one plain statement (mijnduo.db).
        read, user = user_read_with_session(user_id)
        if read:
            return user  # type: ignore[return-value]
        return select_one(User, id=user_id, is_active=True)
