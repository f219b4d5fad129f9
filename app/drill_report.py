"""The after-action report of a drill, in Chinese: scenario, date, trainer, the timeline chart, each
trainee's score per area with the deductions and their reasons, and the drill's event timeline.

``report_html`` builds the HTML (Qt's rich-text subset, so the same markup prints to PDF); ``write_html``
writes one self-contained file (the chart inlined), ``write_pdf`` prints it through QTextDocument to
QPdfWriter. ``export`` writes both on a thread of Qt's pool: text layout off the GUI thread wants a thread
with a Qt event dispatcher (a plain Python thread makes Qt's font caches warn).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QThreadPool, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.drill_report_words import word
from client_api import drill_messages as dm

CHART_NAME = "drill-timeline.png"
GOOD, FAIR, POOR, EMPTY = "#12b76a", "#f79009", "#f04438", "#eaecf0"
BAR_WIDTH = 240
A4_PX = (794.0, 1123.0)  # A4 at 96 pixels an inch
MARGIN_PX = 57.0  # 15 mm
CHART_PX = 660  # the chart's width on the page


@dataclass(frozen=True)
class ReportData:
    """What goes into a report. ``person`` names a username ("王芳 (operator1)"); ``chart_png`` is the
    timeline chart (empty: no chart)."""

    drill: dm.DrillState
    entries: list[dm.LogEntry]
    trainees: list[dm.TraineeScore]
    scenario: dm.ScenarioInfo | None = None
    chart_png: bytes = b""
    person: Callable[[str], str] = field(default=str)
    generated_at: float = 0.0


def _e(text: object) -> str:
    return html.escape(str(text))


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _points(value: float) -> str:
    return f"{round(value, 1):g}"


def _date(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def _bar(score: float, out_of: float) -> str:
    """A bar of the share kept, as a two-cell table of fixed pixel widths (the rich-text subset knows no
    CSS widths on divs and squeezes percentage cells)."""
    share = 0.0 if out_of <= 0 else max(0.0, min(1.0, score / out_of))
    colour = GOOD if share >= 0.8 else FAIR if share >= 0.5 else POOR
    kept = round(share * BAR_WIDTH)
    cells = ""
    if kept > 0:
        cells += f'<td width="{kept}" bgcolor="{colour}">&nbsp;</td>'
    if kept < BAR_WIDTH:
        cells += f'<td width="{BAR_WIDTH - kept}" bgcolor="{EMPTY}">&nbsp;</td>'
    return f'<table cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def _facts(data: ReportData) -> str:
    drill, scenario = data.drill, data.scenario
    played = drill.elapsed_s if drill.state == "ended" else drill.duration_s
    rows = [
        (word("scenario"), drill.title),
        (word("drill"), f"#{drill.id} ({drill.scenario_id})"),
        (word("date"), _date(drill.started_at)),
        (word("trainer"), data.person(drill.trainer)),
        (word("duration"), f"{_clock(drill.duration_s)} / {_clock(played)}"),
        (word("speed"), f"×{drill.speed:g}"),
        (word("injects"), f"{drill.fired} / {drill.total}"),
        (word("state"), word(drill.state)),
    ]
    if scenario is not None:
        rows[1:1] = [(word("level"), word(scenario.level)), (word("theme"), word(scenario.theme))]
    cells = "".join(f"<tr><th align='left'>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    description = (
        f"<p>{_e(scenario.description)}</p>" if scenario is not None and scenario.description else ""
    )
    return f'<table cellspacing="0" cellpadding="3">{cells}</table>{description}'


def _trainee(score: dm.TraineeScore, person: Callable[[str], str]) -> str:
    head = (
        f"<h3>{_e(person(score.username))} · {_e(word('seat'))} {_e(score.slot_id)} · "
        f"{_e(word('total'))} {_points(score.total)} / {_points(score.max)}</h3>"
    )
    areas = "".join(
        f"<tr><td>{_e(word(a.area))}</td><td align='right'>{_points(a.score)} / {_points(a.max)}</td>"
        f"<td>{_bar(a.score, a.max)}</td></tr>"
        for a in score.areas
    )
    area_table = (
        f'<table cellspacing="0" cellpadding="3"><tr><th align="left">{_e(word("area"))}</th>'
        f'<th align="right">{_e(word("points"))}</th><th></th></tr>{areas}</table>'
    )
    if score.deductions:
        rows = "".join(
            f"<tr><td>{_e(word(d.area))}</td><td align='right'>−{_points(d.points)}</td>"
            f"<td>{_e(d.reason)}</td></tr>"
            for d in score.deductions
        )
        deductions = (
            f'<p><b>{_e(word("deductions"))}</b></p><table border="1" cellspacing="0" cellpadding="3" '
            f'width="100%"><tr><th width="16%">{_e(word("area"))}</th><th width="8%">{_e(word("lost"))}</th>'
            f"<th>{_e(word('reason'))}</th></tr>{rows}</table>"
        )
    else:
        deductions = f"<p>{_e(word('no_deductions'))}</p>"
    return head + area_table + deductions


def _events(entries: list[dm.LogEntry], person: Callable[[str], str]) -> str:
    rows = "".join(
        f"<tr><td>{_clock(e.t)}</td><td>{_e(e.slot_id or '')}</td>"
        f"<td>{_e(word('engine') if e.actor == 'engine' else person(e.actor))}</td>"
        f"<td>{_e(word(e.kind))}</td><td>{_e(e.summary)}</td></tr>"
        for e in entries
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f'<tr><th width="7%">{_e(word("time"))}</th>'
        f"<th width='8%'>{_e(word('seat'))}</th><th width='20%'>{_e(word('who'))}</th>"
        f"<th width='12%'>{_e(word('what'))}</th>"
        f"<th>{_e(word('details'))}</th></tr>{rows}</table>"
    )


def report_html(data: ReportData, chart_src: str) -> str:
    """The report as HTML; ``chart_src`` is where the chart image is found (a data: URL or a resource)."""
    entries = sorted(data.entries, key=lambda e: (e.t, e.seq))
    chart = f'<p><img src="{_e(chart_src)}" width="{CHART_PX}"></p>' if data.chart_png else ""
    trainees = "".join(_trainee(s, data.person) for s in data.trainees) or f"<p>{_e(word('no_scores'))}</p>"
    generated = word("generated").format(at=_date(data.generated_at or dt.datetime.now().timestamp()))
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_e(word('title'))} · {_e(data.drill.title)}</title></head><body>"
        f"<h1>{_e(word('title'))}：{_e(data.drill.title)}</h1>"
        f"{_facts(data)}"
        f"<h2>{_e(word('timeline_chart'))}</h2>{chart}"
        f"<h2>{_e(word('scores'))}</h2>{trainees}"
        f"<h2>{_e(word('events'))}</h2>{_events(entries, data.person)}"
        f"<p><small>{_e(generated)}</small></p></body></html>"
    )


def write_html(path: Path, data: ReportData) -> None:
    """One self-contained HTML file: the chart is inlined as a data: URL."""
    src = "data:image/png;base64," + base64.b64encode(data.chart_png).decode("ascii")
    path.write_text(report_html(data, src), encoding="utf-8")


def write_pdf(path: Path, data: ReportData) -> None:
    """Print the report to an A4 PDF."""
    document = QTextDocument()
    if data.chart_png:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(CHART_NAME), QImage.fromData(data.chart_png)
        )
    document.setHtml(report_html(data, CHART_NAME))
    # Laid out on an A4 page of fixed pixels (not the screen's DPI, which offscreen and Xvfb get wrong),
    # then scaled onto the PDF's page: the chart fits the same on every seat.
    document.setPageSize(QSizeF(*A4_PX))
    document.setDocumentMargin(MARGIN_PX)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{word('title')} · {data.drill.title}")
    writer.setCreator("command-seat")
    document.print_(writer)


async def export(data: ReportData, html_path: Path | None, pdf_path: Path | None) -> None:
    """Write the HTML and/or the PDF off the GUI thread; raises OSError when a file cannot be written."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        if done.done():
            return
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)

    def job() -> None:
        try:
            if html_path is not None:
                write_html(html_path, data)
            if pdf_path is not None:
                write_pdf(pdf_path, data)
                if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
                    raise OSError(f"the PDF could not be written to {pdf_path}")
        except BaseException as exc:
            loop.call_soon_threadsafe(settle, exc)
        else:
            loop.call_soon_threadsafe(settle, None)

    QThreadPool.globalInstance().start(job)
    await done
