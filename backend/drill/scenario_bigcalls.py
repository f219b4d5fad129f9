"""A big scenario for load runs (bench/drill at ×10): ``calls`` hotline calls about everyday city
problems at places of the demo gazetteer, one every ``interval_s`` seconds, every fourth a duplicate of
a recent call, one CAP alert half-way; each call scored on answering and its category.

    python -m backend.drill.scenario_bigcalls --calls 200 [--interval 6] [--seed 7] [--out FILE]

prints (or writes) the scenario as YAML; ``big_scenario`` gives it parsed (and so validated).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path
from typing import Any

import yaml

from backend.drill.scenario import MAX_DURATION_S, parse_scenario
from backend.drill.scenario_model import Scenario
from backend.drill.scenario_times import format_duration
from backend.intake.gazetteer import Entry, gazetteer

# (category, department, what the caller says about {place}, how a second caller names it)
PROBLEMS = (
    ("E0502", "D-SW", "你好，{place}这边自来水管爆了，水一直往外冒，路上都是水。", "水管爆了"),
    ("E0504", "D-SW", "{place}门口积了好大一滩水，下水道好像堵了，人都过不去。", "积水"),
    ("E0102", "D-CG", "{place}旁边的垃圾好几天没人清了，苍蝇乱飞，臭得不行。", "垃圾没人清"),
    ("E0402", "D-CG", "{place}门口有人占道摆摊卖水果，车都开不过去了。", "占道摆摊"),
    ("E0404", "D-GA", "{place}这边有辆面包车停在人行道上，好几天没动过了。", "乱停车"),
    ("E0301", "D-ZJ", "{place}旁边的工地晚上十一点还在施工，吵得孩子睡不着。", "夜间施工"),
    ("P0104", "D-CG", "{place}门口的路灯坏了好几天了，晚上黑漆漆的，老人出门不方便。", "路灯不亮"),
    ("E0303", "D-JT", "{place}前面的路面塌了个坑，电动车骑过去差点摔倒。", "路面的坑"),
    ("E0601", "D-GA", "{place}楼下有家店天天放大喇叭，吵死了。", "噪音"),
    ("P0102", "D-SW", "{place}那里的污水井盖松了，车一压就哐哐响。", "井盖"),
)
PLACE_KINDS = ("landmark", "market", "residential", "school", "commercial", "transport", "hospital", "public")
MAX_CALLS = 4000


def _places() -> list[Entry]:
    return [e for e in gazetteer().entries if e.kind in PLACE_KINDS and e.codes is not None]


def _number(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"


def big_scenario_doc(calls: int = 200, interval_s: float = 6.0, seed: int = 7) -> dict[str, Any]:
    """The scenario as a YAML-ready mapping (calls at ``interval_s``, from ``interval_s`` on)."""
    if not 1 <= calls <= MAX_CALLS:
        raise ValueError(f"calls must be 1…{MAX_CALLS}, not {calls}")
    duration = math.ceil((calls * interval_s + 120) / 60) * 60
    if interval_s <= 0 or duration > MAX_DURATION_S:
        raise ValueError(
            f"{calls} calls every {interval_s:g} s do not fit in {format_duration(MAX_DURATION_S)}"
        )
    rng = random.Random(seed)
    places = _places()
    injects: list[dict[str, Any]] = []
    originals: list[tuple[str, Entry, tuple[str, str, str, str]]] = []
    for n in range(1, calls + 1):
        call: dict[str, Any] = {"id": f"c{n}", "at": format_duration(n * interval_s), "kind": "call"}
        call["caller_number"] = _number(rng)
        if n % 4 == 0 and originals:
            first_id, place, problem = rng.choice(originals[-10:])
            call["says"] = [f"我也是反映{place.name}那个{problem[3]}的，到现在还没人来处理。"]
            call["address"] = place.name
            call["expected"] = {"duplicate_of": first_id}
        else:
            place, problem = rng.choice(places), rng.choice(PROBLEMS)
            category, department, says, _short = problem
            assert place.codes is not None
            call["says"] = [says.format(place=place.name)]
            call["address"] = place.name
            call["expected"] = {"category": category, "department": department, "grid": place.codes.grid_code}
            originals.append((call["id"], place, problem))
        injects.append(call)
    injects.append(_alert(calls * interval_s / 2))
    ids = [i["id"] for i in injects if i["kind"] == "call"]
    firsts = [first_id for first_id, _place, _problem in originals]
    return {
        "format": 1,
        "id": f"bigcalls-{calls}",
        "title": f"大话务量压力演练（{calls} 通来电）",
        "level": "区",
        "theme": "城市管理",
        "duration": format_duration(duration),
        "description": "生成的大话务量场景：全区各处日常城市管理来电密集涌入，用于 ×10 速度的漂移测试。",
        "seats": [{"id": f"seat-{k}", "role": "operator"} for k in range(1, 5)] + ["trainer"],
        "injects": injects,
        "rubric": [
            {"action": "answer_within", "inject": ids, "weight": 1},
            {"action": "category", "inject": firsts, "weight": 1},
            {"action": "alert_ack", "inject": "a1", "within": "2m", "weight": 3},
        ],
    }


def _alert(at_s: float) -> dict[str, Any]:
    return {
        "id": "a1",
        "at": format_duration(round(at_s)),
        "kind": "cap",
        "sender_name": "区气象局",
        "event": "暴雨",
        "category": "Met",
        "urgency": "Expected",
        "severity": "Moderate",
        "certainty": "Likely",
        "headline": "江滨区暴雨黄色预警",
        "description": "预计未来六小时全区有暴雨，局部大暴雨，低洼路段易积水。",
        "area": {"desc": "江滨示范区全境", "codes": ["320999001", "320999002", "320999003", "320999004"]},
    }


def big_scenario_text(calls: int = 200, interval_s: float = 6.0, seed: int = 7) -> str:
    doc = big_scenario_doc(calls, interval_s, seed)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200)


def big_scenario(calls: int = 200, interval_s: float = 6.0, seed: int = 7) -> Scenario:
    """The big scenario, parsed and validated like a shipped one."""
    return parse_scenario(big_scenario_text(calls, interval_s, seed), f"bigcalls-{calls}.yaml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--interval", type=float, default=6.0, help="seconds between calls (scenario time)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write the YAML here instead of printing it")
    args = parser.parse_args(argv)
    try:
        text = big_scenario_text(args.calls, args.interval, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    parse_scenario(text, f"bigcalls-{args.calls}.yaml")  # the generator's output must validate
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
