"""Content negotiation with a shortcut for what nearly every API client sends.

DRF's negotiation parses the Accept header and ranks media types on every request
(~5% of a validation request's CPU, bench/request_cost.py). The API renders JSON
only, so an absent Accept header, ``*/*`` or the renderer's own media type get the
answer DRF would give without that work; anything else is negotiated by DRF as before.
"""

from collections.abc import Iterable

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class JsonFirstContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderers = list(renderers)
        if renderers and not format_suffix:
            renderer = renderers[0]
            accept = request.META.get("HTTP_ACCEPT")
            format_override = self.settings.URL_FORMAT_OVERRIDE
            if accept in (None, "*/*", renderer.media_type) and (
                not format_override or format_override not in request.query_params
            ):
                return renderer, renderer.media_type
        return super().select_renderer(request, renderers, format_suffix)
