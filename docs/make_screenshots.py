"""Take the screenshots in docs/ from a real console on a real backend (run it under Xvfb).

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/make_screenshots.py

It seeds a few cases, places a simulated call, answers it on the console, fills the form the way
an operator would, waits for the duplicate panel, and saves ``docs/intake-call.png``; then it moves a
set of cases through the lifecycle (some overdue) and saves the workspace, ``docs/workspace.png``
(docs/screenshot_workspace.py). ``--only workspace`` takes that one alone.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bundled_backend import BundledBackend  # noqa: E402
from app.i18n import Translations  # noqa: E402
from app.seat_service import SeatService  # noqa: E402
from client_api import calls_messages as cm  # noqa: E402
from client_api import messages as m  # noqa: E402
from client_api.client import SeatClient  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(ROOT / "docs"))
import screenshot_workspace  # noqa: E402

CALLER = "13900001111"
EARLIER = [
    ("E0502", "滨江路88号", "滨江路88号门口水管爆裂，水漫到马路上", CALLER, (31.33804, 120.550365)),
    ("E0401", "新桥路菜市场东侧", "早市占道经营，堵塞消防通道", "13700002222", None),
    ("A03", "东湖镇荷塘村3组", "夜间施工噪音扰民，持续至凌晨两点", "13600003333", None),
]


async def until(check: object, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(str(check))


async def main(app: QApplication, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        backend = BundledBackend(
            Path(scratch) / "server", extra_args=["--simulate-calls", "--sim-caller-patience", "0"]
        )
        url = await backend.start_async()
        staff = SeatClient(url)
        staff.start()
        await staff.wait_connected(10)
        await staff.login("supervisor1", "demo", "sup")
        for code, address, text, phone, point in EARLIER:
            lat, lon = point or (None, None)
            await staff.request(
                "case.create",
                m.CreateCase(code, address, text, reporter_phone=phone, lat=lat, lon=lon),
            )
        service = SeatService(SeatClient(url))
        service.start()
        await service.client.wait_connected(10)
        await service.login("operator1", "demo", "A-01")
        window = MainWindow(service)
        window.resize(1440, 900)
        window.show()
        await until(lambda: window.calls.my_state is not None)
        await window.calls.set_state("ready")
        await staff.request(
            "sim.place_call", cm.PlaceSimCall(CALLER, "喂，滨江路88号门口水管又爆了，水都漫到马路上了")
        )
        await until(lambda: window.calls.my_call is not None)
        window.intake.call_panel.on_answer()
        await until(lambda: window.intake.caller_card.isVisible())
        form = window.intake.form
        form.reporter_name.setText("王先生")
        form.category.set_code("E0502")
        form.address.setText("滨江路88号")
        form.description.setPlainText("滨江路88号门口水管又爆了，水漫到马路上，车辆绕行")
        await until(lambda: window.intake.duplicates.isVisible())
        await asyncio.sleep(1.5)
        window.grab().save(str(out))
        print(f"saved {out}")
        window.close()
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
        if "--only" not in sys.argv:
            loop.run_until_complete(main(application, ROOT / "docs" / "intake-call.png"))
        loop.run_until_complete(
            screenshot_workspace.take(application, ROOT / "docs" / "workspace.png", until)
        )
