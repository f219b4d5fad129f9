"""Commands applied exactly once (SQLite and PostgreSQL): a repeated key gets the first answer and
changes nothing; a key whose answer was lost gets ``already_applied``; two deliveries at once apply once;
keys are per account; the seat's outbox against the real server, also across a cut link."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import ClientConnection, connect

from backend import schema
from backend.events import StoredEvent
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api import messages as m
from client_api.client import SeatClient
from client_api.outbox import Outbox
from client_api.outbox_sender import OutboxSender
from tests.backend.wire import assert_error, case_payload, frame, hello, log_in, ok, recv_reply
from tests.fault.fault_proxy import FaultProxy


@pytest.fixture
def live(aio: Any, db_url: str, fast_seed: None) -> Iterator[Server]:
    """A started server on the database under test (seeded)."""
    store = aio.run(Store.open(db_url))
    server = Server(store, port=0)
    aio.run(seed_demo(store))
    aio.run(server.start())
    try:
        yield server
    finally:
        aio.run(server.close())
        aio.run(store.close())


def counts(engine: sa.Engine) -> dict[str, int]:
    tables = {
        "cases": schema.cases,
        "timeline": schema.case_timeline,
        "events": schema.events,
        "keys": schema.applied_commands,
    }
    with engine.connect() as conn:
        return {
            name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
            for name, t in tables.items()
        }


async def logged_in(url: str, username: str = "operator1") -> ClientConnection:
    ws = await connect(url)
    await hello(ws)
    await ok(ws, "login", {"username": username, "password": "demo", "seat_id": f"K-{username}"})
    return ws


async def keyed(ws: ClientConnection, type_: str, payload: Any, key: str) -> dict[str, Any]:
    text = frame(type_, payload, key=key)
    await ws.send(text)
    reply = await recv_reply(ws, [])
    assert reply["id"] == json.loads(text)["id"]
    return reply


def test_a_repeat_gets_the_first_answer_and_changes_nothing(
    aio: Any, live: Server, sync_engine: sa.Engine
) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], dict[str, int], list[dict[str, Any]]]:
        ws = await logged_in(live.url)
        try:
            created = [await keyed(ws, "case.create", case_payload(), "create-1") for _ in range(2)]
            case_id = created[0]["payload"]["case"]["id"]
            middle = counts(sync_engine)
            step = {"case_id": case_id, "action": "register"}
            moved = [await keyed(ws, "case.transition", step, "register-1") for _ in range(3)]
            return created, middle, moved
        finally:
            await ws.close()

    created, middle, moved = aio.run(scenario())
    assert [r["kind"] for r in created + moved] == ["res"] * 5
    assert created[0]["payload"] == created[1]["payload"] and created[0]["id"] != created[1]["id"]
    assert moved[0]["payload"] == moved[1]["payload"] == moved[2]["payload"]
    assert moved[0]["payload"]["case"]["status"] == "registered"
    after = counts(sync_engine)
    assert middle["cases"] == after["cases"] == 1
    assert after["keys"] == 2
    # the transition added its timeline entry and event once
    assert after["timeline"] - middle["timeline"] == 1 and after["events"] - middle["events"] == 1


def test_a_lost_answer_gives_already_applied_and_nothing_applied(
    aio: Any, live: Server, sync_engine: sa.Engine
) -> None:
    async def scenario() -> tuple[dict[str, Any], dict[str, int], dict[str, Any]]:
        ws = await logged_in(live.url)
        try:
            first = await keyed(ws, "case.create", case_payload(), "lost-1")
            with sync_engine.begin() as conn:  # as if the backend died between commit and answer
                conn.execute(sa.update(schema.applied_commands).values(response=None))
            before = counts(sync_engine)
            return first, before, await keyed(ws, "case.create", case_payload(), "lost-1")
        finally:
            await ws.close()

    first, before, again = aio.run(scenario())
    assert first["kind"] == "res"
    assert_error(again, "already_applied")
    assert counts(sync_engine) == before and before["cases"] == 1


def test_one_key_sent_on_two_connections_at_once_applies_once(
    aio: Any, live: Server, sync_engine: sa.Engine
) -> None:
    async def scenario() -> list[dict[str, Any]]:
        seats = [await logged_in(live.url) for _ in range(2)]
        try:
            texts = [frame("case.create", case_payload("同时送达"), key="race-1") for _ in seats]
            await asyncio.gather(*(ws.send(text) for ws, text in zip(seats, texts, strict=True)))
            return list(await asyncio.gather(*(recv_reply(ws, []) for ws in seats)))
        finally:
            for ws in seats:
                await ws.close()

    replies = aio.run(scenario())
    assert counts(sync_engine)["cases"] == 1
    kinds = sorted(r["kind"] for r in replies)
    assert kinds in (["res", "res"], ["err", "res"])
    for reply in replies:
        if reply["kind"] == "err":
            assert_error(reply, "already_applied")


def test_a_key_belongs_to_its_account(aio: Any, live: Server, sync_engine: sa.Engine) -> None:
    async def scenario() -> list[dict[str, Any]]:
        seats = [await logged_in(live.url, name) for name in ("operator1", "operator2")]
        try:
            return [await keyed(ws, "case.create", case_payload(), "same-key") for ws in seats]
        finally:
            for ws in seats:
                await ws.close()

    replies = aio.run(scenario())
    assert [r["kind"] for r in replies] == ["res", "res"]
    assert replies[0]["payload"]["case"]["id"] != replies[1]["payload"]["case"]["id"]
    assert counts(sync_engine)["cases"] == 2


def test_a_bad_key_is_refused_and_reads_ignore_keys(aio: Any, live: Server) -> None:
    async def scenario() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        ws = await logged_in(live.url)
        try:
            bad = await keyed(ws, "case.create", case_payload(), "x" * 65)
            reads = [await keyed(ws, "status.get", {}, "read-1") for _ in range(2)]
            return bad, reads
        finally:
            await ws.close()

    bad, reads = aio.run(scenario())
    assert_error(bad, "malformed")
    assert [r["kind"] for r in reads] == ["res", "res"]


def test_outbox_sender_applies_once_also_when_the_link_is_cut_mid_command(
    aio: Any, live: Server, sync_engine: sa.Engine, tmp_path: Path
) -> None:
    proxy = FaultProxy(live.port)
    cut_after_commit = {"armed": False}

    def on_event(event: StoredEvent) -> None:  # the command committed; its answer is not out yet
        if cut_after_commit["armed"] and event.type == "case.created":
            cut_after_commit["armed"] = False
            proxy.drop_all()

    live.store.add_sink(on_event)

    async def scenario() -> tuple[Any, Any, Any]:
        await proxy.start()
        client = SeatClient(proxy.url, request_timeout=10, backoff=(0.05,))
        outbox = Outbox(tmp_path / "outbox.sqlite3")
        sender = OutboxSender(client, outbox)
        try:
            await log_in(client, "OB1")
            connected = await sender.submit(
                "case.create", m.CreateCase("E0101", "滨江路 2 号", "在线提交"), "1"
            )
            cut_after_commit["armed"] = True
            cut = await sender.submit("case.create", m.CreateCase("E0101", "滨江路 3 号", "断线提交"), "2")
            for _ in range(400):
                final = outbox.get(cut.entry.key)
                if final is not None and final.state == "sent":
                    break
                await asyncio.sleep(0.025)
            return connected, cut, outbox.get(cut.entry.key)
        finally:
            await sender.close()
            await client.close()
            outbox.close()
            await proxy.close()

    connected, cut, final = aio.run(scenario(), timeout=30)
    assert connected.response is not None and connected.entry.state == "sent"
    assert cut.response is None and cut.entry.state == "waiting"  # the link was cut before the answer
    assert proxy.drops == 1
    assert final is not None and final.state == "sent"
    with sync_engine.connect() as conn:
        descriptions = conn.execute(sa.select(schema.cases.c.description)).scalars().all()
    assert sorted(descriptions) == ["在线提交", "断线提交"]
