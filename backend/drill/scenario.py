"""Drill scenarios: YAML files (format 1, resources/drills, described in docs/drill-scenarios.md) read
with PyYAML's node API so that every problem names its line; all problems are collected (up to 50)
and raised together as a ScenarioError.

``load_scenario`` reads one file, ``load_all`` the shipped ones, ``parse_inject`` one inject given by
hand during a drill, and ``timeline`` says when each inject fires on the wall clock at a speed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from backend.drill.scenario_checks import check_injects, check_refs, run_readings
from backend.drill.scenario_injects import ReadInject, read_inject
from backend.drill.scenario_model import (
    FORMAT,
    LEVELS,
    SEAT_ROLES,
    THEMES,
    Inject,
    Scenario,
    ScenarioError,
    ScenarioIssue,
    Seat,
)
from backend.drill.scenario_nodes import Fields, Issues, line_of
from backend.drill.scenario_reference import Reference, reference
from backend.drill.scenario_rubric import read_rubric
from backend.drill.scenario_times import format_duration

PACKAGE = "resources.drills"
SPEEDS = (1.0, 2.0, 5.0, 10.0)
MIN_DURATION_S, MAX_DURATION_S = 60.0, 8 * 3600.0
SCENARIO_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
SEAT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
LEVEL_WORDS = {word: level for level, word in LEVELS.items()} | {"街道": "town", "社区": "village"}
THEME_WORDS = {word: theme for theme, word in THEMES.items()}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class ScenarioSet:
    """The scenarios of a directory that validate, and the errors of those that do not."""

    scenarios: list[Scenario]
    errors: list[ScenarioError]


def _compose(text: str, source: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        raise ScenarioError(source, [ScenarioIssue(line, f"not valid YAML: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise ScenarioError(source, [ScenarioIssue(1, f"not valid YAML: {exc}")]) from None
    if root is None:
        raise ScenarioError(source, [ScenarioIssue(1, "the file is empty")])
    return root


def parse_scenario(text: str, source: str = "scenario.yaml") -> Scenario:
    """The scenario of ``text``; ``source`` names the file in errors (its stem is the default id)."""
    root = _compose(text, source)
    issues = Issues()
    ref = reference()
    f = Fields(root, issues)
    if not f.ok:
        raise ScenarioError(source, issues.found)
    version = f.number("format", required=True)
    if version is not None and version != FORMAT:
        f.problem("format", f"format {version:g} is not known; this version reads format {FORMAT}")
    scenario_id = f.text("id") or Path(source).stem
    if not SCENARIO_ID.fullmatch(scenario_id):
        f.problem("id", f"id must be lower-case letters, digits and '-', not {scenario_id!r}")
    title = f.text("title", required=True, limit=200)
    level = f.choice("level", LEVELS, required=True, aliases=LEVEL_WORDS)
    theme = f.choice("theme", THEMES, required=True, aliases=THEME_WORDS)
    description = f.text("description")
    duration = _duration(f)
    area_code = _area(f, ref, level)
    seats = _seats(f)
    read = [
        item
        for index, node in enumerate(f.sequence("injects", required=True), 1)
        if (item := read_inject(node, index, issues, ref)) is not None
    ]
    by_id = check_injects(read, duration, issues)
    raised = run_readings([item.inject for item in read], issues, duration or 0.0)
    rubric = read_rubric(f.sequence("rubric", required=True), by_id, raised, issues, ref)
    f.finish()
    if issues:
        raise ScenarioError(source, sorted(issues.found, key=lambda i: i.line), issues.more)
    ordered = sorted(
        (item.inject for item in read), key=lambda i: (i.at_s is None, i.at_s if i.at_s is not None else 0.0)
    )
    return Scenario(
        id=scenario_id,
        format=FORMAT,
        title=title,
        level=level or "",
        theme=theme or "",
        duration_s=duration or 0.0,
        seats=seats,
        injects=tuple(ordered),
        rubric=tuple(rubric),
        description=description,
        area_code=area_code,
        source=source,
    )


def _duration(f: Fields) -> float | None:
    duration = f.duration("duration", required=True, numbers_ok=False)
    if duration is not None and not MIN_DURATION_S <= duration <= MAX_DURATION_S:
        limits = f"{format_duration(MIN_DURATION_S)} and {format_duration(MAX_DURATION_S)}"
        f.problem("duration", f"duration must be between {limits}, not {format_duration(duration)}")
        return None
    return duration


def _area(f: Fields, ref: Reference, level: str | None) -> str | None:
    """The area the drill is held for, of the drill's level."""
    code = f.text("area") or None
    if code is None:
        return None
    area = ref.areas.get(code)
    if area is None:
        f.problem("area", f"area {code!r} is not an area code of the district")
    elif level is not None and area.level != level:
        f.problem(
            "area", f"area {code} ({area.name}) is a {area.level}, but the level is {LEVELS[level]} ({level})"
        )
    return code


def _seats(f: Fields) -> tuple[Seat, ...]:
    """Seats as mappings (id, role, label); a bare ``trainer`` is the trainer's seat."""
    nodes = f.sequence("seats", required=True)
    seats: list[Seat] = []
    first_line: dict[str, int] = {}
    for index, node in enumerate(nodes, 1):
        if isinstance(node, yaml.ScalarNode) and node.value == "trainer":
            seat, line = Seat("trainer", "trainer"), line_of(node)
        else:
            s = Fields(node, f.issues, f"seat {index}")
            if not s.ok:
                continue
            seat_id = s.text("id", required=True)
            if seat_id and not SEAT_ID.fullmatch(seat_id):
                s.problem(
                    "id", f"id must be lower-case letters, digits and '-', like seat-1, not {seat_id!r}"
                )
            role = s.choice("role", SEAT_ROLES, required=True)
            seat, line = Seat(seat_id, role or "", s.text("label", limit=64)), s.line
            s.finish()
        if seat.id in first_line:
            f.problem_at(line, f"seat id {seat.id!r} is used twice (first on line {first_line[seat.id]})")
            continue
        first_line[seat.id] = line
        seats.append(seat)
    trainers = [s for s in seats if s.role == "trainer"]
    if nodes and len(trainers) == len(seats):
        f.problem("seats", "seats has no trainee seat (operator, supervisor or handler)")
    if len(trainers) > 1:
        f.problem("seats", f"seats has {len(trainers)} trainer seats; one trainer runs a drill")
    return tuple(seats)


def load_scenario(path: Path | str | Traversable) -> Scenario:
    """The scenario of a file; ScenarioError names the file (without its directory) and the lines."""
    source = Path(str(path)).name if not isinstance(path, Traversable) else path.name
    file = Path(path) if isinstance(path, str) else path
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            source, [ScenarioIssue(1, f"the file is not UTF-8 text ({exc.reason})")]
        ) from None
    return parse_scenario(text, source)


def shipped_files(directory: Path | None = None) -> list[Traversable]:
    """The scenario files (``*.yaml``) of ``directory``, default the shipped ones, by name."""
    root: Traversable = directory if directory is not None else resources.files(PACKAGE)
    return sorted(
        (e for e in root.iterdir() if e.name.endswith(".yaml") and e.is_file()), key=lambda e: e.name
    )


def load_all(directory: Path | None = None) -> ScenarioSet:
    """Every scenario of ``directory`` (default: resources/drills); two files with one id: the second
    is an error."""
    scenarios: list[Scenario] = []
    errors: list[ScenarioError] = []
    owner: dict[str, str] = {}
    for file in shipped_files(directory):
        try:
            scenario = load_scenario(file)
        except ScenarioError as exc:
            errors.append(exc)
            continue
        if scenario.id in owner:
            issue = ScenarioIssue(1, f"scenario id {scenario.id!r} is already used by {owner[scenario.id]}")
            errors.append(ScenarioError(file.name, [issue]))
            continue
        owner[scenario.id] = file.name
        scenarios.append(scenario)
    return ScenarioSet(scenarios, errors)


def parse_inject(data: Mapping[str, object], scenario: Scenario) -> Inject:
    """One inject given by hand during a drill of ``scenario`` (its kind and fields as in a scenario
    file, no ``at``), checked the same way; references name the scenario's injects."""
    source = "inject"
    root = _compose(yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False), source)
    issues = Issues()
    item: ReadInject | None = read_inject(root, 1, issues, reference(), manual=True)
    if item is not None:
        check_refs([item], {i.id: i for i in scenario.injects}, issues)
    if issues or item is None:
        raise ScenarioError(
            source, issues.found or [ScenarioIssue(1, "the inject cannot be read")], issues.more
        )
    return item.inject


def timeline(scenario: Scenario, speed: float = 1.0) -> list[tuple[float, Inject]]:
    """(wall-clock seconds from the start, inject) for every timed inject, in firing order, at ``speed``
    (×1, ×2, ×5 or ×10). Department responses follow dispatches and are not on it."""
    if speed not in SPEEDS:
        raise ValueError(f"speed must be one of {', '.join(f'{s:g}' for s in SPEEDS)}, not {speed:g}")
    return [(inject.at_s / speed, inject) for inject in scenario.injects if inject.at_s is not None]
