"""The SIP adapter (real PJSIP) against sipp on loopback playing the PBX and a far phone: it registers,
places a call that the PBX answers, receives a call the far phone places, hangs up, and maps a 404 to
an unknown number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pjsua2", reason="pjsua2 (PyPI pjsua2-python) is not installed")

from backend.comms.sip_adapter import SipAdapter
from backend.comms.telephony import TelephonyError
from tests.backend.test_comms_sip_support import (
    AdapterPool,
    Recorder,
    SippPool,
    stop_promptly,
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


def test_registers_places_a_call_the_pbx_answers_and_hangs_up(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx.xml", "-m", "2")  # the registration and one call
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> str:
        await adapter.start(seen.callbacks())
        registered = await seen.status("registered")
        assert registered.detail == f"registered as 2000 at {pbx.hostport}"
        assert adapter.status() == registered
        with pytest.raises(TelephonyError) as bad:
            await adapter.dial("12ab")
        assert bad.value.result == "unknown_number"
        leg_id = await adapter.dial("1001")
        await seen.leg(leg_id, "connected")
        await adapter.hangup(leg_id)
        await seen.leg(leg_id, "ended")
        await stop_promptly(adapter)
        assert await pbx.exit_code() == 0, pbx.report()  # it got the BYE and the unregister
        return leg_id

    leg_id = aio.run(scenario(), timeout=60)
    assert [s.state for s in seen.statuses][:3] == ["starting", "registering", "registered"]
    assert seen.statuses[-1].state == "unregistered"
    assert seen.states(leg_id) == ["ringing", "connected", "ended"]
    ended = seen.last_leg(leg_id)
    assert (ended.result, ended.reason) == ("completed", "hung up by the operator")
    messages = pbx.messages()
    assert "INVITE sip:1001@" in messages and "BYE sip:" in messages


def test_receives_a_call_from_a_far_phone_that_hangs_up(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx.xml", "-m", "1")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> int:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        phone = sipp.start("phone_call.xml", "-s", "2000", "-m", "1", f"127.0.0.1:{adapter.local_port}")
        call = await seen.first_incoming()
        assert (call.from_number, call.to_number, call.display_name) == ("1002", "2000", "Grid 7")
        await adapter.answer(call.leg_id)
        await seen.leg(call.leg_id, "ended")
        code = await phone.exit_code()
        await stop_promptly(adapter)
        return code

    assert aio.run(scenario(), timeout=60) == 0
    leg_id = seen.incoming[0].leg_id
    assert seen.states(leg_id) == ["connected", "ended"]
    ended = seen.last_leg(leg_id)
    assert (ended.result, ended.reason) == ("completed", "hung up by the far end")


def test_a_number_the_pbx_does_not_know_fails_as_unknown_number(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx_unknown.xml", "-m", "2")
    adapter = adapters.add(SipAdapter(pbx.hostport, "2000"))
    seen = Recorder()

    async def scenario() -> str:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        leg_id = await adapter.dial("9999")
        await seen.leg(leg_id, "failed")
        await stop_promptly(adapter)
        assert await pbx.exit_code() == 0, pbx.report()
        return leg_id

    leg_id = aio.run(scenario(), timeout=60)
    failed = seen.last_leg(leg_id)
    assert (failed.state, failed.result, failed.reason) == ("failed", "unknown_number", "404 Not Found")
