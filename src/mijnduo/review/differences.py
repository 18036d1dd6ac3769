"""Where normalisation changed what was sent (form.md R5): shown beside the document."""

from collections.abc import Iterator, Mapping
from typing import Any


def _flatten(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _flatten(inner, f"{path}.{key}" if path else str(key))
    else:
        yield path, value


def normalised_changes(
    submitted: Mapping[str, Any], normalised: Mapping[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(JSON path, as sent, as normalised) for every value normalisation changed."""
    sent = dict(_flatten(submitted))
    return [
        (path, sent.get(path), value)
        for path, value in _flatten(normalised)
        if path in sent and sent[path] != value
    ]
