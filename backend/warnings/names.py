"""Names of the district's areas and categories, for headlines (from the store, or the demo files)."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.intake import data


@dataclass(slots=True)
class Names:
    areas: dict[str, str] = field(default_factory=dict)  # code → name (town, village, grid)
    categories: dict[str, str] = field(default_factory=dict)  # code → name

    def area(self, code: str | None) -> str:
        if code is None:
            return "辖区"
        return self.areas.get(code, code)

    def category(self, code: str | None) -> str:
        if code is None:
            return "诉求"
        return self.categories.get(code, code)

    @classmethod
    def demo(cls) -> Names:
        doc = data.load_json(data.DEMO, "district.json")
        return cls(
            {a["code"]: a["name"] for a in doc["areas"]}, {c["code"]: c["name"] for c in doc["categories"]}
        )
