"""The configurable decision policy: four eyes per kind of change, straight-through."""

from django.conf import settings

from mijnduo.aanvraag.constants import Kind
from mijnduo.applications.models import Application

# "toekenning": every application that grants a beheerautorisatie (an aanmelding, or a
# wijziging that adds one). The kinds themselves may be listed too.
GRANTING = "toekenning"
FOUR_EYES_CHOICES = frozenset({GRANTING, *(kind.value for kind in Kind)})


def grants_beheerautorisatie(application: Application) -> bool:
    if application.kind == Kind.AANMELDING:
        return True
    return application.kind == Kind.WIJZIGING and bool(application.added)


def needs_four_eyes(application: Application) -> bool:
    policy = settings.MIJNDUO_FOUR_EYES
    if GRANTING in policy and grants_beheerautorisatie(application):
        return True
    return application.kind in policy


def straight_through_enabled() -> bool:
    return bool(settings.MIJNDUO_STRAIGHT_THROUGH)
