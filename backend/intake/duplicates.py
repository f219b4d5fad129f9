"""Duplicate candidates for a case being entered: open cases that may be the same problem.

A case is a candidate for one or more reasons: the same city object (部件编码); the same category within
the radius and the time window; a similar description within the window (unless both have a location
and are further apart than the radius: distance beats wording); the same caller about the same place.
Each reason reads through an index — ``ix_cases_object_code``, ``ix_cases_category_created_at`` plus
a lat/lon bounding box, ``ix_cases_reporter_phone_created_at`` and the reports' phone index — so the
query stays fast on millions of cases. Runs on a sync connection (``run_sync``) so a benchmark can call
it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz

from backend import schema
from backend.intake import geometry
from backend.intake.settings import DedupSettings
from backend.intake.text import normalize
from backend.intake.validation import FINISHED_STATUSES

SAME_OBJECT = "same_object"
NEARBY = "nearby_same_category"
SIMILAR = "similar_description"
SAME_CALLER = "same_caller_same_place"
PATH_LIMIT = 50  # rows read per object code or phone
COMPARED_CHARS = 300  # of each description: similarity costs grow with the product of the lengths

cases, reports = schema.cases, schema.case_reports


@dataclass(frozen=True, slots=True)
class DedupQuery:
    categories: tuple[str, ...] = ()  # the category chosen, or those suggested for the description
    point: tuple[float, float] | None = None
    object_code: str | None = None
    description: str | None = None
    reporter_phone: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    row: sa.Row[Any]
    distance_m: float | None
    age_s: float
    reasons: list[str]
    score: float
    text_similarity: float | None


def find_duplicates(
    conn: sa.Connection, query: DedupQuery, settings: DedupSettings, now: float, limit: int
) -> list[Found]:
    """The best ``limit`` candidates, highest score first."""
    rows, places = _read(conn, query, settings, now)
    desc = _text(query.description)
    addr = _text(query.address)
    found = [
        f
        for row in rows.values()
        if (f := _judge(row, places.get(row.id, []), query, desc, addr, settings, now))
    ]
    found.sort(key=lambda f: (-f.score, f.age_s, -f.row.id))
    return found[:limit]


Place = tuple[float | None, float | None, str | None]  # where a report of the phone's caller was


def _read(
    conn: sa.Connection, query: DedupQuery, settings: DedupSettings, now: float
) -> tuple[dict[int, sa.Row[Any]], dict[int, list[Place]]]:
    is_open = cases.c.status.not_in(FINISHED_STATUSES)
    rows: dict[int, sa.Row[Any]] = {}
    places: dict[int, list[Place]] = {}
    selects = []
    if query.object_code:
        selects.append(
            sa.select(cases)
            .where(cases.c.object_code == query.object_code, is_open)
            .order_by(cases.c.id.desc())
            .limit(PATH_LIMIT)
        )
    if query.categories and (query.point or query.description):
        where = [
            cases.c.category_code.in_(query.categories),
            cases.c.created_at >= now - settings.window_h * 3600.0,
            is_open,
        ]
        if query.point:
            min_lat, max_lat, min_lon, max_lon = geometry.bbox(*query.point, settings.radius_m)
            box = sa.and_(cases.c.lat.between(min_lat, max_lat), cases.c.lon.between(min_lon, max_lon))
            # With a description, cases without a location can still match by wording.
            where.append(sa.or_(cases.c.lat.is_(None), box) if query.description else box)
        selects.append(
            sa.select(cases).where(*where).order_by(cases.c.created_at.desc()).limit(settings.max_scan)
        )
    if query.reporter_phone:
        phone = query.reporter_phone
        selects.append(
            sa.select(cases)
            .where(cases.c.reporter_phone == phone, is_open)
            .order_by(cases.c.created_at.desc())
            .limit(PATH_LIMIT)
        )
        # Callers whose reports were merged into a case are on its reports, not on the case row.
        merged = conn.execute(
            sa.select(reports.c.case_id, reports.c.lat, reports.c.lon, reports.c.address)
            .where(reports.c.reporter_phone == phone, reports.c.detached_at.is_(None))
            .order_by(reports.c.id.desc())
            .limit(PATH_LIMIT)
        ).all()
        for r in merged:
            places.setdefault(r.case_id, []).append((r.lat, r.lon, r.address))
        if places:
            selects.append(sa.select(cases).where(cases.c.id.in_(list(places)), is_open))
    for select in selects:
        for row in conn.execute(select):
            rows[row.id] = row
    return rows, places


def _judge(
    row: sa.Row[Any],
    caller_places: list[Place],
    query: DedupQuery,
    desc: str,
    addr: str,
    settings: DedupSettings,
    now: float,
) -> Found | None:
    radius, window = settings.radius_m, settings.window_h * 3600.0
    age = max(0.0, now - row.created_at)
    distance = (
        geometry.distance_m(*query.point, row.lat, row.lon) if query.point and row.lat is not None else None
    )
    near = distance is not None and distance <= radius
    in_window = age <= window
    reasons: list[str] = []
    score = 0.0
    if query.object_code and row.object_code == query.object_code:
        reasons.append(SAME_OBJECT)
        score += 1.0
    if query.reporter_phone and _same_place(row, caller_places, query, addr, settings):
        reasons.append(SAME_CALLER)
        score += 0.8
    if near and in_window and row.category_code in query.categories:
        assert distance is not None
        reasons.append(NEARBY)
        score += 0.5 + 0.3 * (1.0 - distance / radius)
    similarity = fuzz.ratio(desc, _text(row.description)) if desc else None
    far = distance is not None and distance > radius
    if similarity is not None and similarity >= settings.text_threshold and in_window and not far:
        reasons.append(SIMILAR)
        score += 0.2 + 0.6 * (similarity - settings.text_threshold) / max(
            1.0, 100.0 - settings.text_threshold
        )
    if not reasons:
        return None
    score += 0.1 * max(0.0, 1.0 - age / window)  # the newer, the likelier
    return Found(row, distance, age, reasons, round(score, 4), similarity)


def _same_place(
    row: sa.Row[Any],
    caller_places: list[Place],
    query: DedupQuery,
    addr: str,
    settings: DedupSettings,
) -> bool:
    """Whether the caller's case (or merged report) is about the place being entered now."""
    radius = settings.radius_m
    spots: list[Place] = list(caller_places)
    if row.reporter_phone == query.reporter_phone:
        spots.append((row.lat, row.lon, row.address))
    for lat, lon, address in spots:
        point = query.point
        if point and lat is not None and lon is not None and geometry.distance_m(*point, lat, lon) <= radius:
            return True
        if addr and address and fuzz.ratio(addr, _text(address)) >= settings.address_threshold:
            return True
    return False


def _text(value: str | None) -> str:
    return normalize(value)[:COMPARED_CHARS] if value else ""
