"""The shipped drill scenarios (resources/drills) validate against the demo district and have what a
drill needs; the timeline at ×1 … ×10; the 200-call generator; an inject given by hand. Broken files:
test_drill_scenario_errors.py."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from backend.drill.scenario import load_all, load_scenario, parse_inject, shipped_files, timeline
from backend.drill.scenario_bigcalls import big_scenario, big_scenario_text, main
from backend.drill.scenario_checks import run_readings
from backend.drill.scenario_model import (
    AREAS,
    THEMES,
    CallInject,
    CapInject,
    DepartmentResponse,
    Inject,
    ReadingsInject,
    Scenario,
    ScenarioError,
    reading_origin,
)
from backend.drill.scenario_nodes import Issues
from backend.drill.scenario_reference import reference
from backend.warnings.catalog import demo_catalog
from backend.warnings.engine import WarningEngine
from backend.warnings.names import Names
from backend.warnings.readings import ReadingChecker
from backend.warnings.rule_store import default_rules
from client_api.alert_messages import VehiclePosition

SHIPPED = {
    "public-safety-market",
    "water-main-burst",
    "epidemic-control-day",
    "hazmat-tanker-leak",
    "river-flood",
    "group-rental-fire",
}


@pytest.fixture(scope="module")
def shipped() -> dict[str, Scenario]:
    found = load_all()
    assert [str(e) for e in found.errors] == []
    return {s.id: s for s in found.scenarios}


def _case_injects(scenario: Scenario) -> list[Inject]:
    return [i for i in scenario.injects if i.kind in ("call", "report")]


def _root(scenario: Scenario, inject: Inject) -> str:
    expected = inject.expected
    return expected.duplicate_of if expected and expected.duplicate_of else inject.id


def test_six_scenarios_ship_one_per_theme_each_named_after_its_file(shipped: dict[str, Scenario]) -> None:
    assert set(shipped) == SHIPPED
    assert {s.theme for s in shipped.values()} == set(THEMES)
    assert {s.level for s in shipped.values()} == {"district", "town", "village", "grid"}
    assert sorted(f.name for f in shipped_files()) == sorted(f"{i}.yaml" for i in SHIPPED)
    for scenario in shipped.values():
        assert scenario.source == f"{scenario.id}.yaml"


@pytest.mark.parametrize("scenario_id", sorted(SHIPPED))
def test_a_shipped_scenario_is_a_full_drill(shipped: dict[str, Scenario], scenario_id: str) -> None:
    """8–20 minutes; trainee seats and one trainer; overlapping incidents with duplicates; exactly one
    misleading caller whose truth is in a trainer note; an alert to acknowledge; callers in Chinese at
    addresses of the demo district; department responses to cases; a rubric over most areas."""
    s = shipped[scenario_id]
    assert 8 * 60 <= s.duration_s <= 20 * 60
    assert [seat.role for seat in s.seats].count("trainer") == 1 and len(s.seats) >= 3
    cases = _case_injects(s)
    roots: dict[str, list[float]] = {}
    for inject in cases:
        roots.setdefault(_root(s, inject), []).append(inject.at_s or 0.0)
    duplicated = [root for root, times in roots.items() if len(times) > 1]
    assert len(duplicated) >= 2, "at least two incidents reported more than once"
    spans = sorted((min(t), max(t)) for t in roots.values() if len(t) > 1)
    assert any(b[0] < a[1] for a, b in itertools.pairwise(spans)), "incidents overlap in time"
    misleading = [i for i in cases if isinstance(i.detail, CallInject) and i.detail.misleading]
    assert len(misleading) == 1 and len(misleading[0].trainer_note) > 20
    raised = run_readings(list(s.injects), Issues())
    acked = {item.inject for item in s.rubric if item.action == "alert_ack"}
    assert acked and all((isinstance(s.inject(i).detail, CapInject)) or raised[i] > 0 for i in acked), (
        "every acknowledged alert exists"
    )
    for inject in s.injects:
        if isinstance(inject.detail, CallInject):
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in inject.detail.says)
            if inject.detail.address:
                assert reference().knows_address(inject.detail.address)
    assert any(isinstance(i.detail, DepartmentResponse) for i in s.injects)
    assert {i.kind for i in s.injects} >= {"call", "report", "radio", "message", "department_response"}
    assert len({item.area for item in s.rubric}) >= 7
    assert sum(a.weight for a in s.rubric_summary()) == sum(item.weight for item in s.rubric)


def test_the_rubric_takes_what_it_compares_from_the_injects(shipped: dict[str, Scenario]) -> None:
    s = shipped["water-main-burst"]
    by_action = {(item.action, item.inject): item for item in s.rubric}
    assert by_action["category", "c1"].value == "E0502"
    assert by_action["department", "c1"].value == "D-SW"
    assert by_action["location", "c4"].value == "32099900100101"  # the truth, not the wrong address
    assert by_action["duplicate", "c4"].value == "c1"
    assert by_action["answer_within", "c1"].within_s == 15.0  # the default
    assert by_action["dispatch_within", "c1"].within_s == 240.0
    assert by_action["information", "c1"].fields == ("reporter_phone", "address")
    summary = {a.area: (a.items, a.weight) for a in s.rubric_summary()}
    assert list(summary) == [a for a in AREAS if a in summary]
    assert summary["duplicates"] == (11, 11.0)


def test_hazmat_readings_raise_the_alerts_the_rubric_expects(shipped: dict[str, Scenario]) -> None:
    s = shipped["hazmat-tanker-leak"]
    assert run_readings(list(s.injects), Issues()) == {"r1": 1, "r3": 1, "r2": 1, "r4": 1}
    zone_stop = s.inject("r2").detail
    assert isinstance(zone_stop, ReadingsInject)
    positions = zone_stop.at(1000.0)
    assert [p.ts for p in positions] == [880.0, 940.0, 1000.0]
    assert all(isinstance(p, VehiclePosition) and p.speed_kmh == 0 for p in positions)


def _alerts_at_speed(s: Scenario, speed: float, stamp_on_wall_clock: bool = False) -> dict[str, int]:
    """Readings injects fired as a drill at ``speed`` fires them, through the backend's checks and models."""
    catalog = demo_catalog()
    checker, engine = ReadingChecker(catalog), WarningEngine(catalog, Names.demo(), default_rules())
    started = 1_750_000_000.0
    raised = {}
    for offset, inject in timeline(s, speed):
        if isinstance(inject.detail, ReadingsInject):
            wall = started + offset
            clock = (
                wall if stamp_on_wall_clock else reading_origin(started, s.duration_s) + (inject.at_s or 0)
            )
            accepted = [r for r in inject.detail.at(clock) if checker.problem(r, wall) is None]
            raised[inject.id] = sum(len(engine.feed_reading(r)) for r in accepted)
    return raised


@pytest.mark.parametrize("speed", [1, 2, 5, 10])
def test_readings_stamped_from_the_reading_origin_raise_their_alerts_at_every_speed(
    shipped: dict[str, Scenario], speed: float
) -> None:
    s = shipped["hazmat-tanker-leak"]
    assert _alerts_at_speed(s, speed) == {"r1": 1, "r3": 1, "r2": 1, "r4": 1}
    assert _alerts_at_speed(shipped["group-rental-fire"], speed) == {"r1": 1}
    if speed >= 5:  # stamped on the wall clock, the zone-stop positions come out of order and are refused
        assert _alerts_at_speed(s, speed, stamp_on_wall_clock=True)["r2"] == 0


def test_timeline_is_in_firing_order_and_scales_with_speed(shipped: dict[str, Scenario]) -> None:
    s = shipped["hazmat-tanker-leak"]
    at_one = timeline(s, 1)
    assert [offset for offset, _ in at_one] == sorted(offset for offset, _ in at_one)
    assert [i.id for _, i in at_one][:4] == ["r1", "r3", "r2", "c1"]
    assert all(not isinstance(i.detail, DepartmentResponse) for _, i in at_one)
    assert len(at_one) == len([i for i in s.injects if i.kind != "department_response"])
    for speed in (2, 5, 10):
        scaled = timeline(s, speed)
        assert [i.id for _, i in scaled] == [i.id for _, i in at_one]
        assert [offset for offset, _ in scaled] == pytest.approx([o / speed for o, _ in at_one])
    assert timeline(s, 5)[0][0] == 12.0  # r1 at 1m
    with pytest.raises(ValueError, match="speed must be one of 1, 2, 5, 10"):
        timeline(s, 3)


def test_injects_at_one_time_keep_their_file_order(tmp_path: Path) -> None:
    """c2 moved to 30 s, where the message m1 already is: m1 stays first, as in the file."""
    shipped_file = next(f for f in shipped_files() if f.name == "epidemic-control-day.yaml")
    source = shipped_file.read_text(encoding="utf-8").replace("    at: 2m\n", "    at: 30s\n")
    path = tmp_path / "same-time.yaml"
    path.write_text(source, encoding="utf-8")
    s = load_scenario(path)
    assert [i.id for i in s.injects if i.at_s == 30.0] == ["m1", "c2"]
    assert [i.id for _, i in timeline(s)][:3] == ["m1", "c2", "c1"]
    assert s.id == "epidemic-control-day" and s.source == "same-time.yaml"


def test_the_200_call_generator_gives_a_valid_scenario_for_the_x10_bench() -> None:
    s = big_scenario(200)
    calls = [i for i in s.injects if i.kind == "call"]
    assert len(calls) == 200 and s.id == "bigcalls-200"
    originals = {i.id: i.at_s or 0.0 for i in calls if i.expected and not i.expected.duplicate_of}
    duplicates = {i.id: i.expected.duplicate_of for i in calls if i.expected and i.expected.duplicate_of}
    assert len(duplicates) == 50 and len(originals) == 150
    assert all(originals[of] < s.inject(dup).at_s for dup, of in duplicates.items())  # type: ignore[operator]
    at_ten = timeline(s, 10)
    assert at_ten[-1][0] == pytest.approx(120.0) and s.duration_s >= 1200
    assert sum(1 for item in s.rubric if item.action == "answer_within") == 200
    assert big_scenario_text(200) == big_scenario_text(200)  # the same seed gives the same file


def test_the_generator_command_writes_a_file_that_loads(tmp_path: Path) -> None:
    out = tmp_path / "big.yaml"
    assert main(["--calls", "40", "--interval", "2.5", "--out", str(out)]) == 0
    s = load_scenario(out)
    assert len([i for i in s.injects if i.kind == "call"]) == 40
    assert s.inject("c3").at_s == 7.5
    with pytest.raises(SystemExit):
        main(["--calls", "0"])


def test_an_inject_given_by_hand_is_checked_like_a_scenario_file(shipped: dict[str, Scenario]) -> None:
    s = shipped["water-main-burst"]
    extra = parse_inject(
        {
            "kind": "call",
            "caller_number": "13800001111",
            "says": ["滨江路88号的水还在冒，都一个多小时了。"],
            "address": "滨江路88号",
            "expected": {"duplicate_of": "c1"},
        },
        s,
    )
    assert extra.at_s is None and extra.id == "manual" and extra.expected is not None
    assert extra.expected.duplicate_of == "c1"
    with pytest.raises(ScenarioError) as caught:
        parse_inject({"id": "x9", "kind": "call", "at": 30, "caller_number": "12", "says": "喂"}, s)
    messages = [issue.message for issue in caught.value.errors]
    assert "inject x9 (call): a manual inject has no at: it fires when it is given" in messages
    with pytest.raises(ScenarioError, match=r"duplicate_of 'c99' is not an inject of this scenario"):
        parse_inject(
            {
                "kind": "call",
                "caller_number": "13800001111",
                "says": "喂",
                "expected": {"duplicate_of": "c99"},
            },
            s,
        )
