"""The committed chime: a valid short WAV of two soft tones, the same as app/chime.py makes."""

from __future__ import annotations

import array
import math
import sys
import wave
from pathlib import Path

from app.chime import SAMPLE_RATE, TONES_HZ, chime_path, chime_samples, chime_seconds, write_chime


def read_samples(path: Path) -> tuple[wave._wave_params, array.array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return params, samples


def goertzel_power(samples: list[int], freq: float) -> float:
    """The power of one frequency in ``samples`` (a one-bin DFT)."""
    coeff = 2 * math.cos(2 * math.pi * freq / SAMPLE_RATE)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return s1 * s1 + s2 * s2 - coeff * s1 * s2


def test_committed_chime_is_a_short_soft_mono_wav() -> None:
    params, samples = read_samples(chime_path())
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, SAMPLE_RATE)
    seconds = params.nframes / params.framerate
    assert 0.3 < seconds < 0.6
    assert seconds == chime_seconds()
    peak = max(abs(s) for s in samples)
    assert 0.2 * 32767 < peak < 0.5 * 32767  # audible, well below full scale
    # Starts and ends silent (no click).
    assert abs(samples[0]) < 100 and abs(samples[-1]) < 100


def test_committed_chime_is_what_the_generator_makes() -> None:
    _, committed = read_samples(chime_path())
    fresh = chime_samples()
    assert len(committed) == len(fresh)
    # Equal up to one step of rounding (libm may differ in the last bit between platforms).
    assert max(abs(a - b) for a, b in zip(committed, fresh, strict=True)) <= 1


def test_two_tones_high_then_low() -> None:
    _, samples = read_samples(chime_path())
    half = len(samples) // 2
    first, second = list(samples[:half]), list(samples[half:])
    high, low = TONES_HZ
    assert goertzel_power(first, high) > 20 * goertzel_power(first, low)
    assert goertzel_power(second, low) > 20 * goertzel_power(second, high)


def test_volume_scales_the_chime(tmp_path: Path) -> None:
    _, full = read_samples(write_chime(tmp_path / "full.wav", 1.0))
    _, quiet = read_samples(write_chime(tmp_path / "quiet.wav", 0.25))
    assert max(quiet) * 3.5 < max(full) < max(quiet) * 4.5
    _, silent = read_samples(write_chime(tmp_path / "silent.wav", 0.0))
    assert not any(silent)
