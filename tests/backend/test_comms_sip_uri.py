"""The SIP adapter's pure parts: what a dialled number becomes, who a call is from, what a SIP status
means to the comms panel, the registration's back-off."""

from __future__ import annotations

import pytest

from backend.comms.sip_results import call_result, registration_failure, retry_delay, status_text
from backend.comms.sip_uri import AddressError, Registrar, dial_uri, display_name_of, user_of


@pytest.mark.parametrize(
    ("text", "registrar"),
    [
        ("127.0.0.1:5099", Registrar("127.0.0.1", 5099)),
        ("sip:pbx.example.org", Registrar("pbx.example.org", 5060)),
        (" pbx:5070 ", Registrar("pbx", 5070)),
    ],
)
def test_a_registrar_is_host_and_port(text: str, registrar: Registrar) -> None:
    assert Registrar.parse(text) == registrar


@pytest.mark.parametrize("text", ["", "pbx:port", "pbx:70000", "user@pbx", "pbx:5060;x"])
def test_a_registrar_that_is_not_host_port_is_refused(text: str) -> None:
    with pytest.raises(AddressError):
        Registrar.parse(text)


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("1001", "sip:1001@pbx:5060"),
        ("010-6512 3456", "sip:01065123456@pbx:5060"),
        ("+86 (10) 12345", "sip:+861012345@pbx:5060"),
        ("*72#", "sip:*72#@pbx:5060"),
        ("sip:duty@center.example.org", "sip:duty@center.example.org"),
        ("sip:1002@127.0.0.1:5070;transport=udp", "sip:1002@127.0.0.1:5070;transport=udp"),
    ],
)
def test_digits_go_to_the_pbx_and_a_sip_address_as_it_is(number: str, uri: str) -> None:
    assert dial_uri(number, "pbx:5060") == uri


@pytest.mark.parametrize("number", ["", "12ab", "1001; DROP", "sip:", "sip:a b@host", "tel:110"])
def test_what_cannot_be_dialled_is_refused_with_a_reason(number: str) -> None:
    with pytest.raises(AddressError) as refused:
        dial_uri(number, "pbx")
    assert str(refused.value)


@pytest.mark.parametrize(
    ("header", "user", "name"),
    [
        ('"Grid 7" <sip:1002@127.0.0.1:5070>;tag=x', "1002", "Grid 7"),
        ("<sip:2000@pbx>", "2000", ""),
        ("sip:2000@pbx;tag=y", "2000", ""),
        ("张伟 <sip:13800138000@pbx>", "13800138000", "张伟"),
        ("<sip:pbx.example.org>", "pbx.example.org", ""),
    ],
)
def test_the_number_and_name_a_call_is_from(header: str, user: str, name: str) -> None:
    assert (user_of(header), display_name_of(header)) == (user, name)


@pytest.mark.parametrize(
    ("code", "result"),
    [
        (404, "unknown_number"),
        (484, "unknown_number"),
        (486, "busy"),
        (600, "busy"),
        (480, "no_answer"),
        (408, "no_answer"),
        (503, "unreachable"),
        (500, "unreachable"),
        (603, "rejected"),
        (403, "rejected"),
        (487, "cancelled"),
    ],
)
def test_a_failed_call_s_status_becomes_a_call_result(code: int, result: str) -> None:
    assert call_result(code) == result


def test_reasons_and_registration_failures_read_as_words() -> None:
    assert status_text(404, "Not Found") == "404 Not Found"
    assert status_text(499, " ") == "499"
    pbx = "127.0.0.1:5099"
    assert (
        registration_failure(403, "Forbidden", "", pbx, lost=False) == "registration refused: 403 Forbidden"
    )
    assert registration_failure(0, "", "", pbx, lost=False) == "the PBX at 127.0.0.1:5099 does not answer"
    assert registration_failure(408, "Request Timeout", "", pbx, lost=True) == (
        "the registration was lost: the PBX at 127.0.0.1:5099 does not answer"
    )
    assert registration_failure(503, "Service Unavailable", "", pbx, lost=True) == (
        "the PBX dropped the registration: 503 Service Unavailable"
    )
    assert registration_failure(502, "Bad Gateway", "Unable to resolve", "pbx:5060", lost=False) == (
        "the PBX at pbx:5060 cannot be reached: Unable to resolve"
    )


def test_retries_back_off_to_a_ceiling() -> None:
    assert [retry_delay(n, 2.0, 60.0) for n in range(7)] == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    assert retry_delay(10_000, 2.0, 60.0) == 60.0
