"""Extensions (延期): requested by the unit holding a case, decided by a supervisor; an approval moves
the completion deadline on the work calendar and clears the overdue flags."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from backend import schema
from backend.intake import deadlines
from backend.sla.extensions import decide_extension, request_extension
from backend.sla.watcher import OverdueWatcher
from backend.store import Store
from client_api import messages as m
from client_api import sla_messages as sm
from client_api.client import Event, SeatClient
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.sla_support import (
    TO_HANDLING,
    count,
    events_of,
    handled_case,
    new_case,
    read_case,
    refused,
    set_case,
    timeline,
    walk,
    write,
)
from tests.backend.test_intake_support import served
from tests.backend.wire import log_in


def ask(case_id: int, amount: int = 2, unit: str = "working_days", reason: str = "需协调管网停水") -> Any:
    return sm.RequestExtension(case_id=case_id, amount=amount, unit=unit, reason=reason)


def test_a_request_is_pending_until_decided(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    seq = aio.run(store.last_seq())
    done: sm.ExtensionRequested = write(aio, store, request_extension, ask(case.id), "handler")
    ext = done.extension
    assert (ext.state, ext.amount, ext.unit, ext.requested_by) == ("pending", 2, "working_days", "handler1")
    assert ext.old_deadline_at == case.deadline_at and ext.new_deadline_at is None
    assert done.case.extension_state == "pending" and done.case.deadline_at == case.deadline_at
    assert timeline(aio, store, case.id)[-1] == (
        "extension_requested",
        "申请延期 2 个工作日: 需协调管网停水",
        "D-CG",
    )
    events = events_of(aio, store, seq)
    assert [t for t, _ in events] == ["extension.requested", "case.updated"]
    assert json.loads(events[0][1])["case_no"] == case.case_no
    again = refused(aio, store, request_extension, ask(case.id, 1, "hours"), "handler")
    assert again.code == ErrorCode.INVALID_TRANSITION and again.details["extension_id"] == ext.id
    assert count(aio, store, schema.extensions) == 1


BAD_REQUESTS = [
    (2, "days", "理由", "unit"),
    (0, "hours", "理由", "amount"),
    (17, "working_hours", "理由", "amount"),
    (31, "working_days", "理由", "amount"),
    (2, "hours", "  ", "reason"),
    (2, "hours", "长" * 2001, "reason"),
]


def test_bad_requests_name_the_field(aio: Any, seeded_store: Store) -> None:
    case = handled_case(aio, seeded_store)
    for amount, unit, reason, field in BAD_REQUESTS:
        error = refused(aio, seeded_store, request_extension, ask(case.id, amount, unit, reason), "handler")
        assert (error.code, error.details["field"]) == (ErrorCode.INVALID_FIELD, field)
    assert count(aio, seeded_store, schema.extensions) == 0


def test_only_the_unit_holding_a_case_in_work_may_ask(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    registered = new_case(aio, store)
    walk(aio, store, registered.id, TO_HANDLING[:1])
    assert refused(aio, store, request_extension, ask(registered.id), "handler").code == (
        ErrorCode.INVALID_TRANSITION
    )
    case = handled_case(aio, store)
    water = m.Operator("handler9", "水务局", "handler", unit="D-SW")
    assert refused(aio, store, request_extension, ask(case.id), water).code == ErrorCode.FORBIDDEN
    assert refused(aio, store, request_extension, ask(999_999), "handler").code == ErrorCode.NOT_FOUND
    assert count(aio, store, schema.extensions) == 0


def test_approval_moves_the_deadline_from_now_when_overdue(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    ext = write(aio, store, request_extension, ask(case.id), "handler").extension
    past = case.created_at - 60
    set_case(aio, store, case.id, deadline_at=past, stage_deadline_at=past)
    assert aio.run(OverdueWatcher(store=store).tick()) == [case.id]
    done: sm.ExtensionDecided = write(
        aio, store, decide_extension, sm.DecideExtension(extension_id=ext.id, approve=True)
    )
    decided = done.extension
    assert decided.state == "approved" and decided.decided_at is not None
    expected = deadlines.add(decided.decided_at, 2, "working_days")
    assert (decided.old_deadline_at, decided.new_deadline_at) == (past, expected)
    after = read_case(aio, store, case.id)
    assert (after.deadline_at, after.stage_deadline_at) == (expected, expected)  # 处置中 runs to it
    assert (after.overdue, after.stage_overdue, after.extension_state) == (False, False, "approved")
    assert after.supervision_level == "general"  # the supervision the overdue brought stays
    assert timeline(aio, store, case.id)[-1][0] == "extension_approved"


def test_approval_adds_to_a_deadline_still_ahead(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    dispatched = walk(aio, store, case.id, TO_HANDLING[:2])
    ext = write(aio, store, request_extension, ask(case.id, 4, "hours"), "handler").extension
    ahead = case.created_at + 10 * 86400
    set_case(aio, store, case.id, deadline_at=ahead)
    req = sm.DecideExtension(extension_id=ext.id, approve=True, note="同意")
    done: sm.ExtensionDecided = write(aio, store, decide_extension, req)
    assert done.extension.new_deadline_at == pytest.approx(ahead + 4 * 3600, abs=1e-5)
    assert done.case.stage_deadline_at == dispatched.stage_deadline_at  # 签收 keeps its own limit
    assert str(timeline(aio, store, case.id)[-1][1]).endswith(": 同意")


def test_refusal_keeps_the_deadline_and_allows_a_new_request(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    ext = write(aio, store, request_extension, ask(case.id), "handler").extension
    req = sm.DecideExtension(extension_id=ext.id, approve=False, note="理由不充分")
    done: sm.ExtensionDecided = write(aio, store, decide_extension, req)
    assert (done.extension.state, done.extension.decision_note, done.extension.new_deadline_at) == (
        "refused",
        "理由不充分",
        None,
    )
    assert (done.case.deadline_at, done.case.extension_state) == (case.deadline_at, "refused")
    assert timeline(aio, store, case.id)[-1][:2] == ("extension_refused", "不同意延期: 理由不充分")
    twice = refused(aio, store, decide_extension, req)
    assert twice.code == ErrorCode.INVALID_TRANSITION
    missing = refused(aio, store, decide_extension, sm.DecideExtension(extension_id=999_999, approve=True))
    assert missing.code == ErrorCode.NOT_FOUND
    assert write(aio, store, request_extension, ask(case.id), "handler").extension.state == "pending"


def test_a_case_out_of_work_can_only_be_refused(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    ext = write(aio, store, request_extension, ask(case.id), "handler").extension
    walk(aio, store, case.id, [("complete", "handler", {"result": "已修复"})])
    approve = sm.DecideExtension(extension_id=ext.id, approve=True)
    assert refused(aio, store, decide_extension, approve).code == ErrorCode.INVALID_TRANSITION
    assert read_case(aio, store, case.id).extension_state == "pending"  # nothing half-written
    refuse = sm.DecideExtension(extension_id=ext.id, approve=False)
    assert write(aio, store, decide_extension, refuse).extension.state == "refused"


def test_extensions_over_the_wire(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)

    async def scenario() -> dict[str, Any]:
        handler, operator, supervisor = (SeatClient(server.url) for _ in range(3))
        heard: list[Event] = []
        got = asyncio.Event()

        def on_event(event: Event) -> None:
            if event.type == "extension.requested":
                heard.append(event)
                got.set()

        supervisor.add_event_listener(on_event)
        try:
            await log_in(handler, "H1", "handler1")
            await log_in(operator, "S1", "operator1")
            await log_in(supervisor, "S2", "supervisor1")
            asked: sm.ExtensionRequested = await handler.request("extension.request", ask(case.id))
            async with asyncio.timeout(5):
                await got.wait()
            decide = sm.DecideExtension(extension_id=asked.extension.id, approve=True)
            try:
                await operator.request("extension.decide", decide)
                forbidden = None
            except ProtocolError as exc:
                forbidden = exc
            decided: sm.ExtensionDecided = await supervisor.request("extension.decide", decide)
            return {"asked": asked, "heard": heard, "forbidden": forbidden, "decided": decided}
        finally:
            for client in (handler, operator, supervisor):
                await client.close()

    with served(aio, store) as server:
        got = aio.run(scenario())
    assert got["heard"][0].payload.extension.id == got["asked"].extension.id
    assert getattr(got["forbidden"], "code", None) == ErrorCode.FORBIDDEN
    assert got["decided"].extension.state == "approved"
    assert got["decided"].case.deadline_at == got["decided"].extension.new_deadline_at
