"""Request handlers of the intake capability; merged into backend.dispatch."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from backend.case_writes import MAX_ADDRESS, MAX_DESCRIPTION, URGENCIES, case_from_row
from backend.handlers import Handler
from backend.intake import deadlines, kb, text
from backend.intake.areas import AreaCodes, grid_map
from backend.intake.case_intake import category_info, check_appeal_type
from backend.intake.detail import mask_detail, read_detail
from backend.intake.duplicates import DedupQuery, find_duplicates
from backend.intake.gazetteer import Entry, gazetteer
from backend.intake.merge import merge_report, unmerge
from backend.intake.state import IntakeState, state_of
from backend.intake.validation import check_limit, check_point, check_query, invalid, not_found
from backend.lifecycle.units import case_units, sees
from backend.masking import mask_case
from client_api import intake_messages as im
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server

MAX_PHONE = 32
MAX_OBJECT_CODE = 16
LATEST_AT = 4_102_444_800.0  # 2100-01-01: beyond it a timestamp is a typo


async def category_search(server: Server, peer: Peer, req: im.SearchCategories) -> im.CategoryMatches:
    query = check_query(req.query)
    limit = check_limit(req.limit, 50)
    index = await state_of(server).category_index()
    return im.CategoryMatches(
        matches=[
            im.CategoryMatch(
                code=found.row.code,
                name=found.row.name,
                kind=found.row.kind,
                parent_code=found.row.parent_code,
                parent_name=found.parent_name,
                score=found.score,
                matched=found.matched,
            )
            for found in index.search(query, limit)
        ]
    )


async def suggest_category(server: Server, peer: Peer, req: im.SuggestCategory) -> im.CategorySuggestions:
    description = check_query(req.description, "description", MAX_DESCRIPTION)
    limit = check_limit(req.limit, 10)
    suggester = await state_of(server).suggester()
    found = await asyncio.to_thread(suggester.suggest, description, limit)
    return im.CategorySuggestions(
        suggestions=[
            im.CategorySuggestion(
                code=s.row.code, name=s.row.name, confidence=s.confidence, keywords=s.keywords
            )
            for s in found
        ]
    )


async def deadline_compute(server: Server, peer: Peer, req: im.ComputeDeadline) -> im.Deadline:
    if req.urgency not in URGENCIES:
        raise invalid("urgency", f"urgency must be one of {', '.join(URGENCIES)}")
    at = time.time() if req.at is None else req.at
    if not 0 <= at < LATEST_AT:
        raise invalid("at", "at must be a Unix time between 1970 and 2100")
    async with server.store.engine.connect() as conn:
        info = await conn.run_sync(category_info, req.category_code)
        if info is None:
            raise invalid("category_code", f"no category with code {req.category_code!r}")
        await conn.run_sync(check_appeal_type, req.appeal_type)
    due = deadlines.compute(info, req.urgency, at, req.appeal_type)
    return im.Deadline(
        deadline_at=due.deadline_at,
        limit=_limit(due.limit),
        dispatch_deadline_at=due.dispatch_deadline_at,
        dispatch_limit=_limit(due.dispatch_limit) if due.dispatch_limit else None,
    )


async def location_complete(server: Server, peer: Peer, req: im.CompleteLocation) -> im.Places:
    prefix = check_query(req.prefix, "prefix")
    limit = check_limit(req.limit, 50)
    return im.Places(places=[_place(e) for e in gazetteer().complete(prefix, limit)])


async def location_resolve(server: Server, peer: Peer, req: im.ResolveLocation) -> im.ResolvedLocation:
    point = check_point(req.lat, req.lon)
    if point is not None:
        return _resolved(point[0], point[1], "point", grid_map().locate(*point), None)
    if req.address is None:
        raise invalid("address", "give an address, or lat and lon")
    address = check_query(req.address, "address", MAX_ADDRESS)
    found = gazetteer().geocode(address)
    if found is None:
        return im.ResolvedLocation(precision="none")
    return _resolved(found.lat, found.lon, found.precision, found.codes, found.entry)


async def case_find_duplicates(server: Server, peer: Peer, req: im.FindDuplicates) -> im.DuplicateCandidates:
    assert peer.operator is not None
    state = state_of(server)
    settings = state.settings
    limit = check_limit(req.limit, 50)
    point = check_point(req.lat, req.lon)
    description = _optional(req.description, "description", MAX_DESCRIPTION)
    address = _optional(req.address, "address", MAX_ADDRESS)
    phone = _optional(req.reporter_phone, "reporter_phone", MAX_PHONE)
    object_code = _optional(req.object_code, "object_code", MAX_OBJECT_CODE)
    if point is None and address is not None and (found := gazetteer().geocode(address)) is not None:
        point = (found.lat, found.lon)
    query = DedupQuery(
        categories=await _categories_to_search(state, req.category_code, description),
        point=point,
        object_code=object_code,
        description=description,
        reporter_phone=phone,
        address=address,
    )
    async with server.store.engine.connect() as conn:
        found_cases = await conn.run_sync(find_duplicates, query, settings, time.time(), limit)
    role = peer.operator.role
    return im.DuplicateCandidates(
        candidates=[
            im.DuplicateCandidate(
                case=mask_case(case_from_row(f.row), role),
                distance_m=None if f.distance_m is None else round(f.distance_m, 1),
                age_s=round(f.age_s, 1),
                reporter_count=f.row.reporter_count,
                reasons=f.reasons,
                score=f.score,
                text_similarity=None if f.text_similarity is None else round(f.text_similarity, 1),
            )
            for f in found_cases
        ],
        radius_m=settings.radius_m,
        window_h=settings.window_h,
    )


async def case_merge_report(server: Server, peer: Peer, req: im.MergeReport) -> im.ReportMerged:
    assert peer.operator is not None and peer.seat_id is not None
    result = await server.store.run_write(merge_report, req, peer.operator, peer.seat_id)
    return im.ReportMerged(
        case=mask_case(result.case, peer.operator.role), report_id=result.report_id, case_no=result.case_no
    )


async def case_unmerge(server: Server, peer: Peer, req: im.Unmerge) -> im.Unmerged:
    assert peer.operator is not None and peer.seat_id is not None
    result = await server.store.run_write(unmerge, req, peer.operator, peer.seat_id)
    role = peer.operator.role
    return im.Unmerged(case=mask_case(result.case, role), new_case=mask_case(result.new_case, role))


async def case_detail(server: Server, peer: Peer, req: im.GetCaseDetail) -> im.CaseDetail:
    assert peer.operator is not None
    async with server.store.engine.connect() as conn:
        detail = await conn.run_sync(read_detail, req.case_id)
    if detail is None:
        raise not_found("case_id", f"no case with id {req.case_id}")
    if not sees(peer.scope, case_units(detail.case)):  # a unit sees its subtree's cases only
        raise ProtocolError(
            ErrorCode.FORBIDDEN, f"case {detail.case.case_no} is not within the unit {peer.operator.unit}"
        )
    return mask_detail(detail, peer.operator.role)


async def kb_search(server: Server, peer: Peer, req: im.SearchKb) -> im.KbArticles:
    query = check_query(req.query)
    limit = check_limit(req.limit, 20)
    await asyncio.to_thread(text.tokenizer)  # loads the dictionary once, off the event loop
    async with server.store.engine.connect() as conn:
        rows = await conn.run_sync(kb.read_articles)
    return im.KbArticles(articles=kb.rank(rows, query, limit))


async def geo_grids(server: Server, peer: Peer, req: im.GetGrids) -> im.Grids:
    """The polygons location.resolve tests points against, turned to [lat, lon] for the map."""
    return im.Grids(
        grids=[
            im.GridPolygon(
                code=g.codes.grid_code,
                name=g.name,
                village_code=g.codes.village_code,
                town_code=g.codes.town_code,
                rings=[[(lat, lon) for lon, lat in ring] for ring in g.rings],
            )
            for g in grid_map().grids
        ]
    )


# --- helpers ------------------------------------------------------------------------------------------


async def _categories_to_search(
    state: IntakeState, code: str | None, description: str | None
) -> tuple[str, ...]:
    """The chosen category (a major class stands for its classes), else the ones the description
    suggests, else none."""
    rows = await state.category_rows()
    if code is not None:
        if code not in {r.code for r in rows}:
            raise invalid("category_code", f"no category with code {code!r}")
        children = tuple(r.code for r in rows if r.parent_code == code)
        return children or (code,)
    if description is None:
        return ()
    suggester = await state.suggester()
    return tuple(s.row.code for s in await asyncio.to_thread(suggester.suggest, description, 3))


def _optional(value: str | None, field: str, maximum: int) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > maximum:
        raise invalid(field, f"the {field} is longer than {maximum} characters")
    return value


def _limit(limit: deadlines.Limit) -> im.TimeLimit:
    return im.TimeLimit(amount=limit.amount, unit=limit.unit, rule=limit.rule)


def _resolved(
    lat: float, lon: float, precision: str, codes: AreaCodes | None, entry: Entry | None
) -> im.ResolvedLocation:
    return im.ResolvedLocation(
        lat=lat,
        lon=lon,
        precision=precision,
        place=_place(entry) if entry else None,
        town_code=codes.town_code if codes else None,
        village_code=codes.village_code if codes else None,
        grid_code=codes.grid_code if codes else None,
    )


def _place(entry: Entry) -> im.Place:
    codes = entry.codes
    return im.Place(
        id=entry.id,
        name=entry.name,
        kind=entry.kind,
        address=entry.address,
        lat=entry.lat,
        lon=entry.lon,
        town_code=codes.town_code if codes else None,
        village_code=codes.village_code if codes else None,
        grid_code=codes.grid_code if codes else None,
    )


HANDLERS: dict[str, Handler] = {
    "category.search": category_search,
    "case.suggest_category": suggest_category,
    "deadline.compute": deadline_compute,
    "location.complete": location_complete,
    "location.resolve": location_resolve,
    "case.find_duplicates": case_find_duplicates,
    "case.merge_report": case_merge_report,
    "case.unmerge": case_unmerge,
    "case.detail": case_detail,
    "kb.search": kb_search,
    "geo.grids": geo_grids,
}
