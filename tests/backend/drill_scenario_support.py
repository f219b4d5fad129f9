"""A small valid drill scenario and helpers to break it and read the problems (line: message)."""

from __future__ import annotations

import pytest

from backend.drill.scenario import parse_scenario
from backend.drill.scenario_model import ScenarioError

BASE = """\
format: 1
title: 测试演练
level: 镇
area: "320999001"
theme: 城市管理
duration: 20m
seats:
  - {id: seat-1, role: operator}
  - trainer
injects:
  - id: c1
    at: 30s
    kind: call
    caller_number: "13812345678"
    says: [滨江路88号门口水管爆了]
    address: 滨江路88号
    expected: {category: E0502, department: D-SW, grid: "32099900100101"}
  - id: c2
    at: 1m
    kind: call
    caller_number: "13812345679"
    says: 滨江路那边水一直在冒
    expected: {duplicate_of: c1}
  - id: a1
    at: 2m
    kind: cap
    event: 暴雨
    urgency: Expected
    severity: Moderate
    certainty: Likely
    headline: 暴雨黄色预警
    area: {desc: 临江街道, codes: ["320999001"]}
rubric:
  - {action: answer_within, inject: [c1, c2], weight: 1}
  - {action: category, inject: c1, weight: 2}
  - {action: duplicate, inject: c2, weight: 2}
  - {action: alert_ack, inject: a1, within: 1m, weight: 2}
"""


def changed(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def with_injects(extra: str) -> str:
    return BASE.replace("rubric:\n", extra + "rubric:\n", 1)


def problems(text: str) -> list[str]:
    """``line: message`` of every problem of ``text`` (it must not validate)."""
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "water-main.yaml")
    assert caught.value.source == "water-main.yaml"
    return [f"{issue.line}: {issue.message}" for issue in caught.value.errors]


def line(text: str, marker: str) -> int:
    """The 1-based number of the first line holding ``marker``."""
    return next(n for n, row in enumerate(text.splitlines(), 1) if marker in row)
