"""The comms panel screenshot (docs/comms-panel.png): an operator's Comms place on the bundled backend's
demo data during a three-party conference tied to a case, a field unit talking on the radio, an
emergency alarm waiting, and a town broadcast with its receipts. Run it under Xvfb:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshot_comms.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.alerts_service import AlertsService  # noqa: E402
from app.bundled_backend import BundledBackend  # noqa: E402
from app.i18n import Translations  # noqa: E402
from app.seat_service import SeatService  # noqa: E402
from app.settings import Settings  # noqa: E402
from client_api import comms_messages as cm  # noqa: E402
from client_api.client import SeatClient  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SIM = [
    "--simulate-radio",
    "--sim-radio-interval",
    "0",
    "--sim-answer-delay",
    "0.5",
    "--sim-receipt-delay",
    "1",
]


async def until(check: Callable[[], object], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(str(check))


async def take(png: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        backend = BundledBackend(Path(scratch) / "server", extra_args=SIM)
        url = await backend.start_async()
        trainer = SeatClient(url)
        trainer.start()
        await trainer.wait_connected(10)
        await trainer.login("trainer1", "demo", "TRN")
        seat = SeatService(SeatClient(url))
        seat.start()
        await seat.client.wait_connected(10)
        await seat.login("operator1", "demo", "S-01")
        window = MainWindow(seat, alerts=AlertsService(seat, Settings(speech_muted=True)))
        window.resize(1680, 1000)
        window.show()
        case = await seat.create_case("P0101", "临江街道滨江路88号", "滨江路人行道井盖松动，行人踩踏有响声")
        screen = window.comms_screen
        window.tabs.setCurrentWidget(screen)
        screen.set_case(case.id)
        comms = screen.comms
        await until(lambda: comms.telephony is not None and bool(comms.directory.entries))
        screen.directory.search.setText("zw")
        call = await comms.dial(cm.Target(entry_id="gm-32099900100102-1"), case.id)
        assert call is not None
        await until(lambda: comms.calls.get(call.id) is not None and comms.calls[call.id].state == "active")
        for entry in ("dept-D-CG", "dept-D-SW"):
            await comms.add_party(call.id, cm.Target(entry_id=entry))
        await until(lambda: sum(p.state == "connected" for p in comms.calls[call.id].parties) == 3)
        await comms.messaging.send(
            cm.SendMessage(
                medium="sms",
                body="滨江路井盖松动，请各网格员到场核实并设置警示。",
                town="320999001",
                case_id=case.id,
            )
        )
        await trainer.request(
            "sim.radio",
            cm.SimRadio(
                unit_id="unit-01",
                group_id="tg-city",
                text="城管执法01报告：已到滨江路，正在设置警示。",
                seconds=30,
            ),
        )
        await trainer.request(
            "sim.radio", cm.SimRadio(unit_id="unit-06", group_id="tg-emergency", emergency=True)
        )
        await until(lambda: window.radio.book.talking.get("tg-city") is not None)
        await asyncio.sleep(3.0)  # receipts come in, the call timers tick
        window.grab().save(str(png))
        print(f"saved {png}")
        window.close()
        await seat.close()
        await trainer.close()
        await asyncio.to_thread(backend.stop)


if __name__ == "__main__":
    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    Translations().install(application, "zh_CN")
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(take(ROOT / "docs" / "comms-panel.png"))
