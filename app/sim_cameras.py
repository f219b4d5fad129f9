"""Simulated cameras for drills and demos, offline: ``sim://CAM-012?name=…`` plays a clip made on the seat.

``resolve(url)`` turns a camera URL into what QMediaPlayer opens: for ``sim://`` (or a bare camera id)
the local H.264 clip of that camera (see ``app.sim_camera_clip``), made once into the seat's data dir
under ``cache/sim-cameras`` and kept; any other URL as it is. Making a clip takes about a second, so the
GUI thread asks ``prepare(url)`` instead, which makes it on a worker thread and returns a Future.
Thread-safe: one clip is made once however many tiles ask for it at the same time, and a clip is written
to a temporary file and renamed, so a player never opens half a file (two seat processes may both make
the same clip; the last rename wins and both are whole).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import logging
import os
import re
import tempfile
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QUrl

from app import paths
from app.sim_camera_clip import write_clip

log = logging.getLogger("app.sim_cameras")

SCHEME = "sim"
CLIP_VERSION = 1  # part of the file name: a new look makes new clips
CAMERA_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MAX_NAME = 80

_locks_guard = threading.Lock()
_locks: dict[Path, threading.Lock] = {}
_pending_guard = threading.Lock()
_pending: dict[Path, concurrent.futures.Future[QUrl]] = {}
# One clip at a time: the seat has other work, and the clips are made once.
_executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="sim-camera")


def is_sim(url: str) -> bool:
    """A simulated camera: ``sim://ID`` or a bare camera id."""
    return url.startswith(f"{SCHEME}://") or CAMERA_ID.match(url) is not None


def parse(url: str, name: str | None = None) -> tuple[str, str]:
    """``(camera id, name)`` of a sim URL; the name comes from ``?name=``, else ``name``, else the id."""
    if url.startswith(f"{SCHEME}://"):
        parts = urlsplit(url)
        camera_id = parts.netloc or parts.path.strip("/")
        query_name = parse_qs(parts.query).get("name", [""])[0].strip()
    else:
        camera_id, query_name = url, ""
    if not CAMERA_ID.match(camera_id):
        raise ValueError(
            f"simulated camera {url!r}: the camera id must be 1–64 letters, digits, '_' or '-' "
            "(sim://CAM-012?name=…)"
        )
    shown = query_name or (name or "").strip() or camera_id
    if len(shown) > MAX_NAME:
        raise ValueError(f"simulated camera {url!r}: the name is longer than {MAX_NAME} characters")
    return camera_id, shown


def cache_dir() -> Path:
    path = paths.data_dir() / "cache" / "sim-cameras"
    path.mkdir(parents=True, exist_ok=True)
    return path


def clip_path(camera_id: str, name: str) -> Path:
    """Where the clip of this camera with this name lives (a renamed camera gets a new clip)."""
    digest = hashlib.sha1(f"{CLIP_VERSION}|{camera_id}|{name}".encode()).hexdigest()[:12]
    return cache_dir() / f"{camera_id}-{digest}.mp4"


def _lock_for(path: Path) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(path, threading.Lock())


def ensure_clip(camera_id: str, name: str) -> Path:
    """The camera's clip, made now if it is not there yet (blocks for about a second then)."""
    path = clip_path(camera_id, name)
    with _lock_for(path):
        if path.exists():
            return path
        handle, temporary = tempfile.mkstemp(prefix=f".{camera_id}-", suffix=".mp4.part", dir=path.parent)
        os.close(handle)
        try:
            frames = write_clip(Path(temporary), camera_id, name)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        log.info("simulated camera %s (%s): %d frames in %s", camera_id, name, frames, path)
        return path


def resolve(url: str, name: str | None = None) -> QUrl:
    """What QMediaPlayer opens for this camera URL (a sim clip is made first if needed)."""
    if is_sim(url):
        return QUrl.fromLocalFile(str(ensure_clip(*parse(url, name))))
    if url.startswith("/"):
        return QUrl.fromLocalFile(url)
    resolved = QUrl(url)
    if not resolved.isValid() or not resolved.scheme():
        raise ValueError(f"camera URL {url!r} is not a URL (rtsp://, http(s)://, file:// or sim://ID)")
    return resolved


def ready(url: str, name: str | None = None) -> QUrl | None:
    """The URL to open if nothing has to be made first (not a sim camera, or its clip exists)."""
    if not is_sim(url):
        return resolve(url)
    path = clip_path(*parse(url, name))
    return QUrl.fromLocalFile(str(path)) if path.exists() else None


def prepare(url: str, name: str | None = None) -> concurrent.futures.Future[QUrl]:
    """``resolve`` on a worker thread; callers asking for the same clip share one Future. A bad URL
    gives a Future that holds the ValueError."""
    try:
        now = ready(url, name)
        if now is not None:
            return _done(now)
        path = clip_path(*parse(url, name))
    except ValueError as exc:
        failed: concurrent.futures.Future[QUrl] = concurrent.futures.Future()
        failed.set_exception(exc)
        return failed
    with _pending_guard:
        future = _pending.get(path)
        if future is None or future.done():
            future = _executor.submit(resolve, url, name)
            _pending[path] = future
        return future


def _done(url: QUrl) -> concurrent.futures.Future[QUrl]:
    future: concurrent.futures.Future[QUrl] = concurrent.futures.Future()
    future.set_result(url)
    return future
