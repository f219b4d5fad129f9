"""Joint handling (协调联动): progress reports with attachments, linked cases and consultations (会商);
on SQLite and PostgreSQL, with the timeline and the events each write leaves."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from backend import schema
from backend.attachments import insert_attachment
from backend.events import StoredEvent
from backend.intake.detail import read_detail
from backend.lifecycle.transition import apply_transition
from backend.routing.consultations import conclude_consultation, open_consultation
from backend.routing.links import link_cases, unlink_cases
from backend.routing.progress import report_progress
from backend.store import Store
from client_api import dispatch_messages as dm
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseDetail
from client_api.lifecycle_messages import TransitionCase

CENTER = m.Operator("operator1", "话务员", "operator")
SUPERVISOR = m.Operator("supervisor1", "值班长", "supervisor")
WATER = m.Operator("handler9", "水务局", "handler", "D-SW")
CITY = m.Operator("handler1", "城管局", "handler", "D-CG")


def new_case(aio: Any, store: Store, *steps: tuple[str, m.Operator, dict[str, Any]]) -> int:
    req = m.CreateCase(category_code="E0502", address="滨江路 8 号", description="水管破裂")
    case_id = aio.run(store.create_case(req, CENTER, "S1")).id
    for action, who, fields in steps:
        step = TransitionCase(case_id=case_id, action=action, **fields)
        aio.run(store.run_write(apply_transition, step, who, "S1"))
    return case_id


TO_WATER = (("register", CENTER, {}), ("dispatch", CENTER, {"department_code": "D-SW"}))


def write(aio: Any, store: Store, fn: Any, req: Any, who: m.Operator) -> tuple[Any, list[StoredEvent]]:
    result: tuple[Any, list[StoredEvent]] = aio.run(store.run_write_events(fn, req, who, "S1"))
    return result


def refused(aio: Any, store: Store, fn: Any, req: Any, who: m.Operator) -> ProtocolError:
    with pytest.raises(ProtocolError) as raised:
        write(aio, store, fn, req, who)
    return raised.value


def detail(aio: Any, store: Store, case_id: int) -> CaseDetail:
    async def go() -> CaseDetail:
        async with store.engine.connect() as conn:
            found = await conn.run_sync(read_detail, case_id)
        assert found is not None
        return found

    return aio.run(go())


def count_events(aio: Any, store: Store) -> int:
    return aio.run(store.last_seq())


def test_progress_with_an_attachment_is_on_record(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case_id = new_case(aio, store, *TO_WATER, ("accept", WATER, {}))
    upload = m.UploadAttachment(name="现场.jpg", mime="image/jpeg", data=b"\xff\xd8jpeg")
    photo = aio.run(store.run_write(lambda conn: (insert_attachment(conn, upload, WATER), [])))
    req = dm.ReportProgress(case_id=case_id, note=" 已关阀抢修 ", attachment_ids=[photo.id])
    case, events = write(aio, store, report_progress, req, WATER)
    assert case.attachment_count == 1 and case.status == "handling"
    assert [e.type for e in events] == ["case.updated"]
    found = detail(aio, store, case_id)
    assert [a.id for a in found.attachments] == [photo.id]
    last = found.timeline[-1]
    assert (last.action, last.actor, last.department_code) == ("progress", "handler9", "D-SW")
    assert last.note is not None and last.note.startswith("已关阀抢修")
    # a supervisor may report too; the note is required and the department must hold the case
    write(aio, store, report_progress, dm.ReportProgress(case_id=case_id, note="督促中"), SUPERVISOR)
    before = count_events(aio, store)
    empty = refused(aio, store, report_progress, dm.ReportProgress(case_id=case_id, note=" "), WATER)
    assert empty.code == ErrorCode.INVALID_FIELD and empty.details == {"field": "note"}
    other = refused(aio, store, report_progress, dm.ReportProgress(case_id=case_id, note="x"), CITY)
    assert other.code == ErrorCode.FORBIDDEN and other.details["rule"] == "progress"
    reused = dm.ReportProgress(case_id=case_id, note="再传", attachment_ids=[photo.id])
    assert refused(aio, store, report_progress, reused, WATER).details == {"field": "attachment_ids"}
    assert (
        count_events(aio, store) == before
        and len(detail(aio, store, case_id).timeline) == len(found.timeline) + 1
    )


def test_progress_needs_a_case_in_hand(aio: Any, seeded_store: Store) -> None:
    case_id = new_case(aio, seeded_store, ("register", CENTER, {}))
    error = refused(aio, seeded_store, report_progress, dm.ReportProgress(case_id=case_id, note="x"), WATER)
    assert error.code == ErrorCode.INVALID_TRANSITION and error.details["status"] == "registered"


def test_links_both_ways_with_their_refusals(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    parent, child, grandchild = (new_case(aio, store) for _ in range(3))
    (one, other), events = write(
        aio, store, link_cases, dm.LinkCases(case_id=parent, other_case_id=child, kind="parent"), CENTER
    )
    assert (one.link_count, other.link_count) == (1, 1)
    assert [(e.type, e.seq) for e in events] == [
        ("case.updated", events[0].seq),
        ("case.updated", events[0].seq + 1),
    ]
    write(
        aio, store, link_cases, dm.LinkCases(case_id=child, other_case_id=grandchild, kind="parent"), CENTER
    )
    assert [(link.case_id, link.kind) for link in detail(aio, store, child).links] == [
        (grandchild, "child"),
        (parent, "parent"),
    ]
    parent_detail = detail(aio, store, parent)
    assert parent_detail.timeline[-1].action == "linked"
    assert parent_detail.timeline[-1].note == f"案件 {other.case_no}"
    before = count_events(aio, store)
    for req, code, field in (
        (
            dm.LinkCases(case_id=parent, other_case_id=parent, kind="same_incident"),
            "invalid_field",
            "other_case_id",
        ),
        (
            dm.LinkCases(case_id=child, other_case_id=parent, kind="same_incident"),
            "invalid_field",
            "other_case_id",
        ),
        (
            dm.LinkCases(case_id=grandchild, other_case_id=parent, kind="parent"),
            "invalid_field",
            "other_case_id",
        ),
        (dm.LinkCases(case_id=parent, other_case_id=grandchild, kind="sibling"), "invalid_field", "kind"),
        (dm.LinkCases(case_id=parent, other_case_id=99999, kind="parent"), "not_found", "case_id"),
    ):
        error = refused(aio, store, link_cases, req, CENTER)
        assert (error.code, error.details.get("field")) == (code, field), req
    assert count_events(aio, store) == before
    (one, other), _ = write(
        aio, store, unlink_cases, dm.UnlinkCases(case_id=child, other_case_id=parent), SUPERVISOR
    )
    assert (one.link_count, other.link_count) == (1, 0)
    assert detail(aio, store, parent).timeline[-1].action == "unlinked"
    again = refused(aio, store, unlink_cases, dm.UnlinkCases(case_id=parent, other_case_id=child), SUPERVISOR)
    assert again.code == ErrorCode.NOT_FOUND


def test_a_consultation_is_opened_and_concluded_once(
    aio: Any, seeded_store: Store, sync_engine: sa.Engine
) -> None:
    store = seeded_store
    case_id = new_case(aio, store, *TO_WATER)
    req = dm.OpenConsultation(case_id=case_id, topic="管线迁改协调", departments=["D-SW", "D-ZJ", "D-SW"])
    opened, events = write(aio, store, open_consultation, req, SUPERVISOR)
    assert (opened.state, opened.departments, opened.opened_by) == ("open", ["D-SW", "D-ZJ"], "supervisor1")
    assert [e.type for e in events] == ["case.updated"]
    done, _ = write(
        aio,
        store,
        conclude_consultation,
        dm.ConcludeConsultation(consultation_id=opened.id, conclusion="住建局牵头"),
        SUPERVISOR,
    )
    assert (done.state, done.conclusion, done.concluded_by) == ("concluded", "住建局牵头", "supervisor1")
    found = detail(aio, store, case_id)
    assert found.consultations == [done]
    assert [(t.action, t.note) for t in found.timeline[-2:]] == [
        ("consultation_opened", "管线迁改协调"),
        ("consultation_concluded", "住建局牵头"),
    ]
    voided = new_case(aio, store, ("void", CENTER, {"note": "重复"}))
    before = count_events(aio, store)
    twice = dm.ConcludeConsultation(consultation_id=opened.id, conclusion="再议")
    assert refused(aio, store, conclude_consultation, twice, SUPERVISOR).code == ErrorCode.INVALID_TRANSITION
    nothing = dm.ConcludeConsultation(consultation_id=99999, conclusion="x")
    assert refused(aio, store, conclude_consultation, nothing, SUPERVISOR).code == ErrorCode.NOT_FOUND
    for bad, field in (
        (dm.OpenConsultation(case_id=case_id, topic=" ", departments=["D-SW", "D-ZJ"]), "topic"),
        (dm.OpenConsultation(case_id=case_id, topic="t", departments=["D-SW", "D-SW"]), "departments"),
        (dm.OpenConsultation(case_id=case_id, topic="t", departments=["D-SW", "D-NOPE"]), "departments"),
    ):
        assert refused(aio, store, open_consultation, bad, SUPERVISOR).details == {"field": field}
    late = dm.OpenConsultation(case_id=voided, topic="t", departments=["D-SW", "D-ZJ"])
    assert refused(aio, store, open_consultation, late, SUPERVISOR).code == ErrorCode.INVALID_TRANSITION
    assert count_events(aio, store) == before
    with sync_engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.consultations)).scalar_one() == 1
