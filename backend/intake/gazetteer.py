"""The district's gazetteer: address completion and geocoding (resources/demo/gazetteer.json).

Addresses on a road are known at a few house numbers; a number in between is placed by linear
interpolation along the road, which is how house-number geocoders work without a full address table.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from backend.intake import data, pinyin
from backend.intake.areas import AreaCodes, grid_map


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    kind: str
    address: str
    lat: float
    lon: float
    road: str | None = None
    number: int | None = None
    aliases: tuple[str, ...] = ()
    codes: AreaCodes | None = None


@dataclass(frozen=True, slots=True)
class Geocoded:
    lat: float
    lon: float
    precision: str  # exact | interpolated | road | landmark
    entry: Entry | None  # the entry matched (for interpolation: the nearest known number)
    codes: AreaCodes | None


@dataclass
class _Keys:
    names: list[str]  # folded name and aliases
    address: str
    initials: list[str] = field(default_factory=list)


class Gazetteer:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._keys = [
            _Keys([pinyin.fold(e.name), *map(pinyin.fold, e.aliases)], pinyin.fold(e.address))
            for e in entries
        ]
        self._by_name: dict[str, Entry] = {}
        for entry, keys in zip(entries, self._keys, strict=True):
            for key in [*keys.names, keys.address]:
                self._by_name.setdefault(key, entry)
        self._roads: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.road is not None and entry.number is not None:
                self._roads.setdefault(entry.road, []).append(entry)
        for numbered in self._roads.values():
            numbered.sort(key=lambda e: e.number or 0)
        # Longest road names first, so 临江大道 wins over a shorter name inside it.
        roads = sorted(self._roads, key=len, reverse=True)
        self._road_number = re.compile("(" + "|".join(map(re.escape, roads)) + r")(\d+)") if roads else None
        self._landmarks = sorted(
            ((key, e) for e, k in zip(entries, self._keys, strict=True) if e.road is None for key in k.names),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self._initials_ready = False

    @classmethod
    def from_json(cls, doc: dict[str, object]) -> Gazetteer:
        locate = grid_map().locate
        entries = [
            Entry(
                id=raw["id"],
                name=raw["name"],
                kind=raw["kind"],
                address=raw["address"],
                lat=float(raw["lat"]),
                lon=float(raw["lon"]),
                road=raw.get("road"),
                number=raw.get("number"),
                aliases=tuple(raw.get("aliases", ())),
                codes=locate(float(raw["lat"]), float(raw["lon"])),
            )
            for raw in doc["entries"]  # type: ignore[attr-defined]
        ]
        return cls(entries)

    # --- completion -------------------------------------------------------------------------------

    def complete(self, prefix: str, limit: int) -> list[Entry]:
        """Entries whose name, alias or address holds what was typed, or whose pinyin initials do."""
        query = pinyin.fold(prefix)
        if not query:
            return []
        latin = query.isascii() and query.isalpha()
        if latin:
            self.prepare_pinyin()
        ranked: list[tuple[int, int, int, Entry]] = []
        for index, (entry, keys) in enumerate(zip(self.entries, self._keys, strict=True)):
            score = self._score(query, keys, latin)
            if score:
                ranked.append((-score, len(entry.name), index, entry))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked[:limit]]

    @staticmethod
    def _score(query: str, keys: _Keys, latin: bool) -> int:
        if any(name.startswith(query) for name in keys.names):
            return 90
        if any(query in name for name in keys.names):
            return 70
        if query in keys.address:
            return 60
        if latin:
            if any(key.startswith(query) for key in keys.initials):
                return 80
            if any(query in key for key in keys.initials):
                return 50
        return 0

    def prepare_pinyin(self) -> None:
        """Compute the pinyin keys of every entry (done on the first Latin query otherwise)."""
        if not self._initials_ready:
            for entry, keys in zip(self.entries, self._keys, strict=True):
                keys.initials = [
                    key for name in (entry.name, *entry.aliases) for key in pinyin.initials(name)
                ]
            self._initials_ready = True

    # --- geocoding --------------------------------------------------------------------------------

    def geocode(self, address: str) -> Geocoded | None:
        """Where an address is: an entry's own name, a road and house number, or a landmark named in it."""
        text = pinyin.fold(address)
        if not text:
            return None
        entry = self._by_name.get(text) or self._by_name.get(text.removesuffix("号") + "号")
        if entry is not None:
            return Geocoded(entry.lat, entry.lon, "exact", entry, entry.codes)
        if self._road_number is not None:
            match = self._road_number.search(text)
            if match:
                return self._on_road(match.group(1), int(match.group(2)))
        for key, landmark in self._landmarks:
            if len(key) >= 2 and key in text:
                return Geocoded(landmark.lat, landmark.lon, "landmark", landmark, landmark.codes)
        for road, numbered in self._roads.items():
            if road in text:
                middle = numbered[len(numbered) // 2]
                return Geocoded(middle.lat, middle.lon, "road", middle, middle.codes)
        return None

    def _on_road(self, road: str, number: int) -> Geocoded:
        numbered = self._roads[road]
        below = [e for e in numbered if (e.number or 0) <= number]
        above = [e for e in numbered if (e.number or 0) >= number]
        if below and above:
            lo, hi = below[-1], above[0]
            if lo is hi:
                return Geocoded(lo.lat, lo.lon, "exact", lo, lo.codes)
            t = (number - (lo.number or 0)) / ((hi.number or 0) - (lo.number or 0))
            lat, lon = lo.lat + (hi.lat - lo.lat) * t, lo.lon + (hi.lon - lo.lon) * t
            nearest = lo if t < 0.5 else hi
            return Geocoded(lat, lon, "interpolated", nearest, grid_map().locate(lat, lon))
        # Beyond the numbers we know: the nearest known one stands for the road.
        nearest = below[-1] if below else above[0]
        return Geocoded(nearest.lat, nearest.lon, "road", nearest, nearest.codes)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer.from_json(data.load_json(data.DEMO, "gazetteer.json"))
