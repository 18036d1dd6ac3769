"""A strict JSON parser: size limit (413), UTF-8 only, no duplicate keys, bounded depth."""

import json
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from .problems import RequestTooLarge

MAX_DEPTH = 32


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Is anything nested deeper than ``limit`` (the document itself is depth 1)?

    Only containers go on the stack; a scalar is judged where it is found. This runs on
    every API request and a document holds about ten times more scalars than containers.
    """
    if not isinstance(value, dict | list):
        return limit < 1
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif depth + 1 > limit:
                return True
    return False


def read_limited(stream: IO[bytes] | None, content_length: str | None) -> bytes:
    limit: int = settings.MAX_REQUEST_BODY_BYTES
    try:
        declared = int(content_length or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise RequestTooLarge()
    if stream is None:
        return b""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise RequestTooLarge()
    return data


def loads_strict(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError(_("The request body is not valid UTF-8.")) from None
    try:
        value = json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except (ValueError, RecursionError):
        raise ParseError(_("The request body is not valid JSON.")) from None
    if _depth_exceeds(value, MAX_DEPTH):
        raise ParseError(_("The JSON in the request body is nested too deeply."))
    return value


class StrictJSONParser(BaseParser):
    media_type = "application/json"

    def parse(
        self,
        stream: IO[Any] | None,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        request = (parser_context or {}).get("request")
        content_length = request.META.get("CONTENT_LENGTH") if request is not None else None
        return loads_strict(read_limited(stream, content_length))
