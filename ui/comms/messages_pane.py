"""Messages on the comms panel: compose on top, the messages sent with their receipt counts, and the
selected message's receipts per recipient; a message can be attached to the case in context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import ui_state
from app.comms_service import CommsService
from client_api import comms_messages as cm
from ui.comms.compose_box import ComposeBox
from widgets.comms_message_model import MessageTableModel
from widgets.comms_receipt_model import ReceiptTableModel

SPLITTER_KEY = "comms_messages_splitter"
MESSAGE_WIDTHS = (100, 52, 140, 220, 170)
RECEIPT_WIDTHS = (90, 110, 60, 100)


def _table(name: str, model: object, widths: tuple[int, ...], parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(22)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class MessagesPane(QWidget):
    """Attributes: compose (ComposeBox), model (MessageTableModel), table (messageTable), receipts
    (ReceiptTableModel), receipt_table (receiptTable), attach_button (attachMessageButton), splitter."""

    def __init__(
        self,
        comms: CommsService,
        picked: Callable[[], list[cm.DirectoryEntry]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._comms = comms
        self.compose = ComposeBox(comms, picked, self)
        self.model = MessageTableModel(comms.case.text_of, self)
        self.table = _table("messageTable", self.model, MESSAGE_WIDTHS, self)
        self.receipts = ReceiptTableModel(self)
        self.receipt_table = _table("receiptTable", self.receipts, RECEIPT_WIDTHS, self)
        self.attach_button = QPushButton(self.tr("Attach to the case"), self)
        self.attach_button.setObjectName("attachMessageButton")
        self.attach_button.setToolTip(
            self.tr("Put the selected message on the record of the case in context")
        )
        self.receipt_title = QLabel(self.tr("Receipts"), self)
        self.receipt_title.setStyleSheet("font-weight:bold;")
        receipts_box = QWidget(self)
        receipts_layout = QVBoxLayout(receipts_box)
        receipts_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.receipt_title, 1)
        row.addWidget(self.attach_button)
        receipts_layout.addLayout(row)
        receipts_layout.addWidget(self.receipt_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("commsMessagesSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(receipts_box)
        self.splitter.setSizes([200, 140])
        ui_state.remember_splitter(self.splitter, SPLITTER_KEY)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.compose)
        layout.addWidget(self.splitter, 1)
        messaging = comms.messaging
        messaging.messagesReset.connect(self.on_messaging_messagesReset)
        messaging.messageChanged.connect(self.on_messaging_messageChanged)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_currentRowChanged)
        self.attach_button.clicked.connect(lambda _checked=False: self.attach_selected())
        comms.case.caseChanged.connect(lambda _case_id: self._update_attach())
        self.on_messaging_messagesReset()

    def on_messaging_messagesReset(self) -> None:
        shown = self.receipts.message
        self.model.set_records(self._comms.messaging.messages.values())
        self._show(None if shown is None else self._comms.messaging.messages.get(shown.id))

    def on_messaging_messageChanged(self, msg: cm.Message) -> None:
        new = self.model.row_of(msg.id) is None
        self.model.upsert(msg)
        shown = self.receipts.message
        if shown is not None and shown.id == msg.id:
            self._show(msg)
        elif new and msg.sender == self._sender():
            self.table.selectRow(self.model.row_of(msg.id) or 0)  # the one just sent: its receipts

    def _sender(self) -> str:
        operator = self._comms.seat.operator
        return operator.username if operator is not None else ""

    def on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.record_at(current.row()) if current.isValid() else None)

    def _show(self, msg: cm.Message | None) -> None:
        self.receipts.set_message(msg)
        if msg is None:
            self.receipt_title.setText(self.tr("Receipts"))
        else:
            self.receipt_title.setText(self.tr("Receipts: {audience}").format(audience=msg.audience))
        self._update_attach()

    def _update_attach(self) -> None:
        msg, case_id = self.receipts.message, self._comms.case.case_id
        self.attach_button.setEnabled(msg is not None and case_id is not None and msg.case_id != case_id)

    @asyncSlot()
    async def attach_selected(self) -> None:
        msg, case_id = self.receipts.message, self._comms.case.case_id
        if msg is not None and case_id is not None:
            await self._comms.messaging.attach(msg.id, case_id)
