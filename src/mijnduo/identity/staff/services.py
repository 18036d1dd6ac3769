"""Every change to staff accounts and their logins, each with its audit record.

Audit records name the staff member by user id only: no username, name, e-mail or
password ever goes into ``before``/``after``.
"""

import re
from collections.abc import Iterable

from axes.utils import reset as axes_reset  # type: ignore[import-untyped]
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.audit.services import audit_record

from .constants import USERNAME_PATTERN, StaffRole
from .selectors import active_functioneel_beheerders, forget_cached_roles, staff_roles

SUBJECT = "staff_user"
# Failed logins of someone not (yet) known are recorded under this actor.
LOGIN_ACTOR = Actor(ActorKind.SYSTEM, "staff-login")
NAME_MAX_LENGTH = 150


def _clean_roles(roles: Iterable[str]) -> list[str]:
    values = sorted(set(roles))
    unknown = [value for value in values if value not in StaffRole.values]
    if unknown or not values:
        raise ValidationError({"roles": _("Choose at least one role.")})
    return values


def _role_groups(values: Iterable[str]) -> list[Group]:
    # get_or_create: the data migration makes the groups, but a database flushed by a
    # transactional test (or restored without them) must not break staff management.
    return [Group.objects.get_or_create(name=value)[0] for value in values]


def _roles_of(user: User) -> list[str]:
    return sorted(user.groups.filter(name__in=StaffRole.values).values_list("name", flat=True))


def _refuse_if_last_functioneel_beheerder(user: User) -> None:
    """Someone must remain who can manage staff: the last one cannot be removed."""
    # Locking the role's group row serialises concurrent changes of this rule.
    Group.objects.select_for_update().filter(name=StaffRole.FUNCTIONEEL_BEHEERDER).first()
    others = active_functioneel_beheerders().exclude(pk=user.pk)
    if (
        user.is_active
        and not others.exists()
        and StaffRole.FUNCTIONEEL_BEHEERDER in _roles_of(user)
    ):
        raise ValidationError(
            _("This is the last active functional administrator; appoint another one first.")
        )


@transaction.atomic
def staff_user_create(
    *,
    actor: Actor,
    username: str,
    naam: str,
    email: str,
    roles: Iterable[str],
    password: str,
) -> User:
    """Create a staff account. Raises ValidationError (by field) and changes nothing then.

    The password is checked with Django's password validators (AUTH_PASSWORD_VALIDATORS)
    and stored as an Argon2 hash. The account has no TOTP device: the first login sets
    one up.
    """
    errors: dict[str, list[str]] = {}
    username = username.strip().lower()
    naam = " ".join(naam.split())
    email = email.strip()
    if not re.fullmatch(USERNAME_PATTERN, username):
        errors["username"] = [
            _(
                "Use 2 to 50 lower case letters, digits, dots, hyphens or underscores, "
                "starting with a letter or digit."
            )
        ]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("This username is taken.")]
    if not naam or len(naam) > NAME_MAX_LENGTH:
        errors["naam"] = [_("Enter the full name (at most 150 characters).")]
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter an e-mail address like name@duo.nl.")]
    try:
        role_values = _clean_roles(roles)
    except ValidationError as error:
        errors.update(error.message_dict)
        role_values = []
    try:
        validate_password(password, user=User(username=username, first_name=naam, email=email))
    except ValidationError as error:
        errors["password"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=username, email=email, password=password, first_name=naam, is_staff=True
            )
    except IntegrityError as error:
        # The same username created at the same moment elsewhere.
        raise ValidationError({"username": [_("This username is taken.")]}) from error
    user.groups.set(_role_groups(role_values))
    audit_record(
        actor=actor,
        action="staff.created",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"roles": role_values},
    )
    return user


@transaction.atomic
def staff_roles_set(*, actor: Actor, user: User, roles: Iterable[str]) -> None:
    """Give the staff member exactly these roles (at least one)."""
    role_values = _clean_roles(roles)
    before = _roles_of(user)
    if before == role_values:
        return
    if StaffRole.FUNCTIONEEL_BEHEERDER not in role_values:
        _refuse_if_last_functioneel_beheerder(user)
    user.groups.remove(*user.groups.filter(name__in=StaffRole.values))
    user.groups.add(*_role_groups(role_values))
    forget_cached_roles(user)
    audit_record(
        actor=actor,
        action="staff.roles_changed",
        subject_type=SUBJECT,
        subject_id=user.pk,
        before={"roles": before},
        after={"roles": role_values},
    )


@transaction.atomic
def staff_mfa_reset(*, actor: Actor, user: User) -> int:
    """Remove the staff member's TOTP devices: the next login sets up a new one.

    A session verified with a removed device is no longer verified (django-otp looks
    the device up on every request), so it is sent to set-up too.
    """
    removed, _details = TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        actor=actor,
        action="staff.mfa_reset",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"devices_removed": removed},
    )
    return removed


@transaction.atomic
def staff_user_deactivate(*, actor: Actor, user: User) -> None:
    """Block the account. Its sessions stop working on their next request."""
    if not user.is_active:
        return
    _refuse_if_last_functioneel_beheerder(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action="staff.deactivated",
        subject_type=SUBJECT,
        subject_id=user.pk,
        before={"active": True},
        after={"active": False},
    )


@transaction.atomic
def staff_lockout_reset(*, actor: Actor, user: User) -> int:
    """Lift a lockout after failed logins (django-axes) for this username, from any address."""
    removed: int = axes_reset(username=user.get_username())
    audit_record(
        actor=actor,
        action="staff.lockout_reset",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"attempts_removed": removed},
    )
    return removed


@transaction.atomic
def staff_totp_device_prepare(*, actor: Actor, user: User) -> TOTPDevice:
    """The unconfirmed TOTP device to set up (created once, shown until confirmed)."""
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValueError("this staff member already has a confirmed TOTP device")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is not None:
        return device
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    audit_record(
        actor=actor,
        action="staff.mfa_enrolment_started",
        subject_type=SUBJECT,
        subject_id=user.pk,
    )
    return device


@transaction.atomic
def staff_totp_enrol(*, actor: Actor, user: User, token: str) -> TOTPDevice | None:
    """Confirm the device being set up with a code from it; None if the code is wrong.

    TOTPDevice.verify_token applies django-otp's throttling (a growing wait after each
    wrong code) and refuses a code that was already used.
    """
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    audit_record(
        actor=actor,
        action="staff.mfa_enrolled",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"device": device.pk},
    )
    return device


@transaction.atomic
def staff_login_record(*, actor: Actor, user: User, enrolled: bool) -> None:
    """A completed login: password and TOTP code both accepted."""
    audit_record(
        actor=actor,
        action="staff.login",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"mfa": "totp", "enrolled": enrolled, "roles": sorted(staff_roles(user))},
    )


@transaction.atomic
def staff_login_failure_record(*, actor: Actor, reason: str, user_id: int | None) -> None:
    """A refused login step; ``user_id`` only when the username belongs to a staff account."""
    audit_record(
        actor=actor,
        action="staff.login_failed",
        subject_type=SUBJECT,
        subject_id=user_id if user_id is not None else "-",
        after={"reason": reason, "user": user_id},
    )


@transaction.atomic
def staff_logout_record(*, actor: Actor, user: User) -> None:
    audit_record(actor=actor, action="staff.logout", subject_type=SUBJECT, subject_id=user.pk)


@transaction.atomic
def staff_demo_user_ensure(
    *,
    actor: Actor,
    username: str,
    naam: str,
    roles: Iterable[str],
    password: str,
    totp_secret_hex: str,
) -> User:
    """Make sure a demo staff account exists, with a confirmed TOTP device of a fixed key.

    Idempotent: run again, it leaves one account and one device. For the demo only: a
    key that is written in the source code is no second factor, so this refuses to run
    unless DEBUG is on.
    """
    if not settings.DEBUG:
        raise RuntimeError("Demo staff accounts are for development only (MIJNDUO_DEBUG=1).")
    role_values = _clean_roles(roles)
    username = username.strip().lower()
    key = totp_secret_hex.strip().lower()
    if not re.fullmatch(r"(?:[0-9a-f]{2}){10,40}", key):
        raise ValueError("totp_secret_hex must be 10 to 40 bytes written as hexadecimal")
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, password=password)
    elif not user.check_password(password):
        user.set_password(password)
    user.first_name = naam
    user.is_staff = True
    user.is_active = True
    user.save()
    user.groups.remove(*user.groups.filter(name__in=StaffRole.values))
    user.groups.add(*_role_groups(role_values))
    forget_cached_roles(user)
    devices = TOTPDevice.objects.filter(user=user)
    if not (len(devices) == 1 and devices[0].confirmed and devices[0].key == key):
        devices.delete()
        TOTPDevice.objects.create(user=user, name="demo", key=key, confirmed=True)
    audit_record(
        actor=actor,
        action="staff.demo_user_ensured",
        subject_type=SUBJECT,
        subject_id=user.pk,
        after={"roles": role_values},
    )
    return user
