"""Translations: language choice, a complete zh_CN catalogue, a fresh .qm, and Chinese on screen."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.i18n import Translations, choose_language
from app.seat_service import SeatService
from client_api.client import SeatClient
from resources.translations import update

TS = Path(update.HERE) / "command_seat_zh_CN.ts"


@pytest.mark.parametrize(
    ("cli", "setting", "system", "expected"),
    [
        ("en", "zh_CN", QLocale.Language.Chinese, "en"),
        (None, "zh-CN", QLocale.Language.English, "zh_CN"),
        (None, None, QLocale.Language.Chinese, "zh_CN"),
        (None, None, QLocale.Language.German, "en"),
        ("zh", None, QLocale.Language.English, "zh_CN"),
    ],
)
def test_language_choice(
    cli: str | None, setting: str | None, system: QLocale.Language, expected: str
) -> None:
    assert choose_language(cli, setting, QLocale(system)) == expected


def test_zh_cn_catalogue_translates_every_string_in_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    update.lupdate(fresh)
    text = fresh.read_text(encoding="utf-8")
    sources = re.findall(r"<source>(.*?)</source>", text, re.S)
    translations = re.findall(r"<translation(?: type=\"(\w+)\")?>(.*?)</translation>", text, re.S)
    assert len(sources) == len(translations) > 50
    untranslated = [
        src for src, (kind, dst) in zip(sources, translations, strict=True) if kind or not dst.strip()
    ]
    assert not untranslated, f"strings without a zh_CN translation: {untranslated}"
    assert fresh.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "the committed .ts is out of date: run python -m resources.translations.update"
    )


def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "out.qm"
    update.lrelease(TS, qm)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "run python -m resources.translations.update"
    )


def test_main_window_speaks_chinese(qapp: Any, qtbot: Any) -> None:
    from ui.main_window import MainWindow

    translations = Translations()
    assert translations.install(qapp, "zh_CN")
    try:
        window = MainWindow(SeatService(SeatClient("ws://127.0.0.1:9")))
        qtbot.addWidget(window)
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == ["受理", "工单", "预警", "大屏", "通信"]
        assert window.status.state_text("connected") == "已连接"
    finally:
        translations.uninstall(qapp)
