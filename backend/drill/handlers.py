"""Request handlers of drill mode (to be written); merged into backend.dispatch."""

from __future__ import annotations

from backend.handlers import Handler

HANDLERS: dict[str, Handler] = {}
