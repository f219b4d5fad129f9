"""What seats did with cases during a drill, read from the case timeline and the case reports (rows
after the ones already seen): a case filed (from which call or inbox item, so from which inject), a
report merged into a case (a duplicate recognised), a dispatch (to which department), every other step.
The case events only say that something changed; the timeline says who did what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.drill.drill_log import entry
from backend.drill.run import DrillRun
from backend.lifecycle.rules import BY_ACTION
from client_api.drill_messages import LogEntry

CASE_FIELDS = (
    "case_no",
    "category_code",
    "appeal_type",
    "urgency",
    "address",
    "description",
    "reporter_name",
    "reporter_phone",
    "grid_code",
    "village_code",
    "town_code",
    "lat",
    "lon",
    "channel",
)
ACTION_WORDS = {
    "created": "新建",
    "closed": "直接办结",
    "linked": "关联预警",
    "unmerged": "拆分",
    "escalated": "提级",
}
MAX_DESCRIPTION = 200  # of a case's description kept in the log


@dataclass(slots=True)
class Activity:
    timeline: list[Any]
    reports: list[Any]
    cases: dict[int, Any]


def read_activity(conn: sa.Connection, timeline_after: int, reports_after: int) -> Activity:
    tl, rp, cases = schema.case_timeline, schema.case_reports, schema.cases
    timeline = conn.execute(sa.select(tl).where(tl.c.id > timeline_after).order_by(tl.c.id)).all()
    reports = conn.execute(sa.select(rp).where(rp.c.id > reports_after).order_by(rp.c.id)).all()
    ids = sorted({r.case_id for r in timeline} | {r.case_id for r in reports})
    rows = conn.execute(sa.select(cases).where(cases.c.id.in_(ids))).all() if ids else []
    return Activity(list(timeline), list(reports), {r.id: r for r in rows})


def last_ids(conn: sa.Connection) -> tuple[int, int]:
    """The newest timeline and report ids now (a drill watches what comes after)."""
    tl, rp = schema.case_timeline, schema.case_reports
    return (
        int(conn.execute(sa.select(sa.func.max(tl.c.id))).scalar() or 0),
        int(conn.execute(sa.select(sa.func.max(rp.c.id))).scalar() or 0),
    )


def case_entries(run: DrillRun, activity: Activity) -> list[LogEntry]:
    """Log entries of ``activity`` in timeline order; the links and the cursors move on."""
    seen, links = run.seen, run.links
    first_reports: dict[int, Any] = {}
    merged: dict[int, list[Any]] = {}
    for report in activity.reports:
        if report.merged_by is None:
            first_reports.setdefault(report.case_id, report)
        else:
            merged.setdefault(report.case_id, []).append(report)
    out = []
    for row in activity.timeline:
        case = activity.cases.get(row.case_id)
        if case is None:
            continue
        if row.action == "merged" and merged.get(row.case_id):
            out.append(_merged(run, case, merged[row.case_id].pop(0)))
            continue
        if row.action == "created":
            report = first_reports.get(row.case_id)
            ref = links.of_report(report.call_id, report.intake_item_id) if report is not None else None
            if ref is not None:
                links.cases.setdefault(case.id, ref)
            out.append(_created(run, row, case, report, ref))
            continue
        out.append(_step(run, row, case))
    if activity.timeline:
        seen.timeline_after = activity.timeline[-1].id
    if activity.reports:
        seen.reports_after = activity.reports[-1].id
    return out


def actor_name(run: DrillRun, actor: str) -> str:
    if actor.startswith("sim:"):
        return run.name(actor[4:])
    return run.name(actor)


def _created(run: DrillRun, row: Any, case: Any, report: Any, ref: str | None) -> LogEntry:
    data: dict[str, object] = {"case_id": case.id}
    data |= {name: getattr(case, name) for name in CASE_FIELDS}
    data["description"] = (case.description or "")[:MAX_DESCRIPTION]
    data["call_id"] = report.call_id if report is not None else None
    data["intake_item_id"] = report.intake_item_id if report is not None else None
    who, category = actor_name(run, row.actor), run.name(case.category_code)
    summary = f"{who} 新建工单 {case.case_no}：{category}，{case.address}"
    return _entry(run, row.ts, row.actor, "case.created", summary, ref, data)


def _merged(run: DrillRun, case: Any, report: Any) -> LogEntry:
    ref = run.links.of_report(report.call_id, report.intake_item_id)
    data: dict[str, object] = {
        "case_id": case.id,
        "case_no": case.case_no,
        "report_id": report.id,
        "call_id": report.call_id,
        "intake_item_id": report.intake_item_id,
        "into": run.links.cases.get(case.id),
    }
    what = ref or f"报告 {report.id}"
    summary = f"{actor_name(run, report.merged_by)} 将 {what} 合并到工单 {case.case_no}"
    at = report.merged_at or report.received_at
    return _entry(run, at, report.merged_by, "case.merged", summary, ref, data)


def _step(run: DrillRun, row: Any, case: Any) -> LogEntry:
    ref = run.links.cases.get(case.id)
    data: dict[str, object] = {"case_id": case.id, "case_no": case.case_no, "action": row.action}
    who = actor_name(run, row.actor)
    if row.action in ("dispatch", "subdispatch"):
        data["department"] = row.department_code
        summary = f"{who} 派遣工单 {case.case_no} 至 {run.name(row.department_code)}"
        return _entry(run, row.ts, row.actor, "case.dispatched", summary, ref, data)
    data |= {"from_status": row.from_status, "to_status": row.to_status, "note": row.note}
    data["department"] = row.department_code
    rule = BY_ACTION.get(row.action)
    word = rule.label if rule is not None else ACTION_WORDS.get(row.action, row.action)
    return _entry(run, row.ts, row.actor, f"case.{row.action}", f"{who} {word}工单 {case.case_no}", ref, data)


def _entry(
    run: DrillRun, at: float, actor: str, kind: str, summary: str, ref: str | None, data: dict[str, object]
) -> LogEntry:
    return entry(run.t(at), at, actor, kind, summary, slot_id=run.slot_of(actor), ref=ref, data=data)
