"""Readings in: each checked on its own, the good ones fed to the rules engine in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.warnings.engine import WarningEngine
from backend.warnings.firing import Firing
from backend.warnings.readings import ReadingChecker
from client_api.alert_messages import Reading, RejectedEntry


@dataclass(slots=True)
class Ingested:
    accepted: int = 0
    rejected: list[RejectedEntry] = field(default_factory=list)
    firings: list[Firing] = field(default_factory=list)


def ingest_readings(
    engine: WarningEngine,
    checker: ReadingChecker,
    readings: list[Reading],
    now: float,
    into: Ingested | None = None,
    first_index: int = 0,
) -> Ingested:
    """Check and feed ``readings`` (index ``first_index`` onwards in the request); a refused reading
    leaves every model as it was. Results are added to ``into`` (a new Ingested by default)."""
    done = Ingested() if into is None else into
    problem, feed = checker.problem, engine.feed_reading
    for index, reading in enumerate(readings, first_index):
        why = problem(reading, now)
        if why is not None:
            done.rejected.append(RejectedEntry(index=index, reason=why))
            continue
        done.accepted += 1
        fired = feed(reading)
        if fired:
            for firing in fired:
                firing.index = index
            done.firings += fired
    return done
