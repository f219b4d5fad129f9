"""Request handlers (to be written)."""

from __future__ import annotations

from backend.handlers import Handler

HANDLERS: dict[str, Handler] = {}
