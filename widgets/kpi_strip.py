"""The hotline KPI strip: calls waiting, longest wait, 15-second answer rate, abandoned, connection rate."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from client_api.calls_messages import HotlineKpis

# GB/T 33358: connection rate ≥ 95 %; the 15-second answer rate is watched the same way.
TARGET_RATE = 0.95


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


class KpiStrip(QFrame):
    """Shows the latest HotlineKpis; the longest wait ticks every second between updates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiStrip")
        self.setStyleSheet("#kpiStrip{background:#f3f5f8;border:1px solid #d0d7de;border-radius:4px;}")
        self.waiting = QLabel(self)
        self.longest = QLabel(self)
        self.answer_rate = QLabel(self)
        self.abandoned = QLabel(self)
        self.connection = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for label in (self.waiting, self.longest, self.answer_rate, self.abandoned, self.connection):
            layout.addWidget(label)
        layout.addStretch(1)
        self._kpis: HotlineKpis | None = None
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._render)
        self._tick.start()
        self._render()

    def show_kpis(self, kpis: HotlineKpis) -> None:
        self._kpis = kpis
        self._render()

    def _render(self) -> None:
        k = self._kpis
        waiting = k.waiting if k else 0
        longest = 0.0
        if k and k.oldest_queued_at is not None and k.waiting:
            longest = max(0.0, time.time() - k.oldest_queued_at)
        colour = "#b42318" if waiting and longest > 15 else "#1f2328"
        self.waiting.setText(self.tr("Waiting: {n}").format(n=waiting))
        self.longest.setText(
            f"<span style='color:{colour}'>"
            + self.tr("Longest wait: {s} s").format(s=int(longest))
            + "</span>"
        )
        rate = k.answer_rate_15s if k else None
        self.answer_rate.setText(self._rate(self.tr("Answered in 15 s: {p}"), rate))
        self.abandoned.setText(self.tr("Abandoned today: {n}").format(n=k.abandoned_today if k else 0))
        self.connection.setText(self._rate(self.tr("Connection rate: {p}"), k.connection_rate if k else None))

    def _rate(self, template: str, rate: float | None) -> str:
        colour = "#b42318" if rate is not None and rate < TARGET_RATE else "#1f2328"
        return f"<span style='color:{colour}'>{template.format(p=percent(rate))}</span>"
