"""What the wall rules react to: an alert or a case as an incident (its place, categories, severity
and what its tile shows), and whether a rule matches it."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.intake.areas import grid_map
from client_api import messages as m
from client_api import wall_messages as wm
from client_api.alert_messages import AlertRecord
from client_api.alert_priority import severity_rank

MAX_CASE_TEXT = 300


@dataclass(frozen=True)
class Incident:
    """What happened, as the rules see it. ``shown``: what the incident's tile shows."""

    trigger: str  # alert | case
    cause: str  # alarm:<alert id> | case:<case id>
    label: str  # for the change record
    shown: wm.TileSource
    point: tuple[float, float] | None  # (lat, lon)
    categories: list[str] = field(default_factory=list)
    severity: str | None = None


def alert_incident(alert: AlertRecord) -> Incident:
    return Incident(
        trigger="alert",
        cause=f"alarm:{alert.id}",
        label=f"alert {alert.id} ({alert.event})",
        shown=wm.TileSource(kind="alert", ref=str(alert.id)),
        point=point_of(alert.lat, alert.lon, alert.grid_code),
        categories=list(alert.categories),
        severity=alert.severity,
    )


def case_incident(case: m.CaseRecord) -> Incident:
    text = f"{case.case_no}\n{case.address}\n{case.description}"[:MAX_CASE_TEXT]
    return Incident(
        trigger="case",
        cause=f"case:{case.id}",
        label=f"case {case.case_no}",
        shown=wm.TileSource(kind="text", ref=f"case:{case.id}", text=text),
        point=point_of(case.lat, case.lon, case.grid_code),
        categories=[case.category_code],
    )


def matches(rule: wm.WallRule, incident: Incident) -> bool:
    if not rule.enabled or rule.trigger != incident.trigger:
        return False
    if rule.categories:
        if incident.trigger == "alert" and not set(rule.categories) & set(incident.categories):
            return False
        if incident.trigger == "case" and not any(
            code.startswith(prefix) for prefix in rule.categories for code in incident.categories
        ):
            return False
    if rule.min_severity is not None:
        return severity_rank(incident.severity or "Unknown") >= severity_rank(rule.min_severity)
    return True


def point_of(lat: float | None, lon: float | None, code: str | None) -> tuple[float, float] | None:
    """The incident's point, else the middle of its grid, village or town."""
    if lat is not None and lon is not None:
        return lat, lon
    if code is None:
        return None
    boxes = [
        g.bounds
        for g in grid_map().grids
        if code in (g.codes.grid_code, g.codes.village_code, g.codes.town_code)
    ]
    if not boxes:
        return None
    min_lon, min_lat = min(b[0] for b in boxes), min(b[1] for b in boxes)
    max_lon, max_lat = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return (min_lat + max_lat) / 2, (min_lon + max_lon) / 2
