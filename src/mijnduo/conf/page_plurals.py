"""The pages' sentences with a number in them, in singular and plural.

They are here rather than in the templates because ``makemessages`` finds a plural
form only in Python (``ngettext_lazy``); in a Jinja2 template it finds ``_("…")``
only. A page shows one with ``{{ plural("key", name=number) }}``.
"""

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import ngettext_lazy

PLURALS: dict[str, Promise] = {
    "lockout-minutes": ngettext_lazy(
        "There were too many failed logins with this username from this computer. For "
        "your safety, logging in is blocked for %(minutes)s minute.",
        "There were too many failed logins with this username from this computer. For "
        "your safety, logging in is blocked for %(minutes)s minutes.",
        "minutes",
    ),
    "draft-retention-days": ngettext_lazy(
        "A draft is removed %(days)s day after its last change.",
        "A draft is removed %(days)s days after its last change.",
        "days",
    ),
    "applications-decided": ngettext_lazy(
        "%(counter)s application decided in this period.",
        "%(counter)s applications decided in this period.",
        "counter",
    ),
    "applications-found": ngettext_lazy(
        "%(counter)s application found", "%(counter)s applications found", "counter"
    ),
    "records-checked": ngettext_lazy(
        "%(counter)s record checked.", "%(counter)s records checked.", "counter"
    ),
    "working-days-ago": ngettext_lazy(
        "%(counter)s working day ago", "%(counter)s working days ago", "counter"
    ),
}


def plural(key: str, **values: Any) -> str:
    """PLURALS[key] in the current language, for the number among ``values``."""
    return str(PLURALS[key] % values)
