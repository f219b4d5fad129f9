"""Possible duplicates of the case being entered, with enough to decide, and merge in one key."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.seat_service import SeatService
from client_api import intake_messages as xm
from widgets.case_table_model import status_label


class DuplicatePanel(QWidget):
    """Signals:
    mergeRequested(object): merge the report being entered into this DuplicateCandidate's case.
    dismissed(int): the operator says the case with this id is not the same problem.
    """

    mergeRequested = Signal(object)
    dismissed = Signal(int)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._dismissed: set[int] = set()
        self.setObjectName("duplicatePanel")
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight:bold;color:#b54708;")
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.merge_current())
        self.merge_button = QPushButton(self.tr("Merge into this case (Ctrl+M)"), self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge_current)
        self.dismiss_button = QPushButton(self.tr("Not the same (Ctrl+Shift+M)"), self)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        QShortcut(QKeySequence("Ctrl+M"), self, self.merge_current, context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(
            QKeySequence("Ctrl+Shift+M"),
            self,
            self.dismiss_current,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.hide()

    def reason_text(self, reason: str) -> str:
        return {
            "same_object": self.tr("same object code"),
            "nearby_same_category": self.tr("same category nearby"),
            "similar_description": self.tr("similar description"),
            "same_caller_same_place": self.tr("same caller, same place"),
        }.get(reason, reason)

    def age_text(self, seconds: float) -> str:
        if seconds < 3600:
            return self.tr("{n} min").format(n=int(seconds // 60))
        if seconds < 86400:
            return self.tr("{n} h").format(n=f"{seconds / 3600:.1f}")
        return self.tr("{n} d").format(n=f"{seconds / 86400:.1f}")

    def show_candidates(self, result: xm.DuplicateCandidates) -> None:
        candidates = [c for c in result.candidates if c.case.id not in self._dismissed]
        self.list.clear()
        for candidate in candidates:
            item = QListWidgetItem(self._describe(candidate))
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.list.addItem(item)
        self.heading.setText(
            self.tr("{n} possible duplicates — is it the same problem?").format(n=len(candidates))
        )
        self.setVisible(bool(candidates))
        if candidates:
            self.list.setCurrentRow(0)

    def _describe(self, c: xm.DuplicateCandidate) -> str:
        case = c.case
        distance = self.tr("{m} m away").format(m=int(c.distance_m)) if c.distance_m is not None else ""
        when = dt.datetime.fromtimestamp(case.created_at).strftime("%m-%d %H:%M")
        reasons = ", ".join(self.reason_text(r) for r in c.reasons)
        head = " · ".join(
            filter(
                None,
                (
                    case.case_no,
                    self._service.category_name(case.category_code),
                    status_label(case.status),
                    distance,
                    self.tr("{age} ago ({when})").format(age=self.age_text(c.age_s), when=when),
                    self.tr("{n} reporters").format(n=c.reporter_count),
                    self.tr("{n} attachments").format(n=case.attachment_count)
                    if case.attachment_count
                    else "",
                ),
            )
        )
        return f"{head}\n{case.address}\n{case.description}\n[{reasons}]"

    def current(self) -> xm.DuplicateCandidate | None:
        item = self.list.currentItem()
        if item is None or not self.isVisible():
            return None
        candidate = item.data(Qt.ItemDataRole.UserRole)
        return candidate if isinstance(candidate, xm.DuplicateCandidate) else None

    def merge_current(self) -> None:
        candidate = self.current()
        if candidate is not None:
            self.mergeRequested.emit(candidate)

    def dismiss_current(self) -> None:
        candidate = self.current()
        if candidate is None:
            return
        self._dismissed.add(candidate.case.id)
        self.list.takeItem(self.list.currentRow())
        self.dismissed.emit(candidate.case.id)
        if self.list.count() == 0:
            self.hide()

    def reset(self) -> None:
        """A new case begins: forget dismissals, hide."""
        self._dismissed.clear()
        self.list.clear()
        self.hide()
