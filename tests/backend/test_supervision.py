"""Supervision (督办) at a level with a note, and urge notices (催办) to the case's departments."""

from __future__ import annotations

import json
from typing import Any

from backend import schema
from backend.sla.supervision import supervise, urge
from backend.store import Store
from client_api import sla_messages as sm
from client_api.errors import ErrorCode
from tests.backend.sla_support import (
    count,
    events_of,
    handled_case,
    new_case,
    read_case,
    refused,
    set_case,
    timeline,
    write,
)


def test_levels_are_set_changed_and_on_record(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    seq = aio.run(store.last_seq())
    done: sm.CaseSupervised = write(
        aio, store, supervise, sm.SuperviseCase(case_id=case.id, level="general", note="尽快处置")
    )
    assert done.case.supervision_level == "general"
    changed = write(
        aio, store, supervise, sm.SuperviseCase(case_id=case.id, level="listed", note="群众反映强烈")
    )
    assert changed.case.supervision_level == "listed"
    assert timeline(aio, store, case.id)[-2:] == [
        ("supervised", "一般督办: 尽快处置", "D-CG"),
        ("supervised", "挂牌督办: 群众反映强烈", "D-CG"),
    ]
    assert [t for t, _ in events_of(aio, store, seq)] == ["case.updated", "case.updated"]


def test_escalation_is_not_set_by_hand_and_is_kept(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    error = refused(aio, store, supervise, sm.SuperviseCase(case_id=case.id, level="escalated", note="提级"))
    assert (error.code, error.details["field"]) == (ErrorCode.INVALID_FIELD, "level")
    set_case(aio, store, case.id, supervision_level="escalated")
    kept = write(aio, store, supervise, sm.SuperviseCase(case_id=case.id, level="key", note="再次督办"))
    assert kept.case.supervision_level == "escalated"
    assert timeline(aio, store, case.id)[-1][1] == "提级督办: 再次督办"


def test_bad_supervision_changes_nothing(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    answered = new_case(aio, store, "A01", resolution="已告知办理流程")
    before = len(timeline(aio, store, case.id))
    cases = [
        (sm.SuperviseCase(case_id=case.id, level="urgent", note="x"), ErrorCode.INVALID_FIELD),
        (sm.SuperviseCase(case_id=case.id, level="key", note="  "), ErrorCode.INVALID_FIELD),
        (sm.SuperviseCase(case_id=answered.id, level="key", note="x"), ErrorCode.INVALID_TRANSITION),
        (sm.SuperviseCase(case_id=999_999, level="key", note="x"), ErrorCode.NOT_FOUND),
    ]
    for req, code in cases:
        assert refused(aio, store, supervise, req).code == code, req
    assert read_case(aio, store, case.id).supervision_level is None
    assert len(timeline(aio, store, case.id)) == before


def test_an_urge_notice_goes_to_lead_and_co_departments(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    write(aio, store, supervise, sm.SuperviseCase(case_id=case.id, level="key", note="限期办结"))
    set_case(aio, store, case.id, co_departments="D-SW,D-ZJ")
    seq = aio.run(store.last_seq())
    done: sm.CaseUrged = write(aio, store, urge, sm.UrgeCase(case_id=case.id, note="请今日内反馈进展"))
    assert done.case.id == case.id
    events = events_of(aio, store, seq)
    assert [t for t, _ in events] == ["case.urged", "case.updated"]
    notice = json.loads(events[0][1])
    assert notice["departments"] == ["D-CG", "D-SW", "D-ZJ"]
    assert (notice["level"], notice["note"], notice["by"]) == ("key", "请今日内反馈进展", "supervisor1")
    assert timeline(aio, store, case.id)[-1] == ("urged", "请今日内反馈进展", "D-CG")


def test_urging_needs_a_note_and_an_open_case(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    case = handled_case(aio, store)
    answered = new_case(aio, store, "A01", resolution="已告知办理流程")
    events = count(aio, store, schema.events)
    assert refused(aio, store, urge, sm.UrgeCase(case_id=case.id, note="")).code == ErrorCode.INVALID_FIELD
    closed = refused(aio, store, urge, sm.UrgeCase(case_id=answered.id, note="催办"))
    assert closed.code == ErrorCode.INVALID_TRANSITION and closed.details["status"] == "closed"
    assert count(aio, store, schema.events) == events
