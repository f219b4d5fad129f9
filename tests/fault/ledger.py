"""What the fault tests sent, and what the database holds: the count that says lost or applied twice."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from backend import schema

Step = tuple[str, str]  # (case description, action); "created" is the case itself


class Ledger:
    """Every command a test submitted, by case description and action (each pair is sent once)."""

    def __init__(self) -> None:
        self.sent: list[Step] = []
        self.refusals: list[tuple[str, str, str]] = []
        self.answers_lost = 0  # applied, but answered ``already_applied`` without the first answer

    @property
    def commands(self) -> int:
        return len(self.sent)

    def submitted(self, description: str, action: str) -> None:
        self.sent.append((description, action))

    def refused(self, description: str, action: str, code: str) -> None:
        self.refusals.append((description, action, code))

    def compare(self, found: Counter[Step]) -> tuple[list[Step], list[Step]]:
        """(lost, duplicated): steps sent but not in the database, and steps applied more than once
        (or applied without being sent)."""
        sent = set(self.sent)
        lost = [step for step in self.sent if found[step] == 0]
        duplicated = [step for step, n in found.items() if n > 1 or step not in sent]
        return lost, duplicated


def count_applied(db_url: str, prefix: str) -> Counter[Step]:
    """How often each step of the cases whose description starts with ``prefix`` is in the database:
    the case row once as "created", and each timeline row after the one that records the creation."""
    cases, timeline = schema.cases, schema.case_timeline
    engine = sa.create_engine(db_url)
    found: Counter[Step] = Counter()
    try:
        with engine.connect() as conn:
            ours = cases.c.description.startswith(prefix, autoescape=True)
            for row in conn.execute(sa.select(cases.c.description).where(ours)):
                found[(row.description, "created")] += 1
            query = (
                sa.select(cases.c.description, timeline.c.action)
                .join(timeline, timeline.c.case_id == cases.c.id)
                .where(ours, timeline.c.action != "created")
            )
            for row in conn.execute(query):
                found[(row.description, row.action)] += 1
    finally:
        engine.dispose()
    return found


def find_case_id(db_url: str, description: str) -> int:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            query = sa.select(schema.cases.c.id).where(schema.cases.c.description == description)
            return int(conn.execute(query).scalar_one())
    finally:
        engine.dispose()
