"""All request handlers, the core ones and each capability's, keyed by request type."""

from __future__ import annotations

from backend import handlers
from backend.alerts import handlers as alerts_handlers
from backend.calls import handlers as calls_handlers
from backend.comms import handlers as comms_handlers
from backend.drill import handlers as drill_handlers
from backend.handlers import Handler
from backend.inbox import handlers as inbox_handlers
from backend.intake import handlers as intake_handlers
from backend.lifecycle import handlers as lifecycle_handlers
from backend.routing import handlers as routing_handlers
from backend.sla import handlers as sla_handlers
from backend.wall import handlers as wall_handlers
from backend.warnings import handlers as warnings_handlers

_TABLES = (
    handlers.HANDLERS,
    calls_handlers.HANDLERS,
    inbox_handlers.HANDLERS,
    intake_handlers.HANDLERS,
    lifecycle_handlers.HANDLERS,
    routing_handlers.HANDLERS,
    sla_handlers.HANDLERS,
    alerts_handlers.HANDLERS,
    warnings_handlers.HANDLERS,
    wall_handlers.HANDLERS,
    comms_handlers.HANDLERS,
    drill_handlers.HANDLERS,
)

HANDLERS: dict[str, Handler] = {}
for _table in _TABLES:
    HANDLERS.update(_table)
