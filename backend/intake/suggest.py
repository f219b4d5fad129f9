"""Category suggestion from a description: taxonomy keywords plus what past cases of each category said.

Two signals, both deterministic. Keywords: the keywords of a category found in the description, longer
ones weighing more. History: TF-IDF cosine between the description's words and the words of the last
``per_category`` cases of each category; its weight grows with the category's history, so a category
without past cases is judged by its keywords alone. New cases are
queued by the store's event sink and folded in on the next suggestion.
"""

from __future__ import annotations

import collections
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from backend.intake import text
from backend.intake.taxonomy import CategoryRow, keywords, leaves

HISTORY_WEIGHT = 0.5  # the share of the history signal once a category has enough past cases
FULL_HISTORY = 10  # past cases of a category at which its history signal reaches full weight
KEYWORD_SMOOTHING = 3.0  # a lone short keyword match must not look certain
MIN_CONFIDENCE = 0.05
IDF_REFRESH = 0.1  # recompute the IDF table when the corpus grew by this fraction


@dataclass(frozen=True, slots=True)
class Suggestion:
    row: CategoryRow
    confidence: float
    keywords: list[str]


class _CategoryDocs:
    def __init__(self, size: int) -> None:
        self.docs: collections.deque[tuple[int, collections.Counter[str]]] = collections.deque()
        self.size = size
        self.sums: collections.defaultdict[str, float] = collections.defaultdict(float)  # Σ tf / doc length
        self.norm: float | None = None  # of the idf-weighted centroid; None when stale


class Suggester:
    def __init__(self, rows: list[CategoryRow], per_category: int = 200) -> None:
        words = keywords()
        self.rows = {r.code: r for r in leaves(rows)}
        self._keywords = {
            code: sorted({text.normalize(k) for k in (*words.get(code, ()), row.name)} - {""}, key=len)
            for code, row in self.rows.items()
        }
        self._cats = {code: _CategoryDocs(per_category) for code in self.rows}
        self._df: collections.Counter[str] = collections.Counter()
        self._ids: set[int] = set()
        self._n = 0
        self._idf: dict[str, float] = {}
        self._idf_n = 0
        self._pending: collections.deque[tuple[int, str, str]] = collections.deque()
        self._lock = threading.Lock()

    # --- history ----------------------------------------------------------------------------------

    def queue(self, case_id: int, category_code: str, description: str) -> None:
        """Remember a new case; cheap, called from the store's event sink."""
        self._pending.append((case_id, category_code, description))

    def learn(self, cases: Iterable[tuple[int, str, str]]) -> None:
        """Add past cases (id, category, description), oldest first."""
        with self._lock:
            for case_id, code, description in cases:
                self._add(case_id, code, description)

    def _add(self, case_id: int, code: str, description: str) -> None:
        cat = self._cats.get(code)
        if cat is None or case_id in self._ids:
            return
        counts = collections.Counter(text.words(description))
        if not counts:
            return
        total = sum(counts.values())
        if len(cat.docs) >= cat.size:
            old_id, old = cat.docs.popleft()
            self._ids.discard(old_id)
            old_total = sum(old.values())
            for word, n in old.items():
                cat.sums[word] -= n / old_total
                if cat.sums[word] < 1e-9:
                    del cat.sums[word]
                self._df[word] -= 1
                if not self._df[word]:
                    del self._df[word]
            self._n -= 1
        cat.docs.append((case_id, counts))
        self._ids.add(case_id)
        for word, n in counts.items():
            cat.sums[word] += n / total
            self._df[word] += 1
        self._n += 1
        cat.norm = None

    def _refresh(self) -> None:
        while self._pending:
            self._add(*self._pending.popleft())
        if self._n and abs(self._n - self._idf_n) >= max(1, self._idf_n * IDF_REFRESH):
            self._idf = {w: math.log((self._n + 1) / (df + 1)) + 1.0 for w, df in self._df.items()}
            self._idf_n = self._n
            for cat in self._cats.values():
                cat.norm = None

    def _weight(self, word: str) -> float:
        return self._idf.get(word, math.log(self._idf_n + 1) + 1.0)  # unseen words weigh most

    def _norm(self, cat: _CategoryDocs) -> float:
        if cat.norm is None:
            cat.norm = math.sqrt(sum((v * self._weight(w)) ** 2 for w, v in cat.sums.items()))
        return cat.norm

    # --- suggestion -------------------------------------------------------------------------------

    def suggest(self, description: str, limit: int = 3) -> list[Suggestion]:
        norm_text = text.normalize(description)
        query = collections.Counter(text.words(description))
        with self._lock:
            self._refresh()
            history = self._history_scores(query)
            sizes = {code: len(cat.docs) for code, cat in self._cats.items()}
        found = {code: self._found_keywords(code, norm_text) for code in self.rows}
        weights = {code: float(sum(len(k) for k in ks)) for code, ks in found.items()}
        total = sum(weights.values())
        ranked = []
        for code, row in self.rows.items():
            keyword_share = weights[code] / (total + KEYWORD_SMOOTHING)
            history_weight = HISTORY_WEIGHT * min(1.0, sizes[code] / FULL_HISTORY)
            confidence = (1 - history_weight) * keyword_share + history_weight * history.get(code, 0.0)
            if confidence >= MIN_CONFIDENCE:
                ranked.append(Suggestion(row, round(confidence, 3), found[code]))
        ranked.sort(key=lambda s: (-s.confidence, s.row.code))
        return ranked[:limit]

    def _found_keywords(self, code: str, norm_text: str) -> list[str]:
        """The category's keywords in the text, without those inside a longer one found (水管 in 水管爆)."""
        hits = [k for k in self._keywords[code] if k in norm_text]
        return [k for k in hits if not any(k != other and k in other for other in hits)]

    def _history_scores(self, query: collections.Counter[str]) -> dict[str, float]:
        if not query or not self._n:
            return {}
        total = sum(query.values())
        q = {w: n / total * self._weight(w) for w, n in query.items()}
        q_norm = math.sqrt(sum(v * v for v in q.values()))
        scores = {}
        for code, cat in self._cats.items():
            if not cat.docs:
                continue
            dot = sum(v * cat.sums.get(w, 0.0) * self._weight(w) for w, v in q.items())
            if dot > 0:
                scores[code] = dot / (q_norm * self._norm(cat))
        return scores
