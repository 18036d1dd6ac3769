"""API keys: random, shown once, stored as a SHA-256 hash.

A key carries 256 bits of randomness, so a fast hash is enough: there is nothing
to brute-force as there would be with a password.
"""

import hashlib
import secrets

KEY_PREFIX = "mdb_"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def visible_prefix(key: str) -> str:
    return key[: len(KEY_PREFIX) + 6]
