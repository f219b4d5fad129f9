"""Merging a report into an open case, and undoing it (write transactions on a sync connection)."""

from __future__ import annotations

import time

import sqlalchemy as sa

from backend import schema
from backend.case_writes import CHANNELS, MAX_ADDRESS, MAX_DESCRIPTION, case_from_row, insert_case
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline, write_report
from backend.intake.validation import FINISHED_STATUSES, check_point, invalid, not_found
from client_api import intake_messages as im
from client_api import messages as m

MAX_REASON = 500

cases, reports = schema.cases, schema.case_reports


def check_report(report: im.ReportInput) -> tuple[str, str | None]:
    """The trimmed description and address of a report, or ProtocolError naming the bad field."""
    description = report.description.strip()
    if not description:
        raise invalid("report.description", "the description is empty")
    if len(description) > MAX_DESCRIPTION:
        raise invalid("report.description", f"the description is longer than {MAX_DESCRIPTION} characters")
    address = (report.address or "").strip() or None
    if address is not None and len(address) > MAX_ADDRESS:
        raise invalid("report.address", f"the address is longer than {MAX_ADDRESS} characters")
    if report.channel not in CHANNELS:
        raise invalid("report.channel", f"channel must be one of {', '.join(CHANNELS)}")
    check_point(report.lat, report.lon, prefix="report.")
    return description, address


def _case(conn: sa.Connection, case_id: int) -> m.CaseRecord:
    return case_from_row(conn.execute(sa.select(cases).where(cases.c.id == case_id)).one())


def merge_report(
    conn: sa.Connection, req: im.MergeReport, operator: m.Operator, seat_id: str
) -> tuple[im.ReportMerged, list[StoredEvent]]:
    """Add the report to the case: one more reporter, a timeline entry, ``case.updated``."""
    description, address = check_report(req.report)
    row = conn.execute(sa.select(cases.c.status, cases.c.case_no).where(cases.c.id == req.case_id)).first()
    if row is None:
        raise not_found("case_id", f"no case with id {req.case_id}")
    if row.status in FINISHED_STATUSES:
        raise invalid("case_id", f"case {row.case_no} is {row.status}; a report can only join an open case")
    now = time.time()
    report = req.report
    report_id = write_report(
        conn,
        req.case_id,
        now,
        report,
        description,
        address,
        report.lat,
        report.lon,
        merged_by=operator.username,
    )
    conn.execute(
        sa.update(cases).where(cases.c.id == req.case_id).values(reporter_count=cases.c.reporter_count + 1)
    )
    note = f"report {report_id} via {report.channel} merged"
    add_timeline(conn, req.case_id, now, operator, seat_id, "merged", None, None, note)
    case = _case(conn, req.case_id)
    event = append_event(conn, "case.updated", im.CaseUpdatedEvent(case=case), now)
    return im.ReportMerged(case=case, report_id=report_id, case_no=case.case_no), [event]


def unmerge(
    conn: sa.Connection, req: im.Unmerge, operator: m.Operator, seat_id: str
) -> tuple[im.Unmerged, list[StoredEvent]]:
    """Detach a merged report and open a case of its own for it (same category, urgency, appeal type)."""
    reason = req.reason.strip()
    if not reason:
        raise invalid("reason", "say why the report is detached")
    if len(reason) > MAX_REASON:
        raise invalid("reason", f"the reason is longer than {MAX_REASON} characters")
    report = conn.execute(sa.select(reports).where(reports.c.id == req.report_id)).first()
    if report is None:
        raise not_found("report_id", f"no report with id {req.report_id}")
    if report.detached_at is not None:
        raise invalid("report_id", f"report {req.report_id} was already detached")
    if report.merged_by is None:
        raise invalid("report_id", "this is the report the case was opened with; only merged reports detach")
    now = time.time()
    conn.execute(
        sa.update(reports)
        .where(reports.c.id == req.report_id)
        .values(detached_by=operator.username, detached_at=now)
    )
    conn.execute(
        sa.update(cases).where(cases.c.id == report.case_id).values(reporter_count=cases.c.reporter_count - 1)
    )
    add_timeline(
        conn, report.case_id, now, operator, seat_id, "unmerged", None, None, f"report {report.id}: {reason}"
    )
    old = _case(conn, report.case_id)
    updated = append_event(conn, "case.updated", im.CaseUpdatedEvent(case=old), now)
    new_case, created = insert_case(
        conn,
        m.CreateCase(
            category_code=old.category_code,
            address=report.address or old.address,
            description=report.description,
            appeal_type=old.appeal_type,
            urgency=old.urgency,
            channel=report.channel,
            reporter_name=report.reporter_name,
            reporter_phone=report.reporter_phone,
            confidential=report.confidential,
            lat=report.lat,
            lon=report.lon,
            call_id=report.call_id,
        ),
        operator,
        seat_id,
    )
    if report.intake_item_id is not None:
        # Kept as the new report's origin only: the inbox item stays linked to the case it was taken into.
        conn.execute(
            sa.update(reports)
            .where(reports.c.case_id == new_case.id)
            .values(intake_item_id=report.intake_item_id)
        )
    note = f"split from case {old.case_no} (report {report.id}): {reason}"
    add_timeline(conn, new_case.id, now, operator, seat_id, "split", None, None, note)
    return im.Unmerged(case=old, new_case=new_case), [updated, *created]
