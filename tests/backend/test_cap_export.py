"""CAP export: every kind of alert record becomes CAP 1.2 XML valid against the official schema, and
reading it back gives the same fields."""

from __future__ import annotations

import re
from typing import Any

import pytest
import xmlschema

from backend.alerts.apply import mark_exercise
from backend.alerts.cap_export import export_cap
from backend.alerts.cap_parse import parse_cap
from backend.alerts.cap_xml import SCHEMA
from backend.store import Store
from client_api.alert_messages import AlertRecord
from tests.backend.test_alert_support import cap_server, ingest, rule_draft, sample, store_draft

SAME_FIELDS = (
    "identifier",
    "sender",
    "status",
    "msg_type",
    "scope",
    "language",
    "categories",
    "event",
    "urgency",
    "severity",
    "certainty",
    "response_types",
    "headline",
    "description",
    "instruction",
    "sender_name",
    "areas",
    "expires",
    "evidence",
    "lat",
    "lon",
    "grid_code",
)


@pytest.fixture(scope="module")
def official() -> xmlschema.XMLSchema:
    """The XSD read straight from resources/, apart from the backend's own loader."""
    from importlib import resources

    return xmlschema.XMLSchema(resources.files(SCHEMA[0]).joinpath(SCHEMA[1]).read_text(encoding="utf-8"))


def check(record: AlertRecord, schema: xmlschema.XMLSchema) -> str:
    xml = export_cap(record)
    schema.validate(xml)
    assert not re.search(r"<(?:\w+:)?(?:sent|expires)>[^<]*(?:Z|\.\d)", xml)
    return xml


def same(record: AlertRecord, xml: str) -> None:
    draft = parse_cap(xml).draft
    mark_exercise(draft, exercise=False)  # as ingestion does
    for name in SAME_FIELDS:
        assert getattr(draft, name) == getattr(record, name), name
    assert draft.sent == int(record.sent)


@pytest.mark.parametrize("name", ["rainstorm_red.xml", "hazmat_leak.xml", "gas_grid.xml"])
def test_ingested_alerts_export_and_read_back(
    aio: Any, seeded_store: Store, official: xmlschema.XMLSchema, name: str
) -> None:
    [record] = ingest(aio, cap_server(seeded_store), sample(name)).alerts
    xml = check(record, official)
    assert "<sent>20" in xml and "+08:00</sent>" in xml
    same(record, xml)


def test_a_rule_alert_with_evidence(aio: Any, seeded_store: Store, official: xmlschema.XMLSchema) -> None:
    record = store_draft(aio, seeded_store, rule_draft(sent=1783000000.25))
    xml = check(record, official)
    assert "<valueName>evidence:水 m³/日</valueName>" in xml and '"expected":1.2' in xml
    assert (
        "<sender>command-seat@seat-test</sender>" in xml and "<circle>31.3366,120.5405 0.05</circle>" in xml
    )
    same(record, xml)


def test_updated_and_cancelled_alerts_export_their_last_message(
    aio: Any, seeded_store: Store, official: xmlschema.XMLSchema
) -> None:
    server = cap_server(seeded_store)
    ingest(aio, server, sample("rainstorm_red.xml"))
    [updated] = ingest(aio, server, sample("rainstorm_update.xml")).alerts
    xml = check(updated, official)
    assert "<identifier>JBQX-20260701-0015</identifier>" in xml and "<msgType>Update</msgType>" in xml
    assert (
        "<references>met-office@jiangbin.gov.cn,JBQX-20260701-0012,2026-07-01T14:05:00+08:00</references>"
        in xml
    )
    assert ingest(aio, server, xml).unchanged == ["JBQX-20260701-0015"]  # the same store knows it
    [cancelled] = ingest(aio, server, sample("rainstorm_cancel.xml")).alerts
    xml = check(cancelled, official)
    assert (
        "<msgType>Cancel</msgType>" in xml
        and "JBQX-20260701-0015,2026-07-01T16:00:00+08:00</references>" in xml
    )


def test_drill_and_manual_alerts(aio: Any, seeded_store: Store, official: xmlschema.XMLSchema) -> None:
    [drill] = ingest(aio, cap_server(seeded_store, exercise=True), sample("hazmat_leak.xml")).alerts
    xml = check(drill, official)
    assert "<status>Exercise</status>" in xml and "<headline>【演练】东湖镇工业园" in xml
    same(drill, xml)  # the prefix is taken off again on the way in
    bare = store_draft(
        aio, seeded_store, rule_draft(identifier="bare-1", areas=[], evidence=[], description="", language="")
    )
    check(bare, official)
