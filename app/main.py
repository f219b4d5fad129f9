"""Start-up of the seat console, in named phases, each logged:

settings → logging → crash handler → Qt and translations → backend (bundled or remote) → login →
main window, or the wall display windows (``--wall MONITOR`` or the ``wall_monitors`` setting). This is
the only module that builds windows from ``ui``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import ssl
import sys
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app import gc_tuning, message
from app.bundled_backend import BackendStartError, BundledBackend
from app.cli import build_parser
from app.crash import CrashHandler
from app.i18n import Translations, choose_language
from app.logs import setup_logging
from app.paths import data_dir
from app.qt_async import run_dialog
from app.seat_service import SeatService
from app.settings import Settings, load_settings, save_settings
from client_api.client import SeatClient
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.outbox import Outbox
from client_api.tls import InsecureUrl, check_url, client_context, normalise_pin
from client_api.wall_messages import MAX_MONITORS

log = logging.getLogger("app.startup")

DEMO_USER, DEMO_PASSWORD = "operator1", "demo"
DEMO_WALL_USER = "supervisor1"  # a wall display of the demo logs in as the supervisor who runs the wall


def phase(name: str) -> None:
    log.info("start-up: %s", name)


class LinkRefused(Exception):
    """The configured link would not be secure (plain ws:// to another machine) or is misconfigured."""


def link_security(
    url: str, args: argparse.Namespace, settings: Settings
) -> tuple[ssl.SSLContext | None, str | None]:
    """The SSL context and pinned fingerprint for ``url`` from the command line or the settings;
    LinkRefused for plain ws:// to another machine (unless allowed) or unusable TLS settings."""
    allow = bool(args.allow_insecure_ws or settings.allow_insecure_ws)
    ca_file = args.tls_ca or settings.tls_ca_file
    pin = args.tls_fingerprint or settings.tls_fingerprint
    try:
        check_url(url, allow)
        pin = normalise_pin(pin) if pin else None
        context = client_context(url, ca_file, pin)
    except InsecureUrl:
        raise LinkRefused(
            QCoreApplication.translate(
                "Startup",
                "Refusing the unencrypted connection {url}: use wss:// for another machine, "
                "or allow plain ws:// explicitly (--allow-insecure-ws).",
            ).format(url=url)
        ) from None
    except (ValueError, OSError) as exc:  # a malformed pin, an unreadable CA file
        raise LinkRefused(
            QCoreApplication.translate("Startup", "The TLS settings are unusable: {reason}").format(
                reason=exc
            )
        ) from None
    return context, pin


def make_client(url: str, args: argparse.Namespace, settings: Settings) -> SeatClient:
    context, pin = link_security(url, args, settings)
    return SeatClient(url, request_timeout=settings.request_timeout_s, ssl=context, tls_pin=pin)


class Startup:
    """Runs the console from backend to main window, and tears it down again."""

    def __init__(self, args: argparse.Namespace, settings: Settings, crash: CrashHandler) -> None:
        self.args = args
        self.settings = settings
        self.crash = crash
        self.backend: BundledBackend | None = None
        self.service: SeatService | None = None
        self.window: Any = None
        self.wall_displays: list[Any] = []

    async def start_backend(self) -> str:
        """Return the URL to connect to, starting the bundled backend if no server is given."""
        url = self.args.server or (None if self.args.demo else self.settings.server_url)
        if url:
            phase(f"backend: remote {url}")
            return str(url)
        phase("backend: bundled")
        db_name = "drill.sqlite3" if self.args.exercise else "seat.sqlite3"
        # The seat's own backend serves demos and drills, so its call simulator runs and its department
        # simulator plays the departments (accepts, progresses, completes, sometimes returns); with
        # --demo a scripted citizen calls every couple of minutes, so a newcomer sees the hotline at work,
        # and sensors stream readings with anomalies now and then, so the warning models raise alerts.
        simulator = ["--simulate-calls", "--simulate-departments"]
        if self.args.exercise:  # in a drill the scenario plays the departments (department_response)
            simulator = ["--simulate-calls"]
        if self.args.demo:
            simulator += ["--sim-call-interval", "120"]
        self.backend = BundledBackend(
            data_dir() / "bundled",
            db_url=f"sqlite:///{data_dir() / db_name}",
            seed_demo=True,
            exercise=self.args.exercise,
            extra_args=simulator,
            # demo: simulated meters, hazmat vehicles and stores, so the warning models can be watched
            simulate_sensors=bool(self.args.demo),
        )
        return await self.backend.start_async()

    async def login(self, service: SeatService) -> bool:
        phase("login")
        seat = self.args.seat_id or self.settings.effective_seat_id()
        demo_user = DEMO_WALL_USER if self.wall_monitors() else DEMO_USER
        user = self.args.user or (demo_user if self.args.demo else None)
        password = self.args.password or (DEMO_PASSWORD if self.args.demo else None)
        if user and password:
            try:
                await service.login(user, password, seat)
                return True
            except (ProtocolError, NotConnected, RequestTimeout) as exc:
                message.error(
                    QCoreApplication.translate(
                        "Startup", "Automatic login as {user} failed: {reason}"
                    ).format(user=user, reason=exc)
                )
        from ui.login_dialog import LoginDialog

        server = service.client.server
        dialog = LoginDialog(
            service,
            username=user or self.settings.last_username,
            seat_id=seat,
            demo=bool(server and server.demo),
        )
        if await run_dialog(dialog) != LoginDialog.DialogCode.Accepted:
            return False
        self.settings.last_username = dialog.username.text().strip()
        save_settings(self.settings)
        return True

    async def run(self) -> int:
        try:
            url = await self.start_backend()
        except BackendStartError as exc:
            log.error("%s", exc)
            print(exc, file=sys.stderr)
            return 2
        phase("connect")
        try:
            client = make_client(url, self.args, self.settings)
        except LinkRefused as exc:
            refuse(exc)
            await self.shutdown()
            return 2
        outbox = await asyncio.to_thread(Outbox, data_dir() / "outbox.sqlite3")
        self.service = SeatService(client, outbox)
        self.service.start()
        try:
            await self.service.client.wait_connected(timeout=30)
        except TimeoutError:
            message.error(
                QCoreApplication.translate(
                    "Startup", "The backend at {url} cannot be reached; still trying."
                ).format(url=url)
            )
        try:
            if not await self.login(self.service):
                return 0
            monitors = self.wall_monitors()
            if monitors:
                phase(f"wall displays: monitors {', '.join(map(str, monitors))}")
                from ui.wall_display import open_wall_displays

                self.wall_displays = open_wall_displays(self.service, monitors, self.settings)
                self.window = self.wall_displays[0]
            else:
                phase("main window")
                from ui.main_window import MainWindow

                self.window = MainWindow(self.service, idle_lock_s=self.settings.idle_lock_minutes * 60)
                self.window.show()
            gc_tuning.settle()  # start-up's objects live as long as the session: freeze them
            closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.lastWindowClosed.connect(lambda: None if closed.done() else closed.set_result(None))
            if self.args.screenshot:
                QTimer.singleShot(1500, self._screenshot_and_quit)
            await closed
            return 0
        finally:
            await self.shutdown()

    def wall_monitors(self) -> list[int]:
        """The wall monitors this seat shows instead of the main window (none: a console)."""
        if self.args.wall:
            return list(dict.fromkeys(self.args.wall))
        wanted = list(dict.fromkeys(self.settings.wall_monitors))
        usable = [n for n in wanted if 1 <= n <= MAX_MONITORS]
        if usable != wanted:
            log.error("settings: wall_monitors %s holds numbers outside 1…%d; ignored", wanted, MAX_MONITORS)
        return usable

    def _screenshot_and_quit(self) -> None:
        self.window.grab().save(self.args.screenshot)
        log.info("screenshot saved to %s", self.args.screenshot)
        for display in self.wall_displays:
            if display is not self.window:
                display.close()
        self.window.close()

    async def shutdown(self) -> None:
        phase("shutdown")
        if self.service is not None:
            await self.service.close()
            await asyncio.to_thread(self.service.outbox.close)
        if self.backend is not None:
            await asyncio.to_thread(self.backend.stop)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    setup_logging()
    phase("settings and logging")
    crash = CrashHandler(show_dialog=not args.no_crash_dialog)
    crash.install()
    phase("crash handler")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("command-seat")
    app.setQuitOnLastWindowClosed(False)  # Startup.run ends the loop after an orderly shutdown
    language = choose_language(args.lang, settings.language)
    translations = Translations()
    translations.install(app, language)
    phase(f"translations: {language}")
    if args.server:  # checked before anything connects, the self-check included
        try:
            link_security(args.server, args, settings)
        except LinkRefused as exc:
            refuse(exc)
            return 2
    if args.self_check:
        from app.self_check import run_self_check

        return run_self_check(args, translations)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(lambda _loop, ctx: _on_loop_exception(crash, ctx))
    with loop:
        return loop.run_until_complete(Startup(args, settings, crash).run())


def refuse(exc: LinkRefused) -> None:
    """Say why the console does not connect (stderr for the command line, the log for support)."""
    log.error("%s", exc)
    print(exc, file=sys.stderr)


def _on_loop_exception(crash: CrashHandler, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    if isinstance(exc, BaseException):
        crash.on_exception(type(exc), exc, exc.__traceback__)
    else:
        log.error("event loop: %s", context.get("message"))
