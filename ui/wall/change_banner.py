"""The strip over the designer saying that someone else changed the wall (the last change wins)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from client_api import wall_messages as wm


class ChangeBanner(QWidget):
    """Signals: discardRequested() (drop my edits, show the wall as it is now).

    Attributes: text (the label), discard, close_button.
    """

    discardRequested = Signal()

    def __init__(
        self, alert_headline: Callable[[int], str | None] = lambda _id: None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._alert_headline = alert_headline
        self.setObjectName("wallChangeBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            "#wallChangeBanner{background:#fef0c7;border:1px solid #f79009;}"
            "#wallChangeBanner QLabel{color:#7a2e0e;}"
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.discard = QPushButton(self.tr("Discard my edits"), self)
        self.discard.clicked.connect(self.discardRequested)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.discard)
        row.addWidget(self.close_button)
        self.hide()

    def show_change(self, change: wm.WallChange, kept: list[int], conflicts: list[int]) -> None:
        """Say who changed the wall and when; ``kept``: monitors whose unpushed edits stay in the draft,
        ``conflicts``: those of them the change also touched."""
        lines = [self.what_happened(change)]
        self.text.setToolTip(change.summary)  # the backend's record: tiles, cameras and distances
        if conflicts:
            lines.append(
                self.tr(
                    "Your unpushed edits of monitor {monitors} were kept; that change touched them too: "
                    "pushing yours replaces it."
                ).format(monitors=", ".join(map(str, conflicts)))
            )
        elif kept:
            lines.append(
                self.tr("Your unpushed edits of monitor {monitors} were kept.").format(
                    monitors=", ".join(map(str, kept))
                )
            )
        self.text.setText("\n".join(lines))
        self.discard.setVisible(bool(kept))
        self.show()

    def what_happened(self, change: wm.WallChange) -> str:
        """Who or what changed the wall, and when (a rule, an alarm, a preset or a person)."""
        at = dt.datetime.fromtimestamp(change.at).strftime("%H:%M:%S")
        kind, _, name = change.cause.partition(":")
        if kind == "alarm":
            headline = self._alert_headline(int(name)) if name.isdigit() else None
            if headline:
                return self.tr(
                    "Alarm-linked switching for the alert “{headline}” changed the wall at {time}."
                ).format(headline=headline, time=at)
            return self.tr("Alarm-linked switching for alert {id} changed the wall at {time}.").format(
                id=name, time=at
            )
        if kind == "case":
            return self.tr("Alarm-linked switching for case {id} changed the wall at {time}.").format(
                id=name, time=at
            )
        if kind in ("rule", "schedule"):
            return self.tr("The wall rule “{name}” changed the wall at {time}.").format(name=name, time=at)
        if kind == "preset":
            return self.tr("{user} applied the preset “{name}” at {time}.").format(
                user=change.by, name=name, time=at
            )
        return self.tr("The wall was changed by {user} at {time}.").format(user=change.by, time=at)
