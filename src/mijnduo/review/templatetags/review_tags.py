from typing import Any

from django import template

register = template.Library()


@register.filter
def lookup(mapping: dict[str, Any], key: str) -> Any:
    """``mapping|lookup:key`` for dictionaries keyed by a variable."""
    return mapping.get(key, "")
