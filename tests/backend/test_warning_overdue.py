"""The overdue model (超期/临期): an alert for each overdue notice of the SLA watcher, and one per case and
stage once the stage has used 80% of its time; both end to end through the warning service."""

from __future__ import annotations

import time
from typing import Any

import msgspec

from backend.sla.watcher import OverdueWatcher
from backend.store import Store
from client_api.alert_messages import AlertRecord
from client_api.sla_messages import CaseOverdueEvent
from tests.backend.sla_support import new_case, set_case
from tests.backend.test_warning_support import T0, case, engine, evidence, warning_server


def open_case(started: float, deadline: float, status: str = "dispatched", **over: Any) -> Any:
    found = case(T0, lat=31.33, lon=120.54, grid="32099900100101")
    return msgspec.structs.replace(
        found, status=status, stage_started_at=started, stage_deadline_at=deadline, **over
    )


def test_an_overdue_notice_fires_with_the_case_and_the_deadline() -> None:
    models = engine()
    found = open_case(T0 - 3600, T0 - 600)
    notice = CaseOverdueEvent(
        case_id=found.id,
        case_no=found.case_no,
        kind="stage",
        status="dispatched",
        deadline_at=T0 - 600,
        lead_department="D-CG",
    )
    fired = models.feed_overdue(notice, found, T0)
    assert [f.dedupe_key for f in fired] == [f"overdue:{found.case_no}:accept:{int(T0 - 600)}"]
    firing = fired[0]
    assert firing.headline == f"工单{found.case_no}签收阶段超时" and firing.severity == "Severe"
    assert (firing.grid_code, firing.lat, firing.area_desc) == ("32099900100101", 31.33, "渔港路36号")
    shown = evidence(firing)
    assert shown["已超时"] == (10, 0, "分钟") and shown["主办单位"][0] == "D-CG"
    completion = msgspec.structs.replace(notice, kind="completion")
    assert [f.dedupe_key for f in models.feed_overdue(completion, None, T0)] == [
        f"overdue:{found.case_no}:completion"
    ]


def test_a_stage_at_80_percent_fires_once_per_case_and_stage() -> None:
    models = engine()
    early = open_case(T0 - 700, T0 + 300)  # 70% used
    late = open_case(T0 - 850, T0 + 150)  # 85% used
    fired = models.scan_due_soon([early, late], T0)
    assert [f.dedupe_key for f in fired] == [f"overdue:due_soon:{late.case_no}:accept:{int(T0 + 150)}"]
    assert fired[0].severity == "Moderate" and "剩余2分钟" in fired[0].headline
    assert evidence(fired[0])["阶段已用时"] == ("85%", "< 80%", None)
    assert models.scan_due_soon([early, late], T0 + 10) == []  # the same stage: not again
    later = [f.dedupe_key for f in models.scan_due_soon([early, late], T0 + 100)]
    assert later == [f"overdue:due_soon:{early.case_no}:accept:{int(T0 + 300)}"]  # early is at 80% now
    redispatched = open_case(T0 + 200, T0 + 1200, id=late.id, case_no=late.case_no)  # a new stage
    assert len(models.scan_due_soon([redispatched], T0 + 1050)) == 1


def test_due_soon_off_by_the_rule() -> None:
    models = engine(overdue={"due_soon": False})
    assert models.scan_due_soon([open_case(T0 - 900, T0 + 100)], T0) == []


def alerts(aio: Any, store: Store) -> list[AlertRecord]:
    from backend.alerts.records import list_alerts

    return aio.run(store.read(list_alerts, None, None, 100))


def test_end_to_end_the_watcher_flags_the_service_raises(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    with warning_server(aio, store) as (_server, service):
        overdue = new_case(aio, store)
        due_soon = new_case(aio, store)
        now = time.time()
        set_case(aio, store, overdue.id, stage_started_at=now - 7200, stage_deadline_at=now - 60)
        set_case(aio, store, due_soon.id, stage_started_at=now - 900, stage_deadline_at=now + 100)
        aio.run(OverdueWatcher(store=store).tick(now))
        aio.run(service.settle())
        raised = alerts(aio, store)
        assert [(a.rule, a.source, a.severity) for a in raised] == [("overdue", "rule", "Severe")]
        assert raised[0].headline == f"工单{overdue.case_no}派遣阶段超时"
        assert raised[0].identifier.startswith("rule-overdue-") and raised[0].sender.startswith(
            "command-seat@"
        )
        assert (raised[0].grid_code, raised[0].areas[0].area_desc) == (overdue.grid_code, overdue.address)
        assert [g.value for g in raised[0].areas[0].geocodes] == [overdue.grid_code] != [None]
        soon = aio.run(service.scan(now))
        assert [(a.rule, a.severity, a.event) for a in soon] == [("overdue", "Moderate", "工单临期")]
        assert aio.run(service.scan(now + 5)) == []
        assert len(alerts(aio, store)) == 2
