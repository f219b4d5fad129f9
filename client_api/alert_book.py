"""The alerts a seat knows, newest first, with change listeners. Plain Python: the Qt model adapts it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from client_api.alert_messages import AlertRecord


class AlertBook:
    """Alerts by id, ordered newest first (by id: the backend numbers them as they arrive).

    ``upsert`` ignores a record older than the one it holds (``updated_at``), so an answer and the
    event of the same change may arrive in either order.

    Listeners: ``on_reset()`` after a snapshot replaced everything; ``on_about_to_insert(row)`` and
    ``on_inserted(row)`` around a new alert going in at ``row``; ``on_changed(row)`` after the alert at
    ``row`` was replaced.
    """

    def __init__(self) -> None:
        self._alerts: list[AlertRecord] = []
        self._by_id: dict[int, AlertRecord] = {}
        self.on_reset: list[Callable[[], None]] = []
        self.on_about_to_insert: list[Callable[[int], None]] = []
        self.on_inserted: list[Callable[[int], None]] = []
        self.on_changed: list[Callable[[int], None]] = []

    def __len__(self) -> int:
        return len(self._alerts)

    def __getitem__(self, row: int) -> AlertRecord:
        return self._alerts[row]

    def __iter__(self) -> Iterator[AlertRecord]:
        return iter(self._alerts)

    def __contains__(self, alert_id: object) -> bool:
        return alert_id in self._by_id

    def get(self, alert_id: int) -> AlertRecord | None:
        return self._by_id.get(alert_id)

    def row_of(self, alert_id: int) -> int | None:
        return self._position(alert_id) if alert_id in self._by_id else None

    def _position(self, alert_id: int) -> int:
        """The first row whose id is not above ``alert_id`` (ids descend down the rows)."""
        lo, hi = 0, len(self._alerts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._alerts[mid].id > alert_id:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def active(self) -> list[AlertRecord]:
        """The unacknowledged alerts, newest first."""
        return [a for a in self._alerts if a.state == "active"]

    def reset(self, alerts: Iterable[AlertRecord]) -> None:
        """Replace everything with a snapshot; a record this book holds in a newer version than the
        snapshot's (an event that overtook the snapshot's answer) is kept."""
        merged: dict[int, AlertRecord] = {}
        for alert in alerts:
            known = self._by_id.get(alert.id)
            merged[alert.id] = known if known is not None and known.updated_at > alert.updated_at else alert
        self._alerts = sorted(merged.values(), key=lambda a: a.id, reverse=True)
        self._by_id = merged
        for listener in self.on_reset:
            listener()

    def upsert(self, alert: AlertRecord) -> tuple[bool, AlertRecord | None]:
        """Apply a record; returns (whether anything changed, the record held before or None)."""
        old = self._by_id.get(alert.id)
        if old is not None:
            if old == alert or old.updated_at > alert.updated_at:
                return False, old
            row = self._position(alert.id)
            self._alerts[row] = alert
            self._by_id[alert.id] = alert
            for changed in self.on_changed:
                changed(row)
            return True, old
        row = self._position(alert.id)  # 0 for the newest, as almost always
        for listener in self.on_about_to_insert:
            listener(row)
        self._alerts.insert(row, alert)
        self._by_id[alert.id] = alert
        for listener in self.on_inserted:
            listener(row)
        return True, None
