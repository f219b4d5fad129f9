"""Bad requests to the calls capability get clear errors and store nothing; the simulator's limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.calls.center import CallCenter
from backend.calls.simulator import CallSimulator
from backend.cli import build_parser
from backend.server import Server
from backend.services import build_services
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_calls_support import Hotline, Seat, hotline_server

CALLER = "13812345678"


@pytest.fixture
def hotline(aio: Any, tmp_path: Path, fast_seed: None) -> Iterator[Hotline]:
    with hotline_server(aio, f"sqlite:///{tmp_path}/errors.sqlite3") as hotline:
        yield hotline


async def table_rows(hotline: Hotline) -> tuple[list[Any], list[Any]]:
    async with hotline.store.engine.connect() as conn:
        calls = (await conn.execute(sa.select(schema.calls).order_by(schema.calls.c.id))).all()
        states = (await conn.execute(sa.select(schema.operator_states))).all()
    return list(calls), list(states)


# (request, arguments, code, field) — each against a call answered at S1 and a second one in the queue.
BAD_REQUESTS = [
    ("answer", {"call_id": 999}, ErrorCode.NOT_FOUND, "call_id"),
    ("answer", {"call_id": 2**40}, ErrorCode.NOT_FOUND, "call_id"),
    ("answer", {"call_id": "answered"}, ErrorCode.INVALID_FIELD, "call_id"),  # already answered
    ("answer", {"call_id": "queued"}, ErrorCode.INVALID_FIELD, "call_id"),  # not ringing at a seat
    ("hold", {"call_id": "queued"}, ErrorCode.INVALID_FIELD, "call_id"),
    ("hangup", {"call_id": 0}, ErrorCode.NOT_FOUND, "call_id"),
    ("hangup", {"call_id": "queued"}, ErrorCode.INVALID_FIELD, "call_id"),
    ("transfer", {"call_id": "answered"}, ErrorCode.INVALID_FIELD, "to_seat"),  # no target
    (
        "transfer",
        {"call_id": "answered", "to_seat": "S2", "to_number": "110"},
        ErrorCode.INVALID_FIELD,
        "to_seat",
    ),
    ("transfer", {"call_id": "answered", "to_seat": "S1"}, ErrorCode.INVALID_FIELD, "to_seat"),  # itself
    ("transfer", {"call_id": "answered", "to_seat": " "}, ErrorCode.INVALID_FIELD, "to_seat"),
    ("transfer", {"call_id": "answered", "to_number": "水务局"}, ErrorCode.INVALID_FIELD, "to_number"),
    ("set_state", {"state": "busy"}, ErrorCode.INVALID_FIELD, "state"),
    ("set_state", {"state": "sleeping"}, ErrorCode.INVALID_FIELD, "state"),
    ("set_state", {"state": "ready"}, ErrorCode.INVALID_FIELD, "state"),  # busy on the call
    ("place_call", {"caller_number": "call me"}, ErrorCode.INVALID_FIELD, "caller_number"),
    ("place_call", {"caller_number": CALLER, "opening": "喂" * 2001}, ErrorCode.INVALID_FIELD, "opening"),
    ("caller_hangup", {"call_id": 12345}, ErrorCode.NOT_FOUND, "call_id"),
]


@pytest.mark.parametrize(("method", "kwargs", "code", "field"), BAD_REQUESTS)
def test_bad_requests_are_refused_and_store_nothing(
    aio: Any, hotline: Hotline, method: str, kwargs: dict[str, Any], code: str, field: str
) -> None:
    async def scenario() -> tuple[ProtocolError, Any, Any, int, int]:
        op = await hotline.seat("operator1", "S1")
        trainer = await hotline.seat("trainer1", "T1")
        await op.api.set_state("ready")
        answered = await trainer.api.place_call(CALLER)
        await op.wait_call(answered.id, offered_to="S1")
        await op.api.answer(answered.id)
        queued = await trainer.api.place_call("13951786420")
        ids = {"answered": answered.id, "queued": queued.id}
        args = {k: ids.get(v, v) if k == "call_id" else v for k, v in kwargs.items()}
        await hotline.settle()
        before, seq = await table_rows(hotline), await hotline.store.last_seq()
        seat = trainer if method in ("place_call", "caller_hangup") else op
        with pytest.raises(ProtocolError) as refused:
            await getattr(seat.api, method)(**args)
        return refused.value, before, await table_rows(hotline), seq, await hotline.store.last_seq()

    error, before, after, seq_before, seq_after = aio.run(scenario())
    assert error.code == code, error
    assert error.details["field"] == field
    assert error.message
    assert after == before and seq_after == seq_before, "nothing stored"


def test_away_needs_a_reason(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[ProtocolError, ProtocolError, Any]:
        op = await hotline.seat("operator1", "S1")
        with pytest.raises(ProtocolError) as no_reason:
            await op.api.set_state("away", "  ")
        with pytest.raises(ProtocolError) as too_long:
            await op.api.set_state("away", "x" * 65)
        return no_reason.value, too_long.value, await op.api.set_state("away", "午休")

    no_reason, too_long, away = aio.run(scenario())
    assert (no_reason.code, no_reason.details) == (ErrorCode.INVALID_FIELD, {"field": "reason"})
    assert (too_long.code, too_long.details) == (ErrorCode.INVALID_FIELD, {"field": "reason"})
    assert (away.state, away.reason) == ("away", "午休")


def test_only_trainers_supervisors_and_admins_place_simulated_calls(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[ProtocolError, Any]:
        op = await hotline.seat("operator1", "S1")
        trainer = await hotline.seat("trainer1", "T1")
        with pytest.raises(ProtocolError) as refused:
            await op.api.place_call(CALLER)
        return refused.value, await trainer.api.place_call()  # a scripted demo caller

    refused, demo = aio.run(scenario())
    assert refused.code == ErrorCode.FORBIDDEN
    assert demo.simulated and demo.state == "ringing"
    assert demo.caller_number.isdigit() and len(demo.caller_number) == 11
    assert demo.opening


def test_the_simulator_cannot_hang_up_a_real_call(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> ProtocolError:
        trainer = await hotline.seat("trainer1", "T1")
        real = await hotline.center.place_call(CALLER)  # from the telephony side, not simulated
        with pytest.raises(ProtocolError) as refused:
            await trainer.api.caller_hangup(real.id)
        return refused.value

    assert aio.run(scenario()).code == ErrorCode.FORBIDDEN


def test_sim_requests_are_unavailable_while_the_simulator_is_off(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(hotline: Hotline) -> tuple[ProtocolError, list[Any]]:
        trainer = await hotline.seat("trainer1", "T1")
        with pytest.raises(ProtocolError) as refused:
            await trainer.api.place_call(CALLER)
        return refused.value, (await table_rows(hotline))[0]

    with hotline_server(aio, f"sqlite:///{tmp_path}/nosim.sqlite3", simulate=False) as hotline:
        refused, calls = aio.run(scenario(hotline))
    assert refused.code == ErrorCode.UNAVAILABLE
    assert "--simulate-calls" in refused.message
    assert calls == []


def test_call_requests_are_unavailable_without_a_call_center(aio: Any, server: Server) -> None:
    async def scenario() -> ProtocolError:
        seat = Seat(server.url)
        await seat.open("operator1", "S1")
        try:
            with pytest.raises(ProtocolError) as refused:
                await seat.api.set_state("ready")
            return refused.value
        finally:
            await seat.client.close()

    assert aio.run(scenario()).code == ErrorCode.UNAVAILABLE


def test_command_line_options_build_the_services() -> None:
    def ours(argv: list[str]) -> list[Any]:  # other capabilities add their own services
        return [
            s
            for s in build_services(build_parser().parse_args(argv))
            if isinstance(s, CallCenter | CallSimulator)
        ]

    [center] = ours([])
    assert isinstance(center, CallCenter) and (center.ring_timeout, center.wrap_up) == (15.0, 30.0)
    center, sim = ours(
        ["--simulate-calls", "--sim-call-interval", "20", "--ring-timeout", "10", "--wrap-up", "0"]
    )
    assert isinstance(center, CallCenter) and (center.ring_timeout, center.wrap_up) == (10.0, 0.0)
    assert isinstance(sim, CallSimulator) and sim.center is center
    assert (sim.interval, sim.patience) == (20.0, 90.0)


@pytest.mark.parametrize("argv", [["--ring-timeout", "0"], ["--wrap-up", "-1"], ["--sim-call-interval", "x"]])
def test_bad_command_line_options_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)
    assert "seconds" in capsys.readouterr().err
