"""QtMultimedia, loaded without the warnings a camera tile already reports in its own words.

Two warnings are switched off before the library loads (QT_LOGGING_RULES still overrides them):
- ``qt.multimedia.symbolsresolver``: PipeWire is not installed. Qt uses it for audio devices only, and
  camera tiles play no sound.
- ``qt.multimedia.ffmpeg.mediadataholder``: "Could not open media", and ``qt.multimedia.ffmpeg.demuxer``:
  "Demuxing failed" (a network read timed out) — the same failures reach the tile as
  QMediaPlayer.errorOccurred, and the tile shows them ("no signal" with the reason) and logs them.
QLoggingCategory.setFilterRules replaces earlier rules set the same way; nothing else in the console sets
any. Qt's bundled FFmpeg logs to stderr itself, at its default level (info): a dump of every stream it
opens, which a wall reconnecting to dead cameras all day repeats; it is set to errors only
(QT_FFMPEG_DEBUG=1 still turns Qt's FFmpeg debugging on). Import QtMultimedia's classes from here.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

import PySide6
from PySide6.QtCore import QLoggingCategory

QUIET_RULES = (
    "qt.multimedia.symbolsresolver.warning=false",
    "qt.multimedia.ffmpeg.mediadataholder.warning=false",
    "qt.multimedia.ffmpeg.demuxer.warning=false",
)
QLoggingCategory.setFilterRules("\n".join(QUIET_RULES))

from PySide6.QtMultimedia import (  # noqa: E402
    QMediaPlayer,
    QPlaybackOptions,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

AV_LOG_ERROR = 16
_ffmpeg_quiet: bool | None = None


def quiet_ffmpeg(level: int = AV_LOG_ERROR) -> bool:
    """Set the log level of the FFmpeg that PySide6 bundles for QtMultimedia (not PyAV's own copy), once
    it is loaded: call it after making a QMediaPlayer (Qt's FFmpeg needs Qt's OpenSSL stubs, which only
    its plugin loads). False if it is not loaded (another build of Qt, not Linux) or QT_FFMPEG_DEBUG asks
    for its logs."""
    global _ffmpeg_quiet
    if _ffmpeg_quiet is None:
        _ffmpeg_quiet = not os.environ.get("QT_FFMPEG_DEBUG") and _set_level(level)
    return _ffmpeg_quiet


def _set_level(level: int) -> bool:
    for library in sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libavutil.so.*")):
        try:  # RTLD_NOLOAD: only the library already loaded, never a second copy
            ctypes.CDLL(str(library), mode=os.RTLD_NOLOAD | os.RTLD_LAZY).av_log_set_level(level)
        except (OSError, AttributeError):
            continue
        return True
    return False


__all__ = [
    "QUIET_RULES",
    "QMediaPlayer",
    "QPlaybackOptions",
    "QVideoFrame",
    "QVideoFrameFormat",
    "QVideoSink",
    "quiet_ffmpeg",
]
