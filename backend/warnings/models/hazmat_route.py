"""Hazardous-chemicals vehicles (危化品运输): a deviation from the approved route (further than
``corridor_m`` for ``min_points`` positions in a row) and a stop in a forbidden zone (slower than
``stop_kmh`` for ``stop_s`` seconds inside it). Each is raised once until the vehicle is back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from backend.intake.areas import grid_map
from backend.warnings.catalog import Catalog, Vehicle
from backend.warnings.firing import Firing
from backend.warnings.geo import Zone
from backend.warnings.models.base import Model
from backend.warnings.names import Names
from client_api.alert_messages import Evidence, VehiclePosition, WarningRule

EXPIRES_S = 3600.0  # the alert lapses after an hour; the model raises it again once the vehicle was back


@dataclass(slots=True)
class _Track:
    off_route: int = 0  # positions in a row outside the corridor
    max_off_m: float = 0.0
    deviating: bool = False  # the deviation was raised; cleared back on the route
    stop_zone: str | None = None  # the zone the vehicle stands in
    stop_since: float = 0.0
    stop_fired: bool = False


class HazmatRouteModel(Model):
    kind = "hazmat_route"

    def __init__(self, rule: WarningRule, names: Names, catalog: Catalog) -> None:
        self.catalog = catalog
        self._tracks: dict[str, _Track] = {}
        super().__init__(rule, names)

    def configure(self, params: dict[str, Any]) -> None:
        self.corridor_m = float(params["corridor_m"])
        self.min_points = int(params["min_points"])
        self.stop_kmh = float(params["stop_kmh"])
        self.stop_s = float(params["stop_s"])
        self.zone_severity = str(params["zone_severity"])

    def feed_position(self, p: VehiclePosition) -> list[Firing]:
        track = self._tracks.get(p.vehicle)
        if track is None:
            track = self._tracks[p.vehicle] = _Track()
        fired: list[Firing] = []
        distance = self.catalog.routes[p.vehicle].distance_m(p.lat, p.lon)
        if distance > self.corridor_m:
            track.off_route += 1
            track.max_off_m = max(track.max_off_m, distance)
            if track.off_route >= self.min_points and not track.deviating:
                track.deviating = True
                fired.append(self._deviation(p, track, distance))
        else:
            track.off_route, track.max_off_m, track.deviating = 0, 0.0, False
        zone = self.catalog.zone_at(p.lat, p.lon) if p.speed_kmh < self.stop_kmh else None
        if zone is None:
            track.stop_zone, track.stop_fired = None, False
        else:
            if track.stop_zone != zone.id:
                track.stop_zone, track.stop_since, track.stop_fired = zone.id, p.ts, False
            if p.ts - track.stop_since >= self.stop_s and not track.stop_fired:
                track.stop_fired = True
                fired.append(self._zone_stop(p, track, zone))
        return fired

    def _where(self, p: VehiclePosition) -> tuple[str | None, str]:
        codes = grid_map().locate(p.lat, p.lon)
        grid = codes.grid_code if codes else None
        place = self.names.area(codes.village_code) if codes else "辖区"
        return grid, place

    def _deviation(self, p: VehiclePosition, track: _Track, distance: float) -> Firing:
        vehicle = self.catalog.vehicles[p.vehicle]
        grid, place = self._where(p)
        evidence = [
            Evidence(
                label="偏离路线距离",
                value=round(distance),
                expected=f"≤ {self.corridor_m:g}",
                unit="m",
                ts=p.ts,
            ),
            Evidence(
                label="连续偏离定位点", value=track.off_route, expected=f"< {self.min_points}", unit="个"
            ),
            Evidence(label="位置", value=f"{p.lat:.6f}, {p.lon:.6f}", ts=p.ts),
            Evidence(label="车速", value=round(p.speed_kmh, 1), unit="km/h", ts=p.ts),
        ]
        return self.fire(
            f"deviation:{p.vehicle}",
            event="危化品车辆偏离路线",
            headline=f"危化品车辆{vehicle.plate}偏离核准路线（{place}）",
            description=(
                f"{vehicle.company}{vehicle.plate}（装载{vehicle.cargo}）偏离核准路线{round(distance)}米，"
                f"已连续{track.off_route}个定位点在路线走廊（{self.corridor_m:g}米）外。"
            ),
            instruction="请联系运输企业核实车辆去向，责令按核准路线行驶；必要时通知交警、应急部门拦截。",
            urgency="Immediate",
            certainty="Observed",
            categories=["Transport", "CBRNE"],
            response_types=["Monitor"],
            evidence=evidence,
            area_desc=f"{place}（{vehicle.plate}当前位置）",
            grid_code=grid,
            lat=p.lat,
            lon=p.lon,
            ts=p.ts,
            expires_in_s=EXPIRES_S,
        )

    def _zone_stop(self, p: VehiclePosition, track: _Track, zone: Zone) -> Firing:
        vehicle: Vehicle = self.catalog.vehicles[p.vehicle]
        grid, _place = self._where(p)
        stopped = p.ts - track.stop_since
        evidence = [
            Evidence(label="禁停区域", value=zone.name),
            Evidence(
                label="停留时长", value=round(stopped), expected=f"< {self.stop_s:g}", unit="s", ts=p.ts
            ),
            Evidence(label="车速", value=round(p.speed_kmh, 1), expected=f"≥ {self.stop_kmh:g}", unit="km/h"),
            Evidence(label="位置", value=f"{p.lat:.6f}, {p.lon:.6f}", ts=p.ts),
        ]
        return self.fire(
            f"zone:{p.vehicle}:{zone.id}",
            severity=self.zone_severity,
            event="危化品车辆禁区停留",
            headline=f"危化品车辆{vehicle.plate}在{zone.name}内停留",
            description=(
                f"{vehicle.company}{vehicle.plate}（装载{vehicle.cargo}）在禁停区域{zone.name}内"
                f"停留{round(stopped)}秒。"
            ),
            instruction="立即联系驾驶员和运输企业驶离禁区；通知属地网格员、交警和应急部门到场处置。",
            urgency="Immediate",
            certainty="Observed",
            categories=["Transport", "CBRNE"],
            response_types=["Execute"],
            evidence=evidence,
            area_desc=zone.name,
            grid_code=grid,
            lat=p.lat,
            lon=p.lon,
            ts=p.ts,
            expires_in_s=EXPIRES_S,
        )
