"""Logging by category (app, net, ui, backend) with a ring buffer for the log view and crash reports."""

from __future__ import annotations

import collections
import logging
import logging.handlers

from app.paths import log_dir

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RingBuffer(logging.Handler):
    """Keeps the last ``capacity`` formatted records in memory."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


ring = RingBuffer()


def setup_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file in the log dir, to stderr, and to the ring buffer."""
    root = logging.getLogger()
    if any(isinstance(h, RingBuffer) for h in root.handlers):
        return
    root.setLevel(level)
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir() / "seat.log", maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    stderr = logging.StreamHandler()
    for handler in (file_handler, stderr):
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.addHandler(ring)
    logging.getLogger("websockets").setLevel(logging.WARNING)
