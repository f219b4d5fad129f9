"""Request handlers of backend.comms, one table from its parts; merged into backend.dispatch."""

from __future__ import annotations

from backend.comms import handlers_calls, handlers_messages, handlers_radio
from backend.handlers import Handler

HANDLERS: dict[str, Handler] = {
    **handlers_calls.HANDLERS,
    **handlers_radio.HANDLERS,
    **handlers_messages.HANDLERS,
}
