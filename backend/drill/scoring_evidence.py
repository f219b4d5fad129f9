"""What the log shows about each inject (when it fired, who answered, the case made of it, its dispatch,
its acknowledgement), and the judgement of one rubric item on it, with the reason in Chinese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import msgspec

from backend.drill.scenario_model import Inject, RubricItem, Scenario
from client_api.drill_messages import LogEntry

KIND_WORDS = {
    "call": "来电",
    "report": "上报",
    "readings": "感知数据",
    "cap": "预警",
    "department_response": "部门反馈",
    "radio": "电台",
    "message": "消息",
}
URGENCY_WORDS = {"normal": "普通", "urgent": "紧急", "critical": "特急"}
FIELD_WORDS = {
    "reporter_name": "反映人姓名",
    "reporter_phone": "联系电话",
    "address": "地址",
    "description": "诉求内容",
    "grid_code": "网格",
    "location": "坐标",
    "lat": "坐标",
    "lon": "坐标",
    "appeal_type": "诉求类型",
    "urgency": "紧急程度",
    "category_code": "分类",
    "object_code": "部件编码",
}
# Entries that make an inject a trainee's, by inject kind, in the order they count.
CLAIMS = {
    "call": ("call.answered", "case.created", "case.merged"),
    "report": ("intake.taken", "case.created", "case.merged"),
    "message": ("intake.taken", "case.created", "case.merged"),
    "cap": ("alert.acked", "alert.linked"),
    "readings": ("alert.acked", "alert.linked"),
}


@dataclass(frozen=True, slots=True)
class Judgement:
    """``lost`` is the part of the item's weight lost (0 … 1); ``reason`` says why when it is not 0."""

    lost: float
    reason: str = ""
    ref: str | None = None


class Evidence:
    """The log read per inject. Only entries of ``trainees`` count as a trainee's doing."""

    def __init__(self, entries: list[LogEntry], trainees: set[str], names: Mapping[str, str]) -> None:
        self.entries = entries
        self.trainees = trainees
        self.names = names
        self._first: dict[tuple[str, str], LogEntry] = {}
        self._cases: dict[int, LogEntry] = {}
        self._dispatches: dict[int, LogEntry] = {}
        for entry in entries:
            case_id = entry.data.get("case_id")
            if entry.kind == "case.created" and isinstance(case_id, int):
                self._cases.setdefault(case_id, entry)
            if entry.kind == "case.dispatched" and isinstance(case_id, int) and self.by_trainee(entry):
                self._dispatches.setdefault(case_id, entry)
            if entry.ref is None:
                continue
            if entry.kind.startswith("inject."):
                if entry.data.get("outcome") == "fired":
                    self._first.setdefault(("inject", entry.ref), entry)
                    self._still_acked(entry)
                continue
            if self.by_trainee(entry):
                for ref in _refs(entry):
                    self._first.setdefault((entry.kind, ref), entry)

    def _still_acked(self, entry: LogEntry) -> None:
        """An Update that left its alert acknowledged counts as acknowledged by whoever had."""
        by = entry.data.get("still_acked_by")
        if isinstance(by, str) and by in self.trainees and entry.ref is not None:
            self._first.setdefault(("alert.acked", entry.ref), msgspec.structs.replace(entry, actor=by))

    def by_trainee(self, entry: LogEntry) -> bool:
        return entry.actor in self.trainees

    def fired_t(self, inject_id: str) -> float | None:
        entry = self._first.get(("inject", inject_id))
        return None if entry is None else entry.t

    def first(self, kind: str, inject_id: str) -> LogEntry | None:
        """The first entry of ``kind`` by a trainee on the inject."""
        return self._first.get((kind, inject_id))

    def owner(self, inject: Inject) -> str | None:
        claims = [self.first(kind, inject.id) for kind in CLAIMS.get(inject.kind, ())]
        found = [entry for entry in claims if entry is not None]
        return min(found, key=lambda e: e.seq).actor if found else None

    def case_entry(self, inject_id: str) -> LogEntry | None:
        """The case.created entry of the case the inject's report is in (made from it, or merged into)."""
        for kind in ("case.created", "case.merged"):
            entry = self.first(kind, inject_id)
            case_id = entry.data.get("case_id") if entry is not None else None
            if isinstance(case_id, int) and case_id in self._cases:
                return self._cases[case_id]
        return None

    def dispatch(self, case_id: object) -> LogEntry | None:
        return self._dispatches.get(case_id) if isinstance(case_id, int) else None

    def name(self, code: object) -> str:
        text = str(code)
        return f"{text}（{self.names[text]}）" if text in self.names else text


def _refs(entry: LogEntry) -> list[str]:
    """The injects an entry counts for: its own, and for an acknowledgement every inject that had sent
    the alert by then (an alert updated before anyone acknowledged it)."""
    refs = entry.data.get("injects") if entry.kind == "alert.acked" else None
    listed = [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []
    return [*listed, *([entry.ref] if entry.ref and entry.ref not in listed else [])]


def label(inject: Inject) -> str:
    return f"{KIND_WORDS.get(inject.kind, inject.kind)} {inject.id}"


def judge(
    item: RubricItem,
    scenario: Scenario,
    inject: Inject,
    ev: Evidence,
    fired: float,
    final: bool,
    now_t: float | None,
) -> Judgement | None:
    """The judgement of ``item``; None while it is still open (running scores only)."""
    what = label(inject)

    def missing(reason: str) -> Judgement | None:
        late = item.within_s is not None and now_t is not None and now_t - fired > item.within_s
        return Judgement(1.0, f"{what}：{reason}", inject.id) if final or late else None

    def timed(entry: LogEntry | None, verb: str, none: str) -> Judgement | None:
        if entry is None:
            return missing(f"{none}（应在 {item.within_s:g} 秒内{verb}）")
        took = entry.t - fired
        if item.within_s is None or took <= item.within_s + 1e-6:
            return Judgement(0.0)
        return Judgement(1.0, f"{what}：{took:.0f} 秒后{verb}，应在 {item.within_s:g} 秒内", inject.id)

    action = item.action
    if action == "answer_within":
        return timed(ev.first("call.answered", inject.id), "接听", "无人接听")
    if action == "alert_ack":
        return timed(ev.first("alert.acked", inject.id), "确认", "无人确认")
    if action == "duplicate":
        return _duplicate(item, scenario, inject, ev, missing)
    case = ev.case_entry(inject.id)
    if action == "dispatch_within":
        return timed(ev.dispatch(case.data.get("case_id")) if case else None, "派遣", "未派遣")
    if case is None:
        return missing(f"未建工单（{_expected(item, ev)}）")
    data = case.data
    if action == "department":
        dispatch = ev.dispatch(data.get("case_id"))
        if dispatch is None:
            return missing(f"工单 {data.get('case_no')} 未派遣（应派遣至 {ev.name(item.value)}）")
        unit = dispatch.data.get("department")
        return _compare(unit == item.value, what, f"派遣至 {ev.name(unit)}，应为 {ev.name(item.value)}")
    if action == "category":
        cat = data.get("category_code")
        # an appeal type expected (A01 咨询 …) is met by the case's appeal type as well as its category
        right = item.value in (cat, data.get("appeal_type"))
        return _compare(right, what, f"分类为 {ev.name(cat)}，应为 {ev.name(item.value)}")
    if action == "urgency":
        got, want = data.get("urgency"), item.value or ""
        wrong = f"紧急程度为 {URGENCY_WORDS.get(str(got), got)}，应为 {URGENCY_WORDS.get(want, want)}"
        return _compare(got == item.value, what, wrong)
    if action == "location":
        return _location(item, data, ev, what)
    if action == "information":
        return _information(item, data, what)
    return None


def _expected(item: RubricItem, ev: Evidence) -> str:
    if item.action == "category":
        return f"应分类为 {ev.name(item.value)}"
    if item.action == "department":
        return f"应派遣至 {ev.name(item.value)}"
    if item.action == "location":
        return f"应定位在 {ev.name(item.value)}"
    return "应建工单"


def _compare(right: bool, what: str, wrong: str) -> Judgement:
    """``what`` is the inject's label ("来电 call-3"): its last word is the inject id."""
    return Judgement(0.0) if right else Judgement(1.0, f"{what}：{wrong}", what.rsplit(" ", 1)[-1])


def _location(item: RubricItem, data: dict[str, Any], ev: Evidence, what: str) -> Judgement:
    codes = [data.get(k) for k in ("grid_code", "village_code", "town_code") if data.get(k)]
    if item.value in codes:
        return Judgement(0.0)
    placed = f"定位在 {ev.name(codes[0])}" if codes else "未定位"
    return _compare(False, what, f"{placed}，应在 {ev.name(item.value)}")


def _information(item: RubricItem, data: dict[str, Any], what: str) -> Judgement:
    if not item.fields:
        return Judgement(0.0)
    lacking = [f for f in item.fields if data.get(f) in (None, "", [])]
    if not lacking:
        return Judgement(0.0)
    words = "、".join(dict.fromkeys(FIELD_WORDS.get(f, f) for f in lacking))
    return Judgement(len(lacking) / len(item.fields), f"{what}：工单缺少{words}", what.rsplit(" ", 1)[-1])


def _duplicate(item: RubricItem, scenario: Scenario, inject: Inject, ev: Evidence, missing: Any) -> Any:
    original_id = item.value or (inject.expected.duplicate_of if inject.expected else None) or ""
    try:
        original = label(scenario.inject(original_id))
    except KeyError:
        original = original_id
    target = ev.case_entry(original_id)
    target_no = f"工单 {target.data.get('case_no')}" if target else "工单（尚未建立）"
    merged = ev.first("case.merged", inject.id)
    if merged is not None and target is not None and merged.data.get("case_id") == target.data.get("case_id"):
        return Judgement(0.0)
    what = label(inject)
    if merged is not None:
        reason = f"合并到了工单 {merged.data.get('case_no')}，应合并到 {original} 的{target_no}"
        return Judgement(1.0, f"{what}：{reason}", inject.id)
    created = ev.first("case.created", inject.id)
    if created is not None:
        reason = f"新建了工单 {created.data.get('case_no')}，应合并到 {original} 的{target_no}"
        return Judgement(1.0, f"{what}：{reason}", inject.id)
    return missing(f"未识别为重复件（应合并到 {original} 的{target_no}）")
