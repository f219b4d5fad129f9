"""The Open311 services: the case categories a citizen can choose, grouped by their parent class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from backend import schema

categories = schema.categories

# Top-level categories without children (the 12345 appeal types) are grouped by their kind.
KIND_GROUP = {"event": "城管事件", "object": "城管部件", "appeal": "12345诉求"}


@dataclass(frozen=True, slots=True)
class Service:
    code: str
    name: str
    group: str

    def as_open311(self) -> dict[str, Any]:
        return {
            "service_code": self.code,
            "service_name": self.name,
            "description": f"{self.group} · {self.name}",
            "metadata": False,  # no extra attributes to fill in
            "type": "realtime",
            "keywords": "",
            "group": self.group,
        }


async def load_services(conn: AsyncConnection) -> dict[str, Service]:
    """The leaf categories of kind event, object or appeal, by code. Major classes only group them, as
    in the seat's own case form."""
    rows = (
        await conn.execute(
            sa.select(categories).where(categories.c.kind.in_(KIND_GROUP)).order_by(categories.c.code)
        )
    ).all()
    names = {row.code: row.name for row in rows}
    parents = {row.parent_code for row in rows}
    return {
        row.code: Service(row.code, row.name, names.get(row.parent_code) or KIND_GROUP[row.kind])
        for row in rows
        if row.code not in parents
    }
