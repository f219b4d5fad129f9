"""The after-action report of a drill, exported: the timeline chart drawn for the report (Chinese legend,
rendered to PNG by pyqtgraph's exporter on the GUI thread), then the HTML and PDF written off it
(app.drill_report)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app import drill_report
from app.drill_report_words import CHART_CATEGORIES, word
from client_api import drill_messages as dm
from widgets.drill_log_model import replay_order
from widgets.drill_timeline_chart import ENGINE_ROW, DrillTimelineChart

# Drawn at this size and exported at twice its width: text and marks come out large enough on A4.
CHART_WIDTH_PX = 760
CHART_ROW_PX = 46
EXPORT_WIDTH_PX = 1520


def chart_rows(drill: dm.DrillState, person: Callable[[str], str], engine: str) -> list[tuple[str, str]]:
    """The chart's rows: the injects first, then each assigned seat with its trainee."""
    return [(ENGINE_ROW, engine)] + [
        (a.slot_id, f"{a.slot_id} {person(a.username)}") for a in drill.assignments
    ]


def replay_end(drill: dm.DrillState) -> float:
    """Where a replay of the drill ends: where it was stopped, or the scenario's end while it runs."""
    return drill.elapsed_s if drill.state == "ended" else drill.duration_s


def report_chart_png(
    drill: dm.DrillState, entries: Sequence[dm.LogEntry], person: Callable[[str], str]
) -> bytes:
    rows = chart_rows(drill, person, word("chart.engine"))
    chart = DrillTimelineChart(category_names=[word(key) for key in CHART_CATEGORIES])
    try:
        chart.resize(CHART_WIDTH_PX, 90 + CHART_ROW_PX * len(rows))
        chart.set_log(replay_order(list(entries)), rows, replay_end(drill))
        return chart.export_png(EXPORT_WIDTH_PX)
    finally:
        chart.deleteLater()


async def export_report(
    log: dm.DrillLog,
    scores: dm.Scores | None,
    scenario: dm.ScenarioInfo | None,
    person: Callable[[str], str],
    html_path: Path | None,
    pdf_path: Path | None,
) -> drill_report.ReportData:
    """Write the report's HTML and/or PDF; returns what went into it. OSError when a file cannot be
    written."""
    data = drill_report.ReportData(
        drill=scores.drill if scores is not None else log.drill,
        entries=list(log.entries),
        trainees=list(scores.trainees) if scores is not None else [],
        scenario=scenario,
        chart_png=report_chart_png(log.drill, log.entries, person),
        person=person,
        generated_at=time.time(),
    )
    await drill_report.export(data, html_path, pdf_path)
    return data
