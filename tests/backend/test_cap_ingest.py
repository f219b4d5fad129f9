"""Taking CAP in: an Alert is stored once, an Update changes the alert it references, a Cancel cancels it;
what cannot be applied is refused with the reason and leaves every table as it was."""

from __future__ import annotations

import time
from typing import Any

from backend.alerts.acknowledge import acknowledge
from backend.store import Store
from client_api import messages as m
from client_api.alert_messages import AlertRecord
from client_api.errors import ErrorCode
from tests.backend.test_alert_support import cap_alert, cap_server, counts, ingest, refused, sample, set_alert

OPERATOR = m.Operator("operator1", "话务员 王芳", "operator")


def stored(aio: Any, store: Store, name: str) -> AlertRecord:
    [alert] = ingest(aio, cap_server(store), sample(name)).alerts
    return alert


def ack(aio: Any, store: Store, alert: AlertRecord, reason: str = "已通知防汛办") -> AlertRecord:
    record: AlertRecord = aio.run(store.run_write(acknowledge, alert.id, reason, OPERATOR, "S1", time.time()))
    return record


def test_an_alert_is_stored_with_its_fields(aio: Any, store: Store) -> None:
    before = time.time()
    alert = stored(aio, store, "rainstorm_red.xml")
    assert (alert.identifier, alert.source, alert.state, alert.msg_type) == (
        "JBQX-20260701-0012",
        "cap",
        "active",
        "Alert",
    )
    assert alert.priority == 4 * 4 * 3 and alert.escalation_level == 0 and alert.references == []
    assert alert.received_at >= before and alert.case_id is None and alert.acked_by is None
    assert alert.areas[0].polygons and alert.lat is not None


def test_the_same_message_again_is_unchanged(aio: Any, store: Store) -> None:
    server = cap_server(store)
    first = ingest(aio, server, sample("hazmat_leak.xml"))
    before = counts(aio, store)
    again = ingest(aio, server, sample("hazmat_leak.xml"))
    assert again.alerts == [] and again.unchanged == ["YJ-HZ-2026-0088"] and first.unchanged == []
    assert counts(aio, store) == before


def test_update_then_cancel_by_a_chain_of_references(aio: Any, store: Store) -> None:
    server = cap_server(store)
    alert = stored(aio, store, "rainstorm_red.xml")
    [updated] = ingest(aio, server, sample("rainstorm_update.xml")).alerts
    assert updated.id == alert.id and updated.identifier == alert.identifier  # the alert keeps its identity
    assert (updated.msg_type, updated.severity, updated.urgency) == ("Update", "Severe", "Expected")
    assert updated.headline == "暴雨红色预警降为橙色预警" and updated.priority == 3 * 3 * 3
    assert updated.references == ["met-office@jiangbin.gov.cn,JBQX-20260701-0015,2026-07-01T16:00:00+08:00"]
    assert updated.sent == alert.sent and updated.received_at == alert.received_at
    # the Cancel names the Update only: it is found through the references applied
    [cancelled] = ingest(aio, server, sample("rainstorm_cancel.xml")).alerts
    assert (cancelled.id, cancelled.state, cancelled.msg_type) == (alert.id, "cancelled", "Cancel")
    assert cancelled.headline == updated.headline and len(cancelled.references) == 2
    again = ingest(aio, server, sample("rainstorm_update.xml"))
    assert again.unchanged == ["JBQX-20260701-0015"]


def test_an_update_keeps_an_acknowledgement_unless_the_severity_rises(aio: Any, store: Store) -> None:
    server = cap_server(store)
    [minor] = ingest(aio, server, cap_alert("G-1", severity="Minor")).alerts
    acked = ack(aio, store, minor, "")
    ref = "test@jiangbin.gov.cn,G-1,2026-07-05T10:00:00+08:00"
    upd = cap_alert(
        "G-2", msg_type="Update", references=ref, severity="Moderate", sent="2026-07-05T10:10:00+08:00"
    )
    [same] = ingest(aio, server, upd).alerts
    assert same.state == "acknowledged" and same.acked_by == "operator1" and same.severity == "Moderate"
    rise = cap_alert(
        "G-3", msg_type="Update", references=ref, severity="Extreme", sent="2026-07-05T10:20:00+08:00"
    )
    [loud] = ingest(aio, server, rise).alerts
    assert (loud.state, loud.acked_by, loud.acked_at, loud.ack_reason) == ("active", None, None, None)
    assert loud.received_at > acked.received_at and loud.escalation_level == 0


def test_an_update_revives_an_expired_alert_only_with_a_future_expiry(aio: Any, store: Store) -> None:
    server = cap_server(store)
    [alert] = ingest(aio, server, cap_alert("E-1")).alerts
    set_alert(aio, store, alert.id, state="expired")
    ref = "test@jiangbin.gov.cn,E-1,2026-07-05T10:00:00+08:00"
    past = cap_alert("E-2", msg_type="Update", references=ref, expires="2020-01-01T00:00:00+08:00")
    assert ingest(aio, server, past).alerts[0].state == "expired"
    future = cap_alert("E-3", msg_type="Update", references=ref, expires="2099-01-01T00:00:00+08:00")
    assert ingest(aio, server, future).alerts[0].state == "active"


def test_what_cannot_be_applied_is_refused_and_stores_nothing(aio: Any, store: Store) -> None:
    server = cap_server(store)
    before = counts(aio, store)
    unknown = refused(aio, server, sample("rainstorm_update.xml"))
    assert unknown.code == ErrorCode.INVALID_FIELD and unknown.details == {"field": "xml"}
    assert unknown.message == (
        "references: no stored alert is referenced "
        "(met-office@jiangbin.gov.cn,JBQX-20260701-0012,2026-07-01T14:05:00+08:00); the Update is not applied"
    )
    no_refs = refused(aio, server, cap_alert("C-1", msg_type="Cancel", info=False))
    assert no_refs.message == "references: this Cancel names no message to cancel"
    bad = refused(aio, server, cap_alert(urgency="Soon"))
    assert bad.message.startswith("info/urgency: 'Soon' is not one of")
    assert refused(aio, server, "<not-xml").message.startswith("not well-formed XML")
    big = refused(aio, server, "<a>" + "x" * 600_000 + "</a>")
    assert big.code == ErrorCode.TOO_LARGE
    assert counts(aio, store) == before


def test_a_cancelled_alert_takes_no_more_changes(aio: Any, store: Store) -> None:
    server = cap_server(store)
    stored(aio, store, "rainstorm_red.xml")
    ingest(aio, server, sample("rainstorm_update.xml"))
    ingest(aio, server, sample("rainstorm_cancel.xml"))
    before = counts(aio, store)
    late = sample("rainstorm_update.xml").replace("JBQX-20260701-0015", "JBQX-20260701-0021")
    error = refused(aio, server, late)
    assert "was cancelled; this Update cannot change it" in error.message
    assert counts(aio, store) == before


def test_on_an_exercise_backend_every_alert_is_an_exercise(aio: Any, store: Store) -> None:
    server = cap_server(store, exercise=True)
    [alert] = ingest(aio, server, sample("gas_grid.xml")).alerts
    assert alert.status == "Exercise" and alert.headline == "滨江社区第1网格燃气管道压力异常"
    drill = cap_alert("D-1", status="Exercise", headline="【演练】化工园区泄漏")
    [marked] = ingest(aio, cap_server(store), drill).alerts
    assert marked.status == "Exercise" and marked.headline == "化工园区泄漏"  # seats put the prefix back
