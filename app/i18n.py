"""Translations: our zh_CN catalogue next to Qt's own, chosen by --lang, settings or the system."""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("app.i18n")

SUPPORTED = ("zh_CN", "en")
# QTranslator reads a catalogue loaded from bytes in place, without a copy: the bytes must outlive it,
# even when the Translations object that loaded them is gone.
_LOADED: list[bytes] = []
CATALOGUE = "command_seat"


def choose_language(cli: str | None, setting: str | None, system: QLocale | None = None) -> str:
    """``--lang`` wins, then the setting, then the system: Chinese systems get zh_CN, others English."""
    for choice in (cli, setting):
        if choice:
            return "zh_CN" if choice.lower().replace("-", "_").startswith("zh") else "en"
    system = system or QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def catalogue_bytes(language: str) -> bytes | None:
    """Our compiled catalogue for a language, read through importlib.resources (works when bundled)."""
    res = resources.files("resources.translations") / f"{CATALOGUE}_{language}.qm"
    return res.read_bytes() if res.is_file() else None


class Translations:
    """Installs and keeps the translators (Qt drops a translator that is garbage collected)."""

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def install(self, app: QCoreApplication, language: str) -> bool:
        """Install ``language``; return False if our catalogue for it is missing."""
        self.language = language
        if language == "en":
            return True
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt)
            self._translators.append(qt)
        data = catalogue_bytes(language)
        ours = QTranslator(app)
        if data is None or not ours.load(data):
            log.error("no translation catalogue for %s", language)
            return False
        _LOADED.append(data)
        app.installTranslator(ours)
        self._translators.append(ours)
        QLocale.setDefault(QLocale(language))
        return True

    def uninstall(self, app: QCoreApplication) -> None:
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        self.language = "en"
        QLocale.setDefault(QLocale(QLocale.Language.English))
