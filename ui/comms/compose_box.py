"""Writing a message: medium (SMS or IM), audience (people picked in the directory, a talk group, or
every grid member of a grid or a town), a template filled from the case in context, the text, Send
(Ctrl+Enter). The message is tied to the case in context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.comms_messaging import case_values, fill_template
from app.comms_service import CommsService
from client_api import comms_messages as cm
from client_api import messages as m
from widgets.comms_labels import medium_label

AUDIENCES = ("people", "group", "grid", "town")


class ComposeBox(QWidget):
    """Attributes: medium (messageMedium), audience (audienceKind), recipients (the people chosen),
    recipients_label, add_recipients (addRecipientsButton), clear_recipients (clearRecipientsButton),
    group (audienceGroup, editable), grid (audienceGrid), town (audienceTown), template
    (messageTemplate), body (messageBody), send_button (sendMessageButton).
    ``picked`` gives the directory rows selected when "Add selected" is pressed."""

    def __init__(
        self,
        comms: CommsService,
        picked: Callable[[], list[cm.DirectoryEntry]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._comms = comms
        self._picked = picked
        self.recipients: list[cm.DirectoryEntry] = []
        self.medium = self._combo("messageMedium")
        for medium in cm.MEDIA:
            self.medium.addItem(medium_label(medium), medium)
        self.audience = self._combo("audienceKind")
        for kind, text in zip(AUDIENCES, self._audience_words(), strict=True):
            self.audience.addItem(text, kind)
        self.recipients_label = QLabel(self.tr("Nobody yet"), self)
        self.recipients_label.setWordWrap(True)
        self.add_recipients = QPushButton(self.tr("Add selected"), self)
        self.add_recipients.setObjectName("addRecipientsButton")
        self.add_recipients.setToolTip(self.tr("Add the people selected in the directory"))
        self.clear_recipients = QPushButton(self.tr("Clear"), self)
        self.clear_recipients.setObjectName("clearRecipientsButton")
        self.group = self._combo("audienceGroup")
        self.group.setEditable(True)
        self.grid = self._combo("audienceGrid")
        self.town = self._combo("audienceTown")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._people_row())
        for combo in (self.group, self.grid, self.town):
            self.stack.addWidget(combo)
        self.template = self._combo("messageTemplate")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("messageBody")
        self.body.setPlaceholderText(self.tr("Message text (Ctrl+Enter sends)"))
        self.body.setMaximumHeight(90)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendMessageButton")
        self._build()
        self.audience.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.add_recipients.clicked.connect(lambda _checked=False: self.add_picked())
        self.clear_recipients.clicked.connect(lambda _checked=False: self.set_recipients([]))
        self.template.activated.connect(lambda _index: self.apply_template())
        self.send_button.clicked.connect(lambda _checked=False: self.on_send())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.body, self.on_send, context=Qt.ShortcutContext.WidgetShortcut)
        comms.messaging.templatesChanged.connect(self.set_templates)
        comms.directory.resultsChanged.connect(lambda _entries: self._offer_groups())
        self.set_templates(comms.messaging.templates)

    def _audience_words(self) -> list[str]:
        return [
            self.tr("People"),
            self.tr("Talk group"),
            self.tr("All grid members of a grid"),
            self.tr("All grid members of a town"),
        ]

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _people_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recipients_label, 1)
        layout.addWidget(self.add_recipients)
        layout.addWidget(self.clear_recipients)
        return row

    def _build(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.medium)
        top.addWidget(self.audience, 1)
        form.addRow(self.tr("Send"), top)
        form.addRow(self.tr("To"), self.stack)
        form.addRow(self.tr("Template"), self.template)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.body)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.send_button)
        layout.addLayout(bottom)

    # --- audience, templates ----------------------------------------------------------------------------

    def set_reference(self, reference: m.Reference | None) -> None:
        if reference is None:
            return
        for combo, level in ((self.grid, "grid"), (self.town, "town")):
            chosen = combo.currentData()
            combo.clear()
            for area in sorted((a for a in reference.areas if a.level == level), key=lambda a: a.code):
                combo.addItem(area.name, area.code)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _offer_groups(self) -> None:
        """Talk groups the directory's entries belong to (the field also takes one typed in)."""
        groups = sorted({g for e in self._comms.directory.known.values() for g in e.talk_groups})
        typed = self.group.currentText()
        self.group.clear()
        self.group.addItems(groups)
        self.group.setEditText(typed)

    def set_recipients(self, entries: list[cm.DirectoryEntry]) -> None:
        self.recipients = list(entries)
        names = "、".join(e.name for e in self.recipients)
        self.recipients_label.setText(names or self.tr("Nobody yet"))

    def add_picked(self) -> None:
        chosen = {e.id for e in self.recipients}
        self.set_recipients(self.recipients + [e for e in self._picked() if e.id not in chosen])
        self.audience.setCurrentIndex(AUDIENCES.index("people"))

    def set_templates(self, templates: list[cm.MessageTemplate]) -> None:
        self.template.clear()
        self.template.addItem(self.tr("No template"), "")
        for template in templates:
            self.template.addItem(template.title, template.id)

    def apply_template(self) -> None:
        """Fill the text from the template, with the case in context's number, address … filled in."""
        template = self._comms.messaging.template(self.template.currentData())
        if template is None:
            return
        seat = self._comms.seat
        self.body.setPlainText(
            fill_template(template.body, case_values(self._comms.case.case(), seat.category_name))
        )
        self.medium.setCurrentIndex(max(0, self.medium.findData(template.medium)))

    # --- sending ----------------------------------------------------------------------------------------

    def request(self) -> cm.SendMessage | None:
        """The message as composed; None (and the operator told why) when something is missing."""
        body = self.body.toPlainText().strip()
        if not body:
            message.warning(self.tr("Write the message first."))
            return None
        request = cm.SendMessage(
            medium=self.medium.currentData(),
            body=body,
            case_id=self._comms.case.case_id,
            template_id=self.template.currentData() or None,
        )
        kind = self.audience.currentData()
        if kind == "people":
            request.entry_ids = [e.id for e in self.recipients]
        elif kind == "group":
            request.group_id = self.group.currentText().strip()
        elif kind == "grid":
            request.grid_code = self.grid.currentData() or ""
        else:
            request.town = self.town.currentData() or ""
        if not (request.entry_ids or request.group_id or request.grid_code or request.town):
            message.warning(self.tr("Choose whom the message goes to."))
            return None
        return request

    @asyncSlot()
    async def on_send(self) -> None:
        request = self.request()
        if request is None:
            return
        self.send_button.setEnabled(False)
        try:
            sent = await self._comms.messaging.send(request)
        finally:
            self.send_button.setEnabled(True)
        if sent is not None:
            self.body.clear()
            self.template.setCurrentIndex(0)
