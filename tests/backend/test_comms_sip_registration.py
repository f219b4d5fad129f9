"""The SIP adapter's registration when the PBX misbehaves (real PJSIP, sipp on loopback): nobody
listening, a 403, a PBX that drops the registration or goes away. Each gives a state in words and a
retry with back-off; start() and stop() never wait on the PBX."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pjsua2", reason="pjsua2 (PyPI pjsua2-python) is not installed")

from backend.comms.sip_adapter import SipAdapter
from backend.comms.telephony import TelephonyError
from tests.backend.test_comms_sip_support import (
    HANG_GUARD,
    AdapterPool,
    Recorder,
    SippPool,
    free_udp_port,
    stop_promptly,
    until,
)

pytestmark = pytest.mark.timeout(90)


def quick(registrar: str, password: str = "", reregister: float = 300.0) -> SipAdapter:
    """An adapter with timings short enough for tests: the PBX may stay silent for 1 s; retries
    after 0.5 s, 1 s, 2 s …"""
    return SipAdapter(
        registrar,
        "2000",
        password=password,
        reregister=reregister,
        answer_timeout=1.0,
        retry_first=0.5,
        retry_longest=4.0,
    )


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[SippPool]:
    with SippPool(tmp_path) as pool:
        yield pool


@pytest.fixture
def adapters(aio: Any) -> Iterator[AdapterPool]:
    with AdapterPool(aio) as pool:
        yield pool


def test_an_unreachable_pbx_fails_in_words_and_retries_with_back_off(aio: Any, adapters: AdapterPool) -> None:
    nobody = f"127.0.0.1:{free_udp_port()}"  # no PBX listens there
    adapter = adapters.add(quick(nobody))
    seen = Recorder()

    async def scenario() -> tuple[Any, Any, TelephonyError]:
        await adapter.start(seen.callbacks())  # returns once the transport is up
        first = await seen.status("failed")
        with pytest.raises(TelephonyError) as refused:
            await adapter.dial("1001")
        second = await seen.status("failed", after=seen.statuses.index(first) + 1)
        await stop_promptly(adapter)
        return first, second, refused.value

    first, second, refused = aio.run(scenario(), timeout=60)
    assert first.detail == f"the PBX at {nobody} does not answer"
    assert first.registrar == nobody
    assert first.retry_at is not None and second.retry_at is not None
    assert second.retry_at - second.since > first.retry_at - first.since  # backing off
    between = [s.state for s in seen.statuses[seen.statuses.index(first) :]]
    assert between[:3] == ["failed", "registering", "failed"]
    assert (refused.result, refused.reason) == ("unreachable", f"not registered to the PBX: {first.detail}")


def test_a_refused_registration_says_403_and_retries(aio: Any, sipp: SippPool, adapters: AdapterPool) -> None:
    pbx = sipp.start("pbx_refuse.xml")
    adapter = adapters.add(quick(pbx.hostport, password="wrong"))
    seen = Recorder()

    async def scenario() -> Any:
        await adapter.start(seen.callbacks())
        refused = await seen.status("failed")
        await seen.status("registering", after=seen.statuses.index(refused) + 1)  # the retry
        await stop_promptly(adapter)
        return refused

    refused = aio.run(scenario(), timeout=60)
    assert refused.detail == "registration refused: 403 Forbidden"
    assert refused.retry_at is not None and refused.retry_at > refused.since
    assert pbx.messages().count("SIP/2.0 403 Forbidden") >= 2


def test_a_registration_the_pbx_drops_is_unregistered_and_retried(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx_drop.xml")  # 200 OK once, then 503 to the refresh and every retry
    adapter = adapters.add(quick(pbx.hostport, reregister=2))
    seen = Recorder()

    async def scenario() -> tuple[Any, Any]:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        lost = await seen.status("unregistered")
        again = await seen.status("failed", after=seen.statuses.index(lost) + 1)
        await stop_promptly(adapter)
        return lost, again

    lost, again = aio.run(scenario(), timeout=60)
    assert lost.detail == "the PBX dropped the registration: 503 Service Unavailable"
    assert lost.retry_at is not None
    assert again.detail == "registration refused: 503 Service Unavailable"


def test_refreshes_keep_the_registration_without_a_word(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    """PJSIP refreshes a short registration every 5 s; the watchdog must not take that for silence."""
    pbx = sipp.start("pbx.xml")
    adapter = adapters.add(quick(pbx.hostport, reregister=2))
    seen = Recorder()

    async def scenario() -> None:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        await until(lambda: pbx.messages().count("SIP/2.0 200 OK") >= 3, 3 * HANG_GUARD)  # two refreshes
        await stop_promptly(adapter)

    aio.run(scenario(), timeout=60)
    assert [s.state for s in seen.statuses] == ["starting", "registering", "registered", "unregistered"]


def test_a_pbx_that_goes_away_loses_the_registration_and_retries(
    aio: Any, sipp: SippPool, adapters: AdapterPool
) -> None:
    pbx = sipp.start("pbx.xml")
    adapter = adapters.add(quick(pbx.hostport, reregister=2))
    seen = Recorder()

    async def scenario() -> tuple[Any, Any]:
        await adapter.start(seen.callbacks())
        await seen.status("registered")
        pbx.kill()
        lost = await seen.status("unregistered")
        retried = await seen.status("failed", after=seen.statuses.index(lost) + 1)
        await stop_promptly(adapter)
        return lost, retried

    lost, retried = aio.run(scenario(), timeout=60)
    assert lost.detail == f"the registration was lost: the PBX at {pbx.hostport} does not answer"
    assert lost.retry_at is not None
    assert retried.detail == f"the PBX at {pbx.hostport} does not answer"


def test_adapters_start_and_stop_one_after_another_in_one_process(aio: Any, adapters: AdapterPool) -> None:
    """PJSIP allows one endpoint per process: each stop destroys it so the next start can create it."""
    nobody = f"127.0.0.1:{free_udp_port()}"
    ports = []
    for _ in range(3):
        adapter = adapters.add(quick(nobody))
        aio.run(adapter.start(Recorder().callbacks()), timeout=HANG_GUARD)
        ports.append(adapter.local_port)
        aio.run(stop_promptly(adapter), timeout=HANG_GUARD + 5)
        assert adapter.status().state == "unregistered"
    assert all(port > 0 for port in ports)


def test_a_port_in_use_fails_start_with_the_reason(aio: Any, adapters: AdapterPool) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        adapter = adapters.add(SipAdapter("127.0.0.1:5060", "2000", port=port))
        seen = Recorder()
        with pytest.raises(TelephonyError) as refused:
            aio.run(adapter.start(seen.callbacks()), timeout=HANG_GUARD)
    assert refused.value.result == "unreachable"
    assert refused.value.reason.startswith(
        f"the SIP stack did not start: cannot listen for SIP on 127.0.0.1:{port}"
    )
    assert [s.state for s in seen.statuses] == ["starting", "failed"]
    assert adapter.status().detail == refused.value.reason
    # The endpoint was destroyed: the next adapter starts.
    after = adapters.add(quick(f"127.0.0.1:{free_udp_port()}"))
    aio.run(after.start(Recorder().callbacks()), timeout=HANG_GUARD)
    assert after.local_port > 0
