"""Overdue and about-to-be-overdue cases (超期/临期预警), from the lifecycle's deadlines: every
``case.overdue`` the SLA watcher emits, and a periodic scan for open cases whose current stage has used
``due_soon_ratio`` of its time (one alert per case and stage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from backend.lifecycle.sla import STAGE_NAMES, STAGE_OF, stage_name
from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from client_api.alert_messages import Evidence
from client_api.messages import CaseRecord
from client_api.sla_messages import CaseOverdueEvent


def _clock(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%m-%d %H:%M")


class OverdueModel(Model):
    kind = "overdue"

    _due_soon_keys: set[str]

    def configure(self, params: dict[str, Any]) -> None:
        if not hasattr(self, "_due_soon_keys"):
            self._due_soon_keys = set()
        self.due_soon = bool(params["due_soon"])
        self.due_soon_ratio = float(params["due_soon_ratio"])
        self.due_soon_severity = str(params["due_soon_severity"])

    def feed_overdue(self, event: CaseOverdueEvent, case: CaseRecord | None, now: float) -> list[Firing]:
        late_min = max(0, round((now - event.deadline_at) / 60))
        if event.kind == "completion":
            key, what = f"{event.case_no}:completion", "超过办结时限"
        else:
            stage = STAGE_OF.get(event.status, "handle")
            key, what = f"{event.case_no}:{stage}:{int(event.deadline_at)}", f"{STAGE_NAMES[stage]}阶段超时"
        evidence = [
            Evidence(label="时限", value=_clock(event.deadline_at), ts=event.deadline_at),
            Evidence(label="已超时", value=late_min, expected=0, unit="分钟", ts=now),
            Evidence(label="当前阶段", value=stage_name(event.status)),
            Evidence(label="主办单位", value=event.lead_department or "未派遣"),
        ]
        return [
            self.fire(
                key,
                event="工单超期",
                headline=f"工单{event.case_no}{what}",
                description=self._about(event.case_no, case)
                + f"{what}（时限 {_clock(event.deadline_at)}）。",
                instruction="请督促承办单位尽快办理，必要时督办或申请延期。",
                urgency="Immediate",
                certainty="Observed",
                categories=["Other"],
                response_types=["Execute"],
                evidence=evidence,
                **self._place(case),
                ts=now,
            )
        ]

    def scan(self, cases: Iterable[CaseRecord], now: float) -> list[Firing]:
        """The due-soon firings among ``cases`` (open cases whose stage is at least ``due_soon_ratio``
        used, from the store); a case and stage fires once while it stays in the scan's answer."""
        if not self.due_soon:
            return []
        fired, keys = [], set()
        for case in cases:
            start, deadline = case.stage_started_at, case.stage_deadline_at
            if start is None or deadline is None or deadline <= start or case.stage_overdue:
                continue
            used = (now - start) / (deadline - start)
            if used < self.due_soon_ratio or now >= deadline:
                continue
            stage = STAGE_OF.get(case.status, "handle")
            key = f"due_soon:{case.case_no}:{stage}:{int(deadline)}"
            keys.add(key)
            if key not in self._due_soon_keys:
                fired.append(self._due_soon(key, case, stage, used, deadline, now))
        self._due_soon_keys = keys
        return fired

    def _due_soon(
        self, key: str, case: CaseRecord, stage: str, used: float, deadline: float, now: float
    ) -> Firing:
        left_min = max(0, round((deadline - now) / 60))
        evidence = [
            Evidence(label="阶段已用时", value=f"{used:.0%}", expected=f"< {self.due_soon_ratio:.0%}"),
            Evidence(label="剩余", value=left_min, unit="分钟", ts=now),
            Evidence(label="时限", value=_clock(deadline), ts=deadline),
            Evidence(label="当前阶段", value=STAGE_NAMES[stage]),
        ]
        return self.fire(
            key,
            severity=self.due_soon_severity,
            event="工单临期",
            headline=f"工单{case.case_no}{STAGE_NAMES[stage]}阶段即将超时（剩余{left_min}分钟）",
            description=self._about(case.case_no, case) + f"{STAGE_NAMES[stage]}阶段已用{used:.0%}时限。",
            instruction="请提醒承办单位在时限内办理。",
            urgency="Expected",
            certainty="Likely",
            categories=["Other"],
            response_types=["Monitor"],
            evidence=evidence,
            **self._place(case),
            ts=now,
            expires_in_s=deadline - now,  # then the overdue notice takes over
        )

    def _about(self, case_no: str, case: CaseRecord | None) -> str:
        if case is None:
            return f"工单{case_no}"
        return f"工单{case_no}（{self.names.category(case.category_code)}，{case.address}）"

    def _place(self, case: CaseRecord | None) -> dict[str, Any]:
        if case is None:
            return {"area_desc": "辖区"}
        return {"area_desc": case.address, "grid_code": case.grid_code, "lat": case.lat, "lon": case.lon}
