"""What a call card's buttons do: each asks the comms service (which reports refusals itself); a
transfer or a new party asks whom first, and a directory row dropped on a card asks what to do."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from shiboken6 import isValid

from app.comms_service import CommsService
from app.qt_async import run_dialog
from client_api import comms_messages as cm
from ui.comms.target_dialog import TargetDialog
from widgets.comms_call_card import CallCard


class CallActions(QObject):
    """Attributes: open_dialog (the TargetDialog while one is open), drop_menu (the last menu a drop
    opened: dropTransferAction, dropAttendedAction, dropAddPartyAction)."""

    def __init__(self, comms: CommsService, host: QWidget) -> None:
        super().__init__(host)
        self._comms = comms
        self._host = host
        self._tasks: set[asyncio.Future[Any]] = set()
        self.open_dialog: TargetDialog | None = None
        self.drop_menu: QMenu | None = None

    def run(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
        """Start a command; kept until it finishes (the service reports its failure)."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def attach(self, card: CallCard) -> None:
        comms = self._comms
        card.answerRequested.connect(lambda call_id: self.run(comms.answer(call_id)))
        card.hangupRequested.connect(lambda call_id: self.run(comms.hangup(call_id)))
        card.holdRequested.connect(lambda call_id, on: self.run(comms.hold(call_id, on)))
        card.muteRequested.connect(lambda call_id, on: self.run(comms.mute(call_id, on)))
        card.lockRequested.connect(lambda call_id, on: self.run(comms.lock(call_id, on)))
        card.partyMuteRequested.connect(
            lambda call_id, party_id, on: self.run(comms.mute(call_id, on, party_id))
        )
        card.partyDropRequested.connect(
            lambda call_id, party_id: self.run(comms.drop_party(call_id, party_id))
        )
        card.completeTransferRequested.connect(
            lambda call_id, consult_id: self.run(comms.complete_transfer(call_id, consult_id))
        )
        card.transferRequested.connect(lambda call_id: self.run(self.transfer(call_id)))
        card.addPartyRequested.connect(lambda call_id: self.run(self.add_party(call_id)))
        card.entryDropped.connect(self.on_card_entryDropped)
        card.attachRequested.connect(lambda call_id: self.run(comms.attach_call(call_id, comms.case.case_id)))

    async def transfer(self, call_id: int, entry: cm.DirectoryEntry | None = None) -> None:
        dialog = self._dialog(True, self.tr("Transfer the call"), entry)
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            target = dialog.target()
            if target is not None:
                await self._comms.transfer(call_id, target, dialog.attended.isChecked())
        self._close(dialog)

    async def add_party(self, call_id: int, entry: cm.DirectoryEntry | None = None) -> None:
        dialog = self._dialog(False, self.tr("Add a party to the conference"), entry)
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            target = dialog.target()
            if target is not None:
                await self._comms.add_party(call_id, target)
        self._close(dialog)

    def _dialog(self, transfer: bool, title: str, entry: cm.DirectoryEntry | None) -> TargetDialog:
        if self.open_dialog is not None:
            self.open_dialog.reject()
        dialog = TargetDialog(self._comms.directory, transfer, title, self._host)
        if entry is not None:
            dialog.choose(entry)
        self.open_dialog = dialog
        return dialog

    def _close(self, dialog: TargetDialog) -> None:
        if self.open_dialog is dialog:
            self.open_dialog = None
        dialog.deleteLater()

    def on_card_entryDropped(self, call_id: int, entry: cm.DirectoryEntry, where: QPoint) -> None:
        """A directory row dropped on a call: transfer it there (blind or attended) or add to the
        conference."""
        target = cm.Target(entry_id=entry.id)
        comms = self._comms
        menu = QMenu(self._host)
        menu.setObjectName("dropMenu")
        choices: tuple[tuple[str, str, Callable[[], Coroutine[Any, Any, Any]]], ...] = (
            (
                "dropTransferAction",
                self.tr("Transfer here: {name}"),
                lambda: comms.transfer(call_id, target, False),
            ),
            (
                "dropAttendedAction",
                self.tr("Attended transfer: talk to {name} first"),
                lambda: comms.transfer(call_id, target, True),
            ),
            (
                "dropAddPartyAction",
                self.tr("Add {name} to the conference"),
                lambda: comms.add_party(call_id, target),
            ),
        )
        for name, text, request in choices:
            action = QAction(text.format(name=entry.name), menu)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, request=request: self.run(request()))
            menu.addAction(action)
        call = comms.calls.get(call_id)
        menu.actions()[2].setEnabled(call is None or not call.locked)
        menu.aboutToHide.connect(menu.deleteLater)
        if self.drop_menu is not None and isValid(self.drop_menu) and self.drop_menu is not menu:
            self.drop_menu.close()  # a menu still open from an earlier drop (a closed one is deleted)
        self.drop_menu = menu
        menu.popup(where)
