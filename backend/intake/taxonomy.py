"""Case categories for the form: keywords (resources/taxonomy/categories.json) and search by name,
code or pinyin initials."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from backend.intake import data, pinyin


@dataclass(frozen=True, slots=True)
class CategoryRow:
    code: str
    name: str
    kind: str
    parent_code: str | None


@dataclass(frozen=True, slots=True)
class Match:
    row: CategoryRow
    parent_name: str | None
    score: float
    matched: str  # code | name | pinyin | keyword | parent


@dataclass
class _Entry:
    row: CategoryRow
    parent_name: str | None
    name: str  # folded
    keywords: list[str]
    initials: list[str] = field(default_factory=list)
    spelled: str = ""  # full pinyin of the name


@functools.cache
def keywords() -> dict[str, tuple[str, ...]]:
    """Keywords per category code, as edited in categories.json."""
    doc = data.load_json(data.TAXONOMY, "categories.json")
    return {code: tuple(entry.get("keywords", ())) for code, entry in doc["categories"].items()}


def leaves(rows: list[CategoryRow]) -> list[CategoryRow]:
    """The categories a case is filed under: minor classes and appeal types, not the major classes
    that only group them."""
    parents = {r.parent_code for r in rows if r.parent_code is not None}
    return [r for r in rows if r.code not in parents]


class CategoryIndex:
    """Search over the leaf categories; pinyin keys are computed once, when the index is built."""

    def __init__(self, rows: list[CategoryRow]) -> None:
        names = {r.code: r.name for r in rows}
        words = keywords()
        self.rows = rows
        self.by_code = {r.code: r for r in rows}
        self._entries = [
            _Entry(
                row=r,
                parent_name=names.get(r.parent_code) if r.parent_code else None,
                name=pinyin.fold(r.name),
                keywords=[pinyin.fold(k) for k in words.get(r.code, ())],
                initials=pinyin.initials(r.name),
                spelled=pinyin.full(r.name),
            )
            for r in leaves(rows)
        ]

    def search(self, query: str, limit: int) -> list[Match]:
        q = pinyin.fold(query)
        found = []
        for entry in self._entries:
            score, how = self._score(q, entry)
            if score:
                found.append(Match(entry.row, entry.parent_name, score, how))
        found.sort(key=lambda m: (-m.score, len(m.row.name), m.row.code))
        return found[:limit]

    @staticmethod
    def _score(q: str, e: _Entry) -> tuple[float, str]:
        code = e.row.code.lower()
        latin = q.isascii() and q.isalpha()
        candidates: list[tuple[float, str]] = [
            (100, "code") if q == code else (0, ""),
            (95, "name") if q == e.name else (0, ""),
            (90, "code") if code.startswith(q) else (0, ""),
            (85, "name") if e.name.startswith(q) else (0, ""),
            (70, "name") if q in e.name else (0, ""),
        ]
        if latin:
            candidates += [
                (82, "pinyin") if q in e.initials else (0, ""),
                (80, "pinyin") if any(k.startswith(q) for k in e.initials) else (0, ""),
                (75, "pinyin") if len(q) >= 2 and e.spelled.startswith(q) else (0, ""),
                (60, "pinyin") if len(q) >= 2 and any(q in k for k in e.initials) else (0, ""),
            ]
        candidates += [
            (55, "keyword") if q in e.keywords else (0, ""),
            (50, "keyword") if any(q in k for k in e.keywords) else (0, ""),
            (40, "parent") if e.parent_name and q in pinyin.fold(e.parent_name) else (0, ""),
        ]
        return max(candidates)
