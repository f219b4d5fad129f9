"""Pick a case's location on the grid map: click (or arrow keys and Enter), then OK."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.qt_async import run_dialog
from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from widgets.grid_map import GridMap, Marker


class MapPickDialog(QDialog):
    """The district's grids; OK is enabled once a point is picked and ``picked_point`` holds it.

    ``await dialog.pick()`` opens it, loads the grids and returns the point (None when cancelled).
    Or: ``await dialog.load()``, then run it yourself and read ``picked_point`` when accepted.
    """

    def __init__(
        self,
        service: SeatService,
        lat: float | None = None,
        lon: float | None = None,
        markers: Sequence[Marker] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.picked_point: tuple[float, float] | None = None
        self._loaded = False
        self.setWindowTitle(self.tr("Pick the location on the map"))
        self.resize(760, 560)
        self.map = GridMap(self)
        self.map.set_markers(markers)
        if lat is not None and lon is not None:
            self.picked_point = (lat, lon)
            self.map.set_pick(lat, lon)
        self.help_label = QLabel(
            self.tr(
                "Click the place, or move the crosshair with the arrow keys (Shift: farther) and press "
                "Enter. Wheel or +/− zooms, drag pans, 0 shows the whole district."
            ),
            self,
        )
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color:#555;")
        self.place_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color:#b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_label)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.place_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.map.picked.connect(self.on_map_picked)
        self._update_place()
        self.map.setFocus()

    async def load(self) -> bool:
        """Fetch the grid polygons and draw them; on failure say why and return False."""
        try:
            answer: im.Grids = await self._service.client.request("geo.grids", im.GetGrids())
        except ProtocolError as exc:
            self._show_error(self.tr("The backend refused the map: {message}").format(message=exc.message))
            return False
        except (NotConnected, RequestTimeout):
            self._show_error(self.tr("The backend cannot be reached, so the map cannot be shown."))
            return False
        self.error_label.hide()
        self._loaded = True
        self.map.set_grids(answer.grids)
        reference = getattr(self._service, "reference", None)
        if reference is not None:  # village and town names on the map
            self.map.set_names(
                {c.code: c.name for c in reference.categories}, {a.code: a.name for a in reference.areas}
            )
        self._update_place()
        return True

    async def pick(self) -> tuple[float, float] | None:
        """Open (window-modal, no nested event loop), load, and wait: the point, or None if cancelled."""
        shown = asyncio.ensure_future(run_dialog(self))
        await self.load()
        result = await shown
        return self.picked_point if result == QDialog.DialogCode.Accepted else None

    def on_map_picked(self, lat: float, lon: float) -> None:
        self.picked_point = (lat, lon)
        self._update_place()

    def _update_place(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.picked_point is not None)
        if self.picked_point is None:
            self.place_label.setText(self.tr("No point picked yet."))
            return
        lat, lon = self.picked_point
        grid = self.map.grid_at(lat, lon)
        if not self._loaded:
            where = self.tr("loading the map…")
        elif grid is not None:
            names = [self._service.area_name(c) for c in (grid.town_code, grid.village_code)] + [grid.name]
            where = " / ".join(n for n in names if n)
        else:
            where = self.tr("outside the district's grids")
        self.place_label.setText(
            self.tr("{lat:.6f}, {lon:.6f}: {where}").format(lat=lat, lon=lon, where=where)
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
