"""An approval applied to the registry, inside the transaction of the decision."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from mijnduo.aanvraag.constants import Kind
from mijnduo.applications.models import Application
from mijnduo.audit.actors import Actor
from mijnduo.registry.models import Account, Organisation
from mijnduo.registry.selectors import account_for_email, organisation_for_document
from mijnduo.registry.services import (
    account_create,
    account_delete,
    beheerautorisaties_grant,
    beheerautorisaties_revoke,
    organisation_create,
    organisation_update,
    token_generator_return_expect,
)


class NothingToRevoke(Exception):
    """An intrekking names a beheerder the registry does not know for this organisation."""


def _organisation(actor: Actor, application: Application) -> Organisation:
    organisatie = application.document["organisatie"]
    organisation = organisation_for_document(organisatie)
    if organisation is None:
        return organisation_create(actor=actor, organisatie=organisatie)
    return organisation_update(actor=actor, organisation=organisation, organisatie=organisatie)


def _account(actor: Actor, application: Application) -> Account:
    beheerder = application.document["beheerder"]
    account = account_for_email(beheerder["email"])
    if account is None:
        account = account_create(actor=actor, naam=beheerder["naam"], email=beheerder["email"])
    return account


def approval_apply(*, actor: Actor, application: Application) -> None:
    """Aanmelding: organisation and account created or updated, beheerautorisaties granted.
    Wijziging: the change set granted and removed. Intrekking: the beheerder role removed
    (the account stays a user) or the account deleted, with a token generator return
    expected when a serial number was given. The caller holds the transaction."""
    basis = application.reference
    organisation = _organisation(actor, application)
    document = application.document
    if application.kind == Kind.INTREKKING:
        account = account_for_email(document["beheerder"]["email"])
        if account is None:
            raise NothingToRevoke(application.reference)
        intrekking = document.get("intrekking") or {}
        if intrekking.get("blijftGebruiker"):
            beheerautorisaties_revoke(
                actor=actor, account=account, organisation=organisation, codes=None, basis=basis
            )
            return
        account_delete(actor=actor, account=account, basis=basis)
        serienummer = intrekking.get("serienummerTokengenerator") or ""
        if serienummer:
            token_generator_return_expect(
                actor=actor,
                serienummer=serienummer,
                organisation=organisation,
                basis=basis,
                due_on=timezone.localdate() + timedelta(days=settings.MIJNDUO_TOKEN_RETURN_DAYS),
            )
        return
    account = _account(actor, application)
    if application.kind == Kind.AANMELDING:
        to_add = list(document.get("beheerautorisaties") or [])
    else:
        to_add = list(application.added)
        beheerautorisaties_revoke(
            actor=actor,
            account=account,
            organisation=organisation,
            codes=list(application.removed),
            basis=basis,
        )
    beheerautorisaties_grant(
        actor=actor, account=account, organisation=organisation, codes=to_add, basis=basis
    )
