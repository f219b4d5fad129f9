"""Reading the injects that raise alerts: readings for a warning model, and CAP alerts."""

from __future__ import annotations

import yaml

from backend.drill.scenario_model import CapInject, Circle, ReadingsInject, TimedReading
from backend.drill.scenario_nodes import Fields
from backend.drill.scenario_reference import Reference
from backend.intake.gazetteer import gazetteer
from client_api.alert_messages import (
    CAP_CATEGORIES,
    CAP_CERTAINTIES,
    CAP_RESPONSE_TYPES,
    CAP_SEVERITIES,
    CAP_URGENCIES,
    MeterReading,
    ParcelCount,
    StorageLevel,
    VehiclePosition,
)

MODELS = ("group_rental", "hazmat_route", "hazmat_storage")
UTILITIES = ("water", "electricity", "gas")
MAX_READINGS = 500  # per inject
MSG_TYPES = ("Alert", "Update", "Cancel")


def read_readings(f: Fields) -> ReadingsInject:
    model = f.choice("model", MODELS, required=True)
    nodes = f.sequence("readings", required=True)
    if len(nodes) > MAX_READINGS:
        f.problem("readings", f"readings has {len(nodes)} entries, at most {MAX_READINGS}")
    readings: list[TimedReading] = []
    for index, node in enumerate(nodes, 1):
        r = Fields(node, f.issues, f"{f.where} reading {index}", f.refs)
        if not r.ok:
            continue
        ago = r.duration("ago") or 0.0
        if model == "group_rental":
            readings += _household(r, ago)
        elif model == "hazmat_route":
            readings += _vehicle(r, ago)
        elif model == "hazmat_storage":
            site = r.text("site", required=True)
            level = r.number("level", required=True, minimum=0)
            if site and level is not None:
                readings.append(TimedReading(ago, StorageLevel(site=site, level=level, ts=0.0), r.line))
        r.finish()
    return ReadingsInject(model or "", tuple(readings))


def _household(r: Fields, ago: float) -> list[TimedReading]:
    """One household's day: any of water, electricity, gas (per day) and parcels."""
    household = r.text("household", required=True)
    out = []
    for utility in UTILITIES:
        value = r.number(utility, minimum=0)
        if value is not None:
            out.append(
                TimedReading(ago, MeterReading(household=household, utility=utility, value=value, ts=0.0))
            )
    parcels = r.number("parcels", minimum=0)
    if parcels is not None:
        if parcels != int(parcels):
            r.problem("parcels", f"parcels must be a whole number, not {parcels:g}")
        out.append(TimedReading(ago, ParcelCount(household=household, count=int(parcels), ts=0.0)))
    if not out:
        r.problem_at(r.line, "a household reading needs water, electricity, gas or parcels")
    return [TimedReading(t.ago_s, t.reading, r.line) for t in out] if household else []


def _vehicle(r: Fields, ago: float) -> list[TimedReading]:
    """A position given as lat and lon, or as a place the gazetteer knows."""
    vehicle = r.text("vehicle", required=True)
    speed = r.number("speed_kmh", required=True, minimum=0)
    place = r.text("place")
    lat, lon = r.number("lat"), r.number("lon")
    if place:
        if lat is not None or lon is not None:
            r.problem("place", "give either place or lat and lon, not both")
        found = gazetteer().geocode(place)
        if found is None:
            r.problem("place", f"place {place!r} is not in the demo district's gazetteer")
        else:
            lat, lon = found.lat, found.lon
    elif lat is None or lon is None:
        r.problem_at(r.line, "a vehicle position needs lat and lon, or a place")
    if not vehicle or lat is None or lon is None or speed is None:
        return []
    position = VehiclePosition(vehicle=vehicle, lat=lat, lon=lon, speed_kmh=speed, ts=0.0)
    return [TimedReading(ago, position, r.line)]


def _choices(f: Fields, key: str, allowed: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
    values = f.texts(key)
    for value in values:
        if value not in allowed:
            f.problem(key, f"{key} {value!r} is not a CAP value ({', '.join(allowed)})")
    return tuple(v for v in values if v in allowed) or default


def read_cap(f: Fields, ref: Reference) -> CapInject:
    if f.has("status"):
        f.problem("status", "status is always Exercise in a drill; leave it out")
    event = f.text("event", required=True, limit=200)
    headline = f.text("headline", required=True, limit=200)
    urgency = f.choice("urgency", CAP_URGENCIES, required=True) or "Unknown"
    severity = f.choice("severity", CAP_SEVERITIES, required=True) or "Unknown"
    certainty = f.choice("certainty", CAP_CERTAINTIES, required=True) or "Unknown"
    categories = _choices(f, "category", CAP_CATEGORIES, ("Other",))
    responses = _choices(f, "response", CAP_RESPONSE_TYPES, ())
    msg_type = f.choice("msg_type", MSG_TYPES) or "Alert"
    references = f.ref("references")
    if msg_type != "Alert" and references is None:
        f.problem("msg_type", f"an {msg_type} needs references: the id of the cap inject it changes")
    if msg_type == "Alert" and references is not None:
        f.problem("references", "only an Update or a Cancel references an earlier alert")
    expires = f.duration("expires")
    area_desc = ""
    codes: tuple[str, ...] = ()
    circle: Circle | None = None
    area = f.mapping("area", required=True)
    if area is not None and area.ok:
        area_desc = area.text("desc", required=True, limit=512)
        codes = area.texts("codes")
        for code in codes:
            if code not in ref.areas:
                area.problem("codes", f"area code {code!r} is not a town, village or grid of the district")
        circle = _circle(area)
        area.finish()
    return CapInject(
        event=event,
        headline=headline,
        urgency=urgency,
        severity=severity,
        certainty=certainty,
        area_desc=area_desc,
        description=f.text("description"),
        instruction=f.text("instruction"),
        categories=categories,
        response_types=responses,
        area_codes=codes,
        circle=circle,
        sender_name=f.text("sender_name", limit=200),
        msg_type=msg_type,
        references=references,
        expires_s=expires,
    )


def _circle(area: Fields) -> Circle | None:
    node: yaml.Node | None = area.node("circle")
    if node is None:
        return None
    c = area.child(node)
    lat = c.number("lat", required=True)
    lon = c.number("lon", required=True)
    radius = c.number("radius_km", required=True, positive=True)
    c.finish()
    if lat is not None and not -90 <= lat <= 90:
        c.problem("lat", f"lat must be between -90 and 90, not {lat:g}")
        return None
    if lon is not None and not -180 <= lon <= 180:
        c.problem("lon", f"lon must be between -180 and 180, not {lon:g}")
        return None
    return None if lat is None or lon is None or radius is None else Circle(lat, lon, radius)
