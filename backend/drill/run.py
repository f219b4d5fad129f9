"""The drill being run, in memory: its scenario, state and clock, its log, the links from what the
backend made of each inject (calls, inbox items, alerts, cases) back to the inject, and the department
responses waiting for a dispatch."""

from __future__ import annotations

from dataclasses import dataclass, field

import msgspec

from backend.drill.clock import ScenarioClock
from backend.drill.drill_log import DrillLog
from backend.drill.scenario_model import DepartmentResponse, Inject, Scenario
from client_api.drill_messages import DrillState


@dataclass(slots=True)
class Links:
    """What each inject became, by the backend's ids, and the inject id it came from."""

    calls: dict[int, str] = field(default_factory=dict)
    items: dict[int, str] = field(default_factory=dict)
    alerts: dict[int, str] = field(default_factory=dict)
    cases: dict[int, str] = field(default_factory=dict)  # the inject a case was made from
    cap_refs: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # cap inject → CAP ref
    alert_injects: dict[int, list[str]] = field(default_factory=dict)  # every inject that sent the alert

    def alert_from(self, alert_id: int, inject_id: str) -> None:
        """The alert was raised (or updated) by the inject: its acknowledgement from now on is the
        inject's (and still that of the injects before it that were not acknowledged yet)."""
        self.alerts[alert_id] = inject_id
        self.alert_injects.setdefault(alert_id, []).append(inject_id)

    def of_report(self, call_id: int | None, item_id: int | None) -> str | None:
        """The inject a report (of a case) came from, by its call or its inbox item."""
        if call_id is not None and call_id in self.calls:
            return self.calls[call_id]
        if item_id is not None and item_id in self.items:
            return self.items[item_id]
        return None


@dataclass(slots=True)
class Seen:
    """What the observer has logged already, so that a later event does not log it twice."""

    answered: set[int] = field(default_factory=set)
    ended: set[int] = field(default_factory=set)
    acked: set[tuple[int, float | None]] = field(default_factory=set)  # (alert id, acked_at)
    alert_cases: set[int] = field(default_factory=set)
    timeline_after: int = 0  # case_timeline.id
    reports_after: int = 0  # case_reports.id


class DrillRun:
    """Attributes: scenario, state (as last stored), clock, log, names (codes and accounts → names),
    slots (username → slot id), links, seen, fired (timed injects fired), ending (no more injects)."""

    def __init__(self, scenario: Scenario, state: DrillState, log: DrillLog, names: dict[str, str]) -> None:
        self.scenario = scenario
        self.state = state
        self.clock = ScenarioClock(
            speed=state.speed, elapsed_s=state.elapsed_s, anchor=state.at, running=state.state == "running"
        )
        self.log = log
        self.names = names
        self.slots = {a.username: a.slot_id for a in state.assignments}
        self.links = Links()
        self.seen = Seen()
        self.fired = state.fired
        self.ending = False
        self.responded: set[tuple[str, int]] = set()  # (department response inject, case id)

    @property
    def id(self) -> int:
        return self.state.id

    def t(self, at: float) -> float:
        """Scenario seconds at wall time ``at``."""
        return self.clock.elapsed(at)

    def snapshot(self, now: float, **changes: object) -> DrillState:
        """The state now (elapsed time, speed, injects fired), with ``changes``; kept as ``state``."""
        self.state = msgspec.structs.replace(
            self.state,
            elapsed_s=self.clock.elapsed(now),
            at=now,
            speed=self.clock.speed,
            fired=self.fired,
            **changes,
        )
        return self.state

    def slot_of(self, username: str) -> str | None:
        return self.slots.get(username)

    def responses_to(self, case_inject: str, department: str) -> list[Inject]:
        """Department responses of the scenario to the case of ``case_inject`` dispatched to
        ``department``."""
        return [
            inject
            for inject in self.scenario.injects
            if isinstance(inject.detail, DepartmentResponse)
            and inject.detail.case == case_inject
            and inject.detail.department == department
        ]

    def name(self, key: str | None) -> str:
        if key is None:
            return ""
        return self.names.get(key, key)
