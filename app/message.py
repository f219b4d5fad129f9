"""The one message bridge: code says ``message.error(...)``, the UI decides how to show it.

Messages sent before any view is connected are kept and delivered when one connects.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("app.message")


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Message:
    level: Level
    text: str


class MessageBridge(QObject):
    """Signals:
    shown(Message): a message for the operator.
    """

    shown = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._backlog: list[Message] = []
        self._views = 0

    def attach_view(self) -> list[Message]:
        """Called by the view that displays messages; returns what was said before it existed."""
        self._views += 1
        backlog, self._backlog = self._backlog, []
        return backlog

    def detach_view(self) -> None:
        self._views = max(0, self._views - 1)

    def show(self, level: Level, text: str) -> None:
        getattr(log, "warning" if level is Level.WARNING else level.value)("%s", text)
        msg = Message(level, text)
        if self._views:
            self.shown.emit(msg)
        else:
            self._backlog.append(msg)


_bridge: MessageBridge | None = None


def global_bridge() -> MessageBridge:
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def error(text: str) -> None:
    global_bridge().show(Level.ERROR, text)


def warning(text: str) -> None:
    global_bridge().show(Level.WARNING, text)


def info(text: str) -> None:
    global_bridge().show(Level.INFO, text)
