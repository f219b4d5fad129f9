"""The video wall screenshots: the wall designer on a supervisor's seat (docs/wall-designer.png) and the
wall display of the centre monitor (docs/wall-display.png), on the bundled backend's demo wall, after an
alert near the filling station has switched the alarm monitor to its cameras. Run it under Xvfb:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshot_wall.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.alerts_service import AlertsService  # noqa: E402
from app.bundled_backend import BundledBackend  # noqa: E402
from app.i18n import Translations  # noqa: E402
from app.seat_service import SeatService  # noqa: E402
from app.settings import Settings  # noqa: E402
from client_api import alert_messages as am  # noqa: E402
from client_api import messages as m  # noqa: E402
from client_api import wall_messages as wm  # noqa: E402
from client_api.client import SeatClient  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.wall_display import WallDisplay, open_wall_displays  # noqa: E402

CASES = [  # category, address, description: a morning's reports, so the map and lists have something
    ("P0101", "临江街道滨江路88号", "滨江路人行道井盖松动，行人踩踏有响声"),
    ("P0201", "东湖镇荷塘路与东湖大道交叉口", "路口信号灯故障，早高峰车辆拥堵"),
    ("E0403", "临江步行街北口", "店外乱堆放杂物占用消防通道"),
    ("P0104", "青山镇石门路12号", "路灯不亮已三天"),
    ("E0504", "新桥街与临江大道口", "路口积水约20厘米，车辆涉水缓行"),
]


async def until(check: Callable[[], object], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(str(check))


async def take(designer_png: Path, display_png: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        backend = BundledBackend(Path(scratch) / "server")
        url = await backend.start_async()
        staff = SeatClient(url)
        staff.start()
        await staff.wait_connected(10)
        await staff.login("admin", "demo", "ADM")
        for category, address, description in CASES:
            try:
                await staff.request("case.create", m.CreateCase(category, address, description))
            except Exception as exc:  # a category the demo lacks: the picture does without that case
                print(f"case not made ({category}): {exc}")
        seat = SeatService(SeatClient(url))
        seat.start()
        await seat.client.wait_connected(10)
        await seat.login("supervisor1", "demo", "S-01")
        window = MainWindow(seat, alerts=AlertsService(seat, Settings(speech_muted=True)))
        window.resize(1600, 900)
        window.show()
        window.tabs.setCurrentWidget(window.wall_designer)
        designer = window.wall_designer
        await until(lambda: designer.draft.base is not None and designer.wall.cameras)

        wall_seat = SeatService(SeatClient(url))
        wall_seat.start()
        await wall_seat.client.wait_connected(10)
        await wall_seat.login("supervisor1", "demo", "WALL-1")
        display: WallDisplay = open_wall_displays(wall_seat, [2], Settings(speech_muted=True))[0]
        display.showNormal()
        display.setGeometry(0, 0, 1920, 1080)

        # An alert near the filling station: the demo rule switches the right monitor to its cameras.
        await staff.request(
            "alert.raise",
            am.RaiseAlert(
                event="危化品泄漏",
                headline="临江加油站油罐区疑似泄漏",
                severity="Severe",
                categories=["CBRNE"],
                area_desc="临江加油站",
                lat=31.3194,
                lon=120.5471,
            ),
        )
        await until(lambda: designer.banner.isVisible())
        # The supervisor is editing: the centre monitor's last tile gets another camera, not pushed yet.
        designer.on_canvas_tileClicked(2, 5, False)
        designer.editor.put_source(2, 5, wm.TileSource(kind="camera", ref="CAM-026"))
        designer.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        cameras = display.view.frames[3:]  # the 1+5 layout's bottom row
        await until(lambda: [getattr(f.content, "state", "") for f in cameras] == ["live"] * 3)
        await asyncio.sleep(2.0)  # the dashboards and the map settle, the clocks tick
        window.grab().save(str(designer_png))
        print(f"saved {designer_png}")
        display.grab().save(str(display_png))
        print(f"saved {display_png}")
        display.close()
        window.close()
        for service in (wall_seat, seat):
            await service.close()
        await staff.close()
        await asyncio.to_thread(backend.stop)


if __name__ == "__main__":
    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    Translations().install(application, "zh_CN")
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(take(ROOT / "docs" / "wall-designer.png", ROOT / "docs" / "wall-display.png"))
