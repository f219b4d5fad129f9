"""The real pyttsx3 engine on espeak-ng 1.52 from espeakng-loader: version, data, Mandarin voice, audio."""

from __future__ import annotations

import array
import ctypes
import math
import os
import re
import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.speech_engine import (
    _language_score,
    create_engine,
    engine_voices,
    espeak_phonemes,
    espeak_version,
    prepare_espeak,
    settle,
    synthesize,
)
from app.speech_worker import ENGINE_LOCK

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="espeak-ng from the loader: Linux"
)

ALERT = "红色预警：临江街道滨江社区发生内涝，请应急管理局立即处置。"


@pytest.fixture
def engine() -> Iterator[Any]:
    with ENGINE_LOCK:  # no speech worker of another test speaks meanwhile
        eng = create_engine()
        try:
            yield eng
        finally:
            settle(eng)


def wav_stats(path: Path) -> tuple[wave._wave_params, float, float]:
    """(params, seconds, RMS of the samples)."""
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    return params, params.nframes / params.framerate, rms


def test_espeak_ng_1_52_and_its_data_come_from_the_loader(engine: Any) -> None:
    import espeakng_loader
    from pyttsx3.drivers import _espeak

    library = prepare_espeak()
    assert library is not None
    assert espeak_version().startswith("1.52")
    # pyttsx3's driver speaks through the very library the loader ships (same handle), not a system one.
    assert _espeak.dll._handle == library._handle
    data_dir = Path(espeakng_loader.get_data_path())
    assert Path(os.environ["ESPEAK_DATA_PATH"]) == data_dir.parent
    path_home = ctypes.c_char_p()
    library.espeak_Info.restype = ctypes.c_char_p
    library.espeak_Info(ctypes.byref(path_home))
    assert path_home.value is not None
    assert Path(path_home.value.decode()) == data_dir


def test_a_mandarin_voice_comes_first(engine: Any) -> None:
    voices = engine_voices(engine)
    assert voices[0][0] == "sit/cmn"
    assert voices[0][2] == 3
    assert any(vid.endswith("/en") or vid == "gmw/en" for vid, _, _ in voices)


def test_chinese_alert_becomes_mandarin_audio(engine: Any, tmp_path: Path) -> None:
    path = tmp_path / "alert.wav"
    synthesize(engine, ALERT, path, {"voice": "sit/cmn", "rate": 180, "volume": 1.0})
    params, seconds, rms = wav_stats(path)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    syllables = len(re.findall(r"[\u4e00-\u9fff]", ALERT))
    # One Han character is one syllable: spoken, not spelled out ("Chinese letter" takes ~0.8 s each).
    assert 0.12 * syllables < seconds < 0.5 * syllables
    assert rms > 500
    # Read as Mandarin syllables with tones, not as English "Chinese letter".
    ipa = espeak_phonemes("紧急预警")
    assert re.search(r"[1-5]", ipa), ipa
    assert "niːz" not in ipa


def test_an_english_voice_spells_chinese_out_which_is_why_mandarin_is_chosen(
    engine: Any, tmp_path: Path
) -> None:
    synthesize(engine, "紧急", tmp_path / "en.wav", {"voice": "gmw/en"})
    assert "niːz" in espeak_phonemes("紧急")  # "Chinese letter, Chinese letter"


def test_volume_scales_the_audio(engine: Any, tmp_path: Path) -> None:
    loud, quiet = tmp_path / "loud.wav", tmp_path / "quiet.wav"
    synthesize(engine, "请立即处置", loud, {"voice": "sit/cmn", "volume": 1.0})
    synthesize(engine, "请立即处置", quiet, {"voice": "sit/cmn", "volume": 0.2})
    assert wav_stats(quiet)[2] < 0.5 * wav_stats(loud)[2]


@pytest.mark.parametrize(
    ("voice_id", "name", "languages", "score"),
    [
        ("sit/cmn", "Chinese (Mandarin, latin as English)", ["cmn"], 3),
        (
            r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_ZH-CN_HUIHUI_11.0",
            "Huihui",
            ["zh-CN"],
            3,
        ),
        ("sit/yue", "Chinese (Cantonese)", ["yue"], 2),
        ("x", "Microsoft Tracy - Chinese (Traditional, Hong Kong)", ["Unknown Locale: 3076"], 1),
        ("gmw/en", "English (Great Britain)", ["en"], 0),
    ],
)
def test_how_chinese_a_voice_is(voice_id: str, name: str, languages: list[str], score: int) -> None:
    assert _language_score(voice_id, name, languages) == score
