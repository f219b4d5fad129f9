"""Injects of the people outside the center. A department response acts on the case made from an inject
``after_s`` scenario seconds after that case was dispatched to the department (as the department
simulator would: case.transition as a handler of the unit). Radio traffic and messages go through the
comms simulations when this backend runs them; otherwise a radio inject is skipped with the reason and a
message reaches the inbox (inject_reports)."""

from __future__ import annotations

import importlib
import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.drill.inject_outcome import FireContext, FollowUp, Outcome, failed, fired, skipped
from backend.drill.scenario_model import DepartmentResponse, Inject, RadioInject
from backend.lifecycle.transition import apply_transition
from client_api import messages as m
from client_api.errors import ProtocolError
from client_api.lifecycle_messages import TransitionCase

SEAT = "drill-department"
OUTCOME_WORDS = {"accept": "签收", "return": "退回", "complete": "办结反馈"}


def arm_responses(ctx: FireContext, case_inject: str, case_id: int, department: str, t: float) -> int:
    """The case of ``case_inject`` was dispatched to ``department`` at scenario time ``t``: its
    department responses act ``after_s`` later (once per case). How many were armed."""
    armed = 0
    for inject in ctx.run.responses_to(case_inject, department):
        key = (inject.id, case_id)
        if key in ctx.run.responded:
            continue
        ctx.run.responded.add(key)
        detail = inject.detail
        assert isinstance(detail, DepartmentResponse)
        ctx.timer.add(t + detail.after_s, FollowUp(inject, _responder(ctx, inject, case_id)))
        armed += 1
    return armed


def _responder(ctx: FireContext, inject: Inject, case_id: int) -> Any:
    return lambda: respond(ctx, inject, case_id)


async def respond(ctx: FireContext, inject: Inject, case_id: int) -> Outcome:
    """The department's action on the case: accept, return, or accept (if not yet) and complete."""
    detail = inject.detail
    assert isinstance(detail, DepartmentResponse)
    store = ctx.server.store
    unit = m.Operator(
        username=f"sim:{detail.department}",
        display_name=ctx.run.name(detail.department),
        role="handler",
        unit=detail.department,
    )
    status = await store.read(_status, case_id)
    steps = [detail.outcome]
    if detail.outcome == "complete" and status == "dispatched":
        steps = ["accept", "complete"]
    note = detail.note or None
    try:
        for step in steps:
            request = TransitionCase(
                case_id=case_id,
                action=step,
                note=note if step == "return" else None,
                result=note if step == "complete" else None,
            )
            await store.run_write(apply_transition, request, unit, SEAT)
    except ProtocolError as exc:
        return failed(exc.message, f"{unit.display_name} 未能{OUTCOME_WORDS[step]}：{exc.message}")
    word = OUTCOME_WORDS[detail.outcome]
    return fired(f"{unit.display_name} {word}工单", case_id=case_id, action=detail.outcome)


async def fire_response(ctx: FireContext, inject: Inject) -> Outcome:
    """A department response given by hand: it acts on the inject's case if that case is with the
    department now (after ``after_s``)."""
    detail = inject.detail
    assert isinstance(detail, DepartmentResponse)
    cases = [cid for cid, ref in ctx.run.links.cases.items() if ref == detail.case]
    found = await ctx.server.store.read(_with_department, cases, detail.department)
    if found is None:
        reason = f"no case of inject {detail.case} is with {detail.department}"
        return skipped(reason, f"部门反馈未执行：{detail.case} 的工单不在 {ctx.run.name(detail.department)}")
    ctx.timer.add(ctx.now_t(time.time()) + detail.after_s, FollowUp(inject, _responder(ctx, inject, found)))
    word = OUTCOME_WORDS[detail.outcome]
    return fired(f"{ctx.run.name(detail.department)} 将在 {detail.after_s:g} 秒后{word}", case_id=found)


async def fire_radio(ctx: FireContext, inject: Inject) -> Outcome:
    detail = inject.detail
    assert isinstance(detail, RadioInject)
    try:
        sim = importlib.import_module("backend.comms.radio_sim")
        comms = importlib.import_module("client_api.comms_messages")
        simulator = _radio_simulator(ctx, sim)
    except (ImportError, AttributeError) as exc:
        return skipped(f"the radio simulation is not available ({exc})", "电台通话未送出：本后端没有电台模拟")
    except ProtocolError as exc:
        return skipped(exc.message, f"电台通话未送出：{exc.message}")
    request = comms.SimRadio(
        unit_id=detail.unit_id,
        group_id=detail.group_id,
        text=detail.text,
        emergency=detail.emergency,
        seconds=detail.seconds,
    )
    said = await simulator.transmit(request, ctx.trainer, None)
    what = "紧急呼叫" if detail.emergency else detail.text
    return fired(f"电台 {said.unit_name}（{said.group_id}）：{what}", transmission_id=said.id)


def _radio_simulator(ctx: FireContext, sim: Any) -> Any:
    """The running radio simulator, else one over the running radio service (only its ``transmit``)."""
    try:
        return sim.simulator_of(ctx.server)
    except ProtocolError:
        radio = importlib.import_module("backend.comms.radio_service").radio_of(ctx.server)
        return sim.RadioSimulator(radio, interval=0.0, script=[])


def _status(conn: sa.Connection, case_id: int) -> str | None:
    cases = schema.cases
    status: str | None = conn.execute(sa.select(cases.c.status).where(cases.c.id == case_id)).scalar()
    return status


def _with_department(conn: sa.Connection, case_ids: list[int], department: str) -> int | None:
    cases = schema.cases
    query = sa.select(cases.c.id).where(
        cases.c.id.in_(case_ids),
        cases.c.lead_department == department,
        cases.c.status.in_(("dispatched", "handling")),
    )
    found: int | None = conn.execute(query.order_by(cases.c.id).limit(1)).scalar()
    return found
