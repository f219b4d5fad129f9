"""Schedule rules: every ``interval`` seconds, each enabled ``schedule`` rule whose time of day ("HH:MM",
the center's local time) passed since the last look puts its preset on the wall, once."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from backend.sla.periodic import Periodic
from backend.wall.alarm import apply_rule_preset
from backend.wall.records import list_rules
from client_api import wall_messages as wm

if TYPE_CHECKING:
    from backend.store import Store

DEFAULT_INTERVAL = 20.0
MIN_INTERVAL = 0.05


class WallScheduler(Periodic):
    """A Service. The first tick only notes the time: a time of day passed before the start is not
    applied late."""

    name = "wall-schedule"

    def __init__(self, interval: float = DEFAULT_INTERVAL, store: Store | None = None) -> None:
        super().__init__(interval, store)
        self.last: float | None = None

    async def tick(self, now: float | None = None) -> list[str]:
        """Apply the rules due between the last tick and ``now``; the names of those applied."""
        at = time.time() if now is None else now
        last, self.last = self.last, at
        if last is None:
            return []
        rules: list[wm.WallRule] = await self.store.read(list_rules)
        applied = []
        for rule in rules:
            if rule.enabled and rule.trigger == "schedule" and rule.at and crossed(rule.at, last, at):
                await self.store.run_write(apply_rule_preset, rule, f"schedule:{rule.name}", at)
                applied.append(rule.name)
        return applied


def crossed(hh_mm: str, last: float, now: float) -> bool:
    """Whether local time ``hh_mm`` of the day of ``last`` or of ``now`` lies in (last, now]."""
    hour, minute = (int(part) for part in hh_mm.split(":"))
    days = {dt.date.fromtimestamp(last), dt.date.fromtimestamp(now)}
    return any(last < dt.datetime.combine(day, dt.time(hour, minute)).timestamp() <= now for day in days)
