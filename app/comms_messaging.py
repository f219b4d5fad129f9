"""SMS and IM on the seat: messages as sent with their receipts (kept live from message.updated),
the templates, sending to a person, a talk group or every grid member of a grid or town."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from app.seat_requests import load_or_log, send_or_report
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api import messages as m

TEMPLATE_FIELDS = ("case_id", "address", "category", "deadline")


class _KeepUnknown(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_template(body: str, values: Mapping[str, str]) -> str:
    """``body`` with {case_id}, {address} … filled from ``values``; a field without a value stays as
    written (the operator sees what is missing), and stray braces are left alone."""
    try:
        return string.Formatter().vformat(body, (), _KeepUnknown(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return body


def case_values(case: m.CaseRecord | None, category_name: Callable[[str], str]) -> dict[str, str]:
    """What a template's fields say about ``case``: its number, address, category and deadline."""
    if case is None:
        return {}
    values = {"case_id": case.case_no, "address": case.address, "category": category_name(case.category_code)}
    if case.deadline_at is not None:
        values["deadline"] = dt.datetime.fromtimestamp(case.deadline_at).strftime("%m-%d %H:%M")
    return values


class CommsMessaging(QObject):
    """Signals:
    messageChanged(object): a Message was sent or its receipts changed.
    messagesReset(): ``messages`` was loaded again.
    templatesChanged(object): the list of MessageTemplates.

    Attributes: messages (Message by id), templates (list).
    """

    messageChanged = Signal(object)
    messagesReset = Signal()
    templatesChanged = Signal(object)

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self.messages: dict[int, cm.Message] = {}
        self.templates: list[cm.MessageTemplate] = []

    async def load(self) -> None:
        templates: cm.TemplateList | None = await load_or_log(
            self._seat, "message.templates", cm.ListTemplates()
        )
        if templates is not None:
            self.templates = list(templates.templates)
            self.templatesChanged.emit(self.templates)
        listing: cm.MessageList | None = await load_or_log(self._seat, "message.list", cm.ListMessages())
        if listing is not None:
            self.messages = {m.id: m for m in listing.messages}
            self.messagesReset.emit()

    def apply(self, msg: cm.Message) -> None:
        self.messages[msg.id] = msg
        self.messageChanged.emit(msg)

    def template(self, template_id: str | None) -> cm.MessageTemplate | None:
        return next((t for t in self.templates if t.id == template_id), None)

    async def send(self, request: cm.SendMessage) -> cm.Message | None:
        result: cm.MessageOk | None = await send_or_report(
            self._seat, "message.send", request, self.tr("The message was not sent")
        )
        if result is None:
            return None
        self.apply(result.message)
        return result.message

    async def attach(self, message_id: int, case_id: int) -> cm.Message | None:
        result: cm.MessageOk | None = await send_or_report(
            self._seat,
            "message.attach",
            cm.AttachMessage(message_id=message_id, case_id=case_id),
            self.tr("The message was not attached to the case"),
        )
        if result is None:
            return None
        self.apply(result.message)
        return result.message
