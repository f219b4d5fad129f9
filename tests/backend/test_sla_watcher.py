"""The overdue watcher: stage and completion deadlines flagged once, with timeline and events;
completion overdue puts a case under supervision; seats hear of it over the wire."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.server import Server
from backend.sla.watcher import OverdueWatcher
from backend.store import Store
from client_api.client import Event, SeatClient
from tests.backend.sla_support import (
    act,
    events_of,
    handled_case,
    new_case,
    read_case,
    set_case,
    timeline,
)
from tests.backend.wire import log_in


def overdue_kinds(events: list[tuple[str, bytes]]) -> list[str]:
    return [json.loads(payload)["kind"] for type_, payload in events if type_ == "case.overdue"]


def test_a_stage_past_its_deadline_is_flagged_once(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(store=store)
    case = new_case(aio, store)
    assert case.stage_deadline_at is not None
    assert aio.run(watcher.tick(case.created_at)) == []  # nothing due yet
    seq = aio.run(store.last_seq())
    assert aio.run(watcher.tick(case.stage_deadline_at + 1)) == [case.id]
    flagged = read_case(aio, store, case.id)
    assert (flagged.stage_overdue, flagged.overdue, flagged.supervision_level) == (True, False, None)
    assert timeline(aio, store, case.id)[-1] == ("overdue", "派遣阶段超时", None)
    events = events_of(aio, store, seq)
    assert [t for t, _ in events] == ["case.overdue", "case.updated"]
    first = json.loads(events[0][1])
    assert (first["kind"], first["status"], first["deadline_at"]) == (
        "stage",
        "received",
        case.stage_deadline_at,
    )
    assert aio.run(watcher.tick(case.stage_deadline_at + 2)) == []  # not twice


def test_completion_overdue_puts_the_case_under_supervision(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(store=store)
    case = handled_case(aio, store)
    assert case.status == "handling" and case.deadline_at is not None
    seq = aio.run(store.last_seq())
    assert aio.run(watcher.tick(case.deadline_at + 1)) == [case.id]
    flagged = read_case(aio, store, case.id)
    assert (flagged.stage_overdue, flagged.overdue, flagged.supervision_level) == (True, True, "general")
    assert timeline(aio, store, case.id)[-2:] == [
        ("overdue", "超过办结时限", "D-CG"),
        ("supervised", "超期自动督办", "D-CG"),
    ]
    events = events_of(aio, store, seq)
    assert overdue_kinds(events) == ["completion"]  # in 处置中 the stage deadline is the completion one
    assert [t for t, _ in events].count("case.updated") == 1
    assert json.loads(events[0][1])["lead_department"] == "D-CG"


def test_a_supervised_case_keeps_its_level_and_stages_are_told_apart(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(store=store)
    case = new_case(aio, store)
    act(aio, store, case.id, "register", "operator")
    dispatched = act(aio, store, case.id, "dispatch", "operator", department_code="D-CG")
    assert dispatched.stage_deadline_at is not None and case.deadline_at is not None
    set_case(aio, store, case.id, supervision_level="key")
    seq = aio.run(store.last_seq())
    later = max(dispatched.stage_deadline_at, case.deadline_at) + 1
    assert aio.run(watcher.tick(later)) == [case.id]
    flagged = read_case(aio, store, case.id)
    assert (flagged.stage_overdue, flagged.overdue, flagged.supervision_level) == (True, True, "key")
    assert [a for a, _n, _d in timeline(aio, store, case.id)][-2:] == ["overdue", "overdue"]
    assert timeline(aio, store, case.id)[-2][1] == "签收阶段超时"
    assert overdue_kinds(events_of(aio, store, seq)) == ["stage", "completion"]


def test_closed_and_suspended_cases_are_left_alone(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(store=store)
    answered = new_case(aio, store, "A01", resolution="已告知办理流程")
    suspended = handled_case(aio, store)
    act(aio, store, suspended.id, "suspend", "supervisor", note="等待管网改造")
    assert answered.deadline_at is not None and suspended.deadline_at is not None
    assert aio.run(watcher.tick(max(answered.deadline_at, suspended.deadline_at) + 1)) == []


def test_a_tick_takes_a_batch_and_the_next_tick_the_rest(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(store=store, batch=2)
    cases = [new_case(aio, store) for _ in range(3)]
    later = max(c.stage_deadline_at or 0 for c in cases) + 1
    assert aio.run(watcher.tick(later)) == [cases[0].id, cases[1].id]
    assert aio.run(watcher.tick(later)) == [cases[2].id]
    assert aio.run(watcher.tick(later)) == []


def test_seats_hear_of_an_overdue_case_once(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    watcher = OverdueWatcher(interval=0.05)
    server = Server(store, port=0, services=[watcher])

    async def scenario() -> list[Event]:
        await server.start()
        seat = SeatClient(server.url)
        heard: list[Event] = []
        created = asyncio.Event()

        def on_event(event: Event) -> None:
            heard.append(event)
            if event.type == "case.created":
                created.set()

        seat.add_event_listener(on_event)
        try:
            await log_in(seat, "S1")
            case = await seat.create_case("E0502", "滨江路88号", "水管爆裂")
            await created.wait()
            created.clear()
            # The loop runs on its own: pull the deadline into the past and wait for the notice.
            await store.run_write(_past_stage, case.id)
            async with asyncio.timeout(5):
                while not any(e.type == "case.overdue" for e in heard):
                    await asyncio.sleep(0.02)
            await watcher.tick()  # and by hand: nothing new
            await seat.create_case("E0502", "滨江路90号", "又一处漏水")  # a marker after the ticks
            async with asyncio.timeout(5):
                await created.wait()
            return heard
        finally:
            await seat.close()
            await server.close()

    heard = aio.run(scenario())
    overdue = [e for e in heard if e.type == "case.overdue"]
    assert len(overdue) == 1
    assert (overdue[0].payload.kind, overdue[0].payload.status) == ("stage", "received")


def _past_stage(conn: sa.Connection, case_id: int) -> tuple[None, list[Any]]:
    cases = schema.cases
    conn.execute(sa.update(cases).where(cases.c.id == case_id).values(stage_deadline_at=cases.c.created_at))
    return None, []
