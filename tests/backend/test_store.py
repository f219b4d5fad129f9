"""The store on SQLite and PostgreSQL: migration, demo seed, reference data, accounts, cases, events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest
import sqlalchemy as sa

from backend import migrate, schema
from backend.case_writes import MAX_ADDRESS, MAX_DESCRIPTION
from backend.events import StoredEvent
from backend.seed import load_demo_district, seed_demo
from backend.store import Store
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

OPERATOR = m.Operator("operator1", "话务员 王芳", "operator")
LEVELS = ["district", "town", "village", "grid"]


def new_case(description: str = "井盖缺失", **over: Any) -> m.CreateCase:
    fields: dict[str, Any] = {"category_code": "E0101", "address": "滨江路 8 号", "description": description}
    return m.CreateCase(**(fields | over))


def test_open_migrates_to_head(aio: Any, store: Store) -> None:
    assert store.revision == migrate.head_revision()
    assert aio.run(migrate.current_revision(store.engine)) == migrate.head_revision()


def test_seed_demo_inserts_once(aio: Any, store: Store) -> None:
    district = load_demo_district()
    assert aio.run(seed_demo(store)) is True
    first = aio.run(store.reference())
    assert aio.run(seed_demo(store)) is False
    assert aio.run(store.reference()) == first
    assert len(first.areas) == len(district["areas"])
    assert len(first.departments) == len(district["departments"])
    assert len(first.categories) == len(district["categories"])
    assert aio.run(store.get_meta("demo_seeded")) == "1"


def test_reference_is_a_district_tree(aio: Any, seeded_store: Store) -> None:
    ref = aio.run(seeded_store.reference())
    by_code = {a.code: a for a in ref.areas}
    assert {a.level for a in ref.areas} == set(LEVELS)
    roots = [a for a in ref.areas if a.parent_code is None]
    assert [r.level for r in roots] == ["district"]
    for area in ref.areas:
        if area.parent_code is not None:
            parent = by_code[area.parent_code]
            assert LEVELS.index(parent.level) == LEVELS.index(area.level) - 1, (area, parent)
    category_codes = {c.code for c in ref.categories}
    assert all(c.parent_code is None or c.parent_code in category_codes for c in ref.categories)
    assert all(d.area_code is None or d.area_code in by_code for d in ref.departments)


def test_authenticate(aio: Any, seeded_store: Store) -> None:
    for account in load_demo_district()["accounts"]:
        operator = aio.run(seeded_store.authenticate(account["username"], account["password"]))
        assert operator == m.Operator(
            account["username"], account["display_name"], account["role"], account["department_code"]
        )
    assert aio.run(seeded_store.authenticate("operator1", "demo")) == OPERATOR
    assert aio.run(seeded_store.authenticate("operator1", "Demo")) is None
    assert aio.run(seeded_store.authenticate("operator1", "")) is None
    assert aio.run(seeded_store.authenticate("nobody", "demo")) is None


def test_create_case_appends_event_and_publishes_after_commit(
    aio: Any, seeded_store: Store, sync_engine: sa.Engine
) -> None:
    published: list[tuple[StoredEvent, int, int]] = []

    def sink(event: StoredEvent) -> None:
        case_id = msgspec.json.decode(event.payload, type=m.CaseCreatedEvent).case.id
        with sync_engine.connect() as conn:  # another connection: sees committed rows only
            cases = conn.execute(sa.select(sa.func.count()).where(schema.cases.c.id == case_id)).scalar_one()
            events = conn.execute(
                sa.select(sa.func.count()).where(schema.events.c.seq == event.seq)
            ).scalar_one()
        published.append((event, cases, events))

    seeded_store.add_sink(sink)
    first = aio.run(seeded_store.create_case(new_case(), OPERATOR, "S1"))
    with_grid = new_case("占道经营", grid_code="32099900100101")
    second = aio.run(seeded_store.create_case(with_grid, OPERATOR, "S2"))

    assert first.status == second.status == "received"
    assert second.id > first.id
    assert first.case_no != second.case_no
    today = dt.datetime.fromtimestamp(first.created_at).strftime("%Y%m%d")
    assert first.case_no == f"{today}{first.id:06d}"
    assert (first.created_by, first.seat_id) == ("operator1", "S1")
    assert first.grid_code == "32099900100101"  # resolved from its address, 滨江路 8 号, by the gazetteer
    assert second.grid_code == "32099900100101"

    events = aio.run(seeded_store.events_after(0, 10))
    assert [e.type for e in events] == ["case.created", "case.created"]
    assert events[0].seq < events[1].seq
    assert aio.run(seeded_store.last_seq()) == events[1].seq
    assert [msgspec.json.decode(e.payload, type=m.CaseCreatedEvent).case for e in events] == [first, second]
    # Each event was published once, in order, and only when its case and event rows were committed.
    assert published == [(events[0], 1, 1), (events[1], 1, 1)]


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (new_case(category_code="NOPE"), "category_code"),
        (new_case(grid_code="000"), "grid_code"),
        (new_case(address="   "), "address"),
        (new_case(address="x" * (MAX_ADDRESS + 1)), "address"),
        (new_case(description=""), "description"),
        (new_case(description=" \n\t "), "description"),
        (new_case(description="长" * (MAX_DESCRIPTION + 1)), "description"),
    ],
    ids=[
        "category",
        "grid",
        "empty-address",
        "long-address",
        "empty-description",
        "blank-description",
        "long-description",
    ],
)
def test_invalid_case_leaves_nothing_behind(
    aio: Any, seeded_store: Store, request_: m.CreateCase, field: str
) -> None:
    published: list[StoredEvent] = []
    seeded_store.add_sink(published.append)
    with pytest.raises(ProtocolError) as info:
        aio.run(seeded_store.create_case(request_, OPERATOR, "S1"))
    assert info.value.code == ErrorCode.INVALID_FIELD
    assert info.value.details == {"field": field}
    assert aio.run(seeded_store.count_cases()) == 0
    assert aio.run(seeded_store.last_seq()) == 0
    assert published == []
    # The store is still usable, and the failed attempt did not leave a half-written case.
    case = aio.run(seeded_store.create_case(new_case(), OPERATOR, "S1"))
    assert aio.run(seeded_store.list_cases(10)) == [case]


def test_case_at_the_length_limits_is_accepted(aio: Any, seeded_store: Store) -> None:
    req = new_case(address="址" * MAX_ADDRESS, description="述" * MAX_DESCRIPTION)
    case = aio.run(seeded_store.create_case(req, OPERATOR, "S1"))
    assert aio.run(seeded_store.list_cases(1)) == [case]
    assert len(case.address) == MAX_ADDRESS


def test_list_cases_pages_newest_first(aio: Any, seeded_store: Store) -> None:
    created = [aio.run(seeded_store.create_case(new_case(f"第{i}件"), OPERATOR, "S1")) for i in range(5)]
    ids = [c.id for c in created]
    assert [c.id for c in aio.run(seeded_store.list_cases(1000))] == ids[::-1]
    assert aio.run(seeded_store.list_cases(2)) == created[:2:-1]
    assert aio.run(seeded_store.list_cases(2, before_id=ids[3])) == [created[2], created[1]]
    assert aio.run(seeded_store.list_cases(2, before_id=ids[1])) == [created[0]]
    assert aio.run(seeded_store.list_cases(2, before_id=ids[0])) == []
    assert aio.run(seeded_store.count_cases()) == 5


@pytest.mark.parametrize("limit", [0, -1, 1001])
def test_list_cases_refuses_bad_limit(aio: Any, seeded_store: Store, limit: int) -> None:
    with pytest.raises(ProtocolError) as info:
        aio.run(seeded_store.list_cases(limit))
    assert info.value.code == ErrorCode.INVALID_FIELD
    assert info.value.details == {"field": "limit"}
