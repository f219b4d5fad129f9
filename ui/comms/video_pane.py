"""Video sessions with field units: start one with the unit selected in the directory, end it, and
(for roles that may change the wall) push its camera onto a wall tile the supervisor chooses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.comms_service import CommsService
from app.qt_async import run_dialog
from app.wall_service import WallService
from client_api import comms_messages as cm
from client_api import wall_messages as wm
from ui.comms.push_dialog import PushToWallDialog
from widgets.comms_video_model import VideoSessionModel

COLUMN_WIDTHS = (110, 100, 80, 110, 110)


class VideoPane(QWidget):
    """Attributes: model (VideoSessionModel), table (videoTable), start_button (startVideoButton),
    end_button (endVideoButton), push_button (pushToWallButton: shown to wall roles only), wall,
    push_dialog (while open). ``picked`` gives the directory entry selected."""

    def __init__(
        self,
        comms: CommsService,
        wall: WallService | None,
        picked: Callable[[], cm.DirectoryEntry | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._comms = comms
        self.wall = wall
        self._picked = picked
        self.push_dialog: PushToWallDialog | None = None
        self.model = VideoSessionModel(comms.case.text_of, self)
        self.table = QTableView(self)
        self.table.setObjectName("videoTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.start_button = QPushButton(self.tr("Start video"), self)
        self.start_button.setObjectName("startVideoButton")
        self.start_button.setToolTip(self.tr("A video call with the field unit selected in the directory"))
        self.end_button = QPushButton(self.tr("End"), self)
        self.end_button.setObjectName("endVideoButton")
        self.push_button = QPushButton(self.tr("Push to wall…"), self)
        self.push_button.setObjectName("pushToWallButton")
        buttons = QHBoxLayout()
        for button in (self.start_button, self.end_button, self.push_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.start_button.clicked.connect(lambda _checked=False: self.start_selected())
        self.end_button.clicked.connect(lambda _checked=False: self.end_selected())
        self.push_button.clicked.connect(lambda _checked=False: self.push_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())
        comms.video.sessionsReset.connect(self.on_video_sessionsReset)
        comms.video.sessionChanged.connect(self.on_video_sessionChanged)
        comms.seat.loggedIn.connect(lambda _operator: self._update_buttons())
        self.on_video_sessionsReset()

    def selected(self) -> cm.VideoSession | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def on_video_sessionsReset(self) -> None:
        self.model.set_records(self._comms.video.sessions.values())
        self._update_buttons()

    def on_video_sessionChanged(self, session: cm.VideoSession) -> None:
        new = self.model.row_of(session.id) is None
        self.model.upsert(session)
        if new:
            self.table.selectRow(self.model.row_of(session.id) or 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        session = self.selected()
        live = session is not None and session.ended_at is None
        self.end_button.setEnabled(live)
        self.push_button.setVisible(self.wall is not None and self.wall.can_edit)
        self.push_button.setEnabled(live)

    @asyncSlot()
    async def start_selected(self) -> None:
        entry = self._picked()
        if entry is None or not (entry.kind == "field_unit" or entry.video_url):
            message.warning(self.tr("Select a field unit with video in the directory first."))
            return
        await self._comms.video.start(entry.id, self._comms.case.case_id)

    @asyncSlot()
    async def end_selected(self) -> None:
        session = self.selected()
        if session is not None and session.ended_at is None:
            await self._comms.video.end(session.id)

    @asyncSlot()
    async def push_selected(self) -> None:
        session, wall = self.selected(), self.wall
        if session is None or wall is None or session.ended_at is not None:
            return
        if wall.state is None:
            message.warning(self.tr("The wall is not loaded yet; try again in a moment."))
            return
        dialog = PushToWallDialog(wall, session, self)
        self.push_dialog = dialog
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        finally:
            self.push_dialog = None
            dialog.deleteLater()
        if choice is None:
            return
        source = wm.TileSource(kind="camera", ref=session.camera_id)
        if await wall.set_tile(choice[0], choice[1], source) is not None:
            message.info(
                self.tr("{name}'s video is on monitor {monitor}, tile {tile}.").format(
                    name=session.name, monitor=choice[0], tile=choice[1] + 1
                )
            )
