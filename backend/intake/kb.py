"""Knowledge-base search: the answers an operator reads out to close a consultation at intake."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.intake import data, text
from client_api import intake_messages as im

KEYWORD_SEPARATOR = ","


def split_keywords(stored: str) -> list[str]:
    return [k for k in (part.strip() for part in stored.split(KEYWORD_SEPARATOR)) if k]


def rank(rows: Sequence[Any], query: str, limit: int) -> list[im.KbArticle]:
    """Articles scored by the query's words found in title (most), keywords and answer; ties by id."""
    whole = text.normalize(query)
    words = set(text.words(query)) or {whole}
    ranked = []
    for row in rows:
        title, answer = text.normalize(row.title), text.normalize(row.answer)
        keywords = split_keywords(row.keywords)
        folded = [text.normalize(k) for k in keywords]
        score = 4.0 if whole and whole in title else 0.0
        for word in words:
            if word in title:
                score += 2.0
            if word in folded:
                score += 2.0
            elif any(word in k for k in folded):
                score += 1.0
            if word in answer:
                score += 0.5
        if score:
            ranked.append(
                im.KbArticle(
                    id=row.id,
                    title=row.title,
                    answer=row.answer,
                    keywords=keywords,
                    category_code=row.category_code,
                    score=round(score / len(words), 3),
                )
            )
    ranked.sort(key=lambda a: (-a.score, a.id))
    return ranked[:limit]


def read_articles(conn: sa.Connection) -> list[Any]:
    """All articles: a center keeps a few hundred, scoring them in memory beats LIKE on every word."""
    return list(conn.execute(sa.select(schema.kb_articles).order_by(schema.kb_articles.c.id)).all())


def seed_rows() -> list[dict[str, Any]]:
    """The demo knowledge base (resources/taxonomy/kb_articles.json) as rows of ``kb_articles``."""
    doc = data.load_json(data.TAXONOMY, "kb_articles.json")
    return [
        {
            "title": a["title"],
            "answer": a["answer"],
            "keywords": KEYWORD_SEPARATOR.join(a["keywords"]),
            "category_code": a.get("category_code"),
        }
        for a in doc["articles"]
    ]
