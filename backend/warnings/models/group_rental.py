"""Group rental (群租房): a household whose water, electricity, gas and parcels point to far more people
than are registered there. Per household and indicator, the mean of the latest ``days`` daily values
(a running sum over a bounded deque); implied occupants = mean / per-person norm."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from backend.warnings.catalog import Catalog, Household
from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from backend.warnings.names import Names
from client_api.alert_messages import Evidence, MeterReading, ParcelCount, WarningRule

# indicator → (label, unit, the param of its per-person norm)
VERIFY_S = 7 * 86400.0  # time for the grid member's visit, then the alert lapses
INDICATORS = {
    "water": ("用水", "m³/日", "water_m3_per_person"),
    "electricity": ("用电", "kWh/日", "electricity_kwh_per_person"),
    "gas": ("用气", "m³/日", "gas_m3_per_person"),
    "parcels": ("快递", "件/日", "parcels_per_person"),
}


@dataclass(slots=True)
class _Series:
    values: deque[float]
    total: float = 0.0


@dataclass(slots=True)
class _Household:
    series: dict[str, _Series] = field(default_factory=dict)
    alerting: bool = False  # fired and the usage still says so: no second firing


class GroupRentalModel(Model):
    kind = "group_rental"

    def __init__(self, rule: WarningRule, names: Names, catalog: Catalog) -> None:
        self.catalog = catalog
        self._state: dict[str, _Household] = {}
        super().__init__(rule, names)

    def configure(self, params: dict[str, Any]) -> None:
        self.days = int(params["days"])
        self.norms = {name: float(params[spec[2]]) for name, spec in INDICATORS.items()}
        self.factor = float(params["factor"])
        self.min_extra = int(params["min_extra"])
        self.min_indicators = int(params["min_indicators"])
        for state in self._state.values():  # a new ``days`` keeps the latest values that still count
            for series in state.series.values():
                kept = list(series.values)[-self.days :]
                series.values = deque(kept, maxlen=self.days)
                series.total = sum(kept)

    def feed_meter(self, reading: MeterReading) -> list[Firing]:
        return self._add(reading.household, reading.utility, reading.value, reading.ts)

    def feed_parcels(self, reading: ParcelCount) -> list[Firing]:
        return self._add(reading.household, "parcels", float(reading.count), reading.ts)

    def _add(self, household_id: str, indicator: str, value: float, ts: float) -> list[Firing]:
        state = self._state.get(household_id)
        if state is None:
            state = self._state[household_id] = _Household()
        series = state.series.get(indicator)
        if series is None:
            series = state.series[indicator] = _Series(deque(maxlen=self.days))
        if len(series.values) == self.days:
            series.total -= series.values[0]
        series.values.append(value)
        series.total += value
        household = self.catalog.households[household_id]
        hits = self._hits(state, household.registered)
        if len(hits) < self.min_indicators:
            state.alerting = False
            return []
        if state.alerting:
            return []
        state.alerting = True
        return [self._firing(household, state, hits, ts)]

    def threshold(self, registered: int) -> float:
        """Implied occupants at or above this count as far more people."""
        return max(registered * self.factor, registered + self.min_extra)

    def _hits(self, state: _Household, registered: int) -> dict[str, float]:
        """Indicator → implied occupants, for those with ``days`` values implying too many people."""
        limit = self.threshold(registered)
        hits = {}
        for name, series in state.series.items():
            if len(series.values) == self.days:
                implied = series.total / self.days / self.norms[name]
                if implied >= limit:
                    hits[name] = implied
        return hits

    def _firing(self, household: Household, state: _Household, hits: dict[str, float], ts: float) -> Firing:
        registered = household.registered
        evidence = [Evidence(label="登记人数", value=registered, unit="人")]
        for name, (label, unit, _param) in INDICATORS.items():
            series = state.series.get(name)
            if series is None or len(series.values) < self.days:
                continue
            mean = series.total / len(series.values)
            evidence.append(
                Evidence(
                    label=f"{label}（近{self.days}日均）",
                    value=round(mean, 2),
                    expected=round(registered * self.norms[name], 2),
                    unit=unit,
                    ts=ts,
                )
            )
        implied = round(sorted(hits.values())[len(hits) // 2])
        evidence.append(Evidence(label="推算居住人数", value=implied, expected=registered, unit="人"))
        words = "、".join(INDICATORS[name][0] for name in hits)
        return self.fire(
            household.id,
            event="疑似群租房",
            headline=f"疑似群租房：{household.address}",
            description=(
                f"{household.address}登记{registered}人，近{self.days}日{words}推算约{implied}人居住，"
                f"超过登记人数的{self.factor:g}倍。"
            ),
            instruction="请网格员上门核查实际居住人数，核实后反馈。",
            urgency="Expected",
            certainty="Possible",
            categories=["Safety"],
            response_types=["Assess"],
            evidence=evidence,
            area_desc=household.address,
            grid_code=household.grid_code,
            lat=household.lat,
            lon=household.lon,
            ts=ts,
            expires_in_s=VERIFY_S,
        )
