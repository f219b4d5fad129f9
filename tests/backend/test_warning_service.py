"""The warning service around a real store: cases and calls reach the models through the store's events,
alerts come out as ``alert.raised``; on a restart the models are primed with the recent past, so windows
go on where they were and old bursts are not raised again."""

from __future__ import annotations

import time
from typing import Any

from backend.alerts.records import list_alerts
from backend.calls.call_writes import insert_call
from backend.store import Store
from client_api import alert_messages as am
from client_api import messages as m
from tests.backend.test_intake_support import OPERATOR
from tests.backend.test_warning_support import warning_server

PHONE = "13812345678"
YUGANG = (31.3350, 120.6500)  # 渔港村第1网格
HETANG = (31.3300, 120.6300)  # 荷塘村第1网格


def report(
    aio: Any, store: Store, where: tuple[float, float], *, category: str = "E0502", **over: Any
) -> m.CaseRecord:
    lat, lon = where
    request = m.CreateCase(category, "渔港路36号附近", "水管爆裂，路面冒水", lat=lat, lon=lon, **over)
    return aio.run(store.create_case(request, OPERATOR, "S1"))


def alerts(aio: Any, store: Store) -> list[am.AlertRecord]:
    found: list[am.AlertRecord] = aio.run(store.read(list_alerts, None, None, 100))
    return sorted(found, key=lambda a: a.id)


def spread(where: tuple[float, float], i: int) -> tuple[float, float]:
    """Points ~300 m apart: a burst of reports, not one place reported again."""
    return where[0] + 0.0027 * (i % 2), where[1] + 0.0032 * (i // 2)


def test_cases_and_calls_reach_the_models_and_a_restart_goes_on(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    with warning_server(aio, store) as (_server, service):
        burst = [report(aio, store, spread(YUGANG, i)) for i in range(5)]
        assert {c.village_code for c in burst} == {"320999002003"}
        for _ in range(2):
            report(aio, store, HETANG, category="E0601", channel="app", reporter_phone=PHONE)
        aio.run(service.settle())
        raised = alerts(aio, store)
        assert [(a.rule, a.event) for a in raised] == [("surge", "诉求激增")]
        assert raised[0].evidence[-1].value == "、".join(c.case_no for c in burst)
    with warning_server(aio, store) as (_server, service):  # a restart
        report(aio, store, spread(YUGANG, 5))  # the same surge: not raised again
        report(aio, store, HETANG, category="E0601", channel="web", reporter_phone=PHONE)  # the third
        aio.run(service.settle())
        raised = alerts(aio, store)
        assert [(a.rule, a.event) for a in raised][1:] == [
            ("repeat_calls", "重复来电"),
            ("repeat_calls", "同一地点重复反映"),
        ]
        assert raised[1].evidence[0].value == 3  # the two before the restart were primed


def test_repeated_calls_come_from_the_call_log(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    with warning_server(aio, store) as (_server, service):
        for _ in range(3):
            aio.run(store.run_write(insert_call, PHONE, None, False, time.time()))
        aio.run(service.settle())
        raised = alerts(aio, store)
        assert [(a.rule, a.headline) for a in raised] == [
            ("repeat_calls", "号码138****5678在120分钟内来电/反映3次")
        ]
        assert [e.value for e in raised[0].evidence[1:]] == ["热线来电 #1", "热线来电 #2", "热线来电 #3"]


def test_a_drill_database_raises_exercise_alerts(aio: Any, seeded_store: Store) -> None:
    from backend.server import Server
    from backend.warnings.service import WarningService

    service = WarningService(scan_interval=3600)
    server = Server(seeded_store, port=0, exercise=True, node="seat-7", services=[service])
    aio.run(server.start())
    try:
        done = aio.run(service.ingest([am.StorageLevel(site="S-01", level=70, ts=time.time())]))
    finally:
        aio.run(server.close())
    (alert,) = alerts(aio, seeded_store)
    assert done.alerts == [alert.id]
    assert (alert.status, alert.sender, alert.scope) == ("Exercise", "command-seat@seat-7", "Restricted")
