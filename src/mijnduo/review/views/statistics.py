"""Management information: a chart where people would rather look than read."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mijnduo.applications.constants import KindChoices, Status
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required

from ..charts import stacked_bars
from ..statistics import OUTCOMES, statistics


@require_GET
@staff_required(*StaffRole)
def statistics_view(request: HttpRequest) -> HttpResponse:
    figures = statistics()
    labels = [date_format(row.week_start, "j M") for row in figures.weeks]
    submitted_chart = stacked_bars(
        chart_id="ingediend",
        title=_("Applications submitted per week, by kind"),
        description=_("Stacked bars per week from %(first)s; the table below has the numbers.")
        % {"first": labels[0]},
        labels=labels,
        series=[
            (str(label), [row.submitted[kind] for row in figures.weeks])
            for kind, label in KindChoices.choices
        ],
    )
    decided_chart = stacked_bars(
        chart_id="besloten",
        title=_("Applications decided per week, by outcome"),
        description=_("Stacked bars per week; the table below has the numbers."),
        labels=labels,
        series=[
            (str(Status(status).label), [row.decided[status] for row in figures.weeks])
            for status in OUTCOMES
        ],
    )
    processing_chart = stacked_bars(
        chart_id="doorlooptijd",
        title=_("Processing time in working days"),
        description=_("Number of decided applications per processing time."),
        labels=[label for label, _count in figures.processing],
        series=[(_("applications"), [count for _label, count in figures.processing])],
    )
    return render(
        request,
        "review/statistics.html",
        {
            "figures": figures,
            "labels": labels,
            "kinds": KindChoices.choices,
            "outcomes": [(s, Status(s).label) for s in OUTCOMES],
            "submitted_chart": submitted_chart,
            "decided_chart": decided_chart,
            "processing_chart": processing_chart,
            "nav": "mi",
        },
    )
