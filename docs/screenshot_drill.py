"""The drill screenshots: the trainer console in the middle of a drill (docs/trainer-console.png) and the
first page of the after-action report's PDF (docs/drill-report-page.png), on a bundled exercise backend.
Two scripted trainees (client_api clients) answer the epidemic-control day's calls and file their cases;
the second files everything as a complaint, so its scores show a wrong classification. Run it under Xvfb:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshot_drill.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.alerts_service import AlertsService  # noqa: E402
from app.bundled_backend import BundledBackend  # noqa: E402
from app.i18n import Translations  # noqa: E402
from app.seat_service import SeatService  # noqa: E402
from app.settings import Settings  # noqa: E402
from client_api import calls_messages as cm  # noqa: E402
from client_api import messages as m  # noqa: E402
from client_api.calls_api import CallsApi  # noqa: E402
from client_api.client import Event, SeatClient  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SCENARIO = "epidemic-control-day"
# What the scripted trainees file for each caller: category, address, description.
FILED = {
    "13962285517": ("A03", "桃源广场", "核酸点排队两小时，只开两个窗口，请求增开"),
    "15251867302": ("A02", "桃源居3幢2单元602", "居家隔离第五天，米菜奶粉将尽，社区未送达"),
    "18795512046": ("A03", "桃源广场", "核酸点人多拥挤，来电称有人晕倒"),
    "13584436029": ("A01", "桃源广场", "咨询核酸检测结束时间及是否需预约"),
    "15306218874": ("A02", "梨花苑", "居家隔离老人胰岛素仅剩一针"),
}
WRONG_CATEGORY = "A03"  # the second trainee's habit


async def until(check: Callable[[], object], timeout: float = 60.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(str(check))


class ScriptedTrainee:
    """A trainee at a seat: ready, answers every call offered to it, files a case on it, hangs up."""

    def __init__(self, url: str, username: str, seat_id: str, always: str | None = None) -> None:
        self.client = SeatClient(url)
        self.calls = CallsApi(self.client)
        self.username, self.seat_id, self.always = username, seat_id, always
        self._tasks: set[asyncio.Task[None]] = set()
        self._taken: set[int] = set()

    async def start(self) -> None:
        self.client.start()
        await self.client.wait_connected(10)
        await self.client.login(self.username, "demo", self.seat_id)
        self.client.add_event_listener(self._on_event)
        await self.calls.set_state("ready")

    def _on_event(self, event: Event) -> None:
        call = getattr(event.payload, "call", None)
        if not isinstance(call, cm.Call):
            return
        if call.state == "ringing" and call.offered_to == self.seat_id and call.id not in self._taken:
            self._taken.add(call.id)
            task = asyncio.ensure_future(self._take(call))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _take(self, call: cm.Call) -> None:
        await asyncio.sleep(1.0)  # a ring or two
        await self.calls.answer(call.id)
        category, address, description = FILED.get(call.caller_number, ("A01", "桃源广场", "来电咨询"))
        await asyncio.sleep(2.0)  # listening, typing
        request = m.CreateCase(
            category_code=self.always or category,
            address=address,
            description=description,
            reporter_phone=call.caller_number,
            call_id=call.id,
        )
        with contextlib.suppress(Exception):  # the picture does without a case the backend refuses
            await self.client.request("case.create", request)
        await self.calls.hangup(call.id)
        with contextlib.suppress(Exception):
            await self.calls.set_state("ready")

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await self.client.close()


def report_page(pdf: Path, png: Path) -> None:
    """The PDF's first page at 1240 px wide, on white."""
    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0)
    width = 1240
    rendered = document.render(0, QSize(width, round(width * size.height() / size.width())))
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    page.save(str(png))
    document.close()


async def take(console_png: Path, report_png: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.update(
            {f"COMMAND_SEAT_{k}_DIR": str(Path(scratch) / k.lower()) for k in ("DATA", "CONFIG", "LOG")}
        )
        backend = BundledBackend(Path(scratch) / "server", exercise=True)
        url = await backend.start_async()
        trainees = [
            ScriptedTrainee(url, "operator1", "S-01"),
            ScriptedTrainee(url, "operator2", "S-02", WRONG_CATEGORY),
        ]
        for trainee in trainees:
            await trainee.start()
        seat = SeatService(SeatClient(url))
        seat.start()
        await seat.client.wait_connected(10)
        await seat.login("trainer1", "demo", "T-01")
        window = MainWindow(seat, alerts=AlertsService(seat, Settings(speech_muted=True)))
        window.resize(1600, 900)
        window.show()
        screen = window.drill_seat.screen
        assert screen is not None
        window.tabs.setCurrentWidget(screen)
        run = screen.run
        await until(lambda: run.scenarios.model.row_of(SCENARIO) is not None)
        run.scenarios.choose(SCENARIO)
        for slot, username in (("seat-1", "operator1"), ("seat-2", "operator2")):
            run.seats.set_username(slot, username)
        run.controls.speed.setCurrentIndex(run.controls.speed.findData(10.0))
        run.controls.start.click()
        drill = window.drill
        await until(lambda: drill.active is not None)
        # Mid-drill: the first calls answered and filed, the complaint queue (c3) just in.
        await until(lambda: sum(p.cases_created for p in drill.progress.values()) >= 3)
        await asyncio.sleep(1.0)
        run.live.table.selectRow(1)
        window.grab().save(str(console_png))
        print(f"saved {console_png}")

        run.controls.stop.click()
        review = screen.review
        await until(lambda: drill.drill is not None and drill.drill.state == "ended")
        await until(lambda: review.result is not None)
        screen.show_review()
        html, pdf = Path(scratch) / "report.html", Path(scratch) / "report.pdf"
        assert await review.export_to(html, pdf)
        report_page(pdf, report_png)
        print(f"saved {report_png}")
        window.close()
        for trainee in trainees:
            await trainee.close()
        await seat.close()
        await asyncio.to_thread(backend.stop)


def main() -> None:
    application = QApplication(sys.argv[:1])
    application.setQuitOnLastWindowClosed(False)
    Translations().install(application, "zh_CN")
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(
            take(ROOT / "docs" / "trainer-console.png", ROOT / "docs" / "drill-report-page.png")
        )


if __name__ == "__main__":
    main()
