"""The designer's source browser: cameras by group, the map, dashboards, lists and a text panel, to drag
onto tiles (or to pick and put on the selected tile with Enter)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from client_api import wall_messages as wm
from ui.wall.source_model import SourceModel


class SourceBrowser(QTreeView):
    """Attributes: sources (the SourceModel shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallSources")
        self.sources = SourceModel(self)
        self.setModel(self.sources)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.expandAll()

    def set_cameras(self, cameras: Iterable[wm.Camera]) -> None:
        self.sources.set_cameras(cameras)
        self.expandAll()

    def current_source(self) -> wm.TileSource | None:
        return self.sources.source_at(self.currentIndex())

    def source_index(self, source: wm.TileSource) -> QModelIndex:
        return self.sources.find(source)
