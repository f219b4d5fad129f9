"""Helpers of the warning model tests (no tests here): an engine on the demo registry with the shipped
rules (some params changed), cases and readings to feed it, and a server running the warning service."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import msgspec

from backend.server import Server
from backend.store import Store
from backend.warnings.catalog import demo_catalog
from backend.warnings.engine import WarningEngine
from backend.warnings.firing import Firing
from backend.warnings.names import Names
from backend.warnings.rule_store import default_rules
from backend.warnings.service import WarningService
from client_api.messages import CaseRecord

T0 = 1_789_999_200.0  # a fixed clock on the hour (the models run on the items' own times)
YUGANG = "320999002003"  # 渔港村
YUGANG_GRID = "32099900200301"
LEAK = "E0502"  # 自来水管破裂
_ids = itertools.count(1)


def engine(**params: dict[str, Any]) -> WarningEngine:
    """The engine with the shipped rules; ``params`` by rule name are laid over the shipped ones."""
    rules = [
        msgspec.structs.replace(rule, params=rule.params | params.get(rule.name, {}))
        for rule in default_rules()
    ]
    return WarningEngine(demo_catalog(), Names.demo(), rules)


def case(
    created_at: float,
    *,
    category: str = LEAK,
    village: str | None = YUGANG,
    grid: str | None = YUGANG_GRID,
    lat: float | None = None,
    lon: float | None = None,
    phone: str | None = None,
    channel: str = "hotline",
    address: str = "渔港路36号",
) -> CaseRecord:
    case_id = next(_ids)
    return CaseRecord(
        id=case_id,
        case_no=f"20260601{case_id:06d}",
        category_code=category,
        address=address,
        description="水管爆裂",
        status="received",
        created_at=created_at,
        created_by="operator1",
        seat_id="S1",
        grid_code=grid,
        village_code=village,
        lat=lat,
        lon=lon,
        reporter_phone=phone,
        channel=channel,
    )


def firings(feed: Callable[[Any], list[Firing]], items: Sequence[Any]) -> list[tuple[int, Firing]]:
    """(index of the item, firing) for every firing of ``feed`` over ``items``."""
    return [(index, f) for index, item in enumerate(items) for f in feed(item)]


def evidence(firing: Firing) -> dict[str, tuple[Any, Any, Any]]:
    """label → (value, expected, unit)."""
    return {e.label: (e.value, e.expected, e.unit) for e in firing.evidence}


@contextlib.contextmanager
def warning_server(aio: Any, store: Store, *extra: Any) -> Iterator[tuple[Server, WarningService]]:
    """A started in-process server on ``store`` (seeded) running the warning service (and ``extra``)."""
    service = WarningService(scan_interval=3600)
    server = Server(store, port=0, services=[service, *extra])
    aio.run(server.start())
    try:
        yield server, service
    finally:
        aio.run(server.close())
