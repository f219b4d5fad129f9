"""A category field that finds a category by name, code or pinyin initials (zls → 自来水管破裂)."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from client_api import messages as m

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


def initials(text: str) -> str:
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower()


class CategoryPicker(QComboBox):
    """Editable combo over the categories a case can take (minor classes and appeal types)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.activated[str].connect(self._on_completed)  # type: ignore[index]
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self._completer = completer
        # Type "zlsg", press Enter: the best match is highlighted as soon as the list shows.
        line = self.lineEdit()
        assert line is not None  # editable
        line.textEdited.connect(lambda _text: QTimer.singleShot(0, self, self._highlight_first))

    def _highlight_first(self) -> None:
        popup = self._completer.popup()
        model = self._completer.completionModel()
        if (
            popup is not None
            and popup.isVisible()
            and model.rowCount()
            and not popup.currentIndex().isValid()
        ):
            popup.setCurrentIndex(model.index(0, 0))

    def set_categories(self, categories: list[m.Category]) -> None:
        names = {c.code: c.name for c in categories}
        self._model.clear()
        for cat in categories:
            if cat.parent_code is None and cat.kind != "appeal":
                continue  # major classes only group their minor classes
            label = f"{names[cat.parent_code]} / {cat.name}" if cat.parent_code else cat.name
            item = QStandardItem(f"{label}  [{cat.code}]")
            item.setData(cat.code, Qt.ItemDataRole.UserRole)
            item.setData(f"{label} {cat.code} {initials(cat.name)} {initials(label)}", SEARCH_ROLE)
            self._model.appendRow(item)
        self.setCurrentIndex(-1)

    def _on_completed(self, search_text: str) -> None:
        # The completer writes its search text into the line edit after this signal; once it has,
        # select the item and show its label instead.
        matches = self._model.match(
            self._model.index(0, 0), SEARCH_ROLE, search_text, 1, Qt.MatchFlag.MatchExactly
        )
        if matches:
            row = matches[0].row()
            QTimer.singleShot(0, self, lambda: self._select(row))

    def _select(self, row: int) -> None:
        self.setCurrentIndex(row)
        self.setEditText(self.itemText(row))

    def code(self) -> str | None:
        """The chosen category's code, or None while the text matches no category exactly."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        code = self.itemData(index)
        return code if isinstance(code, str) else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
