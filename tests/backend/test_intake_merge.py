"""Merging a report into an open case and undoing it: reporters, timeline, events to other seats."""

from __future__ import annotations

from typing import Any

import pytest

from backend import schema
from backend.server import Server
from backend.store import Store
from client_api import intake_messages as im
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import HOME, count, create, rows, seats, served, update_case

SECOND = im.ReportInput(
    description="滨江路88号水管还在冒水",
    reporter_name="李先生",
    reporter_phone="13700003333",
    address="滨江路88号",
    lat=HOME[0],
    lon=HOME[1],
    channel="app",
)


@pytest.fixture
def intake_server(aio: Any, seeded_store: Store) -> Any:
    with served(aio, seeded_store) as server:
        yield server


def test_first_report_and_timeline_of_a_new_case(aio: Any, seeded_store: Store) -> None:
    case = create(
        aio, seeded_store, reporter_name="王女士", reporter_phone="13800001111", lat=HOME[0], lon=HOME[1]
    )
    (report,) = rows(aio, seeded_store, schema.case_reports)
    assert (report.case_id, report.channel, report.reporter_phone, report.description) == (
        case.id,
        "hotline",
        "13800001111",
        case.description,
    )
    assert (report.lat, report.lon, report.merged_by, report.detached_at) == (HOME[0], HOME[1], None, None)
    (created,) = rows(aio, seeded_store, schema.case_timeline)
    assert (
        created.case_id,
        created.action,
        created.actor,
        created.role,
        created.seat_id,
        created.to_status,
    ) == (
        case.id,
        "created",
        "operator1",
        "operator",
        "S1",
        "received",
    )


def test_merge_adds_a_reporter_and_tells_every_seat(
    aio: Any, seeded_store: Store, intake_server: Server
) -> None:
    case = create(aio, seeded_store, reporter_phone="13800001111", lat=HOME[0], lon=HOME[1])

    async def scenario() -> tuple[im.ReportMerged, Any]:
        async with seats(intake_server, "operator1", "operator2") as (taker, watcher):
            merged = await taker.api.merge_report(case.id, SECOND)
            event = await watcher.wait_for(lambda e: e.type == "case.updated")
            return merged, event

    merged, event = aio.run(scenario())
    assert merged.case_no == case.case_no and merged.case.id == case.id
    assert merged.case.reporter_count == 2 and merged.case.status == "received"
    assert event.payload.case == merged.case
    first, second = rows(aio, seeded_store, schema.case_reports)
    assert second.id == merged.report_id
    assert (second.case_id, second.merged_by, second.channel, second.reporter_phone) == (
        case.id,
        "operator1",
        "app",
        "13700003333",
    )
    assert second.merged_at is not None and first.merged_by is None
    timeline = rows(aio, seeded_store, schema.case_timeline, schema.case_timeline.c.case_id == case.id)
    assert [(t.action, t.actor, t.seat_id) for t in timeline] == [
        ("created", "operator1", "S1"),
        ("merged", "operator1", "S1"),
    ]


def test_merge_is_refused_for_a_closed_or_missing_case_or_a_bad_report(
    aio: Any, seeded_store: Store, intake_server: Server
) -> None:
    closed = create(aio, seeded_store)
    update_case(aio, seeded_store, closed.id, status="closed")
    before = (count(aio, seeded_store, schema.case_reports), count(aio, seeded_store, schema.events))

    async def scenario() -> list[str]:
        errors = []
        async with seats(intake_server, "operator1") as (seat,):
            attempts = [
                (closed.id, SECOND),
                (999_999, SECOND),
                (closed.id, im.ReportInput(description="  ")),
                (closed.id, im.ReportInput(description="x", channel="pigeon")),
                (closed.id, im.ReportInput(description="x", lat=31.3)),
            ]
            for case_id, report in attempts:
                try:
                    await seat.api.merge_report(case_id, report)
                except ProtocolError as exc:
                    errors.append(f"{exc.code}:{exc.details['field']}")
        return errors

    assert aio.run(scenario()) == [
        "invalid_field:case_id",
        "not_found:case_id",
        "invalid_field:report.description",
        "invalid_field:report.channel",
        "invalid_field:report.lon",
    ]
    assert (count(aio, seeded_store, schema.case_reports), count(aio, seeded_store, schema.events)) == before


def test_unmerge_is_for_supervisors_and_opens_a_case_for_the_report(
    aio: Any, seeded_store: Store, intake_server: Server
) -> None:
    case = create(aio, seeded_store, urgency="urgent", appeal_type="A03", reporter_phone="13800001111")
    (first_report,) = rows(aio, seeded_store, schema.case_reports)

    async def scenario() -> tuple[Any, ...]:
        async with seats(intake_server, "operator1", "supervisor1", "operator2") as (
            operator,
            supervisor,
            watcher,
        ):
            merged = await operator.api.merge_report(case.id, SECOND)
            refused = None
            try:
                await operator.api.unmerge(merged.report_id, "not the same pipe")
            except ProtocolError as exc:
                refused = exc.code
            undone = await supervisor.api.unmerge(merged.report_id, "另一处水管，不是同一起")
            await watcher.wait_for(
                lambda e: e.type == "case.created" and e.payload.case.id == undone.new_case.id
            )
            seen = [(e.type, e.payload.case.id) for e in watcher.events]
            errors = []
            for report_id, reason in (
                (merged.report_id, "again"),
                (999_999, "gone"),
                (merged.report_id, " "),
            ):
                try:
                    await supervisor.api.unmerge(report_id, reason)
                except ProtocolError as exc:
                    errors.append(f"{exc.code}:{exc.details['field']}")
            try:
                await supervisor.api.unmerge(first_report.id, "the original")
            except ProtocolError as exc:
                errors.append(f"{exc.code}:{exc.details['field']}")
            return refused, undone, seen, errors

    refused, undone, seen, errors = aio.run(scenario())
    assert refused == ErrorCode.FORBIDDEN
    old, new = undone.case, undone.new_case
    assert (old.id, old.reporter_count) == (case.id, 1)
    assert new.id != case.id and new.status == "received"
    assert (new.category_code, new.urgency, new.appeal_type) == ("E0502", "urgent", "A03")
    assert (new.description, new.reporter_phone, new.channel, new.address) == (
        SECOND.description,
        SECOND.reporter_phone,
        "app",
        "滨江路88号",
    )
    assert new.grid_code == "32099900100101"  # located like any new case
    assert seen == [("case.updated", case.id), ("case.updated", case.id), ("case.created", new.id)]
    assert errors == [
        "invalid_field:report_id",
        "not_found:report_id",
        "invalid_field:reason",
        "invalid_field:report_id",
    ]
    reports = {r.id: r for r in rows(aio, seeded_store, schema.case_reports)}
    detached = reports[max(r.id for r in reports.values() if r.case_id == case.id)]
    assert (detached.detached_by, detached.detached_at is not None) == ("supervisor1", True)
    assert [r.case_id for r in reports.values()].count(new.id) == 1
    timeline = rows(aio, seeded_store, schema.case_timeline)
    assert [(t.case_id, t.action, t.actor) for t in timeline if t.action in ("unmerged", "split")] == [
        (case.id, "unmerged", "supervisor1"),
        (new.id, "split", "supervisor1"),
    ]
