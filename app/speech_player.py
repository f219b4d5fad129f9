"""Plays a WAV file on the seat's default audio output, blocking the calling (speech worker) thread.

Linux: the first of pw-play (PipeWire), paplay (PulseAudio) and aplay (ALSA, what pyttsx3 itself uses)
that works; macOS: afplay; Windows: winsound. A player process is ours to stop, so ``cancel`` (from any
thread) cuts an announcement short, and its exit status tells a missing audio device from success.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
import wave
from pathlib import Path

log = logging.getLogger("app.speech")

LINUX_PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))
MAC_PLAYERS = (("afplay",),)
# A player that has not finished this long after the sound should have ended is stuck (a busy device).
STUCK_AFTER_S = 10.0


class AudioUnavailable(Exception):
    """No audio output: no player program, no device, or the player failed (the reason says which)."""


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


class WavPlayer:
    """Plays one WAV at a time; ``cancel`` stops the current one.

    Attributes:
        commands: the player command lines tried, in order (the last that worked moves first).
    """

    def __init__(self, commands: tuple[tuple[str, ...], ...] | None = None) -> None:
        if commands is None:
            commands = MAC_PLAYERS if sys.platform == "darwin" else LINUX_PLAYERS
        self.commands = list(commands)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._cancelled = False

    def play(self, path: Path) -> None:
        """Play ``path`` to the end, or raise AudioUnavailable with the reason; nothing after ``cancel``."""
        if self._cancelled:
            return
        if sys.platform == "win32":
            self._play_windows(path)
            return
        found = [cmd for cmd in self.commands if shutil.which(cmd[0])]
        if not found:
            names = ", ".join(cmd[0] for cmd in self.commands)
            raise AudioUnavailable(f"no audio player program found (looked for {names})")
        timeout = wav_seconds(path) + STUCK_AFTER_S
        errors = []
        for cmd in found:
            error = self._run(cmd, path, timeout)
            if error is None:
                if cmd is not self.commands[0]:
                    self.commands.remove(cmd)
                    self.commands.insert(0, cmd)
                return
            errors.append(f"{cmd[0]}: {error}")
        raise AudioUnavailable("; ".join(errors))

    def _run(self, cmd: tuple[str, ...], path: Path, timeout: float) -> str | None:
        """Run one player; None when it played (or was cancelled), else what went wrong."""
        with self._lock:
            if self._cancelled:
                return None
            proc = subprocess.Popen(
                [*cmd, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            self._proc = proc
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return f"still playing {timeout:.0f} s later (audio device busy?)"
        finally:
            with self._lock:
                self._proc = None
        if proc.returncode == 0 or self._cancelled:
            return None
        lines = err.decode(errors="replace").strip().splitlines()
        return lines[0] if lines else f"exit status {proc.returncode}"

    def _play_windows(self, path: Path) -> None:
        if sys.platform == "win32":  # (type checkers on other systems then skip winsound)
            import winsound

            try:
                winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_NODEFAULT)
            except RuntimeError as exc:
                if not self._cancelled:
                    raise AudioUnavailable(str(exc)) from exc

    def arm(self) -> None:
        """Clear an earlier ``cancel``: call before each announcement."""
        with self._lock:
            self._cancelled = False

    def cancel(self) -> None:
        """Stop what is playing now and skip further ``play`` calls until ``arm`` (from any thread)."""
        with self._lock:
            self._cancelled = True
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(None, winsound.SND_PURGE)
