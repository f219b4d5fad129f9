"""The inbox over the wire: queue order and counts, taking and releasing, dismissing, bad input."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import msgspec
import pytest

from backend.server import Server
from client_api import messages as m
from client_api.client import Event, SeatClient
from client_api.errors import ErrorCode, ProtocolError
from client_api.inbox_api import InboxApi
from client_api.inbox_messages import SubmitIntake
from tests.backend.wire import log_in


class EventLog:
    """Every event a client applies, and a way to wait for one."""

    def __init__(self, client: SeatClient) -> None:
        self.seen: list[Event] = []
        self._changed = asyncio.Event()
        client.add_event_listener(self._on_event)

    def _on_event(self, event: Event) -> None:
        self.seen.append(event)
        self._changed.set()

    async def wait_for(self, match: Callable[[Event], bool], timeout: float = 5.0) -> Event:
        async def first() -> Event:
            while True:
                for event in self.seen:
                    if match(event):
                        return event
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(first(), timeout)


async def seat(server: Server, seat_id: str, username: str = "operator1") -> tuple[SeatClient, InboxApi]:
    client = SeatClient(server.url)
    await log_in(client, seat_id, username)
    return client, InboxApi(client)


def test_inbox_orders_by_priority_then_age_and_counts_open_items(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[list[list[str]], list[dict[str, int]]]:
        client, inbox = await seat(server, "S1", "supervisor1")
        try:
            ids = {}
            for label, channel in (
                ("grid", "grid"),
                ("app", "app"),
                ("ent-1", "enterprise"),
                ("iot", "iot"),
                ("inspector", "inspector"),
                ("ent-2", "enterprise"),
            ):
                ids[label] = (await inbox.submit(channel, f"报告 {label}", address="滨江路 1 号")).id
            first = await inbox.list()
            await inbox.take(ids["grid"])
            await inbox.dismiss(ids["app"], "重复上报")
            after = await inbox.list()
            taken = await inbox.list(status="taken")
            dismissed = await inbox.list(status="dismissed")
            enterprise = await inbox.list(channel="enterprise")
            names = {v: k for k, v in ids.items()}
            lists = [[names[i.id] for i in got.items] for got in (first, after, taken, dismissed, enterprise)]
            return lists, [first.open_counts, first.new_counts, after.open_counts, after.new_counts]
        finally:
            await client.close()

    (first, after, taken, dismissed, enterprise), counts = aio.run(scenario())
    assert first == ["ent-1", "ent-2", "iot", "grid", "app", "inspector"]
    assert after == ["ent-1", "ent-2", "iot", "grid", "inspector"]
    assert taken == ["grid"] and dismissed == ["app"]
    assert enterprise == ["ent-1", "ent-2"]
    zero = dict.fromkeys(("hotline", "inspector", "grid", "app", "web", "enterprise", "iot"), 0)
    first_open, first_new, after_open, after_new = counts
    assert first_open == first_new == zero | {"enterprise": 2, "iot": 1, "grid": 1, "app": 1, "inspector": 1}
    assert after_open == zero | {"enterprise": 2, "iot": 1, "grid": 1, "inspector": 1}
    assert after_new == zero | {"enterprise": 2, "iot": 1, "inspector": 1}, "a taken item leaves the badge"


def test_a_second_operator_cannot_take_a_taken_item(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        (c1, inbox1), (c2, inbox2) = await seat(server, "S1"), await seat(server, "S2", "operator2")
        sup, sup_inbox = await seat(server, "S3", "supervisor1")
        log2 = EventLog(c2)
        try:
            item = await inbox1.submit("inspector", "井盖缺失", address="滨江路 8 号", lat=31.3, lon=120.6)
            taken = await inbox1.take(item.id)
            seen = await log2.wait_for(lambda e: e.type == "intake.updated" and e.payload.item.id == item.id)
            out: dict[str, Any] = {"taken": taken, "seen": seen.payload}
            with pytest.raises(ProtocolError) as refused:
                await inbox2.take(item.id)
            out["refused"] = refused.value
            out["again"] = await inbox1.take(item.id)  # taking one's own item again is harmless
            with pytest.raises(ProtocolError) as not_yours:
                await inbox2.release(item.id)
            out["not_yours"] = not_yours.value
            out["released"] = await sup_inbox.release(item.id)  # a supervisor may free it
            out["taken2"] = await inbox2.take(item.id)
            return out
        finally:
            for client in (c1, c2, sup):
                await client.close()

    out = aio.run(scenario())
    assert out["taken"].status == "taken" and out["taken"].taken_by == "operator1"
    assert (out["seen"].action, out["seen"].by, out["seen"].item) == ("taken", "operator1", out["taken"])
    refused = out["refused"]
    assert refused.code == ErrorCode.INVALID_FIELD
    assert "already taken by 话务员 王芳 (operator1)" in refused.message
    assert refused.details == {"field": "item_id", "taken_by": "operator1"}
    assert out["again"] == out["taken"]
    assert out["not_yours"].code == ErrorCode.FORBIDDEN
    assert out["released"].status == "new" and out["released"].taken_by is None
    assert out["taken2"].taken_by == "operator2"


def test_a_case_from_an_item_marks_it_done_for_every_seat(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[Any, ...]:
        (c1, inbox1), (c2, inbox2) = await seat(server, "S1"), await seat(server, "S2", "operator2")
        log2 = EventLog(c2)
        try:
            item = await inbox1.submit(
                "grid", "楼道堆物", reporter_name="网格员 周", reporter_phone="13800000001"
            )
            await inbox1.take(item.id)
            req = m.CreateCase("E0101", "滨江路 8 号", "楼道堆物", channel="grid", intake_item_id=item.id)
            case = (await c1.request("case.create", req)).case
            done = await log2.wait_for(lambda e: e.type == "intake.updated" and e.payload.action == "done")
            created = await log2.wait_for(lambda e: e.type == "case.created")
            with pytest.raises(ProtocolError) as twice:  # the item cannot make a second case
                await c1.request("case.create", req)
            return case, done, created, twice.value, await inbox2.list(status="done"), await c1.list_cases()
        finally:
            await c1.close()
            await c2.close()

    case, done, created, twice, done_list, cases = aio.run(scenario())
    assert done.payload.item.status == "done" and done.payload.item.case_id == case.id
    assert created.seq < done.seq, "the case is announced before the item that points to it"
    assert twice.code == ErrorCode.INVALID_FIELD and twice.details["field"] == "intake_item_id"
    assert [i.case_id for i in done_list.items] == [case.id]
    assert [c.id for c in cases.cases] == [case.id]


def test_dismissing_needs_a_reason_and_closes_the_item(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[Any, ...]:
        client, inbox = await seat(server, "S1")
        try:
            item = await inbox.submit("iot", "水位传感器告警：东湖桥 3.2 m", lat=31.2, lon=120.7)
            with pytest.raises(ProtocolError) as no_reason:
                await inbox.dismiss(item.id, "  ")
            dismissed = await inbox.dismiss(item.id, "传感器测试")
            with pytest.raises(ProtocolError) as again:
                await inbox.take(item.id)
            with pytest.raises(ProtocolError) as missing:
                await inbox.dismiss(999_999, "无")
            return no_reason.value, dismissed, again.value, missing.value
        finally:
            await client.close()

    no_reason, dismissed, again, missing = aio.run(scenario())
    assert no_reason.code == ErrorCode.INVALID_FIELD and no_reason.details == {"field": "reason"}
    assert dismissed.status == "dismissed" and dismissed.taken_by == "operator1"
    assert dismissed.priority == 10, "sensor alarms rank above citizen reports"
    assert again.code == ErrorCode.INVALID_FIELD and "dismissed" in again.message
    assert missing.code == ErrorCode.NOT_FOUND and missing.details == {"field": "item_id"}


BAD_SUBMISSIONS = [
    ({"channel": "fax"}, "channel"),
    ({"content": "   "}, "content"),
    ({"content": "长" * 4001}, "content"),
    ({"lat": 31.2}, "lon"),
    ({"lat": 91.0, "lon": 120.0}, "lat"),
    ({"reporter_phone": "call me"}, "reporter_phone"),
    ({"reporter_name": "名" * 65}, "reporter_name"),
    ({"address": "路" * 513}, "address"),
]


@pytest.mark.parametrize(("over", "field"), BAD_SUBMISSIONS)
def test_bad_submissions_are_refused_and_store_nothing(
    aio: Any, server: Server, over: dict[str, Any], field: str
) -> None:
    async def scenario() -> tuple[ProtocolError, int, int, int]:
        client, _inbox = await seat(server, "S1", "handler1")  # field staff may send reports in
        admin, admin_inbox = await seat(server, "S2", "admin")
        try:
            before = (await client.status()).last_seq
            with pytest.raises(ProtocolError) as refused:
                await client.request("intake.submit", _submission(over))
            listed = await admin_inbox.list()
            return refused.value, before, (await client.status()).last_seq, sum(listed.open_counts.values())
        finally:
            await client.close()
            await admin.close()

    refused, seq_before, seq_after, open_items = aio.run(scenario())
    assert refused.code == ErrorCode.INVALID_FIELD
    assert refused.details == {"field": field}
    assert seq_after == seq_before and open_items == 0


def _submission(over: dict[str, Any]) -> SubmitIntake:
    return msgspec.convert({"channel": "inspector", "content": "井盖缺失"} | over, SubmitIntake)


def test_bad_list_filters_are_refused(aio: Any, server: Server) -> None:
    async def scenario() -> list[ProtocolError]:
        client, inbox = await seat(server, "S1")
        errors = []
        try:
            for kwargs in ({"status": "closed"}, {"channel": "fax"}, {"limit": 0}):
                with pytest.raises(ProtocolError) as refused:
                    await inbox.list(**kwargs)
                errors.append(refused.value)
            return errors
        finally:
            await client.close()

    errors = aio.run(scenario())
    assert [(e.code, e.details["field"]) for e in errors] == [
        (ErrorCode.INVALID_FIELD, "status"),
        (ErrorCode.INVALID_FIELD, "channel"),
        (ErrorCode.INVALID_FIELD, "limit"),
    ]
