"""Bar charts as inline SVG, drawn on the server: no JavaScript, no external library.

Each chart is an image with a title and a description for screen readers; the page
shows the same numbers in a table beside it.
"""

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# Rijkshuisstijl colours with at least 3:1 contrast against white (WCAG 1.4.11).
COLOURS = ("#154273", "#ca005d", "#39870c", "#e17000", "#42145f")
_WIDTH, _HEIGHT, _LEFT, _BOTTOM, _TOP = 720, 260, 40, 40, 10


def stacked_bars(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
) -> SafeString:
    """Stacked bars: one bar per label, one segment per series (name, values)."""
    totals = [sum(values[i] for _name, values in series) for i in range(len(labels))]
    top = max([*totals, 1])
    plot_height = _HEIGHT - _BOTTOM - _TOP
    slot = (_WIDTH - _LEFT) / max(len(labels), 1)
    bar = slot * 0.7
    shapes = []
    for index, label in enumerate(labels):
        x = _LEFT + index * slot + (slot - bar) / 2
        y = float(_TOP + plot_height)
        for colour, (name, values) in zip(COLOURS, series, strict=False):
            value = values[index]
            if not value:
                continue
            height = plot_height * value / top
            y -= height
            shapes.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {} {}</title></rect>",
                    f"{x:.1f}",
                    f"{y:.1f}",
                    f"{bar:.1f}",
                    f"{height:.1f}",
                    colour,
                    label,
                    value,
                    name,
                )
            )
        shapes.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>',
                f"{x + bar / 2:.1f}",
                _HEIGHT - _BOTTOM + 16,
                label,
            )
        )
    axis = format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#000"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11">0</text>',
        _LEFT,
        _TOP + plot_height,
        _WIDTH,
        _TOP + plot_height,
        _LEFT - 6,
        _TOP + 10,
        top,
        _LEFT - 6,
        _TOP + plot_height,
    )
    legend = format_html_join(
        "",
        '<li><svg class="chart__swatch" width="12" height="12" aria-hidden="true">'
        '<rect width="12" height="12" fill="{}"/></svg> {}</li>',
        ((colour, name) for colour, (name, _values) in zip(COLOURS, series, strict=False)),
    )
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d"'
        ' class="chart__svg"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}{}</svg>'
        '<figcaption><ul class="chart__legend">{}</ul></figcaption></figure>',
        _WIDTH,
        _HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        axis,
        format_html_join("", "{}", ((shape,) for shape in shapes)),
        legend,
    )
