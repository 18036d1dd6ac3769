"""signatory_register(): built from settings, once per process."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from mijnduo.registers.kvk import (
    KvkHttpRegister,
    OfflineRegister,
    signatory_register,
    signatory_register_reset,
)
from mijnduo.registers.kvk.factory import DEMO_FILE

HTTP = {
    "MIJNDUO_KVK_REGISTER": "http",
    "MIJNDUO_KVK_BASE_URL": "https://api.kvk.test/api/v1/",
    "MIJNDUO_KVK_API_KEY": "key-from-settings",
}


def test_the_default_is_the_offline_demo_file() -> None:
    register = signatory_register()
    assert isinstance(register, OfflineRegister)
    assert register.path == DEMO_FILE


def test_it_is_built_once() -> None:
    assert signatory_register() is signatory_register()
    first = signatory_register()
    signatory_register_reset()
    assert signatory_register() is not first


def test_an_offline_file_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "eigen.json"
    with override_settings(MIJNDUO_KVK_OFFLINE_FILE=str(path)):
        register = signatory_register()
        assert isinstance(register, OfflineRegister)
        assert register.path == path
    # Leaving override_settings drops the cached register too.
    assert signatory_register().path == DEMO_FILE  # type: ignore[attr-defined]


def test_http_from_settings() -> None:
    with override_settings(**HTTP, MIJNDUO_KVK_TIMEOUT=7):
        register = signatory_register()
        assert isinstance(register, KvkHttpRegister)
        assert register.base_url == "https://api.kvk.test/api/v1"
        assert register.timeout == (3.0, 7.0)
        assert register.url("90000001").endswith("/functionarissen/kvknummer/90000001")
        assert "key-from-settings" not in repr(register)
    with override_settings(**HTTP, MIJNDUO_KVK_TIMEOUT=1.5):
        assert signatory_register().timeout == (1.5, 1.5)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"MIJNDUO_KVK_BASE_URL": ""}, "MIJNDUO_KVK_BASE_URL and MIJNDUO_KVK_API_KEY"),
        ({"MIJNDUO_KVK_API_KEY": " "}, "MIJNDUO_KVK_BASE_URL and MIJNDUO_KVK_API_KEY"),
        ({"MIJNDUO_KVK_BASE_URL": "api.kvk.nl"}, "must start with https://"),
        ({"MIJNDUO_KVK_TIMEOUT": 0}, "MIJNDUO_KVK_TIMEOUT"),
        ({"MIJNDUO_KVK_TIMEOUT": "soon"}, "MIJNDUO_KVK_TIMEOUT"),
        ({"MIJNDUO_KVK_REGISTER": "kvk"}, "must be one of offline, http"),
    ],
)
def test_misconfiguration_is_refused_clearly(changes: dict[str, object], message: str) -> None:
    with override_settings(**{**HTTP, **changes}), pytest.raises(ImproperlyConfigured) as raised:
        signatory_register()
    assert message in str(raised.value)
    assert "key-from-settings" not in str(raised.value)
