"""For a consultation (咨询): answers from the knowledge base, and closing the case at intake."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client_api.intake_messages import KbArticle


class AnswerPanel(QWidget):
    """Signals:
    answerAndClose(str): the operator answered the caller with this text; close the case at intake.
    """

    answerAndClose = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerPanel")
        title = QLabel(self.tr("Answers for this consultation"), self)
        title.setStyleSheet("font-weight:bold;")
        self.articles = QListWidget(self)
        self.articles.setObjectName("kbArticles")
        self.articles.setMaximumHeight(90)
        self.articles.currentItemChanged.connect(self._on_article)
        self.answer = QPlainTextEdit(self)
        self.answer.setObjectName("kbAnswer")
        self.answer.setMaximumHeight(90)
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer given to the caller"))
        self.close_button = QPushButton(self.tr("Answered: close at intake (Ctrl+Shift+Enter)"), self)
        self.close_button.setObjectName("answerAndClose")
        self.close_button.clicked.connect(self._on_close)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.articles)
        layout.addWidget(self.answer)
        layout.addLayout(buttons)
        self.hide()

    def show_articles(self, articles: list[KbArticle]) -> None:
        self.articles.clear()
        for article in articles:
            item = QListWidgetItem(article.title)
            item.setData(256, article.answer)
            item.setToolTip(article.answer)
            self.articles.addItem(item)
        if articles and not self.answer.toPlainText().strip():
            self.articles.setCurrentRow(0)

    def _on_article(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.answer.setPlainText(str(item.data(256)))

    def _on_close(self) -> None:
        text = self.answer.toPlainText().strip()
        if self.isVisible() and text:
            self.answerAndClose.emit(text)

    def reset(self) -> None:
        self.articles.clear()
        self.answer.clear()
