"""``command-seat --self-check``: prove this seat works end to end, for installers and CI.

Starts the bundled backend on a scratch database (or reaches ``--server``), logs in as the installer
account, creates a case and waits for its event, then checks translations, fonts and the database.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import qasync
from PySide6.QtCore import QObject, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.bundled_backend import BundledBackend
from app.i18n import Translations, catalogue_bytes
from client_api import messages as m
from client_api.client import Event, SeatClient

SELF_CHECK_USER, SELF_CHECK_PASSWORD = "installer", "demo"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


class SelfCheck(QObject):
    """Runs the checks in order; a failed step skips the steps that need it."""

    def __init__(self, server: str | None, password: str | None) -> None:
        super().__init__()
        self.server = server
        self.password = password or SELF_CHECK_PASSWORD
        self.checks: list[Check] = []
        self.client: SeatClient | None = None
        self.backend: BundledBackend | None = None

    async def step(self, name: str, action: Callable[[], Awaitable[str]]) -> bool:
        started = time.monotonic()
        try:
            detail = await action()
            ok = True
        except Exception as exc:
            detail, ok = f"{type(exc).__name__}: {exc}", False
        self.checks.append(Check(name, ok, f"{detail} ({(time.monotonic() - started) * 1000:.0f} ms)"))
        return ok

    async def run(self) -> list[Check]:
        with tempfile.TemporaryDirectory(prefix="command-seat-selfcheck-") as scratch:
            try:
                await self._run(Path(scratch))
            finally:
                if self.client is not None:
                    await self.client.close()
                if self.backend is not None:
                    await asyncio.to_thread(self.backend.stop)
        self.checks.append(self._check_translation())
        self.checks.append(self._check_fonts())
        return self.checks

    def report(self) -> str:
        lines = [self.tr("command-seat self-check"), ""]
        for check in self.checks:
            mark = self.tr("PASS") if check.ok else self.tr("FAIL")
            lines.append(f"[{mark}] {check.name}: {check.detail}")
        passed = sum(c.ok for c in self.checks)
        lines += [
            "",
            self.tr("{passed} of {total} checks passed.").format(passed=passed, total=len(self.checks)),
        ]
        return "\n".join(lines)

    async def _run(self, scratch: Path) -> None:
        if not await self.step(self.tr("Backend"), lambda: self._backend(scratch)):
            return
        if not await self.step(self.tr("Connection"), self._connect):
            return
        if not await self.step(self.tr("Login"), self._login):
            return
        await self.step(self.tr("Case round trip"), self._case_round_trip)
        await self.step(self.tr("Database"), self._database)

    async def _backend(self, scratch: Path) -> str:
        if self.server:
            return self.tr("using {url}").format(url=self.server)
        self.backend = BundledBackend(scratch, seed_demo=True)
        url = await self.backend.start_async()
        return self.tr("bundled backend started at {url}").format(url=url)

    async def _connect(self) -> str:
        url = self.server or (self.backend.url if self.backend else "")
        self.client = SeatClient(url, request_timeout=10)
        self.client.start()
        await self.client.wait_connected(timeout=15)
        assert self.client.server is not None
        return self.tr("protocol {v}, node {node}").format(
            v=self.client.server.version, node=self.client.server.node
        )

    async def _login(self) -> str:
        assert self.client is not None
        result = await self.client.login(SELF_CHECK_USER, self.password, "self-check")
        return self.tr("logged in as {user} ({role})").format(
            user=result.operator.username, role=result.operator.role
        )

    async def _case_round_trip(self) -> str:
        assert self.client is not None
        received: asyncio.Future[m.CaseRecord] = asyncio.get_running_loop().create_future()

        def on_event(event: Event) -> None:
            payload = event.payload
            mine = isinstance(payload, m.CaseCreatedEvent) and payload.case.address == "self-check"
            if mine and not received.done():
                received.set_result(payload.case)

        self.client.add_event_listener(on_event)
        ref = await self.client.reference()
        category = next(c.code for c in ref.categories if c.kind == "appeal")
        started = time.monotonic()
        created = await self.client.create_case(category, "self-check", f"self-check {time.time():.0f}")
        echoed = await asyncio.wait_for(received, 10)
        if echoed.id != created.id:
            raise RuntimeError(f"event for case {echoed.id}, expected {created.id}")
        return self.tr("case {no} created, its event came back in {ms:.0f} ms").format(
            no=created.case_no, ms=(time.monotonic() - started) * 1000
        )

    async def _database(self) -> str:
        assert self.client is not None
        status = await self.client.status()
        if status.cases < 1 or status.last_seq < 1:
            raise RuntimeError(f"the database holds {status.cases} cases and {status.last_seq} events")
        return self.tr("{db}, schema revision {rev}, {n} cases").format(
            db=status.database, rev=status.schema_revision, n=status.cases
        )

    def _check_translation(self) -> Check:
        data = catalogue_bytes("zh_CN")
        translator = QTranslator()
        if data is None or not translator.load(data):
            return Check(
                self.tr("Translation"), False, self.tr("the zh_CN catalogue is missing or unreadable")
            )
        sample = translator.translate("MainWindow", "Intake")
        if not sample or sample == "Intake":
            return Check(
                self.tr("Translation"),
                False,
                self.tr("the zh_CN catalogue does not translate the main window"),
            )
        return Check(
            self.tr("Translation"), True, self.tr("zh_CN catalogue loads ('Intake' → '{s}')").format(s=sample)
        )

    def _check_fonts(self) -> Check:
        families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not families:
            return Check(
                self.tr("Fonts"), False, self.tr("no font can show Chinese; install fonts-wqy-microhei")
            )
        return Check(
            self.tr("Fonts"),
            True,
            self.tr("{n} fonts show Chinese, e.g. {name}").format(n=len(families), name=families[0]),
        )


def run_self_check(args: argparse.Namespace, translations: Translations) -> int:
    app = QApplication.instance()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    check = SelfCheck(args.server, args.password)
    with loop:
        checks = loop.run_until_complete(check.run())
    print(check.report(), flush=True)
    return 0 if checks and all(c.ok for c in checks) else 1
