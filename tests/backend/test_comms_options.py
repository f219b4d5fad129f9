"""The voice call options of command-seat-server: the comms hub with the simulated telephony by
default, its delays, the SIP adapter's options, and values that are refused."""

from __future__ import annotations

import pytest

from backend.cli import build_parser
from backend.comms.hub import CommsHub
from backend.comms.sim_telephony import SimTelephony
from backend.services import build_services


def hub_of(*argv: str) -> CommsHub:
    [hub] = [s for s in build_services(build_parser().parse_args(list(argv))) if isinstance(s, CommsHub)]
    return hub


def test_the_simulated_telephony_is_the_default() -> None:
    sim = hub_of().adapter
    assert isinstance(sim, SimTelephony) and (sim.answer_delay, sim.ring_timeout) == (1.5, 20.0)
    sim = hub_of("--sim-answer-delay", "0", "--sim-ring-timeout", "7.5").adapter
    assert isinstance(sim, SimTelephony) and (sim.answer_delay, sim.ring_timeout) == (0.0, 7.5)
    assert sim.lookup is not None  # the hub gives it the directory


@pytest.mark.parametrize(
    "argv",
    [
        ["--sim-answer-delay", "-1"],
        ["--sim-ring-timeout", "0"],
        ["--telephony", "pstn"],
        ["--sip-port", "70000"],
        ["--sip-registrar", "pbx.local:port"],
        ["--sip-reregister", "0.5"],
    ],
)
def test_bad_values_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(list(argv))
    assert "error" in capsys.readouterr().err


def test_sip_needs_a_registrar_and_gets_every_option() -> None:
    with pytest.raises(SystemExit, match="--sip-registrar"):
        hub_of("--telephony", "sip")
    sip_adapter = pytest.importorskip("backend.comms.sip_adapter")
    argv = [
        "--telephony",
        "sip",
        "--sip-registrar",
        "127.0.0.1:5070",
        "--sip-user",
        "seat",
        "--sip-port",
        "0",
    ]
    hub = hub_of(*argv)
    assert isinstance(hub.adapter, sip_adapter.SipAdapter) and hub.adapter.name == "sip"
