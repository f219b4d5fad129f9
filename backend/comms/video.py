"""Video sessions with field units. While one runs, the unit's stream is a camera of the registry
(``vs-<session id>``, group 单兵视频, at the unit's grid or town, else the district's middle),
announced with ``camera.changed`` like any camera, so a seat can put it on a wall tile; ending the
session removes the camera (a tile still showing it loses its signal)."""

from __future__ import annotations

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.case_record import check_case, record_on_case
from backend.comms.directory_rows import position, require_entry, who
from backend.comms.patches import invalid, not_found
from backend.comms.radio_talks import duration
from backend.events import StoredEvent, append_event
from backend.wall import cameras
from client_api import comms_messages as cm
from client_api import messages as m
from client_api import wall_messages as wm
from client_api.errors import ProtocolError

table = schema.video_sessions
CAMERA_GROUP = "单兵视频"


def start_video(
    conn: sa.Connection, req: cm.StartVideo, operator: m.Operator, seat_id: str | None, now: float
) -> tuple[cm.VideoSession, list[StoredEvent]]:
    entry = require_entry(conn, req.entry_id, "entry_id")
    if entry.kind != "field_unit" or not entry.video_url:
        raise invalid("entry_id", f"{who(entry)} has no video")
    running = [s for s in running_sessions(conn) if s.entry_id == entry.id]
    if running:
        raise invalid(
            "entry_id", f"{who(entry)} is already in video session {running[0].id} of {running[0].by}"
        )
    if req.case_id is not None:
        check_case(conn, req.case_id)
    row = sa.insert(table).values(entry_id=entry.id, started_at=now, record="")
    session_id = int(conn.execute(row.returning(table.c.id)).scalar_one())
    camera = _camera(conn, session_id, entry)
    session = cm.VideoSession(
        id=session_id,
        entry_id=entry.id,
        name=entry.name,
        url=camera.url,
        started_at=now,
        by=operator.username,
        camera_id=camera.id,
        case_id=req.case_id,
    )
    conn.execute(sa.delete(schema.cameras).where(schema.cameras.c.id == camera.id))
    cameras.insert_camera(conn, camera)
    if req.case_id is not None:
        note = f"video session with {who(entry)} started"
        record_on_case(conn, req.case_id, now, operator, seat_id, "video", note)
    return session, [_save(conn, session, now), cameras.changed(conn, now)]


def end_video(
    conn: sa.Connection, req: cm.VideoRef, operator: m.Operator, seat_id: str | None, now: float
) -> tuple[cm.VideoSession, list[StoredEvent]]:
    session = load_session(conn, req.session_id)
    if session.ended_at is not None:
        raise invalid("session_id", f"video session {session.id} has already ended")
    session = msgspec.structs.replace(session, ended_at=now)
    conn.execute(sa.delete(schema.cameras).where(schema.cameras.c.id == session.camera_id))
    if session.case_id is not None:
        length = duration(now - session.started_at)
        note = f"video session with {session.name} ({session.entry_id}) ended, {length}"
        record_on_case(conn, session.case_id, now, operator, seat_id, "video", note)
    return session, [_save(conn, session, now), cameras.changed(conn, now)]


def running_sessions(conn: sa.Connection) -> list[cm.VideoSession]:
    query = sa.select(table.c.record).where(table.c.ended_at.is_(None)).order_by(table.c.id)
    return [msgspec.json.decode(text, type=cm.VideoSession) for text in conn.execute(query).scalars() if text]


def load_session(conn: sa.Connection, session_id: int) -> cm.VideoSession:
    text = conn.execute(sa.select(table.c.record).where(table.c.id == session_id)).scalar()
    if not text:
        raise not_found("session_id", f"there is no video session {session_id}")
    return msgspec.json.decode(text, type=cm.VideoSession)


def _camera(conn: sa.Connection, session_id: int, entry: cm.DirectoryEntry) -> wm.Camera:
    lat, lon = position(entry)
    draft = wm.Camera(
        id=f"vs-{session_id}",
        name=f"{entry.name} {entry.device}".strip()[: cameras.MAX_CAMERA_NAME],
        group=CAMERA_GROUP,
        lat=lat,
        lon=lon,
        url=entry.video_url,
    )
    try:
        return cameras.checked(conn, draft)
    except ProtocolError as exc:
        raise invalid("entry_id", f"{who(entry)}'s video cannot be shown: {exc.message}") from None


def _save(conn: sa.Connection, session: cm.VideoSession, now: float) -> StoredEvent:
    record = msgspec.json.encode(session).decode()
    conn.execute(
        sa.update(table).where(table.c.id == session.id).values(record=record, ended_at=session.ended_at)
    )
    return append_event(conn, "video.updated", cm.VideoUpdated(session=session), now)
