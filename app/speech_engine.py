"""The pyttsx3 text-to-speech engine: espeak-ng 1.52 from ``espeakng_loader`` on Linux, SAPI5 on Windows.

Debian 12's espeak-ng 1.51 speaks Mandarin poorly; 1.52 (shipped inside the ``espeakng-loader`` wheel
with its data) is intelligible. Everything here runs in the speech worker thread: a pyttsx3 engine is
not thread-safe, so it is created and used in one thread only.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger("app.speech")

# A calm announcement pace: with espeak-ng's Mandarin voice about 3.7 syllables a second (a 19-syllable
# alert takes 5.1 s), a little slower than pyttsx3's default of 200.
RATE_WPM = 180
CHINESE_LANGUAGES = ("cmn", "zh-cn", "zh", "cmn-hans", "zh-hans")

_espeak_library: ctypes.CDLL | None = None  # kept so the library is never unloaded


class SynthesisError(Exception):
    """The engine did not turn a text into audio."""


def prepare_espeak() -> ctypes.CDLL | None:
    """Make pyttsx3's espeak driver use espeak-ng 1.52 and its data from ``espeakng_loader`` (Linux only).

    pyttsx3's ``drivers/_espeak.py`` calls ``cdll.LoadLibrary("libespeak-ng.so.1")`` when first imported
    and binds every function to that handle; ``espeak_Initialize`` is then called with no data path,
    so espeak-ng reads ``$ESPEAK_DATA_PATH/espeak-ng-data``. Loading the loader's library first is all
    it takes: the dynamic linker matches the bare name against the SONAME (``libespeak-ng.so.1``) of
    the library already loaded and hands out the same one, even when a system espeak-ng exists. No
    pyttsx3 code is patched. Idempotent; returns the loaded library (None off Linux or without the
    loader, when pyttsx3 falls back to the system's espeak-ng).
    """
    global _espeak_library
    if _espeak_library is not None or not sys.platform.startswith("linux"):
        return _espeak_library
    try:
        import espeakng_loader
    except ImportError:
        log.warning(
            "espeakng-loader is not installed: using the system's espeak-ng (poor Mandarin before 1.52)"
        )
        return None
    if "pyttsx3.drivers._espeak" in sys.modules:
        log.warning(
            "pyttsx3's espeak driver was loaded before the espeak-ng 1.52 library; it may use another"
        )
    # The data must match the library's version, so it overrides whatever the environment said.
    os.environ["ESPEAK_DATA_PATH"] = str(Path(espeakng_loader.get_data_path()).parent)
    _espeak_library = ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
    return _espeak_library


def espeak_version() -> str:
    """The version of the espeak-ng library pyttsx3 speaks with ("1.52.0"), or "" when it has none."""
    prepare_espeak()
    try:
        from pyttsx3.drivers import _espeak
    except (ImportError, RuntimeError, OSError):
        return ""
    info = _espeak.Info(None)
    return info.decode("ascii", "replace") if info else ""


def create_engine() -> Any:
    """A new pyttsx3 engine for this platform (the default ``engine_factory`` of SpeechQueue)."""
    if sys.platform == "win32":
        # SAPI5 is COM: each thread that uses it joins an apartment first.
        import pythoncom

        pythoncom.CoInitialize()
    prepare_espeak()
    import pyttsx3

    try:
        engine = pyttsx3.init()
    except (ImportError, RuntimeError, OSError) as exc:
        raise SynthesisError(f"pyttsx3 could not start its driver ({exc})") from exc
    quiet_driver_prints()
    return engine


def _debug_print(*args: object, **_: object) -> None:
    log.debug("pyttsx3: %s", " ".join(str(arg) for arg in args))


def quiet_driver_prints() -> None:
    """pyttsx3's espeak driver prints "Audio saved to …" on stdout for every utterance; its module's
    ``print`` goes to the debug log instead (a module global shadows the builtin for that module only)."""
    driver = sys.modules.get("pyttsx3.drivers.espeak")
    if driver is not None:
        driver.print = _debug_print  # type: ignore[attr-defined]


def _language_score(voice_id: str, name: str, languages: list[str]) -> int:
    """How Chinese a voice is: 3 Mandarin, 2 another Chinese language or script, 1 named Chinese, 0 not."""
    langs = [str(lang).lower().replace("_", "-") for lang in languages]
    ident = voice_id.lower()
    if any(lang in CHINESE_LANGUAGES for lang in langs) or "zh-cn" in ident:
        return 3
    if any(lang.startswith(("cmn", "zh", "yue", "hak")) for lang in langs):
        return 2
    return 1 if any(word in name.lower() for word in ("chinese", "mandarin", "中文")) else 0


def engine_voices(engine: Any) -> list[tuple[str, str, int]]:
    """(id, name, Chinese score) of the engine's voices, Chinese ones first, else in the engine's order."""
    voices = []
    for voice in engine.getProperty("voices") or []:
        languages = [lang.decode() if isinstance(lang, bytes) else lang for lang in voice.languages or []]
        voices.append(
            (voice.id, voice.name or voice.id, _language_score(voice.id, voice.name or "", languages))
        )
    return sorted(voices, key=lambda v: -v[2])


def is_espeak(engine: Any) -> bool:
    return getattr(engine, "driver_name", "") == "espeak"


def settle(engine: Any, cancel: bool = False) -> None:
    """Wait until espeak-ng's own thread is idle (``cancel``: after stopping what it does).

    Before an engine is dropped its synthesis callback must be unused: pyttsx3 frees it with the engine.
    """
    if is_espeak(engine):
        from pyttsx3.drivers import _espeak

        if cancel:
            _espeak.Cancel()
        _espeak.Synchronize()


def set_properties(engine: Any, properties: dict[str, Any]) -> None:
    """Voice, rate, volume… for the next synthesis.

    For espeak-ng not through ``engine.setProperty``: pyttsx3 queues those until ``runAndWait``, where
    espeak-ng takes each parameter on its own thread and pyttsx3's end of loop then calls
    ``espeak_Cancel`` while that thread is still busy, which puts the previous parameters back (a
    volume of 0.2 was ignored about half the time). The driver's own ``setProperty`` applied here, then
    waiting for espeak-ng to be idle, gives the same conversions without the race.
    """
    if not is_espeak(engine):
        for name, value in properties.items():
            engine.setProperty(name, value)
        return
    from pyttsx3.drivers import _espeak
    from pyttsx3.drivers.espeak import EspeakDriver

    try:
        for name, value in properties.items():
            EspeakDriver.setProperty(name, value)
    except (ValueError, KeyError) as exc:
        raise SynthesisError(f"espeak-ng refused a property: {exc}") from exc
    finally:
        _espeak.Synchronize()


def synthesize(engine: Any, text: str, path: Path, properties: dict[str, Any], timeout: float = 60.0) -> None:
    """Write ``text`` spoken with ``properties`` (voice, rate, volume) to the WAV file ``path``.

    pyttsx3 reports a failing command only through its "error" notification, so it is listened to. With
    espeak-ng, ``runAndWait`` returns before the audio exists: the library synthesises on a thread of its
    own (pyttsx3 initialises it for AUDIO_OUTPUT_RETRIEVAL, which is asynchronous when espeak-ng is built
    with threads, as the loader's is) and pyttsx3's callback writes the file there at the end. So this
    waits for pyttsx3's "finished-utterance" notification, then for espeak-ng to be idle.
    """
    errors: list[BaseException] = []
    done = threading.Event()

    def on_error(exception: BaseException | None = None, **_: Any) -> None:
        errors.append(exception or SynthesisError("unknown engine error"))
        done.set()

    path.unlink(missing_ok=True)
    tokens = [engine.connect("error", on_error), engine.connect("finished-utterance", lambda **_: done.set())]
    try:
        set_properties(engine, properties)
        engine.save_to_file(text, str(path))
        engine.runAndWait()
        if is_espeak(engine):
            if not done.wait(timeout):
                raise SynthesisError(f"espeak-ng did not finish within {timeout:.0f} s")
            settle(engine)
    except SynthesisError:
        raise
    except Exception as exc:
        raise SynthesisError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        for token in tokens:
            engine.disconnect(token)
    if errors:
        raise SynthesisError(f"{type(errors[0]).__name__}: {errors[0]}")
    if not path.exists() or path.stat().st_size <= 44:  # a WAV header and no samples
        raise SynthesisError("the engine wrote no audio")


def espeak_phonemes(text: str) -> str:
    """espeak-ng's IPA for the first clause of ``text`` in the current voice (a check that Chinese is
    read as Mandarin syllables, not as "Chinese letter"). Call between syntheses, in the engine's thread.
    """
    library = prepare_espeak()
    if library is None:
        return ""
    convert = library.espeak_TextToPhonemes
    convert.restype = ctypes.c_char_p
    convert.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
    buffer = ctypes.create_string_buffer(text.encode("utf-8"))
    pointer = ctypes.c_void_p(ctypes.addressof(buffer))
    result = convert(ctypes.byref(pointer), 1, 0x02)  # espeakCHARS_UTF8; bit 1: IPA
    return result.decode("utf-8", "replace") if result else ""
