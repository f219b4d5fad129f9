"""The window ``bench.wall`` measures: a 4×4 grid of camera tiles (simulated cameras, 640×360 H.264 at
25 fps) beside two live dashboards, at a wall monitor's size, fed with changing cases once a second."""

from __future__ import annotations

import random

import msgspec
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QWidget

from app import sim_cameras
from bench.workspace import changed, make_cases
from client_api.messages import CaseRecord
from widgets.dashboard_tile import DashboardTile
from widgets.video_tile import VideoTile

COLUMNS = 4
DASHBOARDS = ("cases_by_hour", "cases_by_category")
NAMES = [
    "临江街道办事处门前", "江滨区人民医院急诊入口", "临江步行街北口", "江滨商业广场",
    "新桥菜市场", "东湖镇人民政府", "东湖商贸城", "东湖农贸市场",
    "青山镇人民政府", "青山农贸市场", "石门水库大坝", "桃源镇人民政府",
    "桃源广场", "桃源购物中心", "临江大道公交枢纽", "东湖大道与荷塘路口",
]  # fmt: skip
CASES = 3000


def camera_url(index: int) -> str:
    return f"sim://CAM-{index + 1:03d}"


def camera_name(index: int) -> str:
    return NAMES[index % len(NAMES)]


def make_clips(count: int) -> None:
    """Make the simulated cameras' clips before anything is measured (each is made once, then kept)."""
    for index in range(count):
        sim_cameras.resolve(camera_url(index), camera_name(index))


class WallWindow(QWidget):
    """Attributes: tiles (VideoTile, row by row), dashboards (DashboardTile), feeds (dashboard updates)."""

    def __init__(self, tiles: int, width: int, height: int) -> None:
        super().__init__()
        self.setWindowTitle("bench.wall")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        rows = -(-tiles // COLUMNS)
        self.tiles = [VideoTile(camera_name(i), camera_url(i), self, autostart=False) for i in range(tiles)]
        for index, tile in enumerate(self.tiles):
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        self.dashboards = [DashboardTile(kind, self) for kind in DASHBOARDS]
        span = max(1, rows // len(self.dashboards))
        for index, dashboard in enumerate(self.dashboards):
            grid.addWidget(dashboard, index * span, COLUMNS, span, 1)
        for column in range(COLUMNS + 1):
            grid.setColumnStretch(column, 1)
        self.resize(width, height)
        self._rng = random.Random(12)
        self._cases: list[CaseRecord] = make_cases(CASES)
        self.feeds = 0
        self._feeder = QTimer(self)
        self._feeder.setInterval(1000)
        self._feeder.timeout.connect(self.feed)
        self.feed()
        self._feeder.start()

    def feed(self) -> None:
        """New and changed cases, as a busy hour brings them (the dashboards redraw at most once a
        second)."""
        for _ in range(20):
            index = self._rng.randrange(len(self._cases))
            self._cases[index] = changed(self._rng, self._cases[index])
        newest = self._cases[0]
        self._cases.insert(
            0, msgspec.structs.replace(newest, id=newest.id + 1, created_at=newest.created_at + 60)
        )
        for dashboard in self.dashboards:
            dashboard.update_cases(self._cases)
        self.feeds += 1

    def start_tiles(self) -> None:
        for tile in self.tiles:
            tile.start()

    def stop(self) -> None:
        self._feeder.stop()
        for tile in self.tiles:
            tile.stop()
