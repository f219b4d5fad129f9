"""The rules engine: one model per rule, fed item by item (readings, cases, calls, overdue notices).

Each model keeps its own state in memory (deques, counters) so that an item costs O(1) amortized. A rule
saved while running takes effect for the next item; a disabled rule's model is kept but not fed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from backend.warnings.catalog import Catalog
from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from backend.warnings.models.group_rental import GroupRentalModel
from backend.warnings.models.hazmat_route import HazmatRouteModel
from backend.warnings.models.hazmat_storage import HazmatStorageModel
from backend.warnings.models.overdue import OverdueModel
from backend.warnings.models.repeat_calls import RepeatCallsModel
from backend.warnings.models.surge import SurgeModel
from backend.warnings.names import Names
from client_api.alert_messages import (
    MeterReading,
    ParcelCount,
    Reading,
    StorageLevel,
    VehiclePosition,
    WarningRule,
)
from client_api.calls_messages import Call
from client_api.messages import CaseRecord
from client_api.sla_messages import CaseOverdueEvent

Feed = Callable[[Any], list[Firing]]


class WarningEngine:
    """Attributes:
    rules: the rules by name, as last applied.
    """

    def __init__(self, catalog: Catalog, names: Names, rules: Iterable[WarningRule] = ()) -> None:
        self.catalog = catalog
        self.names = names
        self.rules: dict[str, WarningRule] = {}
        self._models: dict[str, Model] = {}
        self._reading_feeds: dict[type, list[Feed]] = {}
        for rule in rules:
            self.apply_rule(rule)

    def apply_rule(self, rule: WarningRule) -> None:
        """Add a rule or change one (same name): the model keeps its state; params and severity are new."""
        model = self._models.get(rule.name)
        if model is None or model.kind != rule.kind:
            self._models[rule.name] = self._new_model(rule)
        else:
            model.set_rule(rule)
        self.rules[rule.name] = rule
        self._reading_feeds = {
            MeterReading: [m.feed_meter for m in self._enabled(GroupRentalModel)],
            ParcelCount: [m.feed_parcels for m in self._enabled(GroupRentalModel)],
            VehiclePosition: [m.feed_position for m in self._enabled(HazmatRouteModel)],
            StorageLevel: [m.feed_level for m in self._enabled(HazmatStorageModel)],
        }

    def _new_model(self, rule: WarningRule) -> Model:
        if rule.kind == "group_rental":
            return GroupRentalModel(rule, self.names, self.catalog)
        if rule.kind == "hazmat_route":
            return HazmatRouteModel(rule, self.names, self.catalog)
        if rule.kind == "hazmat_storage":
            return HazmatStorageModel(rule, self.names, self.catalog)
        by_kind: dict[str, type[Model]] = {
            "overdue": OverdueModel,
            "surge": SurgeModel,
            "repeat_calls": RepeatCallsModel,
        }
        return by_kind[rule.kind](rule, self.names)

    def _enabled(self, cls: type[Any]) -> list[Any]:
        return [m for name, m in self._models.items() if isinstance(m, cls) and self.rules[name].enabled]

    def model(self, name: str) -> Model:
        return self._models[name]

    # --- feeding ------------------------------------------------------------------------------------

    def feed_reading(self, reading: Reading) -> list[Firing]:
        """A checked reading (see backend.warnings.readings)."""
        fired: list[Firing] = []
        for feed in self._reading_feeds[type(reading)]:
            fired += feed(reading)
        return fired

    def feed_case(self, case: CaseRecord) -> list[Firing]:
        """A new case (``case.created``): surges and repeats by number or place."""
        fired: list[Firing] = []
        for model in self._enabled(SurgeModel) + self._enabled(RepeatCallsModel):
            fired += model.feed_case(case)
        return fired

    def feed_call(self, call: Call) -> list[Firing]:
        """A new hotline call: repeats by number."""
        fired: list[Firing] = []
        for model in self._enabled(RepeatCallsModel):
            fired += model.feed_call(call)
        return fired

    def feed_overdue(self, event: CaseOverdueEvent, case: CaseRecord | None, now: float) -> list[Firing]:
        fired: list[Firing] = []
        for model in self._enabled(OverdueModel):
            fired += model.feed_overdue(event, case, now)
        return fired

    def scan_due_soon(self, cases: list[CaseRecord], now: float) -> list[Firing]:
        fired: list[Firing] = []
        for model in self._enabled(OverdueModel):
            fired += model.scan(cases, now)
        return fired

    def due_soon_ratio(self) -> float | None:
        """The lowest share of a stage's time at which an enabled overdue rule warns (None: none does)."""
        ratios = [m.due_soon_ratio for m in self._enabled(OverdueModel) if m.due_soon]
        return min(ratios) if ratios else None
