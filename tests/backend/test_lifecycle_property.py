"""Random sequences of commands from random accounts, over the wire, on SQLite and PostgreSQL: the case
never reaches a state the lifecycle table forbids, refusals change nothing, side actions (supervision,
urge, extensions, progress, consultations) never move the status, and the timeline accounts for every
change — its status changes chain from 受理 to the case's status with no gap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.lifecycle.rules import BY_ACTION, STATES
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api import dispatch_messages as dm
from client_api import intake_messages as im
from client_api import lifecycle_messages as lm
from client_api import sla_messages as sm
from client_api.client import SeatClient
from client_api.errors import ProtocolError
from tests.backend.wire import log_in

ACCOUNTS = ("operator1", "supervisor1", "handler1", "town1", "grid1", "village1")
UNITS = ("D-CG", "D-SW", "T-001", "V-320999001001", "G-32099900100101")
SIDE = ("supervise", "urge", "extension.request", "extension.decide", "progress", "consultation.open")
COMMANDS = st.sampled_from([*sorted(BY_ACTION), *SIDE])


@pytest.fixture
def wire(aio: Any, db_url: str, fast_seed: None) -> Iterator[dict[str, SeatClient]]:
    """A server on the database under test and one logged-in client per account."""
    store = aio.run(Store.open(db_url))
    server = Server(store, port=0)
    clients: dict[str, SeatClient] = {}

    async def start() -> None:
        assert await seed_demo(store)
        await server.start()
        for name in ACCOUNTS:
            clients[name] = SeatClient(server.url, request_timeout=10)
            await log_in(clients[name], f"P-{name}", username=name)

    async def stop() -> None:
        for client in clients.values():
            await client.close()
        await server.close()
        await store.close()

    aio.run(start())
    try:
        yield clients
    finally:
        aio.run(stop())


ROLE_OF = {"operator1": "operator", "supervisor1": "supervisor", "handler1": "handler", "town1": "operator"}
ROLE_OF |= {"grid1": "handler", "village1": "handler"}


def request_for(
    command: str, case_id: int, pick: Any, pending: int | None, with_fields: bool
) -> tuple[str, msgspec.Struct]:
    note = pick(["说明情况", "现场已处置"] if with_fields else ["", "说明情况"])
    if command in BY_ACTION:
        fields: dict[str, Any] = {"note": note or None}
        if with_fields:
            fields |= {
                "department_code": pick(UNITS),
                "result": "已处置",
                "satisfaction": pick(["satisfied", "basically_satisfied", "satisfied", "angry"]),
                "co_departments": pick([[], ["D-SW"], ["D-CG"]]),
            }
        return "case.transition", lm.TransitionCase(case_id=case_id, action=command, **fields)
    if command == "supervise":
        return "case.supervise", sm.SuperviseCase(
            case_id=case_id, level=pick(["general", "key", "listed"]), note=note
        )
    if command == "urge":
        return "case.urge", sm.UrgeCase(case_id=case_id, note=note)
    if command == "extension.request":
        return "extension.request", sm.RequestExtension(
            case_id=case_id, amount=2, unit="working_days", reason=note
        )
    if command == "extension.decide":
        return "extension.decide", sm.DecideExtension(
            extension_id=pending or 10**9, approve=pick([True, False]), note=note or None
        )
    if command == "progress":
        return "case.progress", dm.ReportProgress(case_id=case_id, note=note)
    return "consultation.open", dm.OpenConsultation(case_id=case_id, topic=note, departments=["D-CG", "D-SW"])


def status_chain_holds(detail: im.CaseDetail) -> None:
    """Every status change on the timeline starts where the previous one ended, from 受理 to now."""
    status = "received"
    for entry in detail.timeline:
        if entry.to_status is None or entry.to_status == entry.from_status:
            continue
        if entry.from_status is not None:
            assert entry.from_status == status, f"{entry.action}: from {entry.from_status}, but was {status}"
        status = entry.to_status
    assert status == detail.case.status


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.integers(min_value=1, max_value=40), data=st.data())
def test_random_commands_from_random_accounts(
    aio: Any, wire: dict[str, SeatClient], steps: int, data: Any
) -> None:
    def pick(options: Any) -> Any:
        return data.draw(st.sampled_from(options))

    async def scenario() -> None:
        watcher = wire["supervisor1"]  # the district center sees every case
        case = await wire["operator1"].create_case("E0102", "滨江路88号", "垃圾堆在路边")

        async def detail() -> im.CaseDetail:
            return await watcher.request("case.detail", im.GetCaseDetail(case_id=case.id))

        before = await detail()
        for _ in range(steps):
            # Half the time an action the table has for the current status (by any account, allowed or
            # not), so sequences get deep into the lifecycle; otherwise anything at all.
            status = before.case.status
            fitting = [
                a for a, r in BY_ACTION.items() if status in r.sources and a not in ("void", "suspend")
            ]
            guided = bool(fitting) and data.draw(st.integers(0, 5)) > 0
            command = pick(fitting) if guided else data.draw(COMMANDS)
            may = [a for a in ACCOUNTS if command in BY_ACTION and ROLE_OF[a] in BY_ACTION[command].roles]
            account = pick(may) if guided and may and pick([True, False]) else pick(ACCOUNTS)
            pending = next((e.id for e in before.extensions if e.state == "pending"), None)
            with_fields = guided or pick([True, False])
            type_, request = request_for(command, case.id, pick, pending, with_fields)
            try:
                await wire[account].request(type_, request)
                refused = False
            except ProtocolError:
                refused = True
            after = await detail()
            added = after.timeline[len(before.timeline) :]
            old, new = before.case.status, after.case.status
            assert new in STATES
            if refused:
                assert (new, len(added)) == (old, 0), (
                    f"{command} by {account} was refused but changed the case"
                )
            elif command in BY_ACTION:
                rule = BY_ACTION[command]
                assert old in rule.sources and new == rule.target, f"{command} moved {old} → {new}"
                assert wire[account].operator is not None and wire[account].operator.role in rule.roles
                assert (added[0].action, added[0].from_status, added[0].to_status) == (command, old, new)
            else:
                assert new == old, f"{command} changed the status"
                assert len(added) == 1, f"{command} wrote {len(added)} timeline entries"
            status_chain_holds(after)
            before = after

    aio.run(scenario())
