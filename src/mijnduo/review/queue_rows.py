"""The work queue's table rows as HTML, built in Python.

Twenty-five rows through the template engine cost about half of the queue page's CPU
(bench/review_load.py, cProfile); the markup is the same as a template would make.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from mijnduo.applications.constants import Channel, Status
from mijnduo.applications.models import Application

_REFERENCE_SLOT = "MDZ-0000-0000"


def _numbers(application: Application) -> str:
    parts = [application.organisation_type, f"KvK {application.kvk_nummer}"]
    if application.brincode:
        parts.append(f"BRIN {application.brincode}")
    if application.bestuursnummer:
        parts.append(f"{gettext('bestuur')} {application.bestuursnummer}")
    return " · ".join(parts)


def _age(application: Application, age: int | None, late: bool) -> SafeString:
    if age is None:
        return format_html("")
    if late:
        text = ngettext(
            "%(counter)s working day, past the service level",
            "%(counter)s working days, past the service level",
            age,
        ) % {"counter": age}
        return format_html('<span class="age age--late">{}</span>', text)
    text = ngettext("%(counter)s working day", "%(counter)s working days", age) % {"counter": age}
    return format_html('<span class="age">{}</span>', text)


def _submitted(application: Application) -> SafeString:
    if application.submitted_at is None:
        return format_html("")
    local = timezone.localtime(application.submitted_at)
    return format_html(
        '<time datetime="{}">{}</time>', local.isoformat(), date_format(local, "j M Y")
    )


def _assignee(application: Application) -> SafeString:
    staff = application.assigned_to
    if staff is None:
        return format_html('<span class="muted">{}</span>', gettext("nobody"))
    return format_html("{}", staff.get_full_name() or staff.username)


def queue_rows_html(
    rows: Iterable[tuple[Application, int | None]],
    *,
    service_level: int,
    open_statuses: Iterable[str],
) -> SafeString:
    open_set = set(open_statuses)
    # Looked up once per page, not once per row: get_FOO_display rebuilds its choices
    # dict and reverse() walks the URL patterns on every call (cProfile of the queue).
    channels = {value: str(label) for value, label in Channel.choices}
    statuses = {value: str(label) for value, label in Status.choices}
    url_pattern = reverse("review:application", args=[_REFERENCE_SLOT])
    cell = '<td class="utrecht-table__cell">{}</td>'
    return format_html_join(
        "\n",
        '<tr class="utrecht-table__row">'
        '<th class="utrecht-table__header-cell" scope="row"><a href="{}">{}</a>'
        ' <span class="channel">({})</span></th>'
        '<td class="utrecht-table__cell">{}<br><span class="numbers">{}</span></td>'
        + cell
        + '<td class="utrecht-table__cell"><span class="status-badge">{}</span></td>'
        + cell * 3
        + "</tr>",
        (
            (
                # References are letters, digits and hyphens: nothing to quote.
                url_pattern.replace(_REFERENCE_SLOT, application.reference),
                application.reference,
                channels.get(application.channel, application.channel),
                application.organisation_naam,
                _numbers(application),
                application.kind,
                statuses.get(application.status, application.status),
                _submitted(application),
                _age(
                    application,
                    age,
                    age is not None and age > service_level and application.status in open_set,
                ),
                _assignee(application),
            )
            for application, age in rows
        ),
    )
