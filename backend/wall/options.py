"""Command-line options of backend.wall and the services they start: the wall switcher (alarm-linked
switching, drill rules) and the schedule rules' clock."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING

from backend.wall.schedule import DEFAULT_INTERVAL, MIN_INTERVAL, WallScheduler
from backend.wall.switching import WallSwitcher

if TYPE_CHECKING:
    from backend.services import Service


def _interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not MIN_INTERVAL <= value <= 1e9:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds ({MIN_INTERVAL:g} to 1e9)")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("video wall")
    group.add_argument(
        "--wall-schedule-interval",
        type=_interval,
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"look for wall rules due on their schedule every S seconds (default {DEFAULT_INTERVAL:g})",
    )


def build(args: argparse.Namespace) -> list[Service]:
    return [WallSwitcher(), WallScheduler(interval=args.wall_schedule_interval)]
