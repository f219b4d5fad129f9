"""The form's attachments: Ctrl+Shift+A picks a file, it is uploaded at once, the case takes it."""

from __future__ import annotations

import asyncio
import mimetypes
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget
from qasync import asyncSlot

from app.seat_service import SeatService
from client_api import messages as m
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

MAX_BYTES = 700 * 1024
PATTERNS = "*.jpg *.jpeg *.png *.webp *.pdf *.amr *.mp3 *.wav *.ogg *.txt"


class AttachmentRow(QWidget):
    """Signals:
    changed(): an attachment was added or removed.
    failed(str): an upload failed, with the reason in words for the operator.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.ids: list[int] = []
        self.names: list[str] = []
        self.label = QLabel(self)
        self.label.setObjectName("attachmentNames")
        self.label.setStyleSheet("color:#475467;")
        self.attach_button = QPushButton(self.tr("Attach… (Ctrl+Shift+A)"), self)
        self.attach_button.clicked.connect(self.on_attach_clicked)
        self.remove_button = QPushButton(self.tr("Remove last"), self)
        self.remove_button.clicked.connect(self.remove_last)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.on_attach_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.attach_button)
        self._render()

    def set_attachments(self, ids: list[int], names: list[str]) -> None:
        self.ids, self.names = list(ids), list(names)
        self._render()

    def _render(self) -> None:
        self.label.setText("、".join(self.names) if self.names else self.tr("No attachments"))
        self.remove_button.setEnabled(bool(self.ids))

    def remove_last(self) -> None:
        if self.ids:
            self.ids.pop()
            self.names.pop()
            self._render()
            self.changed.emit()

    @asyncSlot()
    async def on_attach_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a file"),
            "",
            self.tr("Photos, documents, recordings ({patterns})").format(patterns=PATTERNS),
        )
        if path:
            await self.attach(Path(path))

    async def attach(self, path: Path) -> bool:
        """Upload ``path`` and add it; False (and ``failed``) when it cannot be."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            self.failed.emit(self.tr("The file cannot be read: {reason}").format(reason=exc.strerror))
            return False
        if len(data) > MAX_BYTES:
            self.failed.emit(self.tr("The file is larger than {n} KiB.").format(n=MAX_BYTES // 1024))
            return False
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            result: m.AttachmentUploaded = await self._service.client.request(
                "attachment.upload", m.UploadAttachment(path.name, mime, data)
            )
        except ProtocolError as exc:
            self.failed.emit(self.tr("The file was not accepted: {message}").format(message=exc.message))
            return False
        except (NotConnected, RequestTimeout):
            self.failed.emit(self.tr("Not connected to the backend; attach the file again when connected."))
            return False
        self.ids.append(result.attachment.id)
        self.names.append(result.attachment.name)
        self._render()
        self.changed.emit()
        return True
