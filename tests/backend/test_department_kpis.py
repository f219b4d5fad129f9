"""Department KPIs from a scripted set of cases: exact counts and rates, per department and in total,
on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from backend.sla.kpis import department_kpis
from backend.store import Store
from client_api import messages as m
from client_api import sla_messages as sm
from client_api.client import SeatClient
from tests.backend.sla_support import act, new_case, set_case, walk
from tests.backend.test_intake_support import served
from tests.backend.wire import log_in

WATER = m.Operator("handler9", "水务局 钱工", "handler", unit="D-SW")
Steps = list[tuple[str, str, dict[str, Any]]]
TO_CITY: Steps = [("register", "operator", {}), ("dispatch", "operator", {"department_code": "D-CG"})]
HANDLE: Steps = [("accept", "handler", {}), ("complete", "handler", {"result": "已处置"})]
CHECKED: Steps = [("verify_pass", "operator", {})]


def script(aio: Any, store: Store) -> None:
    """Four cases, the last one received a month ago (to test ``since``)."""
    a = new_case(aio, store)  # 城管: on time, satisfied
    walk(
        aio,
        store,
        a.id,
        [*TO_CITY, *HANDLE, *CHECKED, ("callback_done", "operator", {"satisfaction": "satisfied"})],
    )
    b = new_case(aio, store)  # 水务 returns it; 城管 completes it late
    walk(
        aio,
        store,
        b.id,
        [("register", "operator", {}), ("dispatch", "operator", {"department_code": "D-SW"})],
    )
    act(aio, store, b.id, "return", WATER, note="非本单位职责")
    walk(aio, store, b.id, [("dispatch", "operator", {"department_code": "D-CG"}), HANDLE[0]])
    set_case(aio, store, b.id, deadline_at=b.created_at - 60)
    walk(aio, store, b.id, HANDLE[1:])
    c = new_case(aio, store)  # 城管: on time, unsatisfied callback reopens it; open and overdue
    walk(
        aio,
        store,
        c.id,
        [*TO_CITY, *HANDLE, *CHECKED, ("callback_unsatisfied", "operator", {"note": "仍有积水"})],
    )
    set_case(aio, store, c.id, overdue=True)
    d = new_case(aio, store)  # 水务: being handled, received long ago
    walk(
        aio,
        store,
        d.id,
        [("register", "operator", {}), ("dispatch", "operator", {"department_code": "D-SW"})],
    )
    act(aio, store, d.id, "accept", WATER)
    set_case(aio, store, d.id, created_at=d.created_at - 30 * 86400)


def kpis(aio: Any, store: Store, since: float | None = None) -> sm.DepartmentKpis:
    async def read() -> sm.DepartmentKpis:
        async with store.engine.connect() as conn:
            found: sm.DepartmentKpis = await conn.run_sync(department_kpis, since)
        return found

    return aio.run(read())


def counts(kpi: sm.DepartmentKpi) -> tuple[int, ...]:
    return (
        kpi.dispatched,
        kpi.completed,
        kpi.on_time,
        kpi.returned,
        kpi.reopened,
        kpi.callbacks,
        kpi.satisfied,
        kpi.open,
        kpi.overdue,
    )


def rates(kpi: sm.DepartmentKpi) -> tuple[float | None, ...]:
    return (kpi.on_time_rate, kpi.return_rate, kpi.reopen_rate, kpi.satisfaction_rate)


def test_counts_and_rates_per_department(aio: Any, seeded_store: Store) -> None:
    script(aio, seeded_store)
    found = kpis(aio, seeded_store)
    city, water = found.rows
    assert (city.department_code, water.department_code) == ("D-CG", "D-SW")
    #                        disp comp on_t ret reop cb sat open over
    assert counts(city) == (3, 3, 2, 0, 1, 2, 1, 1, 1)
    assert rates(city) == pytest.approx((2 / 3, 0.0, 1 / 3, 0.5))
    assert counts(water) == (2, 0, 0, 1, 0, 0, 0, 1, 0)
    assert rates(water) == (None, 0.5, None, None)
    assert found.total.department_code == ""
    assert counts(found.total) == (5, 3, 2, 1, 1, 2, 1, 2, 1)
    assert rates(found.total) == pytest.approx((2 / 3, 0.2, 1 / 3, 0.5))


def test_since_counts_only_cases_received_since(aio: Any, seeded_store: Store) -> None:
    script(aio, seeded_store)
    found = kpis(aio, seeded_store, since=kpis(aio, seeded_store).computed_at - 86400)
    water = found.rows[1]
    assert counts(water) == (1, 0, 0, 1, 0, 0, 0, 0, 0)  # the old case is left out
    nothing = kpis(aio, seeded_store, since=found.computed_at + 3600)
    assert nothing.rows == [] and counts(nothing.total) == (0,) * 9
    assert rates(nothing.total) == (None, None, None, None)


def test_kpis_over_the_wire(aio: Any, seeded_store: Store) -> None:
    script(aio, seeded_store)

    async def scenario(url: str) -> sm.DepartmentKpis:
        seat = SeatClient(url)
        try:
            await log_in(seat, "S1")
            found: sm.DepartmentKpis = await seat.request("kpi.departments", sm.GetDepartmentKpis())
            return found
        finally:
            await seat.close()

    with served(aio, seeded_store) as server:
        found = aio.run(scenario(server.url))
    assert counts(found.total) == (5, 3, 2, 1, 1, 2, 1, 2, 1)


def test_on_time_is_judged_against_the_deadline_in_force_at_completion(aio: Any, seeded_store: Store) -> None:
    """A late completion stays late after a reopening gives the case a fresh deadline."""
    store = seeded_store
    case = new_case(aio, store)
    walk(aio, store, case.id, [*TO_CITY, HANDLE[0]])
    set_case(aio, store, case.id, deadline_at=case.created_at - 60)  # completed after its deadline
    walk(aio, store, case.id, [*HANDLE[1:], ("verify_fail", "operator", {"note": "现场未修复"})])
    walk(aio, store, case.id, HANDLE)  # the reopening's fresh deadline is hours away: on time

    async def read() -> sm.DepartmentKpis:
        async with store.engine.connect() as conn:
            return await conn.run_sync(department_kpis, None)

    city = next(r for r in aio.run(read()).rows if r.department_code == "D-CG")
    assert (city.completed, city.on_time, city.on_time_rate) == (2, 1, 0.5)
