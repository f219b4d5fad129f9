"""Request handlers of backend.warnings; merged into backend.dispatch."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from backend.handlers import Handler
from backend.warnings.readings import MAX_READINGS
from backend.warnings.rule_store import list_rules, save_rule, seed_rules
from backend.warnings.service import WarningService, warnings_of
from client_api import alert_messages as am
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def warning_rules(server: Server, peer: Peer, req: am.ListWarningRules) -> am.WarningRules:
    rules: list[am.WarningRule] = await server.store.read(list_rules)
    if not rules:  # a backend whose warning service never ran: the shipped rules
        await server.store.run_write(seed_rules)
        rules = await server.store.read(list_rules)
    return am.WarningRules(rules=rules)


async def warning_rule_save(server: Server, peer: Peer, req: am.SaveWarningRule) -> am.WarningRuleSaved:
    assert peer.operator is not None
    rule: am.WarningRule = await server.store.run_write(save_rule, req, peer.operator, time.time())
    for service in server.services:
        if isinstance(service, WarningService) and service.running:
            service.apply_rule(rule)
    return am.WarningRuleSaved(rule=rule)


async def readings_ingest(server: Server, peer: Peer, req: am.IngestReadings) -> am.ReadingsIngested:
    if len(req.readings) > MAX_READINGS:
        raise ProtocolError(
            ErrorCode.INVALID_FIELD,
            f"at most {MAX_READINGS} readings per request, not {len(req.readings)}",
            {"field": "readings"},
        )
    return await warnings_of(server).ingest(req.readings)


HANDLERS: dict[str, Handler] = {
    "warning.rules": warning_rules,
    "warning.rule_save": warning_rule_save,
    "readings.ingest": readings_ingest,
}
