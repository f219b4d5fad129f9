"""Alert records for the alert tests, built like the backend builds them (no tests here)."""

from __future__ import annotations

import itertools
import time
from typing import Any

import msgspec

from client_api.alert_messages import AlertArea, AlertRecord, Evidence
from client_api.alert_priority import priority

_ids = itertools.count(1)


def make_alert(**fields: Any) -> AlertRecord:
    """An active CAP alert; ``fields`` override any field (id: the next number unless given)."""
    now = time.time()
    alert_id = fields.pop("id", None) or next(_ids) + 1000
    base = {
        "id": alert_id,
        "identifier": f"CN-TEST-{alert_id}",
        "sender": "weather@example.cn",
        "sent": now - 30,
        "status": "Actual",
        "msg_type": "Alert",
        "scope": "Public",
        "source": "cap",
        "rule": None,
        "language": "zh-CN",
        "categories": ["Met"],
        "event": "暴雨",
        "urgency": "Immediate",
        "severity": "Extreme",
        "certainty": "Observed",
        "response_types": ["Shelter"],
        "headline": "暴雨红色预警",
        "description": "过去3小时降雨量已达100毫米以上",
        "instruction": "停止户外作业，转移低洼地带人员",
        "sender_name": "区气象台",
        "areas": [AlertArea(area_desc="滨江街道")],
        "expires": None,
        "priority": 0,
        "evidence": [],
        "lat": 31.33,
        "lon": 120.55,
        "grid_code": None,
        "state": "active",
        "acked_by": None,
        "acked_by_name": None,
        "acked_seat": None,
        "acked_at": None,
        "ack_reason": None,
        "escalation_level": 0,
        "escalated_at": None,
        "case_id": None,
        "case_no": None,
        "references": [],
        "received_at": now,
        "updated_at": now,
    }
    base.update(fields)
    if not base["priority"]:
        base["priority"] = priority(base["urgency"], base["severity"], base["certainty"])
    return AlertRecord(**base)


def changed(alert: AlertRecord, **fields: Any) -> AlertRecord:
    """The same alert, later: ``fields`` changed and ``updated_at`` moved on."""
    return msgspec.structs.replace(alert, updated_at=alert.updated_at + 1, **fields)


def acked(alert: AlertRecord, who: str = "operator1", reason: str = "已通知相关单位") -> AlertRecord:
    return changed(
        alert,
        state="acknowledged",
        acked_by=who,
        acked_by_name="张三",
        acked_seat="A-01",
        acked_at=alert.updated_at + 1,
        ack_reason=reason,
    )


EVIDENCE = [
    Evidence(label="水 m³/日", value=4.8, expected=1.2, unit="m³", ts=time.time()),
    Evidence(label="快递 件/日", value=23, expected=3),
]
