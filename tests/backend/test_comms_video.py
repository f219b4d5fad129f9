"""Video sessions over a real server: a field unit's stream becomes a camera of the registry while the
session runs (announced as the wall expects), goes when it ends, and both ends are on the case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backend.comms.directory_rows import position
from client_api import comms_messages as cm
from client_api import wall_messages as wm
from client_api.errors import ErrorCode
from tests.backend.test_comms_radio_support import DIRECTORY, GRID, comms_server


def test_a_video_session_is_a_camera_while_it_runs(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        case_id = await seat.new_case()
        cameras_before = (await seat.ask("camera.list", wm.ListCameras())).cameras
        session = (await seat.ask("video.start", cm.StartVideo(entry_id="unit-01", case_id=case_id))).session
        assert (
            session.entry_id,
            session.name,
            session.url,
            session.by,
            session.case_id,
            session.ended_at,
        ) == (
            "unit-01",
            "王勇",
            "sim://UNIT-01",
            "operator1",
            case_id,
            None,
        )
        assert session.camera_id == f"vs-{session.id}"
        cams = (await seat.ask("camera.list", wm.ListCameras())).cameras
        [camera] = [c for c in cams if c.id == session.camera_id]
        unit = next(e for e in DIRECTORY if e.id == "unit-01")
        assert (camera.name, camera.group, camera.url, (camera.lat, camera.lon)) == (
            "王勇 执法记录仪",
            "单兵视频",
            "sim://UNIT-01",
            position(unit),  # the middle of the unit's town
        )
        announced = await seat.wait_for(
            lambda e: e.type == "camera.changed" and any(c.id == camera.id for c in e.payload.cameras)
        )
        assert announced.payload.cameras == cams
        running: cm.VideoList = await seat.ask("video.list", cm.ListVideo())
        assert running.sessions == [session]
        await seat.wait_for(lambda e: e.type == "video.updated" and e.payload.session == session)
        again = await seat.refused("video.start", cm.StartVideo(entry_id="unit-01"))
        assert again.message == f"王勇 (unit-01) is already in video session {session.id} of operator1"

        done = (await seat.ask("video.end", cm.VideoRef(session.id))).session
        assert done.ended_at is not None
        assert (await seat.ask("camera.list", wm.ListCameras())).cameras == cameras_before
        await seat.wait_for(lambda e: e.type == "camera.changed" and e.payload.cameras == cameras_before)
        assert (await seat.ask("video.list", cm.ListVideo())).sessions == []
        late = await seat.refused("video.end", cm.VideoRef(session.id))
        assert (late.code, late.message) == (
            ErrorCode.INVALID_FIELD,
            f"video session {session.id} has already ended",
        )
        notes = [t.note or "" for t in await seat.timeline(case_id) if t.action == "video"]
        assert notes[0] == "video session with 王勇 (unit-01) started"
        assert notes[1].startswith("video session with 王勇 (unit-01) ended, ") and len(notes) == 2

    with comms_server(aio, f"sqlite:///{tmp_path}/video.sqlite3") as comms:
        aio.run(scenario(comms))


def test_only_field_units_with_a_stream_have_video(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(comms: Any) -> None:
        seat = await comms.seat()
        for req, code, message in [
            (
                cm.StartVideo(entry_id=f"gm-{GRID}-1"),
                ErrorCode.INVALID_FIELD,
                f"吴磊 (gm-{GRID}-1) has no video",
            ),
            (cm.StartVideo(entry_id="unit-03"), ErrorCode.INVALID_FIELD, "刘洋 (unit-03) has no video"),
            (cm.StartVideo(entry_id="unit-77"), ErrorCode.NOT_FOUND, "there is no directory entry 'unit-77'"),
            (
                cm.StartVideo(entry_id="unit-01", case_id=99999),
                ErrorCode.NOT_FOUND,
                "case 99999 does not exist",
            ),
        ]:
            refused = await seat.refused("video.start", req)
            assert (refused.code, refused.message) == (code, message)
        missing = await seat.refused("video.end", cm.VideoRef(5))
        assert (missing.code, missing.details["field"]) == (ErrorCode.NOT_FOUND, "session_id")
        assert (await seat.ask("video.list", cm.ListVideo())).sessions == []
        assert not [
            c for c in (await seat.ask("camera.list", wm.ListCameras())).cameras if c.group == "单兵视频"
        ]

    with comms_server(aio, f"sqlite:///{tmp_path}/video.sqlite3") as comms:
        aio.run(scenario(comms))
