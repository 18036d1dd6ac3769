"""Reads about staff: who is a staff member, with which roles, and their TOTP devices.

A staff member is an active django.contrib.auth User with is_staff, at least one role
group and no eHerkenning identity. An applicant (an eHerkenning user) is never staff,
whatever flags their account carries.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, User
from django.db.models import Exists, FilteredRelation, OuterRef, Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]

from mijnduo.audit.actors import Actor, ActorKind

from ..models import EherkenningIdentity
from .constants import StaffRole

UserLike = AbstractBaseUser | AnonymousUser

# Per-request caches on the user object: AuthenticationMiddleware loads a fresh user
# for every request, so these never outlive the request that filled them.
_ROLES_CACHE = "_mijnduo_staff_roles"
_EHERKENNING_CACHE = "_mijnduo_has_eherkenning"


def staff_roles(user: UserLike) -> frozenset[str]:
    """The user's staff roles (StaffRole values); empty for anyone else."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        cached = frozenset(
            Group.objects.filter(user=user.pk, name__in=StaffRole.values).values_list(
                "name", flat=True
            )
        )
        setattr(user, _ROLES_CACHE, cached)
    return cached


def has_eherkenning_identity(user: UserLike) -> bool:
    if not user.is_authenticated:
        return False
    cached: bool | None = getattr(user, _EHERKENNING_CACHE, None)
    if cached is None:
        cached = EherkenningIdentity.objects.filter(user_id=user.pk).exists()
        setattr(user, _EHERKENNING_CACHE, cached)
    return cached


def _staff_facts_load(user: AbstractBaseUser) -> None:
    """Fill both caches above in one statement: every staff page asks both questions,
    and two round trips before each page were a measurable part of its cost."""
    if user.pk is None:  # an unsaved user holds nothing
        facts: list[tuple[bool, str | None]] = []
    else:
        facts = list(_staff_facts(user.pk))
    setattr(user, _EHERKENNING_CACHE, any(has for has, _ in facts))
    setattr(user, _ROLES_CACHE, frozenset(name for _, name in facts if name))


def _staff_facts(pk: int | str) -> "QuerySet[User, tuple[bool, str | None]]":
    return (
        User.objects.filter(pk=pk)
        .annotate(
            staff_group=FilteredRelation("groups", condition=Q(groups__name__in=StaffRole.values)),
            has_eherkenning=Exists(EherkenningIdentity.objects.filter(user_id=OuterRef("pk"))),
        )
        .values_list("has_eherkenning", "staff_group__name")
    )


def forget_cached_roles(user: Any) -> None:
    """After a change of roles: the next staff_roles(user) reads the database again."""
    if hasattr(user, _ROLES_CACHE):
        delattr(user, _ROLES_CACHE)


def is_staff_member(user: UserLike) -> bool:
    """Active, is_staff, at least one role, and not an eHerkenning user."""
    if not (user.is_authenticated and user.is_active and getattr(user, "is_staff", False)):
        return False
    if not (hasattr(user, _EHERKENNING_CACHE) and hasattr(user, _ROLES_CACHE)):
        _staff_facts_load(user)
    return bool(not has_eherkenning_identity(user) and staff_roles(user))


def staff_actor(user: UserLike) -> Actor:
    """The audit actor for a staff member: kind and user id, never a name."""
    return Actor(ActorKind.STAFF, str(user.pk))


@dataclass(frozen=True)
class StaffMember:
    """The staff member of the current request, as staff pages and templates see them.

    staff_required puts one on ``request.staff``; templates use it for the header and
    the navigation (``request.staff.is_functioneel_beheerder``).
    """

    user: User
    roles: frozenset[str]

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_behandelaar(self) -> bool:
        return StaffRole.BEHANDELAAR in self.roles

    @property
    def is_tweede_beoordelaar(self) -> bool:
        return StaffRole.TWEEDE_BEOORDELAAR in self.roles

    @property
    def is_functioneel_beheerder(self) -> bool:
        return StaffRole.FUNCTIONEEL_BEHEERDER in self.roles


def confirmed_totp_device(user: UserLike) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("pk").first()


def has_confirmed_totp_device(user: UserLike) -> bool:
    return confirmed_totp_device(user) is not None


def staff_user_by_username(username: str) -> User | None:
    """A staff account (not an eHerkenning user) by its username, or None."""
    return (
        User.objects.filter(username=username.strip().lower(), eherkenning_identity__isnull=True)
        .filter(Q(is_staff=True) | Q(groups__name__in=StaffRole.values))
        .distinct()
        .first()
    )


def staff_accounts() -> QuerySet[User]:
    """Every staff account, active or not, for the staff management page and the command.

    ``has_mfa`` says whether a confirmed TOTP device exists; ``groups`` is prefetched.
    """
    return (
        User.objects.filter(eherkenning_identity__isnull=True)
        .filter(Q(is_staff=True) | Q(groups__name__in=StaffRole.values))
        .distinct()
        .annotate(has_mfa=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .prefetch_related("groups")
        .order_by("first_name", "username")
    )


def staff_account(pk: int) -> User | None:
    return staff_accounts().filter(pk=pk).first()


def role_values_of(user: User) -> list[str]:
    """Role values from prefetched groups (no query per row on the list page)."""
    return sorted(g.name for g in user.groups.all() if g.name in StaffRole.values)


def active_functioneel_beheerders() -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        is_staff=True,
        eherkenning_identity__isnull=True,
        groups__name=StaffRole.FUNCTIONEEL_BEHEERDER,
    ).distinct()
