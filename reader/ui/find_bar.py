"""Find in page: a slim bar under the reader (Ctrl+F), Enter for next, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from .reader_view import ReaderView


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setAccessibleName(QCoreApplication.translate("FindBar", "Find in article"))
        self.field.setPlaceholderText(QCoreApplication.translate("FindBar", "Find in article"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        self.previous_button = QToolButton()
        self.previous_button.setText("↑")
        self.previous_button.setToolTip(
            QCoreApplication.translate("FindBar", "Previous match (Shift+F3)")
        )
        self.previous_button.setAccessibleName(
            QCoreApplication.translate("FindBar", "Previous match")
        )
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QToolButton()
        self.next_button.setText("↓")
        self.next_button.setToolTip(QCoreApplication.translate("FindBar", "Next match (F3)"))
        self.next_button.setAccessibleName(QCoreApplication.translate("FindBar", "Next match"))
        self.next_button.clicked.connect(self.next)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(QCoreApplication.translate("FindBar", "Close (Esc)"))
        close.setAccessibleName(QCoreApplication.translate("FindBar", "Close find bar"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text():
            self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.reader.clear_find()
        self.reader.setFocus()
        self.closed.emit()

    def next(self) -> None:
        self._show(*self.reader.find_step(1))

    def previous(self) -> None:
        self._show(*self.reader.find_step(-1))

    def refresh(self) -> None:
        """The text changed under an open bar (a live reload): count the matches again."""
        if self.isVisible() and self.field.text():
            self._show(*self.reader.find_again(self.field.text()))

    def _search(self, text: str) -> None:
        total = self.reader.find_all(text)
        if total:
            self.next()
        else:
            self._show(0, 0)

    def _show(self, current: int, total: int) -> None:
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(QCoreApplication.translate("FindBar", "No matches"))
        else:
            self.count.setText(f"{current} of {total}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
