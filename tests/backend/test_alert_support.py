"""Helpers of the alert and CAP tests (no tests here): sample messages, a server around a store,
row counts, a rule alert with evidence, and CAP text built from a template."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.alerts.draft import AlertDraft
from backend.alerts.ingest import ingest_cap_text
from backend.alerts.records import insert_alert
from backend.server import Server
from backend.store import Store
from client_api.alert_messages import AlertArea, AlertRecord, CapIngested, Circle, Evidence, Geocode
from client_api.errors import ProtocolError

SAMPLES = Path(__file__).parent / "cap_samples"
CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def cap_alert(
    identifier: str = "T-1",
    *,
    sender: str = "test@jiangbin.gov.cn",
    sent: str = "2026-07-05T10:00:00+08:00",
    status: str = "Actual",
    msg_type: str = "Alert",
    references: str | None = None,
    urgency: str = "Immediate",
    severity: str = "Moderate",
    certainty: str = "Observed",
    headline: str = "测试预警",
    expires: str | None = None,
    extra_info: str = "",
    info: bool = True,
) -> str:
    """A small valid CAP 1.2 message; change one field to make it invalid."""
    refs = f"<references>{references}</references>" if references else ""
    expiry = f"<expires>{expires}</expires>" if expires else ""
    block = (
        f"<info><language>zh-CN</language><category>Safety</category><event>测试</event>"
        f"<urgency>{urgency}</urgency><severity>{severity}</severity><certainty>{certainty}</certainty>"
        f"{expiry}<headline>{headline}</headline>{extra_info}</info>"
        if info
        else ""
    )
    return (
        f'<alert xmlns="{CAP_NS}"><identifier>{identifier}</identifier><sender>{sender}</sender>'
        f"<sent>{sent}</sent><status>{status}</status><msgType>{msg_type}</msgType><scope>Public</scope>"
        f"{refs}{block}</alert>"
    )


def cap_server(store: Store, exercise: bool = False) -> Server:
    """A server object around ``store`` for ingesting without the network (not started)."""
    return Server(store, port=0, node="seat-test", exercise=exercise)


def ingest(aio: Any, server: Server, xml: str) -> CapIngested:
    return aio.run(ingest_cap_text(server, xml))


def refused(aio: Any, server: Server, xml: str) -> ProtocolError:
    try:
        aio.run(ingest_cap_text(server, xml))
    except ProtocolError as exc:
        return exc
    raise AssertionError("the message was taken")


def count(aio: Any, store: Store, table: sa.Table) -> int:
    async def run() -> int:
        async with store.engine.connect() as conn:
            return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())

    return aio.run(run())


def counts(aio: Any, store: Store) -> tuple[int, int]:
    """(alerts, events): what a rejected message must leave as it was."""
    return count(aio, store, schema.alerts), count(aio, store, schema.events)


def set_alert(aio: Any, store: Store, alert_id: int, **values: Any) -> None:
    """Change an alert behind the backend's back (age it) to set up a test."""

    async def run() -> None:
        async with store.engine.begin() as conn:
            await conn.execute(
                sa.update(schema.alerts).where(schema.alerts.c.id == alert_id).values(**values)
            )

    aio.run(run())


def rule_draft(**over: Any) -> AlertDraft:
    """A group-rental alert of a warning model, with evidence, a polygon, a circle and a grid geocode."""
    fields: dict[str, Any] = {
        "identifier": "rule-group_rental-0001",
        "sender": "command-seat@seat-test",
        "sent": 1783000000.0,
        "event": "疑似群租房",
        "headline": "滨江路18号302室疑似群租",
        "source": "rule",
        "rule": "group_rental",
        "categories": ["Safety"],
        "urgency": "Expected",
        "severity": "Moderate",
        "certainty": "Likely",
        "description": "用水、用电与快递量均远超登记的2名住户。",
        "instruction": "请网格员上门核查",
        "sender_name": "预警模型 群租房",
        "areas": [
            AlertArea(
                area_desc="滨江社区第1网格 滨江路18号",
                polygons=[[(31.33, 120.54), (31.331, 120.541), (31.332, 120.539), (31.33, 120.54)]],
                circles=[Circle(lat=31.3366, lon=120.5405, radius_km=0.05)],
                geocodes=[Geocode(value_name="grid", value="32099900100101")],
            )
        ],
        "evidence": [
            Evidence(label="水 m³/日", value=4.8, expected=1.2, unit="m³"),
            Evidence(label="快递 件/日", value=9, expected=1),
            Evidence(label="登记住户", value="2人"),
        ],
        "lat": 31.3366,
        "lon": 120.5405,
        "grid_code": "32099900100101",
        "dedupe_key": "group_rental:H-0012",
    }
    return AlertDraft(**(fields | over))


def store_draft(aio: Any, store: Store, draft: AlertDraft) -> AlertRecord:
    record: AlertRecord = aio.run(store.run_write(insert_alert, draft, time.time()))
    return record
