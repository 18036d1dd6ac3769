"""Human-friendly, non-sequential references such as ``MDZ-7K2P-9QXD``.

Eight characters from Crockford's alphabet (no I, L, O, U) give 2^40 values,
drawn with ``secrets`` so references cannot be guessed or enumerated.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PATTERN = re.compile(r"MDZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def new_reference() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"MDZ-{chars[:4]}-{chars[4:]}"


def is_reference(value: str) -> bool:
    return PATTERN.fullmatch(value) is not None
