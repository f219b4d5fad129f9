"""Checks of one reading before the models see it: known household, vehicle or site; finite, not
negative and below a physical maximum; a position inside the district; a time neither more than five
minutes ahead nor older than seven days; a vehicle's positions in time order."""

from __future__ import annotations

import math

from backend.warnings.catalog import Catalog
from client_api.alert_messages import MeterReading, ParcelCount, Reading, StorageLevel, VehiclePosition

MAX_READINGS = 10_000  # per request
FUTURE_S = 300.0
MAX_AGE_S = 7 * 86400.0
# What no household meter shows in a day: the meter or its gateway is faulty.
UTILITY_MAX = {"water": ("m³", 50.0), "electricity": ("kWh", 1000.0), "gas": ("m³", 100.0)}
MAX_PARCELS = 1000
MAX_SPEED_KMH = 200.0


class ReadingChecker:
    """Checks readings against the catalog; remembers each vehicle's latest accepted time."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.last_position: dict[str, float] = {}

    def problem(self, reading: Reading, now: float) -> str | None:
        """Why ``reading`` is refused, or None when it is acceptable (and then counted as accepted)."""
        ts = reading.ts
        if not math.isfinite(ts):
            return "ts is not a finite number"
        if ts > now + FUTURE_S:
            return f"ts is {ts - now:.0f} s in the future (at most {FUTURE_S:g} s ahead of the server)"
        if ts < now - MAX_AGE_S:
            return f"ts is {(now - ts) / 86400:.1f} days old (at most 7 days)"
        if type(reading) is MeterReading:
            return self._meter(reading)
        if type(reading) is ParcelCount:
            return self._parcels(reading)
        if type(reading) is VehiclePosition:
            return self._position(reading)
        assert type(reading) is StorageLevel
        return self._storage(reading)

    def _meter(self, r: MeterReading) -> str | None:
        if r.household not in self.catalog.households:
            return f"unknown household {r.household!r}"
        limit = UTILITY_MAX.get(r.utility)
        if limit is None:
            return f"unknown utility {r.utility!r} (water, electricity or gas)"
        unit, maximum = limit
        return _amount(r.utility, r.value, maximum, f"{unit}/day")

    def _parcels(self, r: ParcelCount) -> str | None:
        if r.household not in self.catalog.households:
            return f"unknown household {r.household!r}"
        return _amount("count", r.count, MAX_PARCELS, "parcels/day")

    def _position(self, r: VehiclePosition) -> str | None:
        if r.vehicle not in self.catalog.vehicles:
            return f"unknown vehicle {r.vehicle!r}"
        if not (math.isfinite(r.lat) and math.isfinite(r.lon)):
            return "lat/lon is not a finite number"
        if not self.catalog.inside(r.lat, r.lon):
            min_lat, max_lat, min_lon, max_lon = self.catalog.bounds
            return (
                f"position ({r.lat}, {r.lon}) is outside the district "
                f"(lat {min_lat:.4f}…{max_lat:.4f}, lon {min_lon:.4f}…{max_lon:.4f})"
            )
        problem = _amount("speed_kmh", r.speed_kmh, MAX_SPEED_KMH, "km/h")
        if problem is not None:
            return problem
        last = self.last_position.get(r.vehicle)
        if last is not None and r.ts < last:
            return f"ts is before vehicle {r.vehicle}'s latest position ({r.ts} < {last})"
        self.last_position[r.vehicle] = r.ts
        return None

    def _storage(self, r: StorageLevel) -> str | None:
        site = self.catalog.sites.get(r.site)
        if site is None:
            return f"unknown storage site {r.site!r}"
        return _amount("level", r.level, site.capacity, f"{site.unit} (the site's capacity)")


def _amount(name: str, value: float, maximum: float, unit: str) -> str | None:
    if not math.isfinite(value):
        return f"{name} is not a finite number"
    if value < 0:
        return f"{name} {value:g} is negative"
    if value > maximum:
        return f"{name} {value:g} is above the physical maximum {maximum:g} {unit}"
    return None
