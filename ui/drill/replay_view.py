"""The replay of a drill from its log: the timeline chart of what each seat did when, play/pause, the
speed (×1 … ×20), a slider to seek, and the log's entries highlighted as the replay passes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.drill_replay import REPLAY_SPEEDS, DrillReplay
from client_api.drill_messages import LogEntry
from widgets.drill_labels import clock, speed_label
from widgets.drill_log_model import DrillLogModel
from widgets.drill_timeline_chart import DrillTimelineChart

SLIDER_STEPS_PER_S = 10
DEFAULT_REPLAY_SPEED = 5.0


class DrillReplayView(QWidget):
    """Attributes: replay (DrillReplay), chart (DrillTimelineChart), model (DrillLogModel), table, play
    (button), speed (combo), slider, position (label)."""

    def __init__(self, person: Callable[[str], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replay = DrillReplay(self)
        self.chart = DrillTimelineChart(self)
        self.chart.setMinimumHeight(160)
        self.model = DrillLogModel(person, self)
        self.table = QTableView(self)
        self.table.setObjectName("drillLog")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 70, 170, 120)):
            self.table.setColumnWidth(column, width)
        self.play = QPushButton(self.tr("▶ Play"), self)
        self.play.setObjectName("drillReplayPlay")
        self.speed = QComboBox(self)
        for value in REPLAY_SPEEDS:
            self.speed.addItem(speed_label(value), value)
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_REPLAY_SPEED))
        self.replay.set_speed(DEFAULT_REPLAY_SPEED)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("drillReplaySlider")
        self.position = QLabel(self)
        self.position.setStyleSheet("font-family:monospace;")
        bar = QHBoxLayout()
        bar.addWidget(self.play)
        bar.addWidget(QLabel(self.tr("Speed"), self))
        bar.addWidget(self.speed)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.position)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([220, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.play.clicked.connect(self.toggle)
        self.speed.currentIndexChanged.connect(
            lambda _i: self.replay.set_speed(float(self.speed.currentData()))
        )
        self.slider.valueChanged.connect(self.on_slider_valueChanged)
        self.chart.seekRequested.connect(self.replay.seek)
        self.replay.positionChanged.connect(self.on_replay_positionChanged)
        self.replay.reachedChanged.connect(self.on_replay_reachedChanged)
        self.replay.playingChanged.connect(self.on_replay_playingChanged)
        self._show_position(0.0)

    def set_log(self, entries: Sequence[LogEntry], rows: Sequence[tuple[str, str]], end: float) -> None:
        """Replay this log (any order: it is put in replay order) on these chart rows, up to ``end``."""
        self.model.set_entries(list(entries))
        ordered = self.model.entries()
        self.chart.set_log(ordered, rows, end)
        self.replay.load(ordered, end)
        self.slider.setRange(0, round(self.replay.end * SLIDER_STEPS_PER_S))
        self.model.set_reached(0)
        self.chart.set_position(0.0, 0)

    def toggle(self) -> None:
        if self.replay.playing:
            self.replay.pause()
        else:
            self.replay.play()

    def on_slider_valueChanged(self, value: int) -> None:
        # only the trainer moves the slider: the replay's own moves set it with its signals blocked
        self.replay.seek(value / SLIDER_STEPS_PER_S)

    def on_replay_positionChanged(self, position: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(position * SLIDER_STEPS_PER_S))
        self.slider.blockSignals(False)
        self._show_position(position)
        self.chart.set_position(position, self.replay.reached)

    def on_replay_reachedChanged(self, reached: int) -> None:
        self.model.set_reached(reached)
        self.chart.set_position(self.replay.position, reached)
        if reached > 0:
            self.table.scrollTo(self.model.index(reached - 1, 0))

    def on_replay_playingChanged(self, playing: bool) -> None:
        self.play.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))

    def _show_position(self, position: float) -> None:
        self.position.setText(f"{clock(position)} / {clock(self.replay.end)}")
