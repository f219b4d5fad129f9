"""The simulated world of the sensor generators: what each household uses in a day, where each hazmat
vehicle is, how full each store is, at round ``n``, with the demo's anomalies built in:

- household ``GROUP_RENTAL`` houses far more people than registered (group rental model);
- vehicle ``ROGUE_VEHICLE`` leaves its route towards ``ROGUE_ZONE`` and stands there (hazmat route);
- site ``OVERFILLED_SITE`` fills past its licence every ``STORAGE_CYCLE`` rounds (hazmat storage).
"""

from __future__ import annotations

import itertools
import math
import random

from backend.warnings.catalog import Catalog, Vehicle
from client_api.alert_messages import MeterReading, ParcelCount, Reading, StorageLevel, VehiclePosition

GROUP_RENTAL = "H-0014"
GROUP_RENTAL_PEOPLE = 12
ROGUE_VEHICLE = "V-03"
ROGUE_ZONE = "Z-01"
OVERFILLED_SITE = "S-02"
STORAGE_CYCLE = 40
STEP_M = 80.0  # a vehicle's travel per round
STOP_ROUNDS = 30  # rounds the rogue vehicle stands in the zone
# Daily use per person and the spread between days (what a normal household shows).
PER_PERSON = {"water": 0.11, "electricity": 2.6, "gas": 0.2, "parcels": 0.25}
SPREAD = 0.25

LatLon = tuple[float, float]


def points_along(points: list[LatLon], catalog: Catalog, step_m: float) -> list[LatLon]:
    """Points every ``step_m`` metres along the polyline ``points``."""
    proj = catalog.projection
    out: list[LatLon] = [points[0]]
    carry = 0.0
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(points):
        x1, y1 = proj.xy(lat1, lon1)
        x2, y2 = proj.xy(lat2, lon2)
        length = math.hypot(x2 - x1, y2 - y1)
        at = step_m - carry
        while at <= length:
            t = at / length
            out.append((lat1 + t * (lat2 - lat1), lon1 + t * (lon2 - lon1)))
            at += step_m
        carry = length - (at - step_m)
    return out


class SimWorld:
    def __init__(self, catalog: Catalog, seed: int | None = None) -> None:
        self.catalog = catalog
        self.rng = random.Random(seed)
        self._paths = {v.id: self._path(v) for v in catalog.vehicles.values()}

    def _path(self, vehicle: Vehicle) -> list[tuple[float, float, float]]:
        """(lat, lon, speed) per round, a loop: out along the route and back."""
        route = list(vehicle.route)
        zone = next((z for z in self.catalog.zones if z.id == ROGUE_ZONE), None)
        if vehicle.id != ROGUE_VEHICLE or zone is None:
            there = points_along(route, self.catalog, STEP_M)
            return [(lat, lon, 40.0) for lat, lon in there + there[-2:0:-1]]
        ring = zone.ring_latlon[:-1]
        centre = (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
        first = points_along(route[:2], self.catalog, STEP_M)
        detour = points_along([route[1], centre], self.catalog, STEP_M)
        rest = points_along(route[1:], self.catalog, STEP_M)
        path = [(lat, lon, 40.0) for lat, lon in first + detour]
        path += [(centre[0], centre[1], 0.0)] * STOP_ROUNDS
        path += [(lat, lon, 40.0) for lat, lon in detour[::-1] + rest + rest[-2:0:-1] + first[::-1]]
        return path

    def readings(self, n: int, now: float) -> list[Reading]:
        """Everything the sensors report in round ``n`` (one simulated day of meters), stamped ``now``."""
        out: list[Reading] = []
        rng = self.rng
        for household in self.catalog.households.values():
            people = GROUP_RENTAL_PEOPLE if household.id == GROUP_RENTAL else household.registered
            for utility in ("water", "electricity", "gas"):
                value = people * PER_PERSON[utility] * rng.uniform(1 - SPREAD, 1 + SPREAD)
                out.append(
                    MeterReading(household=household.id, utility=utility, value=round(value, 3), ts=now)
                )
            parcels = rng.random() < people * PER_PERSON["parcels"] % 1
            count = int(people * PER_PERSON["parcels"]) + int(parcels)
            out.append(ParcelCount(household=household.id, count=count, ts=now))
        for vehicle_id, path in self._paths.items():
            lat, lon, speed = path[n % len(path)]
            jitter = 0.00003  # a few metres of GPS noise
            lat, lon = lat + rng.uniform(-jitter, jitter), lon + rng.uniform(-jitter, jitter)
            speed = speed * rng.uniform(0.85, 1.15) if speed else rng.uniform(0.0, 1.0)
            out.append(
                VehiclePosition(vehicle=vehicle_id, lat=lat, lon=lon, speed_kmh=round(speed, 1), ts=now)
            )
        for site in self.catalog.sites.values():
            if site.id == OVERFILLED_SITE:
                phase = n % STORAGE_CYCLE
                share = 0.70 + 0.02 * phase if phase < 24 else 0.70
            else:
                share = 0.6 + 0.15 * math.sin(n / 7 + len(site.id)) + rng.uniform(-0.02, 0.02)
            level = min(site.capacity, share * site.licensed_max)
            out.append(StorageLevel(site=site.id, level=round(level, 2), ts=now))
        return out
