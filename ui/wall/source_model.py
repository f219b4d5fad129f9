"""The source browser's model: cameras by group, the map, the dashboards, the lists, a text panel.

Each leaf carries a TileSource; dragging one gives mime data of type ``SOURCE_MIME`` (the source as
JSON) that a monitor's tile accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec
from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from client_api import wall_messages as wm
from widgets.tile_names import dashboard_name, kind_name

SOURCE_MIME = "application/x-command-seat-tile-source"
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


def source_to_mime(source: wm.TileSource) -> QMimeData:
    data = QMimeData()
    data.setData(SOURCE_MIME, msgspec.json.encode(source))
    data.setText(source.ref or source.kind)
    return data


def source_from_mime(data: QMimeData) -> wm.TileSource | None:
    """The source a drag carries (None: not ours, or malformed)."""
    if not data.hasFormat(SOURCE_MIME):
        return None
    try:
        source = msgspec.json.decode(bytes(data.data(SOURCE_MIME).data()), type=wm.TileSource)
    except msgspec.DecodeError:
        return None
    return source if source.kind in wm.SOURCE_KINDS else None


class SourceModel(QStandardItemModel):
    """Attributes: cameras_item (the group of camera groups)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Sources")])
        root = self.invisibleRootItem()
        self.cameras_item = self._group(self.tr("Cameras"))
        root.appendRow(self.cameras_item)
        root.appendRow(self._leaf(kind_name("map"), wm.TileSource(kind="map")))
        dashboards = self._group(self.tr("Dashboards"))
        for kind in wm.DASHBOARDS:
            dashboards.appendRow(self._leaf(dashboard_name(kind), wm.TileSource(kind="dashboard", ref=kind)))
        root.appendRow(dashboards)
        lists = self._group(self.tr("Lists"))
        lists.appendRow(self._leaf(kind_name("cases"), wm.TileSource(kind="cases")))
        lists.appendRow(self._leaf(kind_name("alerts"), wm.TileSource(kind="alerts")))
        root.appendRow(lists)
        text = wm.TileSource(kind="text", text=self.tr("Duty notice"))
        root.appendRow(self._leaf(kind_name("text"), text))

    def set_cameras(self, cameras: Iterable[wm.Camera]) -> None:
        """Group the cameras by their group, names sorted (only this branch changes)."""
        groups: dict[str, list[wm.Camera]] = {}
        for camera in cameras:
            groups.setdefault(camera.group, []).append(camera)
        if self.cameras_item.rowCount():
            self.cameras_item.removeRows(0, self.cameras_item.rowCount())
        for name in sorted(groups):
            group = self._group(name)
            for camera in sorted(groups[name], key=lambda c: (c.name, c.id)):
                leaf = self._leaf(camera.name, wm.TileSource(kind="camera", ref=camera.id))
                leaf.setToolTip(f"{camera.id} · {camera.url}")
                group.appendRow(leaf)
            self.cameras_item.appendRow(group)

    def source_at(self, index: ModelIndex) -> wm.TileSource | None:
        value = index.data(SOURCE_ROLE) if index.isValid() else None
        return value if isinstance(value, wm.TileSource) else None

    def find(self, source: wm.TileSource) -> QModelIndex:
        """The leaf holding an equal source (an invalid index if none)."""
        for index in self._leaves(QModelIndex()):
            if self.source_at(index) == source:
                return index
        return QModelIndex()

    def _leaves(self, parent: QModelIndex) -> Iterable[QModelIndex]:
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            yield index
            yield from self._leaves(index)

    def mimeTypes(self) -> list[str]:
        return [SOURCE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        source = next((s for s in (self.source_at(i) for i in indexes) if s is not None), None)
        return super().mimeData(indexes) if source is None else source_to_mime(source)

    def _group(self, text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _leaf(self, text: str, source: wm.TileSource) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(source, SOURCE_ROLE)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        return item
