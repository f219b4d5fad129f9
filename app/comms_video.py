"""Video calls with field units as the seat follows them (video.updated): start, end, and the camera
id each session carries so that a wall tile can show it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.seat_requests import load_or_log, send_or_report
from app.seat_service import SeatService
from client_api import comms_messages as cm


class VideoSessions(QObject):
    """Signals:
    sessionChanged(object): a VideoSession started, changed or ended.
    sessionsReset(): ``sessions`` was loaded again.

    Attributes: sessions (VideoSession by id).
    """

    sessionChanged = Signal(object)
    sessionsReset = Signal()

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        self.sessions: dict[int, cm.VideoSession] = {}

    async def load(self) -> None:
        listing: cm.VideoList | None = await load_or_log(self._seat, "video.list", cm.ListVideo())
        if listing is not None:
            self.sessions = {s.id: s for s in listing.sessions}
            self.sessionsReset.emit()

    def apply(self, session: cm.VideoSession) -> None:
        self.sessions[session.id] = session
        self.sessionChanged.emit(session)

    def live(self) -> list[cm.VideoSession]:
        return [s for s in self.sessions.values() if s.ended_at is None]

    async def start(self, entry_id: str, case_id: int | None) -> cm.VideoSession | None:
        result: cm.VideoOk | None = await send_or_report(
            self._seat,
            "video.start",
            cm.StartVideo(entry_id=entry_id, case_id=case_id),
            self.tr("The video session did not start"),
        )
        if result is None:
            return None
        self.apply(result.session)
        return result.session

    async def end(self, session_id: int) -> cm.VideoSession | None:
        result: cm.VideoOk | None = await send_or_report(
            self._seat,
            "video.end",
            cm.VideoRef(session_id=session_id),
            self.tr("The video session did not end"),
        )
        if result is None:
            return None
        self.apply(result.session)
        return result.session
