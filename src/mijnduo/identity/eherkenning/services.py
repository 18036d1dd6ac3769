"""Binding an eHerkenning login to an account, with its audit record."""

import secrets

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.audit.services import audit_record

from ..models import EherkenningIdentity
from .attributes import EherkenningLogin


def _find_or_create(login: EherkenningLogin) -> tuple[EherkenningIdentity, bool]:
    subject = {"kvk_nummer": login.kvk_nummer, "rsin": login.rsin, "pseudonym": login.pseudonym}
    identity = EherkenningIdentity.objects.select_related("user").filter(**subject).first()
    if identity is not None:
        return identity, False
    try:
        # A savepoint: if the same person's first login races in another tab, the
        # unique constraint stops the second insert and we use the first one's row.
        with transaction.atomic():
            # The username is opaque: no KvK-nummer or pseudonym leaks into places
            # that show usernames (logs, admin lists).
            user = User.objects.create_user(username=f"eh-{secrets.token_hex(12)}")
            user.set_unusable_password()
            user.save(update_fields=["password"])
            return EherkenningIdentity.objects.create(user=user, **subject), True
    except IntegrityError:
        return EherkenningIdentity.objects.select_related("user").get(**subject), False


def identity_login(login: EherkenningLogin) -> EherkenningIdentity:
    """Find or create the identity for (organisation, pseudonym) and record the login.

    The audit record says when, at which level, for which service and vestiging;
    it holds no name or e-mail (the actor is the identity's number).
    """
    with transaction.atomic():
        identity, created = _find_or_create(login)
        audit_record(
            actor=Actor(ActorKind.APPLICANT, f"eh-{identity.pk}"),
            action="eherkenning.login",
            subject_type="eherkenning_identity",
            subject_id=identity.pk,
            after={
                "new_identity": created,
                "level": login.level.label,
                "service_uuid": login.service_uuid,
                "vestigingsnummer": login.vestigingsnummer,
                "organisation": login.kvk_nummer or f"RSIN {login.rsin}",
            },
        )
    return identity


def identity_logout(identity: EherkenningIdentity) -> None:
    with transaction.atomic():
        audit_record(
            actor=Actor(ActorKind.APPLICANT, f"eh-{identity.pk}"),
            action="eherkenning.logout",
            subject_type="eherkenning_identity",
            subject_id=identity.pk,
        )


def record_refusal(reason: str, level_label: str = "") -> None:
    """A refused or failed login leaves a trace without any identifier of the person."""
    with transaction.atomic():
        audit_record(
            actor=Actor(ActorKind.SYSTEM, "eherkenning"),
            action="eherkenning.login_refused",
            subject_type="eherkenning_login",
            subject_id="-",
            after={"reason": reason, "level": level_label},
        )
