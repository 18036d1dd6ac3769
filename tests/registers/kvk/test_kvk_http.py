"""The KvK HTTP client against recorded responses (recorded/, served by `responses`)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import requests
import responses

from mijnduo.registers.kvk import (
    Bevoegdheid,
    KvkHttpRegister,
    RegisterUnavailable,
    SignatoryOutcome,
    signatory_check,
)

from .helpers import API_KEY, BASE_URL, serve

URL = f"{BASE_URL}/functionarissen/kvknummer/90000001"
MakeHttp = Callable[..., KvkHttpRegister]


def _unavailable(register: KvkHttpRegister, kvk: str = "90000001") -> str:
    with pytest.raises(RegisterUnavailable) as raised:
        register.inschrijving(kvk)
    return raised.value.reason


def test_200_with_officers(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    serve(http_mock, "functionarissen-90000001.json")
    inschrijving = make_http().inschrijving("90000001")
    assert inschrijving is not None
    assert inschrijving.naam == "Groningse Schoolvereniging"
    assert [f.bevoegdheid for f in inschrijving.functionarissen] == [
        Bevoegdheid.ALLEEN_BEVOEGD,
        Bevoegdheid.GEZAMENLIJK,
        Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD,
    ]
    (call,) = http_mock.calls
    assert call.request.url == URL
    assert call.request.method == "GET"
    assert call.request.headers["apikey"] == API_KEY
    assert call.request.headers["Accept"] == "application/json"


def test_the_check_confirms_from_a_recorded_answer(
    http_mock: responses.RequestsMock, make_http: MakeHttp
) -> None:
    serve(http_mock, "functionarissen-90000001.json")
    verdict = signatory_check(
        register=make_http(),
        kvk_nummer="90000001",
        naam="mr. drs. Anne-Marie van der Berg",
        functie="Bestuurder",
        today=date(2026, 3, 1),
    )
    assert verdict.outcome is SignatoryOutcome.CONFIRMED
    assert verdict.evidence["source"] == "kvk_api"


def test_bankruptcy_from_a_recorded_answer(
    http_mock: responses.RequestsMock, make_http: MakeHttp
) -> None:
    serve(http_mock, "functionarissen-90000003.json")
    verdict = signatory_check(
        register=make_http(), kvk_nummer="90000003", naam="K. Mulder", functie="Bestuurder"
    )
    assert (verdict.outcome, verdict.reason) == (
        SignatoryOutcome.NOT_AUTHORISED,
        "special_legal_state",
    )


def test_404_means_no_such_registration(
    http_mock: responses.RequestsMock, make_http: MakeHttp
) -> None:
    serve(http_mock, "functionarissen-404.json")
    assert make_http().inschrijving("90000099") is None
    assert len(http_mock.calls) == 1
    verdict = signatory_check(
        register=make_http(), kvk_nummer="90000099", naam="A. Jansen", functie="Bestuurder"
    )
    assert verdict.outcome is SignatoryOutcome.NOT_FOUND


def test_an_html_404_is_a_wrong_url_not_an_answer(
    http_mock: responses.RequestsMock, make_http: MakeHttp
) -> None:
    serve(http_mock, "error-404-html.json")
    assert _unavailable(make_http()) == "unexpected_404"


@pytest.mark.parametrize("recording", ["error-401.json", "error-403.json"])
def test_an_auth_error_is_unavailable_and_not_retried(
    http_mock: responses.RequestsMock,
    make_http: MakeHttp,
    recording: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    serve(http_mock, recording)
    assert _unavailable(make_http()) == "auth"
    assert len(http_mock.calls) == 1
    assert "ERROR" in caplog.text
    assert API_KEY not in caplog.text


def test_429_is_not_retried(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    serve(http_mock, "error-429.json")
    assert _unavailable(make_http()) == "client_error"
    assert len(http_mock.calls) == 1


def test_500_then_200_retries(
    http_mock: responses.RequestsMock, make_http: MakeHttp, sleeps: list[float]
) -> None:
    serve(http_mock, "error-500.json")
    serve(http_mock, "functionarissen-90000001.json")
    inschrijving = make_http().inschrijving("90000001")
    assert inschrijving is not None
    assert len(inschrijving.functionarissen) == 3
    assert len(http_mock.calls) == 2
    assert sleeps == [0.25]


def test_503_every_time_gives_up_after_the_retries(
    http_mock: responses.RequestsMock, make_http: MakeHttp, sleeps: list[float]
) -> None:
    serve(http_mock, "error-503.json")
    assert _unavailable(make_http()) == "server_error"
    assert len(http_mock.calls) == 3  # the first try and 2 retries
    assert sleeps == [0.25, 0.5]


def test_503_every_time_is_unknown(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    serve(http_mock, "error-503.json")
    verdict = signatory_check(
        register=make_http(), kvk_nummer="90000001", naam="A.M. van der Berg", functie="Bestuurder"
    )
    assert (verdict.outcome, verdict.reason) == (SignatoryOutcome.UNKNOWN, "register_unavailable")
    assert verdict.evidence["error"] == "server_error"


def test_no_retries_when_asked(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    serve(http_mock, "error-503.json")
    assert _unavailable(make_http(retries=0)) == "server_error"
    assert len(http_mock.calls) == 1


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (requests.exceptions.ConnectTimeout("connect timed out"), "timeout"),
        (requests.exceptions.ReadTimeout("read timed out"), "timeout"),
        (requests.exceptions.ConnectionError("connection refused"), "connection"),
    ],
)
def test_timeouts_and_connection_errors_are_retried_then_unknown(
    http_mock: responses.RequestsMock,
    make_http: MakeHttp,
    sleeps: list[float],
    error: Exception,
    reason: str,
) -> None:
    http_mock.add(responses.GET, URL, body=error)
    register = make_http()
    assert _unavailable(register) == reason
    assert len(http_mock.calls) == 3
    assert len(sleeps) == 2
    verdict = signatory_check(
        register=register, kvk_nummer="90000001", naam="A.M. van der Berg", functie="Bestuurder"
    )
    assert verdict.outcome is SignatoryOutcome.UNKNOWN
    assert verdict.evidence["error"] == reason


def test_a_timeout_then_an_answer(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    http_mock.add(responses.GET, URL, body=requests.exceptions.ReadTimeout("slow"))
    serve(http_mock, "functionarissen-90000001.json")
    assert make_http().inschrijving("90000001") is not None
    assert len(http_mock.calls) == 2


def test_invalid_json_is_unknown(http_mock: responses.RequestsMock, make_http: MakeHttp) -> None:
    serve(http_mock, "invalid-json.json")
    assert _unavailable(make_http()) == "bad_response"
    assert len(http_mock.calls) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"kvkNummer": "90000002", "functionarissen": []},
        {"kvkNummer": "90000001", "functionarissen": "none"},
        [],
        None,
    ],
)
def test_an_answer_in_the_wrong_shape_is_unknown(
    http_mock: responses.RequestsMock, make_http: MakeHttp, body: Any
) -> None:
    http_mock.add(responses.GET, URL, json=body)
    assert _unavailable(make_http()) == "bad_response"


def test_a_malformed_number_never_reaches_a_url(
    http_mock: responses.RequestsMock, make_http: MakeHttp
) -> None:
    register = make_http()
    assert register.inschrijving("../admin") is None
    assert register.inschrijving("9000000") is None
    assert len(http_mock.calls) == 0


def test_logs_name_the_number_and_the_failure_only(
    http_mock: responses.RequestsMock, make_http: MakeHttp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="mijnduo.registers.kvk")
    serve(http_mock, "invalid-json.json")
    _unavailable(make_http())
    assert "90000001" in caplog.text
    assert "bad_response" in caplog.text
    assert "Schoolvereniging" not in caplog.text
    assert API_KEY not in caplog.text


def test_the_api_key_is_not_in_the_repr() -> None:
    register = KvkHttpRegister(BASE_URL + "/", API_KEY)
    assert API_KEY not in repr(register)
    assert register.url("90000001") == URL


def test_timeout_and_headers_reach_the_session() -> None:
    class Session:
        def __init__(self) -> None:
            self.kwargs: dict[str, Any] = {}

        def get(self, url: str, **kwargs: Any) -> Any:
            self.kwargs = {"url": url, **kwargs}
            raise requests.exceptions.ConnectTimeout()

    session = Session()
    register = KvkHttpRegister(
        BASE_URL,
        API_KEY,
        timeout=(1.5, 4.0),
        retries=0,
        session=session,  # type: ignore[arg-type]
    )
    with pytest.raises(RegisterUnavailable):
        register.inschrijving("90000001")
    assert session.kwargs["timeout"] == (1.5, 4.0)
    assert session.kwargs["url"] == URL
    assert session.kwargs["headers"]["apikey"] == API_KEY
