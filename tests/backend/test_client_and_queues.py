"""The client's event stream and errors, and the server's per-seat bounded queue."""

from __future__ import annotations

import asyncio
from typing import Any

import msgspec
import pytest

from backend.peer import Peer
from backend.server import Server
from client_api import messages as m
from client_api.client import Event, SeatClient
from client_api.envelope import encode
from client_api.errors import NotConnected
from tests.backend.wire import log_in


def test_event_stream_yields_events_in_sequence_order(aio: Any, server: Server) -> None:
    async def scenario() -> list[Event]:
        creator, watcher = SeatClient(server.url), SeatClient(server.url)
        try:
            await log_in(creator, "S1")
            await log_in(watcher, "S2")
            stream = watcher.events()
            got: list[Event] = []

            async def collect() -> None:
                async for event in stream:
                    got.append(event)
                    if len(got) == 3:
                        return

            collector = asyncio.create_task(collect())
            await asyncio.sleep(0)
            for n in range(3):
                await creator.create_case("A01", f"路{n}号", f"咨询{n}")
            await asyncio.wait_for(collector, 5)
            await stream.aclose()
            return got
        finally:
            await creator.close()
            await watcher.close()

    events = aio.run(scenario())
    assert [e.seq for e in events] == [1, 2, 3]
    assert [e.payload.case.description for e in events] == ["咨询0", "咨询1", "咨询2"]


def test_commands_without_a_connection_fail_at_once(aio: Any) -> None:
    client = SeatClient("ws://127.0.0.1:9")
    with pytest.raises(NotConnected):
        aio.run(client.create_case("A01", "路", "事"))


class _NoSocket:
    remote_address = ("127.0.0.1", 1)


def _peer(limit: int) -> Peer:
    peer = Peer(_NoSocket(), event_limit=limit)  # type: ignore[arg-type]
    peer.subscribed = True
    return peer


def test_slow_seat_overflow_drops_its_backlog_and_asks_for_resync() -> None:
    peer = _peer(limit=3)
    peer.send_reply(b"reply-1")
    for seq in range(1, 6):
        peer.send_event(seq, encode("evt", "case.created", {}, seq=seq))
    frames = [frame for _seq, frame in peer._out]
    assert frames[0] == b"reply-1", "replies are never dropped"
    assert len(frames) == 2
    resync = msgspec.json.decode(frames[1])
    assert resync["type"] == "resync.required"
    assert resync["payload"] == {"reason": "slow_consumer", "last_seq": 4}
    assert not peer.subscribed, "no more live events until the seat subscribes again"
    peer.send_event(6, b"late")
    assert len(peer._out) == 2


def test_events_are_not_sent_twice_or_before_subscribing() -> None:
    peer = _peer(limit=10)
    peer.subscribed = False
    peer.send_event(1, b"e1")
    peer.subscribed = True
    peer.send_event(2, b"e2")
    peer.send_event(2, b"e2-again")
    assert [seq for seq, _frame in peer._out] == [2]


def test_a_seat_that_fell_behind_recovers_through_a_snapshot(aio: Any, server: Server) -> None:
    server.event_limit = 2

    async def scenario() -> tuple[int, int, list[int]]:
        creator, slow = SeatClient(server.url), SeatClient(server.url)
        snapshots: list[m.CaseList] = []
        slow.add_snapshot_listener(snapshots.append)
        try:
            await log_in(creator, "S1")
            await log_in(slow, "S2")
            slow_peer = next(p for p in server.peers if p.seat_id == "S2")
            # Its socket is backed up (no direct writes) and its sender stalls.
            slow_peer.claim_direct = lambda seq: False  # type: ignore[method-assign]
            slow_peer._wake.set = lambda: None  # type: ignore[method-assign]
            for n in range(5):
                await creator.create_case("A01", f"路{n}号", f"积压{n}")
            del slow_peer._wake.set  # the sender wakes up again
            del slow_peer.claim_direct
            slow_peer._wake.set()
            for _ in range(100):
                if slow.last_seq == 5:
                    break
                await asyncio.sleep(0.05)
            return slow.last_seq, len(snapshots), [c.id for c in snapshots[-1].cases]
        finally:
            await creator.close()
            await slow.close()

    last_seq, snapshot_count, ids = aio.run(scenario())
    assert last_seq == 5
    assert snapshot_count == 2  # the first login, then the resync
    assert ids == [5, 4, 3, 2, 1]


class _Transport:
    def __init__(self, buffered: int) -> None:
        self.buffered = buffered

    def get_write_buffer_size(self) -> int:
        return self.buffered


class _Socket(_NoSocket):
    def __init__(self, buffered: int) -> None:
        self.transport = _Transport(buffered)


def test_fan_out_writes_directly_only_to_a_seat_that_keeps_up() -> None:
    keeping_up = Peer(_Socket(buffered=0), event_limit=10)  # type: ignore[arg-type]
    keeping_up.subscribed = True
    assert keeping_up.claim_direct(1)
    assert not keeping_up.claim_direct(1), "never the same event twice"
    backed_up = Peer(_Socket(buffered=1 << 20), event_limit=10)  # type: ignore[arg-type]
    backed_up.subscribed = True
    assert not backed_up.claim_direct(1), "a full socket buffer sends events through the bounded queue"
    queued = Peer(_Socket(buffered=0), event_limit=10)  # type: ignore[arg-type]
    queued.subscribed = True
    queued.send_reply(b"reply")
    assert not queued.claim_direct(1), "behind a queued frame, a direct write would overtake it"
