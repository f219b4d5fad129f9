"""Camera tiles play real H.264 (a file, a live HTTP stream, RTSP, a simulated camera) offscreen and show
"no signal" — never a frozen picture as if live — when a stream cannot be opened or stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage

from tests.ui.test_video_support import CLIP_FPS, CLIP_SECONDS, RTSP_SERVER, http_live, make_clip, rtsp_live
from widgets.video_paint import PANEL_BACKGROUND
from widgets.video_tile import VideoTile

WAIT_MS = 30_000  # generous: the machine is shared; nothing here measures speed


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("video") / "testsrc2.mp4")


def shown_tile(qtbot: Any, url: str, name: str = "测试机位", **options: Any) -> VideoTile:
    tile = VideoTile(name, url, **options)
    qtbot.addWidget(tile)
    tile.resize(480, 270)
    tile.show()
    qtbot.waitExposed(tile)
    return tile


def picture(tile: VideoTile) -> QImage:
    return tile.grab().toImage()


def is_panel(image: QImage) -> bool:
    """The dark no-signal panel (a corner of the picture area, below the title bar)."""
    return image.pixelColor(4, image.height() - 4) == PANEL_BACKGROUND


def test_plays_an_h264_file_and_loops(qtbot: Any, clip: Path) -> None:
    tile = shown_tile(qtbot, QUrl.fromLocalFile(str(clip)).toString())
    with qtbot.waitSignal(tile.stateChanged, timeout=WAIT_MS) as live:
        pass
    assert live.args == ["live"] and tile.state == "live" and tile.reason == ""
    # More frames than the clip has: it loops; and they are painted, not only decoded.
    qtbot.waitUntil(lambda: tile.frames_decoded > CLIP_SECONDS * CLIP_FPS + 10, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tile.frames_shown >= 30, timeout=WAIT_MS)
    assert tile.frames_shown <= tile.frames_decoded
    image = picture(tile)
    assert not is_panel(image)
    colours = {image.pixelColor(x, 135).name() for x in range(10, 470, 20)}
    assert len(colours) > 4  # testsrc2's colour bars, not a flat panel
    assert tile.retries == 0
    tile.stop()
    assert not tile.running and tile.stream.player is None
    decoded = tile.frames_decoded
    qtbot.wait(300)
    assert tile.frames_decoded == decoded


def test_letterboxes_a_picture_of_another_shape(qtbot: Any, clip: Path) -> None:
    tile = shown_tile(qtbot, QUrl.fromLocalFile(str(clip)).toString())
    tile.resize(480, 480)
    qtbot.waitUntil(lambda: tile.frames_shown > 5, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tile._image is not None and tile._image.size().height() == 270, timeout=WAIT_MS)
    image = picture(tile)
    assert image.pixelColor(240, 470) == QColor("black")  # the bar below the 16:9 picture
    assert image.pixelColor(240, 240) != QColor("black")


def test_a_hidden_tile_decodes_but_converts_nothing(qtbot: Any, clip: Path) -> None:
    tile = VideoTile("测试机位", QUrl.fromLocalFile(str(clip)).toString())
    qtbot.addWidget(tile)
    tile.resize(480, 270)
    qtbot.waitUntil(lambda: tile.frames_decoded >= 10, timeout=WAIT_MS)
    assert tile.state == "live" and tile.frames_shown == 0 and tile._image is None
    tile.show()
    qtbot.waitUntil(lambda: tile.frames_shown >= 5, timeout=WAIT_MS)


@pytest.mark.parametrize(
    "url",
    [
        "file:///nonexistent/camera.mp4",
        "rtsp://127.0.0.1:1/x",
        "sim-missing://CAM-404",
        "sim://not a camera id",
    ],
)
def test_a_stream_that_cannot_open_shows_no_signal_and_retries(qtbot: Any, url: str) -> None:
    tile = shown_tile(qtbot, url)
    qtbot.waitUntil(lambda: tile.state == "no_signal", timeout=WAIT_MS)
    assert tile.reason and tile.retry_delay_s == 1 and tile.retries == 1
    assert tile.frames_decoded == 0 and tile.last_frame_at is None
    assert is_panel(picture(tile))
    # The retry happens and fails again: the next wait is longer.
    qtbot.waitUntil(lambda: tile.retries == 2, timeout=WAIT_MS)
    assert tile.retry_delay_s == 2 and tile.state == "no_signal"
    tile.stop()
    assert tile.retry_delay_s is None


def test_a_live_stream_that_stops_shows_no_signal(qtbot: Any, clip: Path) -> None:
    with http_live(clip) as (url, server):
        tile = shown_tile(qtbot, url)
        qtbot.waitUntil(lambda: tile.state == "live" and tile.frames_shown >= 10, timeout=WAIT_MS)
        assert not is_panel(picture(tile))
        server.terminate()
        qtbot.waitUntil(lambda: tile.state == "no_signal", timeout=WAIT_MS)
    assert tile.last_frame_at is not None and tile.retry_delay_s == 1
    assert tile._frame is None  # the last picture is dropped, not kept on screen
    assert is_panel(picture(tile))


@pytest.mark.skipif(RTSP_SERVER is None, reason="no RTSP server: install the Debian package rtsp-server-perl")
def test_plays_rtsp_and_goes_dark_when_the_source_stops(qtbot: Any, clip: Path) -> None:
    with rtsp_live(clip) as (url, processes):
        tile = shown_tile(qtbot, url, stall_s=1.5)
        qtbot.waitUntil(lambda: tile.frames_decoded >= 2 * CLIP_FPS, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: tile.frames_shown >= CLIP_FPS, timeout=WAIT_MS)
        assert tile.state == "live"
        processes[-1].terminate()  # the camera (the publisher) goes away; RTP just stops coming
        qtbot.waitUntil(lambda: tile.state == "no_signal", timeout=WAIT_MS)
        assert tile.retries >= 1  # released, and opened again (the source is still gone)
    assert "No picture" in tile.reason and tile._image is None
    assert is_panel(picture(tile))


def test_a_simulated_camera_plays(qtbot: Any) -> None:
    tile = shown_tile(qtbot, "sim://CAM-012", name="桃源镇人民政府")
    assert tile.state == "connecting"  # its clip is being made
    qtbot.waitUntil(lambda: tile.state == "live", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tile.frames_shown >= 25, timeout=WAIT_MS)
    assert not is_panel(picture(tile))
