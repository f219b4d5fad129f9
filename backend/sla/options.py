"""Command-line options of the SLA watcher and the department simulator, and the services they build."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path

from backend.intake import deadlines
from backend.sla.department_sim import DepartmentSimulator
from backend.sla.watcher import DEFAULT_INTERVAL, MIN_INTERVAL, OverdueWatcher


def _number(text: str, minimum: float, maximum: float, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not minimum <= value <= maximum:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what} ({minimum:g} to {maximum:g})")
    return value


def _seconds(minimum: float) -> Callable[[str], float]:
    return lambda text: _number(text, minimum, 1e9, "a number of seconds")


def _rate(text: str) -> float:
    return _number(text, 0.0, 1.0, "a rate")


def _time_limits(text: str) -> Path:
    path = Path(text)
    try:
        deadlines.TimeLimits.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise argparse.ArgumentTypeError(f"{text}: not a usable time-limit table ({exc})") from None
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("time limits and departments")
    group.add_argument(
        "--time-limits",
        type=_time_limits,
        default=None,
        metavar="FILE",
        help="use this time-limit table instead of the shipped one (e.g. compressed limits for a drill)",
    )
    group.add_argument(
        "--sla-interval",
        type=_seconds(MIN_INTERVAL),
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"look for overdue cases every S seconds (default {DEFAULT_INTERVAL:g}, min {MIN_INTERVAL:g})",
    )
    group.add_argument(
        "--simulate-departments",
        action="store_true",
        help="let the department simulator accept, progress and complete dispatched cases (drills, demos)",
    )
    group.add_argument(
        "--dept-accept-after",
        type=_seconds(0.0),
        default=20.0,
        metavar="S",
        help="accept after S s (default 20)",
    )
    group.add_argument(
        "--dept-complete-after",
        type=_seconds(0.0),
        default=90.0,
        metavar="S",
        help="complete S s after accepting (default 90)",
    )
    group.add_argument(
        "--dept-return-rate",
        type=_rate,
        default=0.1,
        metavar="P",
        help="return this share of cases (default 0.1)",
    )
    group.add_argument("--dept-seed", type=int, default=None, metavar="N", help="random seed of the returns")


def build(args: argparse.Namespace) -> list[OverdueWatcher | DepartmentSimulator]:
    if args.time_limits is not None:
        deadlines.use_time_limits(args.time_limits)
    services: list[OverdueWatcher | DepartmentSimulator] = [OverdueWatcher(interval=args.sla_interval)]
    if args.simulate_departments:
        services.append(
            DepartmentSimulator(
                accept_after=args.dept_accept_after,
                complete_after=args.dept_complete_after,
                return_rate=args.dept_return_rate,
                seed=args.dept_seed,
            )
        )
    return services
