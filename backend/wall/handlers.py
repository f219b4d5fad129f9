"""Request handlers of backend.wall; merged into backend.dispatch."""

from __future__ import annotations

from backend.handlers import Handler

HANDLERS: dict[str, Handler] = {}
