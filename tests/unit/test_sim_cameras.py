"""Simulated cameras: sim:// URLs, the clips made for them (real H.264 made with PyAV, decoded back), made
once however many ask at the same time, and a picture of its own for each camera."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import av
import pytest
from PySide6.QtGui import QFontInfo

from app import paths, sim_camera_clip, sim_cameras

NAME = "桃源镇人民政府"


def test_parse_takes_the_id_and_the_name() -> None:
    assert sim_cameras.parse("sim://CAM-012?name=%E6%A1%83%E6%BA%90") == ("CAM-012", "桃源")
    assert sim_cameras.parse("sim://CAM-012?name=望江楼") == ("CAM-012", "望江楼")
    assert sim_cameras.parse("sim://CAM-012", NAME) == ("CAM-012", NAME)
    assert sim_cameras.parse("sim://CAM-012") == ("CAM-012", "CAM-012")
    assert sim_cameras.parse("CAM-012", NAME) == ("CAM-012", NAME)  # a bare id
    assert sim_cameras.is_sim("CAM-012") and not sim_cameras.is_sim("rtsp://10.0.0.8/live")


@pytest.mark.parametrize("url", ["sim://", "sim://bad id", "sim://../../etc", f"sim://{'x' * 65}"])
def test_a_bad_camera_id_is_refused_by_name(url: str) -> None:
    with pytest.raises(ValueError, match="camera id must be"):
        sim_cameras.parse(url)


def test_a_too_long_name_is_refused() -> None:
    with pytest.raises(ValueError, match="name is longer"):
        sim_cameras.parse("sim://CAM-1", "名" * 81)


def test_other_urls_pass_through(qapp: Any) -> None:
    assert sim_cameras.resolve("rtsp://10.0.0.8:554/live").toString() == "rtsp://10.0.0.8:554/live"
    assert sim_cameras.resolve("/srv/clips/a.mp4").toLocalFile() == "/srv/clips/a.mp4"
    with pytest.raises(ValueError, match="is not a URL"):
        sim_cameras.resolve("no such thing")


def test_the_clip_is_ten_seconds_of_640x360_h264_at_25_fps(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "cam.mp4"
    assert sim_camera_clip.write_clip(path, "CAM-012", NAME) == 250
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.codec_context.width, stream.codec_context.height) == (640, 360)
        assert stream.average_rate == 25
        frames = list(container.decode(stream))
    assert len(frames) == 250
    assert frames[0].key_frame and frames[25].key_frame  # a key frame every second
    assert frames[0].to_ndarray().tobytes() != frames[100].to_ndarray().tobytes()  # it moves


def test_each_camera_has_its_own_scene_and_its_name_burned_in(qapp: Any) -> None:
    one = sim_camera_clip.SceneRenderer("CAM-001", NAME).render(0).copy()
    again = sim_camera_clip.SceneRenderer("CAM-001", NAME).render(0).copy()
    other = sim_camera_clip.SceneRenderer("CAM-002", NAME).render(0).copy()
    unnamed = sim_camera_clip.SceneRenderer("CAM-001", "").render(0).copy()
    assert one == again and one != other and one != unnamed
    renderer = sim_camera_clip.SceneRenderer("CAM-001", NAME)
    assert QFontInfo(renderer.name_font).family() == "WenQuanYi Micro Hei"  # the Chinese font is there
    assert sim_camera_clip.clock_text(71.5) == "01:11.50"


def test_a_clip_is_made_once_for_callers_at_the_same_time(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real_write = sim_cameras.write_clip

    def counting_write(path: Path, camera_id: str, name: str) -> int:
        made.append(camera_id)
        return real_write(path, camera_id, name, seconds=1)

    monkeypatch.setattr(sim_cameras, "write_clip", counting_write)
    results: list[str] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(sim_cameras.resolve("sim://CAM-007", NAME).toLocalFile())
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert made == ["CAM-007"] and len(set(results)) == 1
    clip = Path(results[0])
    assert clip.parent == paths.data_dir() / "cache" / "sim-cameras"
    assert [p.name for p in clip.parent.iterdir()] == [clip.name]  # no temporary file left
    assert sim_cameras.ready("sim://CAM-007", NAME) is not None
    assert sim_cameras.ready("sim://CAM-007", "改了名字") is None  # a renamed camera gets a new clip


def test_prepare_makes_the_clip_on_a_worker(qapp: Any) -> None:
    future = sim_cameras.prepare("sim://CAM-003?name=临江步行街北口")
    assert sim_cameras.prepare("sim://CAM-003?name=临江步行街北口") is future or future.done()
    url = future.result(timeout=60)
    assert url.isLocalFile() and Path(url.toLocalFile()).stat().st_size > 10_000
    assert sim_cameras.prepare("sim://CAM-003?name=临江步行街北口").result(timeout=1) == url
    failed = sim_cameras.prepare("sim://bad id")
    with pytest.raises(ValueError, match="camera id"):
        failed.result(timeout=1)
