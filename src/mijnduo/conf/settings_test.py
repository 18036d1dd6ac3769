"""Test overlay: the base settings with a fixed key and fast password hashing."""

import os

os.environ.setdefault("MIJNDUO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("MIJNDUO_DB_CONN_MAX_AGE", "0")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# WhiteNoise expects the collected-static folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
