"""The sensor generators: a short accelerated run of the demo's simulated sensors and case bursts makes
every reading- and case-based warning model fire, through the real ingestion and store."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from backend.alerts.records import list_alerts
from backend.store import Store
from backend.warnings.generators import SensorSimulator
from backend.warnings.rule_store import save_rule
from client_api import alert_messages as am
from tests.backend.test_intake_support import SUPERVISOR
from tests.backend.test_warning_support import warning_server

ROUNDS = 75  # the rogue vehicle reaches its zone around round 45


def test_an_accelerated_run_fires_every_model(aio: Any, seeded_store: Store) -> None:
    store = seeded_store

    async def scenario(service: Any) -> list[am.AlertRecord]:
        # a drill compresses time: the vehicle stands one round (not two minutes) before it counts
        save = am.SaveWarningRule(name="hazmat_route", enabled=True, params={"stop_s": 0}, severity="Severe")
        service.apply_rule(await store.run_write(save_rule, save, SUPERVISOR, time.time()))
        sim = SensorSimulator(service, interval=1.0, seed=3, store=store)
        start = time.time()
        for n in range(ROUNDS):
            done = await sim.tick(start + n * 0.1)
            assert done.rejected == []
        await service.settle()
        alerts: list[am.AlertRecord] = await store.read(list_alerts, None, None, 500)
        return alerts

    with warning_server(aio, store) as (_server, service):
        alerts = aio.run(scenario(service), timeout=60)
    events = sorted({(a.rule, a.event) for a in alerts})
    assert events == [
        ("group_rental", "疑似群租房"),
        ("hazmat_route", "危化品车辆偏离路线"),
        ("hazmat_route", "危化品车辆禁区停留"),
        ("hazmat_storage", "危化品储存量预警"),
        ("hazmat_storage", "危化品超量储存"),
        ("repeat_calls", "同一地点重复反映"),
        ("repeat_calls", "重复来电"),
        ("surge", "诉求激增"),
    ]
    by_event = {a.event: a for a in alerts}
    assert by_event["疑似群租房"].areas[0].area_desc.startswith("临江街道望江社区望江名苑")
    assert by_event["诉求激增"].headline.startswith("渔港村自来水管破裂诉求激增")
    assert by_event["危化品车辆禁区停留"].severity == "Extreme"
    assert all(a.source == "rule" and a.evidence for a in alerts)
    assert len(alerts) == len({(a.event, a.headline) for a in alerts})  # open alerts are not repeated


def test_the_generator_runs_as_a_service(aio: Any, seeded_store: Store) -> None:
    """Started with the server, it streams rounds on its own until stopped."""

    async def wait_for_rounds(sim: SensorSimulator) -> None:
        while sim.round < 4:
            await asyncio.sleep(0.02)

    with warning_server(aio, seeded_store) as (server, service):
        sim = SensorSimulator(service, interval=0.02, seed=1)
        aio.run(sim.start(server))
        try:
            aio.run(wait_for_rounds(sim))
        finally:
            aio.run(sim.stop())
        aio.run(service.settle())
        alerts = aio.run(seeded_store.read(list_alerts, None, None, 100))
    assert "group_rental" in {a.rule for a in alerts}  # the third simulated day shows the group rental
