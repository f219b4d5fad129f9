"""A case made from an alert in one transaction, with the existing case-creation code (insert_case):
the alert's place, texts, evidence, point, grid and urgency fill the case; then the alert is linked.

Channel: "iot" for a warning model's alert (sensors and the models watching them), "web" for CAP and
manual alerts (received from other platforms over the network, or raised at the center).
"""

from __future__ import annotations

import sqlalchemy as sa

from backend import schema
from backend.alerts.acknowledge import alert_or_error, check_no_case, link_values
from backend.alerts.apply import EXERCISE_PREFIX
from backend.alerts.records import update_alert
from backend.case_writes import MAX_ADDRESS, MAX_DESCRIPTION, insert_case
from backend.events import StoredEvent
from client_api import messages as m
from client_api.alert_messages import AlertCaseCreated, AlertRecord, Evidence

NO_PLACE = "预警未注明地点"
MAX_REPORTER = 64  # cases.reporter_name


def case_urgency(alert: AlertRecord) -> str:
    """Extreme → critical; Severe, or Immediate and Moderate → urgent; else normal."""
    if alert.severity == "Extreme":
        return "critical"
    if alert.severity == "Severe" or (alert.urgency == "Immediate" and alert.severity == "Moderate"):
        return "urgent"
    return "normal"


def case_channel(alert: AlertRecord) -> str:
    return "iot" if alert.source == "rule" else "web"


def _shown(value: str | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def evidence_line(row: Evidence) -> str:
    """e.g. "水 m³/日：4.8 m³（预期 1.2 m³）"."""
    unit = f" {row.unit}" if row.unit else ""
    expected = f"（预期 {_shown(row.expected)}{unit}）" if row.expected is not None else ""
    return f"{row.label}：{_shown(row.value)}{unit}{expected}"


def case_description(alert: AlertRecord) -> str:
    lines = [alert.headline, alert.description, alert.instruction]
    lines += [evidence_line(row) for row in alert.evidence]
    lines.append(f"预警来源：{alert.sender_name or alert.sender}（{alert.identifier}）")
    text = "\n".join(line.strip() for line in lines if line and line.strip())
    if alert.status == "Exercise":
        text = EXERCISE_PREFIX + text
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


def _area(conn: sa.Connection, code: str | None) -> tuple[str, str] | None:
    """(name, level) of an area code."""
    if code is None:
        return None
    areas = schema.areas.c
    row = conn.execute(sa.select(areas.name, areas.level).where(areas.code == code)).first()
    return None if row is None else (row.name, row.level)


def case_request(conn: sa.Connection, alert: AlertRecord, category_code: str) -> m.CreateCase:
    area = _area(conn, alert.grid_code)
    described = next((a.area_desc.strip() for a in alert.areas if a.area_desc.strip()), None)
    address = described or (area[0] if area is not None else None) or NO_PLACE
    return m.CreateCase(
        category_code=category_code,
        address=address[:MAX_ADDRESS],
        description=case_description(alert),
        # a case's grid is a grid; a village or town code is left to the point to resolve
        grid_code=alert.grid_code if area is not None and area[1] == "grid" else None,
        urgency=case_urgency(alert),
        channel=case_channel(alert),
        reporter_name=(alert.sender_name or None) and alert.sender_name[:MAX_REPORTER],
        lat=alert.lat if alert.lon is not None else None,
        lon=alert.lon if alert.lat is not None else None,
    )


def alert_to_case(
    conn: sa.Connection,
    alert_id: int,
    category_code: str,
    operator: m.Operator,
    seat_id: str,
    now: float,
) -> tuple[AlertCaseCreated, list[StoredEvent]]:
    alert = alert_or_error(conn, alert_id)
    check_no_case(alert)
    case, events = insert_case(conn, case_request(conn, alert, category_code), operator, seat_id)
    values = link_values(alert, case.id, f"立案 {case.case_no}", operator, seat_id, now)
    record, more = update_alert(conn, alert.id, values, now)
    return AlertCaseCreated(alert=record, case=case), events + more
