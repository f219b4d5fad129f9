"""The lifecycle table, applied: every state walked on SQLite and PostgreSQL, refusals that change
nothing, the docs generated from the table, and random command sequences that never break it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend import schema
from backend.lifecycle.render import render
from backend.lifecycle.rules import (
    BY_ACTION,
    FINAL_STATES,
    ROLES_IN_TABLE,
    STATES,
    TRANSITIONS,
    reachable_states,
)
from backend.lifecycle.transition import apply_transition
from backend.store import Store
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.lifecycle_messages import TransitionCase

DOC = Path(__file__).resolve().parents[2] / "docs" / "lifecycle.md"
PEOPLE = {
    "operator": m.Operator("operator1", "话务员", "operator"),
    "handler": m.Operator("handler1", "城管局", "handler"),
    "supervisor": m.Operator("supervisor1", "值班长", "supervisor"),
}
FIELDS = {"note": "说明", "department_code": "D-SW", "result": "已修复", "satisfaction": "satisfied"}


def test_every_state_is_reachable_and_final_states_are_final() -> None:
    assert reachable_states() == set(STATES)
    for t in TRANSITIONS:
        assert not t.sources & FINAL_STATES, t.action
        assert t.sources <= set(STATES) and t.target in STATES


def test_docs_are_generated_from_the_table() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "run python -m backend.lifecycle.render > docs/lifecycle.md"
    )


def act(aio: Any, store: Store, case_id: int, action: str, role: str, **fields: Any) -> m.CaseRecord:
    request = TransitionCase(case_id=case_id, action=action, **fields)
    case, _from = aio.run(store.run_write(apply_transition, request, PEOPLE[role], "S1"))
    return case


def timeline(aio: Any, store: Store, case_id: int) -> list[tuple[str, str | None, str | None]]:
    async def read() -> list[tuple[str, str | None, str | None]]:
        t = schema.case_timeline
        query = (
            sa.select(t.c.action, t.c.from_status, t.c.to_status)
            .where(t.c.case_id == case_id)
            .order_by(t.c.id)
        )
        async with store.engine.connect() as conn:
            return [tuple(r) for r in (await conn.execute(query)).all()]  # type: ignore[misc]

    return aio.run(read())


def new_case(aio: Any, store: Store) -> m.CaseRecord:
    request = m.CreateCase("E0502", "滨江路88号", "水管爆裂")
    return aio.run(store.create_case(request, PEOPLE["operator"], "S1"))


def test_a_case_walks_every_state(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    steps = [
        ("register", "operator", {}),
        ("dispatch", "operator", {"department_code": "D-SW"}),
        ("return", "handler", {"note": "不属于本部门"}),
        ("dispatch", "operator", {"department_code": "D-CG"}),
        ("accept", "handler", {}),
        ("suspend", "supervisor", {"note": "等待管网改造"}),
        ("resume", "supervisor", {}),
        ("accept", "handler", {}),
        ("complete", "handler", {"result": "已更换阀门"}),
        ("verify_pass", "operator", {}),
        ("callback_unsatisfied", "operator", {"note": "仍有渗水"}),
        ("accept", "handler", {}),
        ("complete", "handler", {"result": "已重新修复"}),
        ("verify_pass", "operator", {}),
        ("callback_done", "operator", {"satisfaction": "satisfied"}),
        ("archive", "supervisor", {}),
    ]
    seen = {case.status}
    for action, role, fields in steps:
        case = act(aio, store, case.id, action, role, **fields)
        assert case.status == BY_ACTION[action].target
        seen.add(case.status)
    assert seen == set(STATES) - {"voided"}
    assert (case.lead_department, case.result, case.satisfaction, case.reopen_count) == (
        "D-CG",
        "已重新修复",
        "satisfied",
        1,
    )
    assert case.closed_at is not None
    assert [row[0] for row in timeline(aio, store, case.id)] == ["created"] + [s[0] for s in steps]


def test_refusals_name_the_rule_and_change_nothing(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    before = timeline(aio, store, case.id)
    refusals = [
        ("archive", "supervisor", {}, ErrorCode.INVALID_TRANSITION),
        ("register", "handler", {}, ErrorCode.FORBIDDEN),
        ("void", "operator", {}, ErrorCode.INVALID_FIELD),  # needs a note
        ("fly", "operator", {}, ErrorCode.INVALID_FIELD),
    ]
    for action, role, fields, code in refusals:
        with pytest.raises(ProtocolError) as raised:
            act(aio, store, case.id, action, role, **fields)
        assert raised.value.code == code, action
    act(aio, store, case.id, "register", "operator")
    with pytest.raises(ProtocolError) as raised:
        act(aio, store, case.id, "dispatch", "operator", department_code="NOPE")
    assert raised.value.details == {"field": "department_code"}
    assert timeline(aio, store, case.id) == [*before, ("register", "received", "registered")]
    assert aio.run(store.list_cases(5))[0].status == "registered"


def test_three_reopenings_escalate(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = new_case(aio, store)
    act(aio, store, case.id, "register", "operator")
    act(aio, store, case.id, "dispatch", "operator", department_code="D-SW")
    for n in range(3):
        act(aio, store, case.id, "accept", "handler")
        act(aio, store, case.id, "complete", "handler", result=f"第{n + 1}次")
        case = act(aio, store, case.id, "verify_fail", "operator", note="现场未修复")
    assert (case.reopen_count, case.supervision_level) == (3, "escalated")
    assert timeline(aio, store, case.id)[-1][0] == "escalated"


ACTIONS = st.sampled_from([*sorted(BY_ACTION), "fly"])
ROLES = st.sampled_from(sorted(PEOPLE))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(commands=st.lists(st.tuples(ACTIONS, ROLES, st.booleans()), min_size=1, max_size=25))
def test_random_commands_never_leave_the_table(aio: Any, seeded_store: Store, commands: list[Any]) -> None:
    store = seeded_store
    case = new_case(aio, store)
    status, entries = case.status, len(timeline(aio, store, case.id))
    for action, role, with_fields in commands:
        fields = FIELDS if with_fields else {}
        try:
            case = act(aio, store, case.id, action, role, **fields)
        except ProtocolError:
            assert len(timeline(aio, store, case.id)) == entries, "a refusal wrote to the timeline"
            continue
        rule = BY_ACTION[action]
        assert status in rule.sources and case.status == rule.target and role in rule.roles
        rows = timeline(aio, store, case.id)
        assert rows[entries] == (action, status, rule.target), "the timeline accounts for the change"
        entries, status = len(rows), case.status
    assert status in STATES
    assert set(ROLES_IN_TABLE) >= set(PEOPLE)
