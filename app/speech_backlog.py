"""The announcements waiting to be spoken: bounded, loudest first, first come first served within a severity.

Plain Python shared between the GUI thread (``push``) and the speech worker (``take``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from dataclasses import dataclass, field

from client_api.alert_priority import severity_rank

log = logging.getLogger("app.speech")

DEFAULT_CAPACITY = 20
NEVER_DROPPED = "Extreme"


@dataclass(frozen=True, order=True)
class Announcement:
    """One text to speak; ``seq`` keeps FIFO order within a severity."""

    rank: int
    seq: int
    text: str = field(compare=False)
    severity: str = field(compare=False)
    volume: float | None = field(default=None, compare=False)  # a fraction of the seat's volume


class SpeechBacklog:
    """A bounded priority queue of announcements.

    When full, a new announcement replaces the oldest of the quietest waiting ones if that one is
    quieter than it; otherwise the new one is dropped (what waits is at least as loud, and older).
    Extreme announcements are never dropped: when only Extreme ones wait, the backlog grows past its
    capacity.

    Attributes:
        capacity: how many announcements wait before one is dropped.
        dropped: the texts dropped so far, in order (logged too).
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError(f"speech backlog capacity must be at least 1, not {capacity}")
        self.capacity = capacity
        self.dropped: list[str] = []
        self._items: list[Announcement] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._in_hand = False

    def __len__(self) -> int:
        with self._cond:
            return len(self._items)

    @property
    def closed(self) -> bool:
        return self._closed

    def push(self, text: str, severity: str, volume: float | None = None) -> bool:
        """Queue ``text``; False when it is dropped at once (full of louder ones) or the backlog is closed."""
        item = Announcement(severity_rank(severity), next(self._seq), text, severity, volume)
        with self._cond:
            if self._closed:
                return False
            if len(self._items) >= self.capacity and not self._make_room(item):
                self._drop(item)
                return False
            self._items.append(item)
            self._cond.notify()
            return True

    def _make_room(self, incoming: Announcement) -> bool:
        droppable = [a for a in self._items if a.severity != NEVER_DROPPED]
        if not droppable:
            return incoming.severity == NEVER_DROPPED
        # min() over (rank, seq): the quietest, and the oldest among those.
        victim = min(droppable)
        if victim.rank >= incoming.rank:
            return False
        self._items.remove(victim)
        self._drop(victim)
        return True

    def _drop(self, item: Announcement) -> None:
        self.dropped.append(item.text)
        log.warning(
            "speech backlog full (%d): dropped %s announcement %r", self.capacity, item.severity, item.text
        )

    def take(self, timeout: float | None = None) -> Announcement | None:
        """The loudest, oldest announcement; waits for one. None when closed (or after ``timeout``)."""
        with self._cond:
            while not self._items and not self._closed:
                if not self._cond.wait(timeout):
                    return None
            if self._closed:
                return None
            # Loudest first; the negated rank makes min() pick it, then the smallest seq.
            item = min(self._items, key=lambda a: (-a.rank, a.seq))
            self._items.remove(item)
            self._in_hand = True
            return item

    def done(self) -> None:
        """The worker finished the announcement it took."""
        with self._cond:
            self._in_hand = False

    def pending(self) -> int:
        """Announcements waiting or in the worker's hands."""
        with self._cond:
            return len(self._items) + (1 if self._in_hand else 0)

    def clear(self) -> int:
        """Forget everything waiting (the seat was muted); returns how many were waiting."""
        with self._cond:
            count = len(self._items)
            self._items.clear()
            return count

    def close(self) -> None:
        """Wake the worker for good: ``take`` returns None from now on."""
        with self._cond:
            self._closed = True
            self._items.clear()
            self._cond.notify_all()
