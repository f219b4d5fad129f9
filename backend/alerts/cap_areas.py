"""CAP ``area`` blocks: polygons ("lat,lon lat,lon …", a closed ring), circles ("lat,lon radius_km")
and geocodes, checked and turned into AlertArea; the point and unit code an alert is placed at."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from backend.alerts.cap_xml import CapInvalid, cap
from client_api.alert_messages import AlertArea, Circle, Geocode

GRID = "grid"  # the geocode valueName of a code of the district's unit tree
MAX_POINTS = 10_000


def read_area(element: ET.Element, where: str) -> AlertArea:
    desc = (element.findtext(cap("areaDesc")) or "").strip()
    return AlertArea(
        area_desc=desc,
        polygons=[polygon(p.text or "", f"{where}/polygon") for p in element.findall(cap("polygon"))],
        circles=[circle(c.text or "", f"{where}/circle") for c in element.findall(cap("circle"))],
        geocodes=[
            Geocode(
                value_name=(g.findtext(cap("valueName")) or "").strip(),
                value=(g.findtext(cap("value")) or "").strip(),
            )
            for g in element.findall(cap("geocode"))
        ],
    )


def point(text: str, where: str) -> tuple[float, float]:
    """ "lat,lon" as WGS 84 degrees."""
    parts = text.split(",")
    if len(parts) != 2:
        raise CapInvalid(f"{where}: {text!r} is not a point 'lat,lon'")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise CapInvalid(f"{where}: {text!r} is not a point 'lat,lon' of numbers") from None
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise CapInvalid(f"{where}: latitude {parts[0]} is outside -90..90")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise CapInvalid(f"{where}: longitude {parts[1]} is outside -180..180")
    return lat, lon


def polygon(text: str, where: str) -> list[tuple[float, float]]:
    pairs = text.split()
    if len(pairs) > MAX_POINTS:
        raise CapInvalid(f"{where}: more than {MAX_POINTS} points")
    ring = [point(pair, where) for pair in pairs]
    if len(ring) < 4:
        raise CapInvalid(f"{where}: a polygon needs at least 4 points (a closed ring), not {len(ring)}")
    if ring[0] != ring[-1]:
        raise CapInvalid(
            f"{where}: the ring is not closed (the first point {pairs[0]} is not the last {pairs[-1]})"
        )
    return ring


def circle(text: str, where: str) -> Circle:
    parts = text.split()
    if len(parts) != 2:
        raise CapInvalid(f"{where}: {text.strip()!r} is not a circle 'lat,lon radius_km'")
    lat, lon = point(parts[0], where)
    try:
        radius = float(parts[1])
    except ValueError:
        radius = math.nan
    if not (math.isfinite(radius) and radius >= 0):
        raise CapInvalid(f"{where}: the radius {parts[1]!r} is not a number of kilometres (0 or more)")
    return Circle(lat=lat, lon=lon, radius_km=radius)


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """The area centroid of a closed ring of (lat, lon), planar; the mean of its points if it has no area."""
    points = ring[:-1]
    area = clat = clon = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:] + points[:1], strict=True):
        cross = lon1 * lat2 - lon2 * lat1
        area += cross
        clon += (lon1 + lon2) * cross
        clat += (lat1 + lat2) * cross
    if abs(area) < 1e-12:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return clat / (3 * area), clon / (3 * area)


def placement(areas: list[AlertArea]) -> tuple[float | None, float | None, str | None]:
    """(lat, lon, grid_code): the first circle's centre, else the first polygon's centroid; the most
    specific (longest) "grid" geocode."""
    lat = lon = None
    circles = [c for a in areas for c in a.circles]
    rings = [r for a in areas for r in a.polygons]
    if circles:
        lat, lon = circles[0].lat, circles[0].lon
    elif rings:
        lat, lon = centroid(rings[0])
    codes = [g.value for a in areas for g in a.geocodes if g.value_name == GRID and g.value]
    return lat, lon, max(codes, key=len) if codes else None
