"""Python's garbage collector and a seat holding 100,000 cases.

A full collection visits every container the collector tracks, and with the case book, the table's
sorted index and their dicts that takes 30–70 ms: a visible stall, at a moment nobody chooses (it runs
once enough objects have survived, which live updates bring about). What a large load leaves behind
lives as long as the session, so after one we collect once, at a known moment, and freeze what
survived: later full collections no longer visit it. The bench (``bench/workspace.py``) calls the same.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger("app.ui")

LARGE_LOAD = 10_000  # cases; below this a full collection is quick and settling is not worth it


def settle() -> float:
    """Collect once, then move everything that survived out of the collector's sight; returns seconds.

    Call it after a large load (start-up, the case book paged in). Frozen objects are still freed by
    reference counting when dropped; only a reference cycle among them would stay until the exit."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    spent = time.perf_counter() - started
    log.debug("gc settled in %.0f ms, %d objects frozen", spent * 1000, gc.get_freeze_count())
    return spent
