"""Hazardous-chemicals storage (危化品储存): a level above the licensed maximum, or at ``warn_ratio`` of it.
Each band is raised once on the way up; a level back below it lets it fire again."""

from __future__ import annotations

from typing import Any

from backend.warnings.catalog import Catalog, StorageSite
from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from backend.warnings.names import Names
from client_api.alert_messages import Evidence, StorageLevel, WarningRule

BANDS = ("ok", "near", "over")
EXPIRES_S = 86400.0  # the alert lapses after a day


class HazmatStorageModel(Model):
    kind = "hazmat_storage"

    def __init__(self, rule: WarningRule, names: Names, catalog: Catalog) -> None:
        self.catalog = catalog
        self._band: dict[str, int] = {}  # site → index in BANDS of its latest level
        super().__init__(rule, names)

    def configure(self, params: dict[str, Any]) -> None:
        self.warn_ratio = float(params["warn_ratio"])
        self.warn_severity = str(params["warn_severity"])

    def feed_level(self, reading: StorageLevel) -> list[Firing]:
        site = self.catalog.sites[reading.site]
        band = (
            2
            if reading.level > site.licensed_max
            else 1
            if reading.level >= self.warn_ratio * site.licensed_max
            else 0
        )
        before = self._band.get(reading.site, 0)
        self._band[reading.site] = band
        if band <= before:
            return []
        return [self._firing(site, reading, band)]

    def _firing(self, site: StorageSite, reading: StorageLevel, band: int) -> Firing:
        over = band == 2
        share = reading.level / site.licensed_max
        evidence = [
            Evidence(
                label="储存量",
                value=round(reading.level, 2),
                expected=f"≤ {site.licensed_max:g}",
                unit=site.unit,
                ts=reading.ts,
            ),
            Evidence(label="许可最大储存量", value=site.licensed_max, unit=site.unit),
            Evidence(label="占许可量", value=f"{share:.0%}", expected=f"< {self.warn_ratio:.0%}"),
            Evidence(label="物料", value=site.chemical),
        ]
        what = "超过许可储存量" if over else "接近许可储存量"
        return self.fire(
            f"{site.id}:{BANDS[band]}",
            severity=self.rule.severity if over else self.warn_severity,
            event="危化品超量储存" if over else "危化品储存量预警",
            headline=f"{site.name}{site.chemical}{what}（{share:.0%}）",
            description=(
                f"{site.name}{site.chemical}储存量{reading.level:g}{site.unit}，许可最大储存量"
                f"{site.licensed_max:g}{site.unit}，{what}。"
            ),
            instruction=(
                "立即通知企业停止进料并转移超量部分，通知应急管理部门现场检查。"
                if over
                else "提醒企业控制进料，关注储存量变化。"
            ),
            urgency="Immediate" if over else "Expected",
            certainty="Observed",
            categories=["CBRNE", "Safety"],
            response_types=["Execute" if over else "Monitor"],
            evidence=evidence,
            area_desc=site.address,
            grid_code=site.grid_code,
            lat=site.lat,
            lon=site.lon,
            ts=reading.ts,
            expires_in_s=EXPIRES_S,
        )
