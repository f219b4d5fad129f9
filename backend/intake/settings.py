"""Duplicate-detection thresholds: defaults, command-line options, and the service that hands them to
a running server."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.intake")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    radius_m: float = 200.0  # same category within this distance
    window_h: float = 48.0  # … and this age
    text_threshold: float = 50.0  # rapidfuzz ratio (0..100) of normalised descriptions
    address_threshold: float = 80.0  # same caller: addresses this similar are the same place
    max_scan: int = 2000  # rows of one category window compared at most


def _positive(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _percent(value: str) -> float:
    number = float(value)
    if not 0 < number <= 100:
        raise argparse.ArgumentTypeError(f"{value} is not in 0..100")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("intake")
    defaults = DedupSettings()
    group.add_argument(
        "--dedup-radius-m", type=_positive, default=defaults.radius_m, help="duplicate radius in metres"
    )
    group.add_argument(
        "--dedup-window-h", type=_positive, default=defaults.window_h, help="duplicate time window in hours"
    )
    group.add_argument(
        "--dedup-text-threshold",
        type=_percent,
        default=defaults.text_threshold,
        help="description similarity (0..100) from which a case counts as a possible duplicate",
    )


def from_args(args: argparse.Namespace) -> DedupSettings:
    return DedupSettings(
        radius_m=args.dedup_radius_m, window_h=args.dedup_window_h, text_threshold=args.dedup_text_threshold
    )


class IntakeService:
    """Gives the server its intake settings and warms the intake data up in the background."""

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self._task: asyncio.Task[None] | None = None

    async def start(self, server: Server) -> None:
        from backend.intake.state import state_of

        state = state_of(server)
        state.settings = self.settings
        self._task = asyncio.create_task(self._warm_up(server), name="intake-warm-up")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @staticmethod
    async def _warm_up(server: Server) -> None:
        from backend.intake.state import state_of

        try:
            await state_of(server).warm_up()
        except Exception:  # the requests load what they need themselves; warming is only a head start
            log.exception("warming up the intake data failed")
