"""Repeated calls (重复来电): the same number calling or reporting again and again, or reports from the
same place (same grid, within ``radius_m``), ``min_count`` times within the window.

A contact by number is a hotline call (``call.updated`` of a new call) or a case taken on another
channel with the reporter's phone; hotline cases are not counted again, their call already was."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from backend.intake.geometry import M_PER_DEG_LAT
from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from client_api.alert_messages import Evidence
from client_api.calls_messages import Call
from client_api.messages import CaseRecord


@dataclass(slots=True)
class _Contacts:
    seen: deque[tuple[float, str]] = field(default_factory=deque)  # (ts, what)
    alerting: bool = False


@dataclass(slots=True)
class _Place:
    reports: deque[tuple[float, float, float, str, str]] = field(
        default_factory=deque
    )  # ts, lat, lon, no, address
    alerted: deque[tuple[float, float, float]] = field(default_factory=deque)  # ts, lat, lon of firings


SWEEP_EVERY = 10_000


def masked(phone: str) -> str:
    """138****5678: alerts reach every seat, a reporter's number does not."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else "****"


class RepeatCallsModel(Model):
    kind = "repeat_calls"

    _phones: dict[str, _Contacts]
    _places: dict[str, _Place]
    _fed: int

    def configure(self, params: dict[str, Any]) -> None:
        if not hasattr(self, "_phones"):
            self._phones, self._places, self._fed = {}, {}, 0
        self.window_s = int(params["window_min"]) * 60.0
        self.min_count = int(params["min_count"])
        self.by_phone = bool(params["by_phone"])
        self.by_place = bool(params["by_place"])
        self.radius_m = float(params["radius_m"])

    def feed_call(self, call: Call) -> list[Firing]:
        if not self.by_phone or not call.caller_number:
            return []
        return self._contact(call.caller_number, call.queued_at, f"热线来电 #{call.id}", None)

    def feed_case(self, case: CaseRecord) -> list[Firing]:
        fired: list[Firing] = []
        if self.by_phone and case.reporter_phone and case.channel != "hotline":
            fired += self._contact(case.reporter_phone, case.created_at, f"工单 {case.case_no}", case)
        if self.by_place and case.lat is not None and case.lon is not None and case.grid_code:
            fired += self._report(case)
        return fired

    def _contact(self, phone: str, ts: float, what: str, case: CaseRecord | None) -> list[Firing]:
        self._fed += 1
        if self._fed % SWEEP_EVERY == 0:
            self._sweep(ts)
        contacts = self._phones.get(phone)
        if contacts is None:
            contacts = self._phones[phone] = _Contacts()
        seen = contacts.seen
        while seen and seen[0][0] <= ts - self.window_s:
            seen.popleft()
        seen.append((ts, what))
        if len(seen) < self.min_count:
            contacts.alerting = False
            return []
        if contacts.alerting:
            return []
        contacts.alerting = True
        return [self._phone_firing(phone, contacts, ts, case)]

    def _sweep(self, now: float) -> None:
        """Forget numbers not heard of within the window (amortized: every SWEEP_EVERY contacts)."""
        cutoff = now - self.window_s
        self._phones = {p: c for p, c in self._phones.items() if c.seen and c.seen[-1][0] > cutoff}

    def _report(self, case: CaseRecord) -> list[Firing]:
        assert case.lat is not None and case.lon is not None and case.grid_code is not None
        place = self._places.get(case.grid_code)
        if place is None:
            place = self._places[case.grid_code] = _Place()
        ts = case.created_at
        for queue in (place.reports, place.alerted):
            while queue and queue[0][0] <= ts - self.window_s:
                queue.popleft()
        place.reports.append((ts, case.lat, case.lon, case.case_no, case.address))
        near = [r for r in place.reports if self._within(case.lat, case.lon, r[1], r[2])]
        if len(near) < self.min_count:
            return []
        if any(self._within(case.lat, case.lon, a[1], a[2]) for a in place.alerted):
            return []
        place.alerted.append((ts, case.lat, case.lon))
        return [self._place_firing(case, near)]

    def _within(self, lat1: float, lon1: float, lat2: float, lon2: float) -> bool:
        dy = (lat1 - lat2) * M_PER_DEG_LAT
        dx = (lon1 - lon2) * M_PER_DEG_LAT * math.cos(math.radians(lat1))
        return dx * dx + dy * dy <= self.radius_m * self.radius_m

    def _minutes(self) -> int:
        return int(self.window_s // 60)

    def _phone_firing(self, phone: str, contacts: _Contacts, ts: float, case: CaseRecord | None) -> Firing:
        count = len(contacts.seen)
        evidence = [
            Evidence(
                label=f"{self._minutes()}分钟内联系次数",
                value=count,
                expected=f"< {self.min_count}",
                unit="次",
            )
        ]
        evidence += [
            Evidence(label=f"第{i}次", value=what, ts=at) for i, (at, what) in enumerate(contacts.seen, 1)
        ]
        number = masked(phone)
        return self.fire(
            f"phone:{phone}",
            event="重复来电",
            headline=f"号码{number}在{self._minutes()}分钟内来电/反映{count}次",
            description=f"同一号码{number}在{self._minutes()}分钟内联系{count}次，诉求可能未得到解决或情况紧急。",
            instruction="请查看该号码的历史诉求，优先回访，必要时提级处理。",
            urgency="Expected",
            certainty="Likely",
            categories=["Other"],
            response_types=["Assess"],
            evidence=evidence,
            area_desc=case.address if case is not None else f"来电号码{number}",
            grid_code=case.grid_code if case is not None else None,
            lat=case.lat if case is not None else None,
            lon=case.lon if case is not None else None,
            ts=ts,
            expires_in_s=self.window_s,
        )

    def _place_firing(self, case: CaseRecord, near: list[tuple[float, float, float, str, str]]) -> Firing:
        evidence = [
            Evidence(
                label=f"{self._minutes()}分钟内同一地点诉求",
                value=len(near),
                expected=f"< {self.min_count}",
                unit="件",
            ),
            Evidence(label="范围", value=self.radius_m, unit="m"),
        ]
        evidence += [Evidence(label=f"工单 {no}", value=address, ts=at) for at, _la, _lo, no, address in near]
        grid = self.names.area(case.grid_code)
        return self.fire(
            f"place:{case.grid_code}:{case.lat:.5f},{case.lon:.5f}",
            event="同一地点重复反映",
            headline=f"{case.address}附近{self._minutes()}分钟内反映{len(near)}次",
            description=f"{grid}{case.address}周边{self.radius_m:g}米内{self._minutes()}分钟内收到{len(near)}件诉求。",
            instruction="请核查是否为同一问题反复反映，合并处置并安排回访。",
            urgency="Expected",
            certainty="Likely",
            categories=["Other"],
            response_types=["Assess"],
            evidence=evidence,
            area_desc=case.address,
            grid_code=case.grid_code,
            lat=case.lat,
            lon=case.lon,
            ts=case.created_at,
            expires_in_s=self.window_s,
        )
