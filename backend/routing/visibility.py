"""Which live events a seat of a unit receives: those of cases its unit's subtree sees.

Seats of the district center (no unit) get every event and pay nothing for this; an event is decoded
only when a seat with a unit is connected. Events that carry no case go to everyone.
"""

from __future__ import annotations

import collections
from typing import Any

import msgspec

from backend.events import StoredEvent

REMEMBERED_CASES = 50_000
CASE_EVENTS = frozenset({"case.created", "case.updated", "case.overdue", "case.urged", "extension.requested"})


class EventScope:
    """The units each case event concerns; remembers the units of recently seen cases for events that
    name only a case id (an extension request)."""

    def __init__(self, remembered: int = REMEMBERED_CASES) -> None:
        self._remembered = remembered
        self._cases: collections.OrderedDict[int, frozenset[str]] = collections.OrderedDict()

    def units(self, event: StoredEvent, remember: bool = True) -> frozenset[str] | None:
        """The lead and co-handling units of the event's case; None when it is not about a case.
        ``remember`` False for replayed (older) events, which must not overwrite what is known."""
        if event.type not in CASE_EVENTS:
            return None
        data: dict[str, Any] = msgspec.json.decode(event.payload)
        if event.type in ("case.created", "case.updated"):
            case = data["case"]
            units = frozenset(case.get("co_departments") or ())
            units |= {case[key] for key in ("lead_department", "owner_unit") if case.get(key)}
            before = self._cases.get(case["id"], frozenset())
            if remember:
                self.remember(case["id"], units)
            return units | before  # a unit the case just left still hears that it left
        if event.type == "extension.requested":
            return self._cases.get(data["extension"]["case_id"], frozenset())
        known = self._cases.get(data["case_id"], frozenset())
        if event.type == "case.overdue":
            return known | ({data["lead_department"]} if data.get("lead_department") else frozenset())
        return known | frozenset(data.get("departments") or ())

    def remember(self, case_id: int, units: frozenset[str]) -> None:
        self._cases[case_id] = units
        self._cases.move_to_end(case_id)
        if len(self._cases) > self._remembered:
            self._cases.popitem(last=False)


def visible(scope: frozenset[str] | None, units: frozenset[str] | None) -> bool:
    """Whether a seat whose unit's subtree is ``scope`` gets an event concerning ``units``."""
    return scope is None or units is None or not scope.isdisjoint(units)
