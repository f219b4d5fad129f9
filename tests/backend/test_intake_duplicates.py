"""Duplicate candidates: each reason, only open cases, inside the radius and the window; and indexes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from backend.cli import build_parser
from backend.intake import settings as intake_settings
from backend.intake.duplicates import DedupQuery, find_duplicates
from backend.intake.merge import merge_report
from backend.intake.settings import DedupSettings
from backend.intake.state import state_of
from backend.seed import seed_demo
from backend.server import Server
from backend.services import build_services
from backend.store import Store
from client_api import intake_messages as im
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import (
    FURTHER,
    HOME,
    NEXT_DOOR,
    OPERATOR,
    create,
    seats,
    served,
    update_case,
)

PIPE = "滨江路88号门口自来水管爆了，水漫到路上"
PIPE_AGAIN = "滨江路88号水管爆了，路上都是水"
COVER = "3209990101000123"  # a 上水井盖 object code: division 320999, class 01/01, serial 000123


@pytest.fixture
def intake_server(aio: Any, seeded_store: Store) -> Any:
    with served(aio, seeded_store) as server:
        yield server


def find(aio: Any, server: Server, **fields: Any) -> list[im.DuplicateCandidate]:
    async def scenario() -> list[im.DuplicateCandidate]:
        async with seats(server, "operator1") as (seat,):
            return (await seat.api.find_duplicates(im.FindDuplicates(**fields))).candidates

    return aio.run(scenario())


def reasons(found: list[im.DuplicateCandidate]) -> dict[int, list[str]]:
    return {c.case.id: c.reasons for c in found}


def test_same_category_nearby_and_recent(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    near = create(aio, seeded_store, PIPE, lat=HOME[0], lon=HOME[1])
    far = create(aio, seeded_store, PIPE, lat=FURTHER[0], lon=FURTHER[1])
    other_kind = create(aio, seeded_store, "路灯不亮", category_code="P0104", lat=HOME[0], lon=HOME[1])
    old = create(aio, seeded_store, PIPE, lat=HOME[0], lon=HOME[1])
    update_case(aio, seeded_store, old.id, created_at=time.time() - 49 * 3600)  # outside the 48 h window
    closed = create(aio, seeded_store, PIPE, lat=HOME[0], lon=HOME[1])
    update_case(aio, seeded_store, closed.id, status="closed")

    found = find(aio, intake_server, category_code="E0502", lat=NEXT_DOOR[0], lon=NEXT_DOOR[1])
    assert reasons(found) == {near.id: ["nearby_same_category"]}
    candidate = found[0]
    assert candidate.distance_m is not None and 40 < candidate.distance_m < 60
    assert 0 <= candidate.age_s < 60 and candidate.reporter_count == 1
    assert candidate.case.case_no == near.case_no and candidate.text_similarity is None
    assert {far.id, other_kind.id, old.id, closed.id}.isdisjoint(reasons(found))
    # A major class stands for its classes.
    assert set(reasons(find(aio, intake_server, category_code="E05", lat=HOME[0], lon=HOME[1]))) == {near.id}


def test_window_edge(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    recent = create(aio, seeded_store, PIPE, lat=HOME[0], lon=HOME[1])
    update_case(aio, seeded_store, recent.id, created_at=time.time() - 47 * 3600)
    found = find(aio, intake_server, category_code="E0502", lat=HOME[0], lon=HOME[1])
    assert reasons(found) == {recent.id: ["nearby_same_category"]}
    assert 47 * 3600 <= found[0].age_s < 47 * 3600 + 60


def test_same_object_whatever_the_place_or_age(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    cover = create(aio, seeded_store, "井盖缺失", category_code="P0101", object_code=COVER, address="茶园路")
    update_case(aio, seeded_store, cover.id, created_at=time.time() - 30 * 86400)
    closed = create(aio, seeded_store, "井盖缺失", category_code="P0101", object_code=COVER, address="茶园路")
    update_case(aio, seeded_store, closed.id, status="archived")
    create(
        aio, seeded_store, "井盖缺失", category_code="P0101", object_code="3209990101000999", address="茶园路"
    )
    found = find(aio, intake_server, object_code=COVER, lat=HOME[0], lon=HOME[1])
    assert reasons(found) == {cover.id: ["same_object"]}


def test_similar_description(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    unlocated = create(aio, seeded_store, PIPE, address="说不清的地方")
    unrelated = create(aio, seeded_store, "望江路36号路灯不亮", address="说不清的地方")
    far_away = create(aio, seeded_store, PIPE, lat=FURTHER[0], lon=FURTHER[1])
    # With the category, and without it (the description's suggested categories are searched).
    for fields in ({"category_code": "E0502"}, {}):
        found = find(aio, intake_server, description=PIPE_AGAIN, **fields)
        assert unlocated.id in reasons(found) and reasons(found)[unlocated.id] == ["similar_description"]
        assert unrelated.id not in reasons(found)
        text_similarity = next(c.text_similarity for c in found if c.case.id == unlocated.id)
        assert text_similarity is not None and text_similarity >= DedupSettings().text_threshold
    # Distance beats wording: the same words 500 m away are another burst main.
    located = find(aio, intake_server, description=PIPE, category_code="E0502", lat=HOME[0], lon=HOME[1])
    assert far_away.id not in reasons(located) and unlocated.id in reasons(located)


def test_same_caller_about_the_same_place(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    phone, other = "13800001111", "13900002222"
    theirs = create(
        aio, seeded_store, "路灯不亮", category_code="P0104", reporter_phone=phone, lat=HOME[0], lon=HOME[1]
    )
    elsewhere = create(
        aio, seeded_store, "路灯不亮", category_code="P0104", reporter_phone=phone, address="古渡街1号"
    )
    update_case(aio, seeded_store, theirs.id, created_at=time.time() - 10 * 86400)  # no window for a caller
    found = find(aio, intake_server, reporter_phone=phone, lat=NEXT_DOOR[0], lon=NEXT_DOOR[1])
    assert reasons(found) == {theirs.id: ["same_caller_same_place"]}
    # The same place by address when there is no point.
    by_address = find(aio, intake_server, reporter_phone=phone, address="桃源镇古渡村古渡街1号")
    assert set(reasons(by_address)) == {elsewhere.id}
    assert find(aio, intake_server, reporter_phone=other, lat=HOME[0], lon=HOME[1]) == []


def test_a_caller_merged_into_a_case_counts_as_its_caller(
    aio: Any, seeded_store: Store, intake_server: Server
) -> None:
    case = create(aio, seeded_store, "路灯不亮", category_code="P0104", reporter_phone="13800001111")
    report = im.ReportInput(
        description="路灯还是不亮", reporter_phone="13700003333", lat=HOME[0], lon=HOME[1]
    )
    aio.run(
        seeded_store.run_write(merge_report, im.MergeReport(case_id=case.id, report=report), OPERATOR, "S1")
    )
    found = find(aio, intake_server, reporter_phone="13700003333", lat=NEXT_DOOR[0], lon=NEXT_DOOR[1])
    assert reasons(found) == {case.id: ["same_caller_same_place"]}
    assert found[0].reporter_count == 2


def test_candidates_are_ranked_by_score(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    nearby = create(aio, seeded_store, "井盖破了", category_code="P0101", lat=HOME[0], lon=HOME[1])
    same = create(
        aio, seeded_store, "井盖缺失", category_code="P0101", object_code=COVER, lat=HOME[0], lon=HOME[1]
    )
    found = find(aio, intake_server, category_code="P0101", object_code=COVER, lat=HOME[0], lon=HOME[1])
    assert [c.case.id for c in found] == [same.id, nearby.id]
    assert found[0].reasons == ["same_object", "nearby_same_category"]
    assert found[0].score > found[1].score


def test_settings_change_radius_and_window(aio: Any, seeded_store: Store, intake_server: Server) -> None:
    far = create(aio, seeded_store, PIPE, lat=FURTHER[0], lon=FURTHER[1])
    assert find(aio, intake_server, category_code="E0502", lat=HOME[0], lon=HOME[1]) == []
    state_of(intake_server).settings = DedupSettings(radius_m=1000.0, window_h=1.0)
    found = find(aio, intake_server, category_code="E0502", lat=HOME[0], lon=HOME[1])
    assert reasons(found) == {far.id: ["nearby_same_category"]}
    update_case(aio, seeded_store, far.id, created_at=time.time() - 2 * 3600)
    assert find(aio, intake_server, category_code="E0502", lat=HOME[0], lon=HOME[1]) == []


def test_command_line_options() -> None:
    args = build_parser().parse_args(
        ["--dedup-radius-m", "50", "--dedup-window-h", "12", "--dedup-text-threshold", "70"]
    )
    assert intake_settings.from_args(args) == DedupSettings(radius_m=50.0, window_h=12.0, text_threshold=70.0)
    assert intake_settings.from_args(build_parser().parse_args([])) == DedupSettings()
    for bad in (["--dedup-radius-m", "-5"], ["--dedup-text-threshold", "101"], ["--dedup-window-h", "x"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args(bad)


def test_the_options_reach_a_running_server(aio: Any, seeded_store: Store) -> None:
    """``command-seat-server --dedup-radius-m 1000`` builds the intake service that configures the server."""
    far = create(aio, seeded_store, PIPE, lat=FURTHER[0], lon=FURTHER[1])
    args = build_parser().parse_args(["--dedup-radius-m", "1000"])
    (service,) = [s for s in build_services(args) if isinstance(s, intake_settings.IntakeService)]
    server = Server(seeded_store, port=0, services=[service])
    aio.run(server.start())
    try:
        assert state_of(server).settings.radius_m == 1000.0
        found = find(aio, server, category_code="E0502", lat=HOME[0], lon=HOME[1])
    finally:
        aio.run(server.close())
    assert reasons(found) == {far.id: ["nearby_same_category"]}


def test_bad_queries_are_refused(aio: Any, intake_server: Server) -> None:
    async def scenario() -> list[str]:
        errors = []
        async with seats(intake_server, "operator1") as (seat,):
            for fields in (
                {"category_code": "NOPE", "lat": HOME[0], "lon": HOME[1]},
                {"lat": HOME[0]},
                {"lat": 91.0, "lon": 120.0},
                {"description": "长" * 4001},
                {"reporter_phone": "1" * 33},
                {"object_code": "3" * 17},
                {"description": "水管爆了", "limit": 0},
            ):
                try:
                    await seat.api.find_duplicates(im.FindDuplicates(**fields))
                except ProtocolError as exc:
                    errors.append(f"{exc.code}:{exc.details['field']}")
            # Nothing to compare yet (the form is still empty) is not an error.
            assert (await seat.api.find_duplicates(im.FindDuplicates())).candidates == []
        return errors

    fields = ["category_code", "lon", "lat", "description", "reporter_phone", "object_code", "limit"]
    assert aio.run(scenario()) == [f"{ErrorCode.INVALID_FIELD}:{field}" for field in fields]


def test_every_query_reads_through_an_index(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    """SQLite's plan for each statement of a full query: no full scan of cases or case_reports."""
    url = f"sqlite:///{tmp_path}/plan.sqlite3"
    store = aio.run(Store.open(url))
    try:
        aio.run(seed_demo(store))
        create(aio, store, PIPE, lat=HOME[0], lon=HOME[1], object_code=COVER, reporter_phone="13800001111")
    finally:
        aio.run(store.close())
    engine = sa.create_engine(url)
    statements: list[tuple[str, Any]] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
    query = DedupQuery(
        categories=("E0502", "E0504"),
        point=HOME,
        object_code=COVER,
        description=PIPE_AGAIN,
        reporter_phone="13800001111",
        address="滨江路8号",
    )
    try:
        with engine.connect() as conn:
            found = find_duplicates(conn, query, DedupSettings(), time.time(), 10)
            assert len(found) == 1 and len(found[0].reasons) == 4
            plans = [
                " | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in list(statements)
            ]
    finally:
        engine.dispose()
    assert len(plans) == 5  # object, category window, phone on cases, phone on reports, merged cases
    for plan in plans:
        assert "SCAN cases" not in plan and "SCAN case_reports" not in plan, plan
        assert "USING INDEX" in plan or "USING INTEGER PRIMARY KEY" in plan, plan
