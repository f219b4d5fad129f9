"""What intake adds to ``insert_case``: location codes, deadline, close at intake, first report, timeline.

Runs inside the case's write transaction (sync connection). It does not import ``backend.case_writes``,
which imports it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.intake import deadlines
from backend.intake.areas import grid_map
from backend.intake.gazetteer import gazetteer
from backend.intake.validation import check_point, invalid
from client_api import messages as m

CONSULTATION = "A01"  # 咨询: the only appeal type that may be answered and closed at intake
MAX_RESOLUTION = 4000

# Built once: statements made per call spend more time in SQLAlchemy than in SQLite (bench/fanout.py).
_INSERT_REPORT = sa.insert(schema.case_reports).returning(schema.case_reports.c.id)
_INSERT_TIMELINE = sa.insert(schema.case_timeline)
_AREA_PARENT = sa.select(schema.areas.c.level, schema.areas.c.parent_code).where(
    schema.areas.c.code == sa.bindparam("code")
)


def category_info(conn: sa.Connection, code: str) -> deadlines.CategoryInfo | None:
    cats = schema.categories
    row = conn.execute(sa.select(cats.c.kind, cats.c.parent_code).where(cats.c.code == code)).first()
    return deadlines.CategoryInfo(code, row.kind, row.parent_code) if row else None


def check_appeal_type(conn: sa.Connection, appeal_type: str | None) -> None:
    if appeal_type is None:
        return
    info = category_info(conn, appeal_type)
    if info is None or info.kind != "appeal":
        raise invalid("appeal_type", f"{appeal_type!r} is not an appeal type (A01 咨询 … A06 表扬)")


def locate(conn: sa.Connection, req: m.CreateCase, address: str) -> dict[str, Any]:
    """lat/lon and town/village/grid codes: the operator's grid wins; else the point, else the address."""
    point = check_point(req.lat, req.lon)
    if req.grid_code is not None:
        village, town = _parents(conn, req.grid_code)
        lat, lon = point if point else (None, None)
        return {
            "lat": lat,
            "lon": lon,
            "grid_code": req.grid_code,
            "village_code": village,
            "town_code": town,
        }
    if point is None:
        found = gazetteer().geocode(address)
        point = (found.lat, found.lon) if found else None
    codes = grid_map().locate(*point) if point else None
    if codes is not None and not _area_exists(conn, codes.grid_code):
        codes = None  # the map and the area table disagree: leave the codes to the operator
    lat, lon = point if point else (None, None)
    return {
        "lat": lat,
        "lon": lon,
        "grid_code": codes.grid_code if codes else None,
        "village_code": codes.village_code if codes else None,
        "town_code": codes.town_code if codes else None,
    }


def intake_values(conn: sa.Connection, req: m.CreateCase, address: str, now: float) -> dict[str, Any]:
    """The intake columns of a new case; ProtocolError(invalid_field) if the request is not acceptable."""
    check_appeal_type(conn, req.appeal_type)
    info = category_info(conn, req.category_code)
    assert info is not None  # insert_case checked that the category exists
    values = locate(conn, req, address)
    due = deadlines.compute(info, req.urgency, now, req.appeal_type)
    values["deadline_at"] = due.deadline_at
    values |= {"stage_started_at": now, "stage_deadline_at": due.dispatch_deadline_at}  # SLA: dispatch by
    if req.resolution is not None:
        resolution = req.resolution.strip()
        if not resolution:
            raise invalid("resolution", "the resolution is empty")
        if len(resolution) > MAX_RESOLUTION:
            raise invalid("resolution", f"the resolution is longer than {MAX_RESOLUTION} characters")
        if CONSULTATION not in (req.appeal_type, req.category_code):
            raise invalid("resolution", "only a consultation (appeal type A01 咨询) can be closed at intake")
        values |= {"status": "closed", "closed_at": now, "resolution": resolution, "stage_deadline_at": None}
    return values


def record_intake(
    conn: sa.Connection, record: m.CaseRecord, req: m.CreateCase, operator: m.Operator, seat_id: str
) -> None:
    """The case's first report and its timeline (created; closed when answered at intake)."""
    write_report(
        conn, record.id, record.created_at, req, record.description, record.address, record.lat, record.lon
    )
    add_timeline(conn, record.id, record.created_at, operator, seat_id, "created", None, "received")
    if record.status == "closed":
        note = f"直接办结: {record.resolution}"
        add_timeline(
            conn, record.id, record.created_at, operator, seat_id, "closed", "received", "closed", note
        )


def write_report(
    conn: sa.Connection,
    case_id: int,
    ts: float,
    report: Any,  # CreateCase or ReportInput: the same reporter fields
    description: str,
    address: str | None,
    lat: float | None,
    lon: float | None,
    merged_by: str | None = None,
) -> int:
    values = {
        "case_id": case_id,
        "received_at": ts,
        "channel": report.channel,
        "reporter_name": report.reporter_name,
        "reporter_phone": report.reporter_phone,
        "confidential": report.confidential,
        "description": description,
        "address": address,
        "lat": lat,
        "lon": lon,
        "call_id": report.call_id,
        "intake_item_id": report.intake_item_id,
        "merged_by": merged_by,
        "merged_at": ts if merged_by else None,
    }
    return int(conn.execute(_INSERT_REPORT, values).scalar_one())


def add_timeline(
    conn: sa.Connection,
    case_id: int,
    ts: float,
    operator: m.Operator,
    seat_id: str | None,
    action: str,
    from_status: str | None,
    to_status: str | None,
    note: str | None = None,
    department_code: str | None = None,
    deadline_at: float | None = None,
) -> None:
    conn.execute(
        _INSERT_TIMELINE,
        {
            "case_id": case_id,
            "ts": ts,
            "actor": operator.username,
            "role": operator.role,
            "seat_id": seat_id,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "note": note,
            "department_code": department_code,
            "deadline_at": deadline_at,
        },
    )


def _parents(conn: sa.Connection, code: str) -> tuple[str | None, str | None]:
    """(village, town) at or above an area in the area tree, found by level."""
    found: dict[str, str] = {}
    current: str | None = code
    for _ in range(4):  # grid → village → town → district
        if current is None:
            break
        row = conn.execute(_AREA_PARENT, {"code": current}).first()
        if row is None:
            break
        found.setdefault(row.level, current)
        current = row.parent_code
    return found.get("village"), found.get("town")


def _area_exists(conn: sa.Connection, code: str) -> bool:
    return conn.execute(sa.select(schema.areas.c.code).where(schema.areas.c.code == code)).first() is not None
