"""The chime played before a spoken announcement: two soft tones, generated here and committed as a WAV.

``python -m app.chime`` writes ``resources/sounds/chime.wav`` again (the output is deterministic, and a
test checks that the committed file is what this module makes).
"""

from __future__ import annotations

import array
import io
import math
import sys
import wave
from importlib import resources
from pathlib import Path

SAMPLE_RATE = 22050  # espeak-ng's rate, so the chime and the speech share one output format
# A falling major third (E5 → C5) as on station and airport announcements: heard as "attention" and
# soft enough not to startle an operator on a headset.
TONES_HZ = (659.25, 523.25)
TONE_S = 0.24
GAP_S = 0.02
PEAK = 0.35  # of full scale
ATTACK_S = 0.012


def _tone(freq: float, seconds: float) -> list[float]:
    """A bell-like tone: the fundamental with a quiet octave, a short attack and an exponential decay."""
    count = int(SAMPLE_RATE * seconds)
    out = []
    for i in range(count):
        t = i / SAMPLE_RATE
        attack = min(1.0, t / ATTACK_S)
        decay = math.exp(-5.0 * t / seconds)
        # The last 10 ms fade to zero so the tone never ends on a click.
        tail = min(1.0, (seconds - t) / 0.01)
        wave_ = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
        out.append(attack * decay * tail * wave_ / 1.25)
    return out


def chime_samples(volume: float = 1.0) -> array.array[int]:
    """The chime as signed 16-bit mono samples at ``SAMPLE_RATE``, scaled by ``volume`` (0…1)."""
    volume = min(1.0, max(0.0, volume))
    signal: list[float] = []
    for freq in TONES_HZ:
        signal += _tone(freq, TONE_S)
        signal += [0.0] * int(SAMPLE_RATE * GAP_S)
    return array.array("h", (round(s * PEAK * volume * 32767) for s in signal))


def chime_wav_bytes(volume: float = 1.0) -> bytes:
    """The chime as a complete WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        samples = chime_samples(volume)
        if sys.byteorder == "big":
            samples.byteswap()
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def chime_seconds() -> float:
    return len(TONES_HZ) * (int(SAMPLE_RATE * TONE_S) + int(SAMPLE_RATE * GAP_S)) / SAMPLE_RATE


def chime_path() -> Path:
    """The committed chime file (full volume)."""
    return Path(str(resources.files("resources.sounds") / "chime.wav"))


def write_chime(path: Path, volume: float = 1.0) -> Path:
    path.write_bytes(chime_wav_bytes(volume))
    return path


if __name__ == "__main__":
    print(write_chime(chime_path()))
