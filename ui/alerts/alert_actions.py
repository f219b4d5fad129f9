"""The alert actions a seat takes from the banner or the alert center: acknowledge (asking the reason),
create a case (one click), link to a case (choosing it), export CAP XML (choosing the file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from qasync import asyncSlot
from shiboken6 import isValid

from app.alerts_service import AlertsService
from app.qt_async import run_dialog
from client_api.alert_messages import AlertRecord
from client_api.messages import CaseRecord
from ui.alerts.ack_dialog import AckDialog
from ui.alerts.link_case_dialog import LinkCaseDialog


class AlertActions(QObject):
    """Takes the actions for the window it serves (the dialogs open over ``window``).

    Attributes: open_dialog (the dialog asking the operator, while it is open)."""

    def __init__(self, alerts: AlertsService, window: QWidget) -> None:
        super().__init__(window)
        self._alerts = alerts
        self._window = window
        self.open_dialog: QDialog | None = None

    async def _ask(self, dialog: QDialog) -> bool:
        self.open_dialog = dialog
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.open_dialog = None

    def _known(self, alert_id: int) -> AlertRecord | None:
        return self._alerts.book.get(alert_id)

    async def acknowledge(self, alert_id: int) -> AlertRecord | None:
        alert = self._known(alert_id)
        if alert is None or self.open_dialog is not None:
            return None
        dialog = AckDialog(alert, self._alerts.exercise, self._window)
        try:
            if not await self._ask(dialog):
                return None
            reason = dialog.text()
        finally:
            if isValid(dialog):
                dialog.deleteLater()
        return await self._alerts.ack(alert_id, reason)

    async def to_case(self, alert_id: int) -> CaseRecord | None:
        return await self._alerts.to_case(alert_id)

    async def link(self, alert_id: int) -> AlertRecord | None:
        alert = self._known(alert_id)
        if alert is None or self.open_dialog is not None:
            return None
        dialog = LinkCaseDialog(self._alerts.seat.cases, alert, self._window)
        try:
            if not await self._ask(dialog):
                return None
            case = dialog.chosen()
        finally:
            if isValid(dialog):
                dialog.deleteLater()
        return None if case is None else await self._alerts.link_case(alert_id, case.id)

    async def export(self, alert_id: int, path: Path | None = None) -> str | None:
        """Save the alert as CAP XML; without ``path`` the operator chooses the file."""
        if path is None:
            alert = self._known(alert_id)
            dialog = QFileDialog(self._window, self.tr("Export the alert as CAP XML"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter(self.tr("CAP XML (*.xml)"))
            dialog.setDefaultSuffix("xml")
            dialog.selectFile(f"alert-{alert.identifier if alert else alert_id}.xml".replace("/", "_"))
            try:
                if not await self._ask(dialog) or not dialog.selectedFiles():
                    return None
                path = Path(dialog.selectedFiles()[0])
            finally:
                if isValid(dialog):
                    dialog.deleteLater()
        return await self._alerts.export_cap(alert_id, path)

    # --- slots for buttons and shortcuts --------------------------------------------------------------

    @asyncSlot(int)
    async def on_acknowledge(self, alert_id: int) -> None:
        await self.acknowledge(alert_id)

    @asyncSlot(int)
    async def on_to_case(self, alert_id: int) -> None:
        await self.to_case(alert_id)

    @asyncSlot(int)
    async def on_link(self, alert_id: int) -> None:
        await self.link(alert_id)

    @asyncSlot(int)
    async def on_export(self, alert_id: int) -> None:
        await self.export(alert_id)
