"""The department KPI panel against a real backend, its model on its own, and the pager of older cases."""

from __future__ import annotations

from typing import Any

from app.case_pager import CasePager
from app.seat_service import SeatService
from client_api import messages as m
from client_api.case_book import CaseBook
from client_api.client import SeatClient
from client_api.sla_messages import DepartmentKpi, DepartmentKpis, GetDepartmentKpis
from ui.cases.kpi_panel import KpiPanel
from widgets.department_kpi_model import DepartmentKpiModel


def kpi(code: str, on_time_rate: float | None, open_: int = 0) -> DepartmentKpi:
    return DepartmentKpi(
        department_code=code,
        dispatched=4,
        completed=2,
        on_time=1,
        on_time_rate=on_time_rate,
        returned=1,
        return_rate=0.25,
        reopened=0,
        reopen_rate=None,
        callbacks=0,
        satisfied=0,
        satisfaction_rate=None,
        open=open_,
        overdue=1,
    )


def test_model_shows_percentages_and_dashes(qtmodeltester: Any) -> None:
    model = DepartmentKpiModel({"D-SW": "水务局"}.get)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_kpis(DepartmentKpis(rows=[kpi("D-SW", 0.5, 3)], total=kpi("", 0.5), computed_at=0.0))
    qtmodeltester.check(model)
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == ["水务局", "50.0%", "25.0%", "—", "—", "3", "1"]
    resets.clear()
    model.set_kpis(DepartmentKpis(rows=[kpi("D-SW", 1.0, 2)], total=kpi("", 1.0), computed_at=1.0))
    assert model.data(model.index(0, 1)) == "100.0%"
    assert not resets  # the same departments: changed in place


def logged_in(aio: Any, url: str) -> SeatService:
    service = SeatService(SeatClient(url, request_timeout=5))

    async def log_in() -> None:
        service.start()
        await service.client.wait_connected(10)
        await service.login("supervisor1", "demo", "sup-1")

    aio.run(log_in())
    return service


def test_panel_loads_kpis_from_the_backend(qtbot: Any, aio: Any, backend_process: Any) -> None:
    service = logged_in(aio, backend_process.url)
    try:
        panel = KpiPanel(service)
        qtbot.addWidget(panel)
        assert aio.run(panel.load())
        direct: DepartmentKpis = aio.run(service.client.request("kpi.departments", GetDepartmentKpis()))
        shown = [panel.model.kpi_at(r).department_code for r in range(panel.model.rowCount())]
        assert shown == [row.department_code for row in direct.rows]
        assert panel.total.text().startswith("All departments")
        assert panel.status.text() == ""
    finally:
        aio.run(service.close())


def test_panel_says_why_when_the_backend_refuses(qtbot: Any, aio: Any, backend_process: Any) -> None:
    service = SeatService(SeatClient(backend_process.url, request_timeout=5))
    service.start()
    try:
        aio.run(service.client.wait_connected(10))
        panel = KpiPanel(service)  # not logged in: kpi.departments is refused
        qtbot.addWidget(panel)
        assert not aio.run(panel.load())
        assert panel.status.text().startswith("KPIs not available")
        assert panel.model.rowCount() == 0
    finally:
        aio.run(service.close())


def test_pager_appends_older_cases_page_by_page(qtbot: Any, aio: Any, backend_process: Any) -> None:
    service = logged_in(aio, backend_process.url)
    try:
        for i in range(5):
            aio.run(service.create_case("E0502", f"滨江路{i}号", f"分页测试{i}"))
        every: m.CaseList = aio.run(service.client.request("case.list", m.ListCases(limit=1000)))
        book = CaseBook()
        book.reset(every.cases[:2])
        blocks: list[tuple[int, int]] = []
        book.on_extended.append(lambda first, last: blocks.append((first, last)))
        pager = CasePager(service.client, book, page=2, cap=5)

        async def page_all() -> None:
            pager.restart()
            await pager.wait()

        aio.run(page_all())
        assert [book[r].id for r in range(len(book))] == [c.id for c in every.cases[:5]]
        assert blocks == [(2, 3), (4, 4)]  # pages of two, up to the cap
    finally:
        aio.run(service.close())
