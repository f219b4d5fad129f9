"""The sensor generators (``--simulate-sensors``; drills and demos, never production): every
``interval`` seconds one round of readings from the demo households, vehicles and stores (one simulated
day of meters per round, see sim_world.py), fed through the same ingestion as ``readings.ingest``; and at
a set rhythm, cases through the store's normal case creation so the case-based models fire too:

- a burst of ``BURST_SIZE`` water-leak reports (自来水管破裂) in one village, channel ``iot`` (the pressure
  sensors of the water network), every ``BURST_EVERY`` rounds, villages taking turns (surge model);
- one resident reporting the same noise ``REPEAT_SIZE`` times from one address, channel ``app``, every
  ``REPEAT_EVERY`` rounds, a different resident each time (repeated calls model).
"""

from __future__ import annotations

import logging
import random
import time
from typing import TYPE_CHECKING

from backend.intake.areas import grid_map
from backend.sla.periodic import Periodic
from backend.warnings.sim_world import SimWorld
from client_api import messages as m
from client_api.alert_messages import ReadingsIngested
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.store import Store
    from backend.warnings.service import WarningService

log = logging.getLogger("backend.warnings.sim")

DEFAULT_INTERVAL = 5.0
SENSORS = m.Operator("system:sensors", "物联感知平台", "system")
SEAT = "sensor-gateway"
BURST_SIZE, BURST_EVERY, FIRST_BURST = 6, 120, 8
BURST_VILLAGES = ("320999002003", "320999002002", "320999002001")  # 渔港村, 荷塘村, 东湖村
LEAK = "E0502"  # 自来水管破裂
REPEAT_SIZE, REPEAT_EVERY, FIRST_REPEAT = 3, 120, 4
NOISE = "E0601"  # 噪声扰民
REPEAT_PLACES = (
    ("临江街道新桥社区新桥新村12幢", 31.31602, 120.59231),
    ("东湖镇东湖村东湖湾小区5幢", 31.32088, 120.60934),
    ("桃源镇桃源社区桃源居3幢", 31.25998, 120.61502),
)


class SensorSimulator(Periodic):
    """A Service (after the WarningService in the start order). ``tick()`` runs one round."""

    name = "sensor-simulator"

    def __init__(
        self,
        warnings: WarningService,
        interval: float = DEFAULT_INTERVAL,
        seed: int | None = None,
        store: Store | None = None,
    ) -> None:
        super().__init__(interval, store)
        self.warnings = warnings
        self.world = SimWorld(warnings.catalog, seed)
        self.rng = random.Random(seed)
        self.round = 0

    async def tick(self, now: float | None = None) -> ReadingsIngested:
        at = time.time() if now is None else now
        n, self.round = self.round, self.round + 1
        done = await self.warnings.ingest(self.world.readings(n, at), at)
        if done.rejected:  # the world only makes good readings: a refusal is a bug to see in the log
            log.warning(
                "sensor round %d: %d readings refused, first: %s", n, len(done.rejected), done.rejected[0]
            )
        try:
            if n >= FIRST_BURST and (n - FIRST_BURST) % BURST_EVERY == 0:
                await self._burst((n - FIRST_BURST) // BURST_EVERY)
            if n >= FIRST_REPEAT and (n - FIRST_REPEAT) % REPEAT_EVERY == 0:
                await self._repeat((n - FIRST_REPEAT) // REPEAT_EVERY)
        except ProtocolError as exc:  # e.g. a database without the demo district's categories
            log.warning("sensor round %d: could not create the demo cases: %s", n, exc.message)
        return done

    async def _burst(self, turn: int) -> None:
        village = BURST_VILLAGES[turn % len(BURST_VILLAGES)]
        grids = [g for g in grid_map().grids if g.codes.village_code == village]
        for i in range(BURST_SIZE):
            grid = grids[i % len(grids)]
            min_lon, min_lat, max_lon, max_lat = grid.bounds
            while True:
                lat, lon = self.rng.uniform(min_lat, max_lat), self.rng.uniform(min_lon, max_lon)
                if grid.contains(lat, lon):
                    break
            case = m.CreateCase(
                category_code=LEAK,
                address=f"{grid.name}供水管网监测点{self.rng.randint(1, 99):02d}号附近",
                description="管网压力监测：水压骤降，疑似自来水管破裂，请核实处置。",
                channel="iot",
                urgency="urgent",
                lat=lat,
                lon=lon,
            )
            await self.store.create_case(case, SENSORS, SEAT)

    async def _repeat(self, turn: int) -> None:
        address, lat, lon = REPEAT_PLACES[turn % len(REPEAT_PLACES)]
        phone = f"139{self.rng.randint(10_000_000, 99_999_999)}"
        for i in range(REPEAT_SIZE):
            case = m.CreateCase(
                category_code=NOISE,
                address=address,
                description=f"夜间施工噪声扰民，已是第{i + 1}次反映，请尽快处理。",
                channel="app",
                reporter_name="居民",
                reporter_phone=phone,
                lat=lat + self.rng.uniform(-0.00005, 0.00005),
                lon=lon + self.rng.uniform(-0.00005, 0.00005),
            )
            await self.store.create_case(case, SENSORS, SEAT)
