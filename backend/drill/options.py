"""Command-line options of drill mode and the services they start: the drill engine (it runs drills on
an exercise backend only, and refuses them elsewhere), with the shipped scenarios and any of
``--drill-scenarios DIR``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from backend.drill.engine import DrillEngine
from backend.drill.scenario import ScenarioSet, load_all
from backend.drill.scenario_model import ScenarioError, ScenarioIssue

if TYPE_CHECKING:
    from backend.services import Service


def _directory(text: str) -> Path:
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is not a directory")
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("drills")
    group.add_argument(
        "--drill-scenarios",
        type=_directory,
        default=None,
        metavar="DIR",
        help="also offer the drill scenarios (*.yaml) of DIR, beside the shipped ones",
    )


def scenarios_with(directory: Path | None) -> Callable[[], ScenarioSet]:
    """The shipped scenarios and those of ``directory``; one whose id is taken already is an error."""
    if directory is None:
        return load_all

    def load() -> ScenarioSet:
        shipped, extra = load_all(), load_all(directory)
        taken = {s.id for s in shipped.scenarios}
        errors = [*shipped.errors, *extra.errors]
        for scenario in extra.scenarios:
            if scenario.id in taken:
                issue = ScenarioIssue(1, f"scenario id {scenario.id!r} is already a shipped scenario's")
                errors.append(ScenarioError(Path(scenario.source).name, [issue]))
        scenarios = [*shipped.scenarios, *(s for s in extra.scenarios if s.id not in taken)]
        return ScenarioSet(scenarios, errors)

    return load


def build(args: argparse.Namespace) -> list[Service]:
    return [DrillEngine(scenarios=scenarios_with(args.drill_scenarios))]
