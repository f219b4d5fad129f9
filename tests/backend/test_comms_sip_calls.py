"""The SIP adapter's call handling beyond placing and receiving (real PJSIP, sipp on loopback): hold
and resume, a conference of two calls with one muted, a blind transfer, declining a call, and a PBX
that never answers an INVITE."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pjsua2", reason="pjsua2 (PyPI pjsua2-python) is not installed")

from backend.comms.sip_adapter import SipAdapter
from tests.backend.test_comms_sip_support import (
    HANG_GUARD,
    AdapterPool,
    Recorder,
    SippPool,
    stop_promptly,
    until,
)

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[SippPool]:
    with SippPool(tmp_path) as pool:
        yield pool


@pytest.fixture
def adapters(aio: Any) -> Iterator[AdapterPool]:
    with AdapterPool(aio) as pool:
        yield pool


def test_holds_and_resumes_a_call_and_stopping_hangs_it_up(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx_hold.xml", "-m", "2")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> str:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        leg_id = await adapter.dial("1001")
        await seen.leg(leg_id, "connected")
        await adapter.hold(leg_id, True)
        await seen.leg(leg_id, "held")
        await adapter.hold(leg_id, False)
        await until(lambda: seen.states(leg_id).count("connected") == 2, HANG_GUARD, seen.legs)
        await stop_promptly(adapter)  # with the call up
        assert await pbx.exit_code() == 0, pbx.report()
        return leg_id

    leg_id = aio.run(scenario(), timeout=60)
    assert seen.states(leg_id) == ["ringing", "connected", "held", "connected", "ended"]
    assert "a=sendonly" in pbx.messages()


def test_bridges_two_calls_into_a_conference_and_mutes_one(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx.xml", "-m", "3")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def hear(leg_id: str, expected: list[str]) -> None:
        heard: list[list[str]] = []

        async def check() -> bool:
            heard.append(await adapter.hearers(leg_id))
            return heard[-1] == expected

        deadline = HANG_GUARD / 0.05
        while not await check():
            deadline -= 1
            assert deadline > 0, f"{leg_id} is heard by {heard[-1]}, not {expected}"
            await asyncio.sleep(0.05)

    async def scenario() -> list[str]:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        first = await adapter.dial("1001")
        second = await adapter.dial("1002")
        await seen.leg(first, "connected")
        await seen.leg(second, "connected")
        await hear(first, ["operator"])
        await adapter.bridge([first, second])
        await hear(first, ["operator", second])
        await hear(second, ["operator", first])
        await adapter.mute_leg(first, True)
        await hear(first, [])
        await hear(second, ["operator", first])
        await adapter.mute_leg(first, False)
        await hear(first, ["operator", second])
        await stop_promptly(adapter)
        assert await pbx.exit_code() == 0, pbx.report()
        return [first, second]

    for leg_id in aio.run(scenario(), timeout=60):
        assert seen.states(leg_id) == ["ringing", "connected", "ended"]


def test_a_blind_transfer_refers_the_far_end_and_ends_the_leg(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx_transfer.xml", "-m", "2")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> str:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        leg_id = await adapter.dial("1001")
        await seen.leg(leg_id, "connected")
        await adapter.transfer(leg_id, "1003")  # returns once the far end accepted the REFER
        await seen.leg(leg_id, "ended")
        await stop_promptly(adapter)
        assert await pbx.exit_code() == 0, pbx.report()
        return leg_id

    leg_id = aio.run(scenario(), timeout=60)
    ended = seen.last_leg(leg_id)
    assert (ended.state, ended.result) == ("ended", "transferred")
    assert f"Refer-To: sip:1003@{pbx.hostport}" in pbx.messages()


def test_a_call_the_seat_declines_gets_603(aio: Any, sipp: SippPool, adapters: AdapterPool) -> None:
    pbx = sipp.start("pbx.xml", "-m", "1")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> int:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        phone = sipp.start("phone_declined.xml", "-s", "2000", "-m", "1", f"127.0.0.1:{adapter.local_port}")
        call = await seen.first_incoming()
        await adapter.hangup(call.leg_id)
        await seen.leg(call.leg_id, "failed")
        code = await phone.exit_code()
        await stop_promptly(adapter)
        return code

    assert aio.run(scenario(), timeout=60) == 0
    failed = seen.last_leg(seen.incoming[0].leg_id)
    assert (failed.result, failed.reason) == ("rejected", "declined by the operator")


def test_a_call_the_pbx_never_answers_fails_as_unreachable(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx_silent.xml")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000", answer_timeout=1.0))
    seen = Recorder()

    async def scenario() -> str:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        leg_id = await adapter.dial("1001")
        await seen.leg(leg_id, "failed")  # after answer_timeout, not SIP's 32 s
        await stop_promptly(adapter)
        return leg_id

    leg_id = aio.run(scenario(), timeout=60)
    failed = seen.last_leg(leg_id)
    assert (failed.result, failed.reason) == ("unreachable", f"the PBX at {pbx.hostport} does not answer")
    assert seen.states(leg_id) == ["failed"]
