"""Push a video session to the wall: which monitor, which tile (each named with what it shows now)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.wall_service import WallService
from client_api import comms_messages as cm
from widgets.tile_names import source_title


class PushToWallDialog(QDialog):
    """Attributes: monitor (wallMonitor), tile (wallTile), buttons."""

    def __init__(self, wall: WallService, session: cm.VideoSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pushToWallDialog")
        self.setWindowTitle(self.tr("Push the video to the wall"))
        self._wall = wall
        self.monitor = QComboBox(self)
        self.monitor.setObjectName("wallMonitor")
        self.tile = QComboBox(self)
        self.tile.setObjectName("wallTile")
        monitors = wall.state.monitors if wall.state is not None else []
        for monitor in sorted(monitors, key=lambda m: m.index):
            self.monitor.addItem(f"{monitor.index} · {monitor.name}", monitor.index)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Video of {name}").format(name=session.name), self))
        form.addRow(self.tr("Monitor"), self.monitor)
        form.addRow(self.tr("Tile"), self.tile)
        form.addRow(self.buttons)
        self.monitor.currentIndexChanged.connect(lambda _index: self._offer_tiles())
        self._offer_tiles()

    def _offer_tiles(self) -> None:
        self.tile.clear()
        monitor = self._wall.monitor(self.monitor.currentData()) if self.monitor.count() else None
        if monitor is None:
            return
        for index, tile in enumerate(monitor.layout.tiles):
            shows = source_title(tile.source, self._wall.cameras) if tile.source.kind != "empty" else ""
            text = self.tr("Tile {n}").format(n=index + 1)
            if shows:
                text = f"{text} · {shows}"
            if tile.pinned:
                text = self.tr("{tile} (pinned)").format(tile=text)
            self.tile.addItem(text, index)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.tile.count() > 0)

    def choice(self) -> tuple[int, int] | None:
        """(monitor index, tile index), or None when the wall has none."""
        if self.monitor.currentData() is None or self.tile.currentData() is None:
            return None
        return int(self.monitor.currentData()), int(self.tile.currentData())
