"""The case category of a case made from an alert: the operator's choice, else the mapping in
``resources/taxonomy/alert_categories.json`` (warning model, event words, CAP category), else the
category suggester on the alert's texts, else the mapping's fallback."""

from __future__ import annotations

import asyncio
import functools
from typing import TYPE_CHECKING, Any

from backend.case_writes import invalid
from backend.intake.data import TAXONOMY, load_json
from backend.intake.state import state_of
from client_api.alert_messages import AlertRecord

if TYPE_CHECKING:
    from backend.server import Server


@functools.cache
def _mapping() -> dict[str, Any]:
    data: dict[str, Any] = load_json(TAXONOMY, "alert_categories.json")
    return data


def mapped_category(alert: AlertRecord, known: set[str]) -> str | None:
    """The mapping's code for the alert (skipping codes the district lacks), or None."""
    mapping = _mapping()
    candidates: list[str | None] = [mapping["rules"].get(alert.rule) if alert.rule else None]
    candidates += [code for word, code in mapping["events"] if word in alert.event]
    candidates += [mapping["cap_categories"].get(category) for category in alert.categories]
    return next((code for code in candidates if code in known), None)


async def choose_category(server: Server, alert: AlertRecord, requested: str | None) -> str:
    if requested is not None:
        return requested  # insert_case checks that it exists
    state = state_of(server)
    known = {row.code for row in await state.category_rows()}
    code = mapped_category(alert, known)
    if code is not None:
        return code
    suggester = await state.suggester()
    found = await asyncio.to_thread(suggester.suggest, f"{alert.headline} {alert.description}", 1)
    if found:
        return found[0].row.code
    fallback: str = _mapping()["fallback"]
    if fallback in known:
        return fallback
    raise invalid("category_code", f"no category fits alert {alert.id}; choose one (category_code)")
