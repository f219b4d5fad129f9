"""Surges (诉求激增): cases of one category in one area (village or grid) within a sliding window, tested
against the area's own history with a Poisson tail: fire when the count is at least ``min_count`` and
P(X ≥ count | λ) < ``p_max``, λ being the mean count per window over the last ``history_days``.

The window is a deque of fixed buckets (``bucket_min``); buckets leaving it go to the history deque, and
buckets older than the history leave that too, so a case costs O(1) amortized."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from backend.warnings.firing import Firing
from backend.warnings.models.base import Model
from client_api.alert_messages import Evidence
from client_api.messages import CaseRecord


def poisson_tail(k: int, lam: float) -> float:
    """P(X ≥ k) for X ~ Poisson(λ), summed from k upwards (no cancellation for tiny tails)."""
    if k <= 0:
        return 1.0
    term = math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))
    total, i = 0.0, k
    while term > total * 1e-15 and i < k + 10_000:
        total += term
        i += 1
        term *= lam / i
    return min(1.0, total)


@dataclass(slots=True)
class _Series:
    window: deque[tuple[int, int, list[str]]] = field(default_factory=deque)  # (bucket, count, case numbers)
    window_total: int = 0
    history: deque[tuple[int, int]] = field(default_factory=deque)  # (bucket, count)
    history_total: int = 0
    alerting: bool = False  # fired; cleared when the window falls below min_count


class SurgeModel(Model):
    kind = "surge"

    _series: dict[tuple[str, str], _Series]

    def configure(self, params: dict[str, Any]) -> None:
        if (params["bucket_min"] * 60, params["area_level"]) != getattr(self, "_shape", None):
            self._series = {}  # buckets of another size or area cannot be carried over
        self._shape = (params["bucket_min"] * 60, params["area_level"])
        self.level = str(params["area_level"])
        self.bucket_s = int(params["bucket_min"]) * 60
        self.window_buckets = int(params["window_min"]) // int(params["bucket_min"])
        self.history_buckets = int(params["history_days"]) * 86400 // self.bucket_s
        self.min_count = int(params["min_count"])
        self.p_max = float(params["p_max"])
        self.min_expected = float(params["min_expected"])

    def expected(self, series: _Series) -> float:
        """λ: the history's count scaled to one window, floored at ``min_expected``."""
        return max(self.min_expected, series.history_total * self.window_buckets / self.history_buckets)

    def feed_case(self, case: CaseRecord) -> list[Firing]:
        area = case.village_code if self.level == "village" else case.grid_code
        if area is None or case.status == "voided":
            return []
        key = (area, case.category_code)
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = _Series()
        bucket = int(case.created_at // self.bucket_s)
        self._advance(series, bucket)
        window = series.window
        if window and window[-1][0] >= bucket:  # a late case counts in the newest bucket
            last, count, numbers = window[-1]
            window[-1] = (last, count + 1, numbers)
            numbers.append(case.case_no)
        else:
            window.append((bucket, 1, [case.case_no]))
        series.window_total += 1
        count = series.window_total
        if count < self.min_count or series.alerting:
            return []
        lam = self.expected(series)
        p = poisson_tail(count, lam)
        if p >= self.p_max:
            return []
        series.alerting = True
        return [self._firing(case, area, series, lam, p)]

    def _advance(self, series: _Series, bucket: int) -> None:
        first_kept = bucket - self.window_buckets + 1
        while series.window and series.window[0][0] < first_kept:
            old, count, _numbers = series.window.popleft()
            series.window_total -= count
            series.history.append((old, count))
            series.history_total += count
        first_history = first_kept - self.history_buckets
        while series.history and series.history[0][0] < first_history:
            series.history_total -= series.history.popleft()[1]
        if series.window_total < self.min_count:
            series.alerting = False

    def _firing(self, case: CaseRecord, area: str, series: _Series, lam: float, p: float) -> Firing:
        count = series.window_total
        minutes = self.window_buckets * self.bucket_s // 60
        numbers = [n for _b, _c, ns in series.window for n in ns]
        place, category = self.names.area(area), self.names.category(case.category_code)
        evidence = [
            Evidence(
                label=f"近{minutes}分钟案件数",
                value=count,
                expected=round(lam, 2),
                unit="件",
                ts=case.created_at,
            ),
            Evidence(label="历史同期基线 λ", value=round(lam, 3), unit="件/窗口"),
            Evidence(label="P(X≥k)", value=f"{p:.2e}", expected=f"< {self.p_max:g}"),
            Evidence(label="案件编号", value="、".join(numbers[-20:])),
        ]
        return self.fire(
            f"{area}:{case.category_code}",
            event="诉求激增",
            headline=f"{place}{category}诉求激增：{minutes}分钟内{count}件",
            description=(
                f"{place}{minutes}分钟内受理{category}{count}件，历史同期平均{lam:.2f}件"
                f"（泊松检验 p={p:.1e}），可能存在区域性问题。"
            ),
            instruction="请核查是否为同一原因（如管网故障），统筹派遣并考虑合并处置。",
            urgency="Immediate",
            certainty="Likely",
            categories=["Infra"],
            response_types=["Assess"],
            evidence=evidence,
            area_desc=place,
            grid_code=area,
            lat=case.lat,
            lon=case.lon,
            ts=case.created_at,
            expires_in_s=float(self.window_buckets * self.bucket_s),
        )
