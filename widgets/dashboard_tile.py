"""A live dashboard tile of the video wall: cases per hour, top categories, busiest grids or on-time
completion by department, redrawn at most once a second however often the cases change."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Collection, Iterable, Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from client_api import case_stats
from client_api.messages import CaseRecord
from client_api.wall_messages import DASHBOARDS
from widgets.dashboard_chart import BACKGROUND, TEXT, BarChart

REDRAW_INTERVAL_S = 1.0
ROLL_MS = 60_000  # the 24-hour window moves on even when no case changes
WINDOW_S = 24 * 3600.0
TOP = 10
RATE_COLOURS = ((0.9, "#3fb950"), (0.75, "#d29922"), (0.0, "#f85149"))  # on-time rate from … : colour


def rate_colour(rate: float) -> str:
    return next(colour for floor, colour in RATE_COLOURS if rate >= floor)


class DashboardTile(QWidget):
    """One of ``client_api.wall_messages.DASHBOARDS``; feed it with ``update_cases``.

    Attributes:
        kind: which dashboard.
        chart: the BarChart (its ``labels()`` and ``values()`` are what is drawn).
        redraws: how many times the figures were computed and drawn.
        clock: the time the 24-hour window ends at; monotonic: the throttle's clock (both settable for
            tests).
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        if kind not in DASHBOARDS:
            raise ValueError(f"unknown dashboard {kind!r}: expected one of {', '.join(DASHBOARDS)}")
        super().__init__(parent)
        self.kind = kind
        self.redraws = 0
        self.clock: Callable[[], float] = time.time
        self.monotonic: Callable[[], float] = time.monotonic
        self._cases: Collection[CaseRecord] = ()
        self._names: dict[str, Mapping[str, str]] = {"categories": {}, "areas": {}, "departments": {}}
        self._last_redraw = -math.inf
        self.setObjectName("dashboardTile")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#dashboardTile {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT}; }}")
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSize(14)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.chart = BarChart(horizontal=kind != "cases_by_hour", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.redraw)
        self._roll = QTimer(self)
        self._roll.setInterval(ROLL_MS)
        self._roll.timeout.connect(self.redraw)
        self._roll.start()
        self._set_titles()
        self._draw()  # empty axes until the first cases; not counted against the throttle

    def set_names(
        self,
        categories: Mapping[str, str],
        areas: Mapping[str, str],
        departments: Mapping[str, str] | None = None,
    ) -> None:
        """Names by code (from the reference data) for the bars; codes without a name show as codes."""
        self._names = {"categories": categories, "areas": areas, "departments": departments or {}}
        self._schedule()

    def update_cases(self, cases: Iterable[CaseRecord]) -> None:
        """The cases changed: redraw soon (within a second of the last redraw, never more often).

        A collection (a CaseBook) is kept by reference and read when redrawing; anything else is copied.
        """
        self._cases = cases if isinstance(cases, Collection) else list(cases)
        self._schedule()

    def _schedule(self) -> None:
        if self._pending.isActive():
            return  # the redraw already due will see these cases
        wait = self._last_redraw + REDRAW_INTERVAL_S - self.monotonic()
        self._pending.start(math.ceil(wait * 1000) if wait > 0 else 0)

    def redraw(self) -> None:
        """Compute the figures and draw them now."""
        self._pending.stop()
        self._last_redraw = self.monotonic()
        self.redraws += 1
        self._draw()

    def _draw(self) -> None:
        now = self.clock()
        since = now - WINDOW_S
        if self.kind == "cases_by_hour":
            buckets = case_stats.cases_by_hour(self._cases, now)
            hours = [dt.datetime.fromtimestamp(b.start).strftime("%H") for b in buckets]
            self.chart.set_bars(hours, [b.count for b in buckets], tick_every=3)
            total = sum(b.count for b in buckets)
            self.summary.setText(self.tr("{n} cases in the last 24 hours").format(n=total))
        elif self.kind in ("cases_by_category", "cases_by_grid"):
            if self.kind == "cases_by_category":
                top, names = case_stats.cases_by_category(self._cases, since, TOP), self._names["categories"]
            else:
                top, names = case_stats.cases_by_area(self._cases, "grid", since, TOP), self._names["areas"]
            self.chart.set_bars([names.get(code, code) for code, _n in top], [n for _code, n in top])
            shown = sum(n for _code, n in top)
            self.summary.setText(self.tr("{n} cases in the top {top}").format(n=shown, top=len(top)))
        else:
            self._draw_compliance()

    def _draw_compliance(self) -> None:
        figures = case_stats.sla_compliance(self._cases)
        overall, departments = figures[0], figures[1:]
        busiest = sorted(departments, key=lambda c: (-c.completed, c.key))[:TOP]
        names = self._names["departments"]
        rates = [c.rate or 0.0 for c in busiest]
        self.chart.set_bars(
            [names.get(c.key, c.key) for c in busiest],
            [round(r * 100, 1) for r in rates],
            brushes=[rate_colour(r) for r in rates],
            value_max=100.0,
        )
        if overall.rate is None:
            self.summary.setText(self.tr("No completed cases with a deadline yet"))
        else:
            self.summary.setText(
                self.tr("Overall {rate:.1f}% on time ({on_time} of {completed} completed)").format(
                    rate=overall.rate * 100, on_time=overall.on_time, completed=overall.completed
                )
            )

    def _set_titles(self) -> None:
        titles = {
            "cases_by_hour": self.tr("Cases received per hour"),
            "cases_by_category": self.tr("Top categories, last 24 hours"),
            "cases_by_grid": self.tr("Busiest grids, last 24 hours"),
            "sla_compliance": self.tr("On-time completion by department"),
        }
        self.title.setText(titles[self.kind])
        if self.kind == "sla_compliance":
            self.chart.set_axis_titles(self.tr("On time (%)"))
        elif self.kind == "cases_by_hour":
            self.chart.set_axis_titles(self.tr("Cases"), self.tr("Hour"))
        else:
            self.chart.set_axis_titles(self.tr("Cases"))
