"""Settings the staff access depends on, the role groups, and the lockout's client address."""

import importlib

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher, make_password
from django.contrib.auth.models import Group
from django.test import RequestFactory, override_settings

from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.lockout import client_ip


def test_the_base_settings_hash_passwords_with_argon2() -> None:
    base = importlib.import_module("mijnduo.conf.settings")
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        encoded = make_password("paarse-olifant-fietst-42")
        assert encoded.startswith("argon2$argon2id$")
        assert identify_hasher(encoded).algorithm == "argon2"


def test_the_base_settings_validate_passwords() -> None:
    base = importlib.import_module("mijnduo.conf.settings")
    names = [v["NAME"].rsplit(".", 1)[1] for v in base.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert base.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"] == {"min_length": 12}


def test_axes_checks_first_and_its_middleware_is_last() -> None:
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "mijnduo.identity.eherkenning.backend.EherkenningBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    auth = settings.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert settings.MIDDLEWARE[auth + 1] == "django_otp.middleware.OTPMiddleware"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.django_db
def test_the_migration_made_one_group_per_role() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= set(StaffRole.values)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy: a client's header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left one is the client's claim
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "", "10.0.0.1"),
        (1, "niet-een-adres", "10.0.0.1"),
    ],
)
def test_the_lockout_counts_the_address_the_proxies_saw(proxies, forwarded, expected) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(MIJNDUO_PROXY_COUNT=proxies):
        assert client_ip(request) == expected
