"""The crash path: every unexpected exception is logged, written to a file and shown to the operator.

``faulthandler`` writes hard crashes (segfaults, aborts) to ``crash-faulthandler.log`` in the data dir;
Python exceptions get a report file with the traceback and the recent log, and a dialog unless the
dialog is turned off (``--no-crash-dialog``, for CI and kiosks).
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.logs import ring
from app.paths import data_dir

log = logging.getLogger("app.crash")


class CrashHandler:
    """Attributes:
    show_dialog: whether an exception opens a dialog.
    reports: paths of the report files written so far.
    """

    def __init__(self, show_dialog: bool = True) -> None:
        self.show_dialog = show_dialog
        self.reports: list[Path] = []
        self._fault_file: IO[str] | None = None

    def install(self) -> None:
        self._fault_file = open(data_dir() / "crash-faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(self._fault_file)
        sys.excepthook = self.on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def on_exception(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("unexpected exception:\n%s", text)
        path = self.write_report(text)
        if self.show_dialog and QApplication.instance() is not None:
            self._show_dialog(exc, path)

    def write_report(self, text: str) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = data_dir() / f"crash-{stamp}.txt"
        recent = "\n".join(list(ring.lines)[-200:])
        path.write_text(f"{text}\n--- recent log ---\n{recent}\n", encoding="utf-8")
        self.reports.append(path)
        return path

    def _show_dialog(self, exc: BaseException, path: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, QCoreApplication.translate("CrashDialog", "Unexpected error"), ""
        )
        box.setText(
            QCoreApplication.translate(
                "CrashDialog", "The seat console hit an unexpected error. Your work is kept where possible."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashDialog", "A report was saved to {path}. Please give it to your administrator."
            ).format(path=path)
        )
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        box.exec()
