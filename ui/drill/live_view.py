"""The trainer's live view of the drill running: its title and state, the scenario clock (scenario time /
duration, ticking at the drill's speed), the injects fired so far (a count and a feed, newest first), and
each seat's progress (DrillProgressModel)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.drill_service import DrillService, scenario_time
from client_api.drill_messages import DrillState, InjectFired, TraineeProgress
from widgets.drill_labels import clock, kind_label, speed_label, state_label
from widgets.drill_progress_model import DrillProgressModel

CLOCK_TICK_MS = 250
COLUMN_WIDTHS = (60, 170, 70, 70, 60, 70, 240, 80)


class DrillLiveView(QWidget):
    """Attributes: heading, clock, fired (progress bar), last_inject (label), model (DrillProgressModel),
    table, feed_model (QStringListModel: the injects fired, newest first), feed (its view)."""

    def __init__(self, drill: DrillService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drill = drill
        self._shown_id: int | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("drillHeading")
        self.heading.setStyleSheet("font-size:16px;font-weight:bold;")
        self.clock = QLabel(self)
        self.clock.setObjectName("drillClock")
        self.clock.setStyleSheet("font-size:28px;font-weight:bold;font-family:monospace;")
        self.fired = QProgressBar(self)
        self.fired.setObjectName("drillFired")
        self.last_inject = QLabel(self)
        self.last_inject.setStyleSheet("color:#475467;")
        self.model = DrillProgressModel(drill.person, self)
        self.table = QTableView(self)
        self.table.setObjectName("drillProgress")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.feed_model = QStringListModel(self)
        self.feed = QListView(self)
        self.feed.setObjectName("drillInjectFeed")
        self.feed.setModel(self.feed_model)
        self.feed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.clock)
        top.addSpacing(24)
        counts = QVBoxLayout()
        counts.addWidget(self.fired)
        counts.addWidget(self.last_inject)
        top.addLayout(counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.feed)
        split.setSizes([360, 200])
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(CLOCK_TICK_MS)
        self._timer.timeout.connect(self.update_clock)
        drill.drillChanged.connect(self.on_drill_drillChanged)
        drill.progressChanged.connect(self.on_drill_progressChanged)
        drill.progressReset.connect(self.on_drill_progressReset)
        drill.injected.connect(self.on_drill_injected)
        drill.operatorsChanged.connect(self.model.refresh_names)
        self.on_drill_drillChanged(drill.drill)

    def on_drill_drillChanged(self, state: DrillState | None) -> None:
        if state is None:
            self.heading.setText(self.tr("No drill is running."))
            self.fired.setRange(0, 1)
            self.fired.setValue(0)
            self.fired.setFormat(self.tr("Injects fired: %v / %m"))
            self.model.set_drill((), {})
            self.feed_model.setStringList([])
            self._timer.stop()
            self.update_clock()
            return
        self.heading.setText(
            self.tr("Drill #{id}: {title} — {state} {speed}").format(
                id=state.id, title=state.title, state=state_label(state.state), speed=speed_label(state.speed)
            )
        )
        self.fired.setRange(0, max(state.total, 1))
        self.fired.setValue(min(state.fired, max(state.total, 1)))
        self.fired.setFormat(self.tr("Injects fired: %v / %m"))
        if self.model.record_count() == 0 or self._shown_id != state.id:
            self.model.set_drill(state.assignments, self._drill.progress)
        if self._shown_id != state.id:
            self.feed_model.setStringList([self._feed_line(f) for f in reversed(self._drill.fired)])
        self._shown_id = state.id
        if state.state == "running":
            self._timer.start()
        else:
            self._timer.stop()
        self.update_clock()

    def on_drill_progressChanged(self, progress: TraineeProgress) -> None:
        self.model.update(progress)

    def on_drill_progressReset(self) -> None:
        state = self._drill.drill
        self.model.set_drill(state.assignments if state is not None else (), self._drill.progress)

    def on_drill_injected(self, fired: InjectFired) -> None:
        self.feed_model.insertRows(0, 1)
        self.feed_model.setData(self.feed_model.index(0), self._feed_line(fired))
        self.last_inject.setText(
            self.tr("Last inject: {id} ({kind}) at {t}").format(
                id=fired.inject_id, kind=kind_label(f"inject.{fired.kind}"), t=clock(fired.t)
            )
        )
        state = self._drill.drill
        if state is not None and state.id == fired.drill_id:
            done = max(self.fired.value(), len(self._drill.fired))
            self.fired.setValue(min(done, self.fired.maximum()))

    def _feed_line(self, fired: InjectFired) -> str:
        return f"{clock(fired.t)}  {fired.inject_id}  {kind_label(f'inject.{fired.kind}')}"

    def update_clock(self) -> None:
        state = self._drill.drill
        if state is None:
            self.clock.setText("–:–– / –:––")
            return
        self.clock.setText(f"{clock(scenario_time(state))} / {clock(state.duration_s)}")
