"""The protocol against an in-process server: hello, login, commands, events, replay and resync."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect

from backend.server import Server
from client_api import messages as m
from client_api.client import ConnectionState, Event, SeatClient
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.wire import (
    DEMO_PASSWORD,
    DEMO_USER,
    assert_error,
    call,
    case_payload,
    frame,
    hello,
    hello_login,
    log_in,
    ok,
    recv,
)


@pytest.mark.parametrize("versions", [[1], [1, 2], [7, 1]])
def test_hello_negotiates_version_1(aio: Any, server: Server, versions: list[int]) -> None:
    async def scenario() -> dict[str, Any]:
        async with connect(server.url) as ws:
            return await ok(ws, "hello", {"client": "t", "versions": versions})

    result = aio.run(scenario())
    assert result["version"] == 1
    assert result["server"] == "command-seat-server"
    assert result["last_seq"] == 0
    assert (result["exercise"], result["demo"]) == (False, False)


@pytest.mark.parametrize("versions", [[], [2], [0, 2, 99]])
def test_hello_without_a_common_version_is_refused(aio: Any, server: Server, versions: list[int]) -> None:
    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with connect(server.url) as ws:
            refused = await call(ws, "hello", {"client": "t", "versions": versions})
            after = await call(ws, "ping")  # the failed hello did not count
            return refused, after

    refused, after = aio.run(scenario())
    assert_error(refused, ErrorCode.UNSUPPORTED_VERSION)
    assert refused["type"] == "hello"
    assert_error(after, ErrorCode.NOT_HELLO)


@pytest.mark.parametrize(
    ("type_", "payload"),
    [
        ("ping", {}),
        ("login", {"username": DEMO_USER, "password": DEMO_PASSWORD, "seat_id": "S1"}),
        ("case.list", {}),
        ("subscribe", {"from_seq": 0}),
    ],
)
def test_requests_before_hello_are_refused(aio: Any, server: Server, type_: str, payload: Any) -> None:
    async def scenario() -> dict[str, Any]:
        async with connect(server.url) as ws:
            return await call(ws, type_, payload)

    reply = aio.run(scenario())
    assert_error(reply, ErrorCode.NOT_HELLO)
    assert reply["type"] == type_


@pytest.mark.parametrize(
    ("type_", "payload"),
    [
        ("case.create", case_payload()),
        ("case.list", {}),
        ("subscribe", {}),
        ("reference.get", {}),
        ("status.get", {}),
        ("logout", {}),
    ],
)
def test_commands_need_a_login(aio: Any, server: Server, type_: str, payload: Any) -> None:
    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with connect(server.url) as ws:
            await hello(ws)
            return await call(ws, type_, payload), await call(ws, "ping")

    refused, pong = aio.run(scenario())
    assert_error(refused, ErrorCode.NOT_AUTHENTICATED)
    assert pong["kind"] == "res"
    assert aio.run(server.store.count_cases()) == 0


def test_bad_credentials_do_not_log_in(aio: Any, server: Server) -> None:
    async def scenario() -> list[dict[str, Any]]:
        async with connect(server.url) as ws:
            await hello(ws)
            return [
                await call(ws, "login", {"username": DEMO_USER, "password": "wrong", "seat_id": "S1"}),
                await call(ws, "login", {"username": "nobody", "password": DEMO_PASSWORD, "seat_id": "S1"}),
                await call(ws, "case.list", {}),
                await call(ws, "login", {"username": DEMO_USER, "password": DEMO_PASSWORD, "seat_id": " "}),
                await call(ws, "login", {"username": DEMO_USER, "password": DEMO_PASSWORD, "seat_id": "S1"}),
                await call(ws, "case.list", {}),
            ]

    wrong, unknown, unauth, no_seat, good, listed = aio.run(scenario())
    assert_error(wrong, ErrorCode.BAD_CREDENTIALS)
    assert_error(unknown, ErrorCode.BAD_CREDENTIALS)
    assert wrong["payload"]["message"] == unknown["payload"]["message"]  # does not tell which was wrong
    assert_error(unauth, ErrorCode.NOT_AUTHENTICATED)
    assert_error(no_seat, ErrorCode.INVALID_FIELD)
    assert good["payload"]["operator"]["username"] == DEMO_USER
    assert good["payload"]["seat_id"] == "S1"
    assert listed["payload"] == {"cases": [], "last_seq": 0}


def test_overlong_seat_id_is_refused_at_login(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with connect(server.url) as ws:
            await hello(ws)
            login = {"username": DEMO_USER, "password": DEMO_PASSWORD, "seat_id": "S" * 65}
            return await call(ws, "login", login)

    assert_error(aio.run(scenario()), ErrorCode.INVALID_FIELD)


def test_case_created_reaches_the_other_seat(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[m.CaseRecord, list[Event], m.Status]:
        creator, watcher = SeatClient(server.url), SeatClient(server.url)
        seen: asyncio.Queue[Event] = asyncio.Queue()
        watcher.add_event_listener(seen.put_nowait)
        try:
            await log_in(creator, "S1")
            await log_in(watcher, "S2")
            case = await creator.create_case("E0101", "滨江路 8 号", "井盖缺失", grid_code="32099900100101")
            first = await asyncio.wait_for(seen.get(), 5)
            second_case = await creator.create_case("E0102", "滨江路 9 号", "暴露垃圾")
            second = await asyncio.wait_for(seen.get(), 5)
            assert second.payload.case == second_case
            return case, [first, second], await watcher.status()
        finally:
            await creator.close()
            await watcher.close()

    case, events, status = aio.run(scenario())
    assert case.status == "received" and case.seat_id == "S1" and case.created_by == "operator1"
    assert [(e.type, e.seq) for e in events] == [("case.created", 1), ("case.created", 2)]
    assert events[0].payload == m.CaseCreatedEvent(case=case)
    assert (status.cases, status.last_seq, status.connected_seats) == (2, 2, 2)


def test_client_raises_the_servers_error(aio: Any, server: Server) -> None:
    async def scenario() -> None:
        client = SeatClient(server.url)
        try:
            client.start()
            await client.wait_connected(5)
            assert client.state is ConnectionState.CONNECTED
            await client.login("operator1", "demo", "S1")
            await client.create_case("NOPE", "滨江路 8 号", "井盖缺失")
        finally:
            await client.close()

    with pytest.raises(ProtocolError) as info:
        aio.run(scenario())
    assert info.value.code == ErrorCode.INVALID_FIELD
    assert info.value.details == {"field": "category_code"}


def test_subscribe_replays_exactly_the_missed_events(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], dict[str, Any], list[dict[str, Any]]]:
        async with connect(server.url) as author, connect(server.url) as late:
            await hello_login(author, "S1")
            created = [await ok(author, "case.create", case_payload(f"第{i}件")) for i in range(4)]
            await hello_login(late, "S2")
            await late.send(frame("subscribe", {"from_seq": 1}))
            frames = [await recv(late) for _ in range(4)]  # 3 replayed events, then the answer
            live = await ok(author, "case.create", case_payload("新的"))
            frames.append(await recv(late))
            pong = await call(late, "ping")  # nothing else was queued before it
            assert pong["kind"] == "res"
            return frames, live, created

    frames, live, created = aio.run(scenario())
    replayed, answer, live_event = frames[:3], frames[3], frames[4]
    headers = [(f["kind"], f["type"], f["seq"]) for f in replayed]
    assert headers == [("evt", "case.created", seq) for seq in (2, 3, 4)]
    assert [f["payload"]["case"] for f in replayed] == [c["case"] for c in created[1:]]
    assert (answer["kind"], answer["type"]) == ("res", "subscribe")
    assert answer["payload"] == {"last_seq": 4, "replayed": 3}
    assert (live_event["kind"], live_event["seq"]) == ("evt", 5)
    assert live_event["payload"]["case"] == live["case"]


def test_subscribe_ahead_of_the_server_asks_for_resync(aio: Any, server: Server) -> None:
    async def scenario() -> list[dict[str, Any]]:
        async with connect(server.url) as author, connect(server.url) as seat:
            await hello_login(author, "S1")
            await ok(author, "case.create", case_payload())
            await hello_login(seat, "S2")
            await seat.send(frame("subscribe", {"from_seq": 40}))
            frames = [await recv(seat), await recv(seat)]
            await ok(author, "case.create", case_payload("第二件"))
            frames.append(await recv(seat))
            return frames

    resync, answer, live = aio.run(scenario())
    assert (resync["kind"], resync["type"]) == ("evt", "resync.required")
    assert resync["payload"] == {"reason": "ahead_of_server", "last_seq": 1}
    assert answer["payload"] == {"last_seq": 1, "replayed": 0}
    assert (live["kind"], live["type"], live["seq"]) == ("evt", "case.created", 2)


def test_client_ahead_of_the_server_reloads_its_snapshot(aio: Any, server: Server) -> None:
    """A seat that kept seq 40 from another database resynchronises instead of waiting for seq 41."""

    async def scenario() -> tuple[list[m.CaseList], int, Event]:
        author, seat = SeatClient(server.url), SeatClient(server.url)
        snapshots: list[m.CaseList] = []
        reloaded = asyncio.Event()

        def on_snapshot(snapshot: m.CaseList) -> None:
            snapshots.append(snapshot)
            reloaded.set()

        seat.add_snapshot_listener(on_snapshot)
        events: asyncio.Queue[Event] = asyncio.Queue()
        seat.add_event_listener(events.put_nowait)
        try:
            author.start()
            await author.wait_connected(5)
            await author.login("operator1", "demo", "S1")
            await author.create_case("E0101", "滨江路 8 号", "井盖缺失")
            seat.last_seq = 40
            seat.start()
            await seat.wait_connected(5)
            await seat.login("operator2", "demo", "S2")
            await asyncio.wait_for(reloaded.wait(), 5)
            await author.create_case("E0102", "滨江路 9 号", "暴露垃圾")
            event = await asyncio.wait_for(events.get(), 5)
            return snapshots, seat.last_seq, event
        finally:
            await author.close()
            await seat.close()

    snapshots, last_seq, event = aio.run(scenario())
    assert [(len(s.cases), s.last_seq) for s in snapshots] == [(1, 1)]
    assert (event.seq, last_seq) == (2, 2)
