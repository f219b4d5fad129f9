"""Seats for ``bench.alerts``: one process holding several real consoles, reporting each alert popup.

``python -m bench.alert_seats --url WS_URL --seats 10 --prefix P`` logs ``--seats`` consoles in (real
SeatService, AlertsService, MainWindow with its banner and popups, offscreen), prints ``READY``, then
one line per alert per seat as its banner first shows it: ``SHOWN <alert_id> <seat> <event_ms>
<popup_ms>``, both figures counted from the alert's ``received_at`` on the backend (same machine, same
clock): the event's arrival at the seat and the banner's first showing. Ends once ``--stop-file``
exists.
Speech is muted (one shared queue per process): the bench measures the popup, not the voice.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from app.alerts_service import AlertsService
from app.seat_service import SeatService
from app.settings import Settings
from client_api import alert_messages as am
from client_api.client import ConnectionState, Event, SeatClient
from ui.main_window import MainWindow

QUIET = Settings(speech_muted=True, alert_chime=False, alert_repeat_s=3600.0, idle_lock_minutes=0)


class BenchSeat:
    """One logged-in console; reports each banner popup on stdout."""

    def __init__(self, url: str, name: str) -> None:
        self.name = name
        self.arrived: dict[int, float] = {}
        client = SeatClient(url, request_timeout=20)
        client.add_event_listener(self._on_event)  # before the seat's own listener: the arrival time
        self.service = SeatService(client)
        self.window: MainWindow | None = None

    async def start(self, username: str) -> None:
        self.service.start()
        while self.service.state is not ConnectionState.CONNECTED:
            await asyncio.sleep(0.02)
        await self.service.login(username, "demo", self.name)
        alerts = AlertsService(self.service, settings=QUIET)
        self.window = MainWindow(self.service, alerts=alerts)
        self.window.banner.shown.connect(self._on_shown)
        self.window.show()

    def _on_event(self, event: Event) -> None:
        if event.type == "alert.raised":
            alert: am.AlertRecord = event.payload.alert
            self.arrived[alert.id] = time.time()

    def _on_shown(self, alert_id: int) -> None:
        assert self.window is not None
        shown = self.window.banner.shown_at[alert_id]
        alert = self.window.alerts.book.get(alert_id)
        if alert is None:
            return
        event_ms = (self.arrived.get(alert_id, shown) - alert.received_at) * 1000
        popup_ms = (shown - alert.received_at) * 1000
        print(f"SHOWN {alert_id} {self.name} {event_ms:.3f} {popup_ms:.3f}", flush=True)


async def run(url: str, seats: int, prefix: str, stop_file: Path) -> None:
    consoles = [BenchSeat(url, f"{prefix}-{i:02d}") for i in range(seats)]
    for i, seat in enumerate(consoles):
        await seat.start("operator1" if i % 2 == 0 else "operator2")
    print("READY", flush=True)
    while not stop_file.exists():  # the bench creates it to end us
        await asyncio.sleep(0.2)
    for seat in consoles:
        if seat.window is not None:
            seat.window.close()
        await seat.service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.alert_seats", description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--seats", type=int, default=10)
    parser.add_argument("--prefix", default="bench")
    parser.add_argument("--stop-file", type=Path, required=True, help="end once this file exists")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # closing the consoles must not stop the loop under us
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run(args.url, args.seats, args.prefix, args.stop_file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
