"""A case with its reports and timeline (read on a sync connection), and its masking for a role."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row
from backend.lifecycle.detail import lifecycle_detail
from backend.masking import MASKED_NAME, mask_case, mask_phone, sees_confidential
from client_api import intake_messages as im

cases, reports, timeline = schema.cases, schema.case_reports, schema.case_timeline
S = TypeVar("S", bound=msgspec.Struct)


def read_detail(conn: sa.Connection, case_id: int) -> im.CaseDetail | None:
    """The case, its reports and its timeline entries, oldest first, in clear; None if no such case."""
    row = conn.execute(sa.select(cases).where(cases.c.id == case_id)).first()
    if row is None:
        return None
    # Oldest first in the order written: an unmerge stamps its ``split`` entry with the time it began,
    # a moment before the new case's ``created``, which is written after it in the same transaction.
    report_rows = conn.execute(
        sa.select(reports).where(reports.c.case_id == case_id).order_by(reports.c.id)
    ).all()
    timeline_rows = conn.execute(
        sa.select(timeline).where(timeline.c.case_id == case_id).order_by(timeline.c.id)
    ).all()
    return im.CaseDetail(
        case=case_from_row(row),
        reports=[_struct(r, im.CaseReport) for r in report_rows],
        timeline=[_struct(t, im.TimelineEntry) for t in timeline_rows],
        **lifecycle_detail(conn, case_id),
    )


def mask_report(report: im.CaseReport, case_confidential: bool, role: str) -> im.CaseReport:
    """A report as ``role`` may see it: its reporter masked like the case's when the report or the case
    is confidential."""
    if not (report.confidential or case_confidential) or sees_confidential(role):
        return report
    return msgspec.structs.replace(
        report,
        reporter_name=MASKED_NAME if report.reporter_name else report.reporter_name,
        reporter_phone=mask_phone(report.reporter_phone) if report.reporter_phone else report.reporter_phone,
    )


def mask_detail(detail: im.CaseDetail, role: str) -> im.CaseDetail:
    confidential = detail.case.confidential
    return msgspec.structs.replace(
        detail,
        case=mask_case(detail.case, role),
        reports=[mask_report(r, confidential, role) for r in detail.reports],
    )


def _struct(row: sa.Row[Any], cls: type[S]) -> S:
    """A row as the struct of the same field names (extra columns are left out)."""
    return msgspec.convert({field: getattr(row, field) for field in cls.__struct_fields__}, cls)
