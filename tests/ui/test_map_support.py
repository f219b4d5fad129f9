"""The demo district's grids and names as a seat receives them, and cases for the map and dashboard tests
(no tests here)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from client_api.intake_messages import GridPolygon
from client_api.messages import CaseRecord
from client_api.wall_messages import Camera

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@cache
def demo_grids() -> tuple[GridPolygon, ...]:
    """resources/demo/grids.json turned to [lat, lon] rings, as geo.grids answers."""
    doc = json.loads((DEMO / "grids.json").read_text(encoding="utf-8"))
    return tuple(
        GridPolygon(
            code=f["properties"]["grid_code"],
            name=f["properties"]["name"],
            village_code=f["properties"]["village_code"],
            town_code=f["properties"]["town_code"],
            rings=[[(lat, lon) for lon, lat in ring] for ring in f["geometry"]["coordinates"]],
        )
        for f in doc["features"]
    )


@cache
def demo_area_names() -> dict[str, str]:
    """Area code -> name for the district, its towns, villages and grids (reference areas)."""
    doc = json.loads((DEMO / "district.json").read_text(encoding="utf-8"))
    return {a["code"]: a["name"] for a in doc["areas"]}


def make_case(case_id: int, **fields: Any) -> CaseRecord:
    """An open case received at time 0 with ``fields`` overriding any field."""
    base: dict[str, Any] = dict(
        id=case_id,
        case_no=f"2026{case_id:08d}",
        category_code="0101",
        address=f"滨江路{case_id}号",
        description="路灯不亮",
        status="handling",
        created_at=0.0,
        created_by="operator1",
        seat_id="A-01",
    )
    return CaseRecord(**(base | fields))


def make_camera(camera_id: str, lat: float, lon: float, **fields: Any) -> Camera:
    base: dict[str, Any] = dict(
        id=camera_id, name=f"摄像机{camera_id}", group="临江街道", lat=lat, lon=lon, url=f"sim://{camera_id}"
    )
    return Camera(**(base | fields))
