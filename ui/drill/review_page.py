"""The after-action review of a drill: pick a drill, see each trainee's scores and deductions, replay the
whole drill from its log, and export the report as HTML and PDF."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.drill_service import DrillService
from app.qt_async import run_dialog
from client_api import drill_messages as dm
from ui.drill.replay_view import DrillReplayView
from ui.drill.report_export import chart_rows, export_report, replay_end
from ui.drill.score_view import DrillScoreView
from widgets.drill_labels import state_label


class DrillReviewPage(QWidget):
    """Attributes: drill (DrillService), drills (combo of the drills on record), refresh, export (buttons),
    scores (DrillScoreView), replay (DrillReplayView), log and result (the DrillLog and Scores shown,
    None until loaded), loading (the load under way, for tests to await)."""

    def __init__(self, drill: DrillService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drill = drill
        self.log: dm.DrillLog | None = None
        self.result: dm.Scores | None = None
        self.loading: asyncio.Future[None] | None = None
        self.drills = QComboBox(self)
        self.drills.setObjectName("drillRecords")
        self.drills.setMinimumWidth(420)
        self.refresh = QPushButton(self.tr("&Refresh"), self)
        self.export = QPushButton(self.tr("E&xport report…"), self)
        self.export.setToolTip(self.tr("Save the after-action report as HTML and PDF"))
        self.scores = DrillScoreView(drill.person, self)
        self.replay = DrillReplayView(drill.person, self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Drill"), self))
        bar.addWidget(self.drills)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        bar.addWidget(self.export)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.scores)
        splitter.addWidget(self.replay)
        splitter.setSizes([320, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.export.setEnabled(False)
        self.refresh.clicked.connect(lambda: self.reload())
        self.drills.activated.connect(lambda _i: self.show_chosen())
        self.export.clicked.connect(self.on_export_clicked)
        drill.drillChanged.connect(self.on_drill_drillChanged)

    def on_drill_drillChanged(self, state: dm.DrillState | None) -> None:
        if state is not None and state.state == "ended" and self.drill.is_trainer:
            self.reload(select=state.id)  # a drill just ended: its review is what the trainer wants next

    def reload(self, select: int | None = None) -> asyncio.Future[None]:
        """List the drills on record again, and show ``select`` (or the one shown, or the newest)."""
        self.loading = asyncio.ensure_future(self._reload(select))
        return self.loading

    async def _reload(self, select: int | None) -> None:
        drills = await self.drill.list_drills()
        if drills is None:
            return
        keep = select if select is not None else self.drills.currentData()
        self.drills.clear()
        for record in drills:
            started = dt.datetime.fromtimestamp(record.started_at).strftime("%Y-%m-%d %H:%M")
            text = f"#{record.id} {record.title} · {started} · {state_label(record.state)}"
            self.drills.addItem(text, record.id)
        index = self.drills.findData(keep) if keep is not None else -1
        self.drills.setCurrentIndex(index if index >= 0 else 0)
        if self.drills.count():
            await self.load(int(self.drills.currentData()))

    def show_chosen(self) -> None:
        if self.drills.currentData() is not None:
            self.loading = asyncio.ensure_future(self.load(int(self.drills.currentData())))

    async def load(self, drill_id: int) -> None:
        """Load a drill's log and scores and show them (the replay at its start)."""
        log, scores = await asyncio.gather(self.drill.drill_log(drill_id), self.drill.scores(drill_id))
        if log is None:
            return
        self.log, self.result = log, scores
        self.scores.set_scores(list(scores.trainees) if scores is not None else [])
        rows = chart_rows(log.drill, self.drill.person, self.tr("Injects"))
        self.replay.set_log(log.entries, rows, replay_end(log.drill))
        self.export.setEnabled(True)

    @asyncSlot()
    async def on_export_clicked(self) -> None:
        if self.log is None:
            return
        dialog = QFileDialog(self, self.tr("Export the after-action report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("HTML report (*.html)"))
        dialog.setDefaultSuffix("html")
        dialog.selectFile(f"drill-{self.log.drill.id}-report.html")
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        html_path = Path(dialog.selectedFiles()[0])
        await self.export_to(html_path, html_path.with_suffix(".pdf"))

    async def export_to(self, html_path: Path, pdf_path: Path) -> bool:
        """Write the report of the drill shown; the outcome goes to the message bridge."""
        if self.log is None:
            message.error(self.tr("Load a drill before exporting its report."))
            return False
        scenario = self.drill.scenarios.get(self.log.drill.scenario_id)
        try:
            await export_report(self.log, self.result, scenario, self.drill.person, html_path, pdf_path)
        except OSError as exc:
            message.error(self.tr("The report was not saved: {reason}").format(reason=exc))
            return False
        message.info(self.tr("Report saved: {html} and {pdf}").format(html=html_path, pdf=pdf_path))
        return True
