"""Cite from Library…: find the passage of another saved article that backs a note.

Type words, see the sentences of other articles that hold them (with the article's title
and site), pick one with Enter or a double click. Each query runs as a background task
on its own connection (`tasks.Task`), so typing never waits for a big library; answers
to queries overtaken by newer typing are dropped.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.citations import Candidate, candidates
from ..core.library import Library
from .tasks import Task

CANDIDATE = Qt.ItemDataRole.UserRole


class CitePicker(QDialog):
    chosen = Signal(object)  # Candidate

    def __init__(
        self,
        library_path: Path,
        exclude: int | None,
        query: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`exclude`: the article of the note, which it cannot cite (see `citations`)."""
        super().__init__(parent)
        self.setObjectName("citePicker")
        self.setWindowTitle(QCoreApplication.translate("CitePicker", "Cite from Library"))
        self.resize(640, 460)
        self.library_path = library_path
        self.exclude = exclude
        self.field = QLineEdit(query)
        self.field.setObjectName("citeSearch")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            QCoreApplication.translate("CitePicker", "Words of the passage to cite…")
        )
        self.field.setAccessibleName(
            QCoreApplication.translate("CitePicker", "Search saved articles for a passage")
        )
        self.results = QListWidget()
        self.results.setObjectName("citeResults")
        self.results.setAccessibleName(QCoreApplication.translate("CitePicker", "Passages to cite"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._choose)
        self.status = QLabel()
        self.status.setObjectName("citeStatus")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.cite_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cite_button.setText(QCoreApplication.translate("CitePicker", "Cite"))
        self.cite_button.setEnabled(False)
        buttons.accepted.connect(self._choose_current)
        buttons.rejected.connect(self.reject)
        self.results.currentItemChanged.connect(
            lambda item, _old: self.cite_button.setEnabled(item is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.search)
        self.field.textChanged.connect(self._debounce.start)
        self._generation = 0
        self._tasks: list[Task] = []
        self.found: list[Candidate] = []
        if query.strip():
            self._debounce.start()

    def library_changed(self) -> None:
        """The library changed under the picker: the same words again, on what it holds
        now, with the passage the reader had selected still selected if it is there."""
        if self.field.text().strip() and not self._debounce.isActive():
            self.search(keep=self._selected())

    def _selected(self) -> tuple[int, int] | None:
        item = self.results.currentItem()
        if item is None:
            return None
        candidate: Candidate = item.data(CANDIDATE)
        return candidate.article_id, candidate.sentence

    def search(self, keep: tuple[int, int] | None = None) -> None:
        query = self.field.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self._show([], generation)
            return
        exclude = self.exclude

        def work(library: Library, _progress, _cancelled) -> list[Candidate]:
            return candidates(library, query, exclude)

        task = Task(
            self,
            self.library_path,
            work,
            lambda found: self._show(found, generation, keep),
            lambda error: self.status.setText(
                QCoreApplication.translate("CitePicker", "Search failed: {0}").format(error)
            ),
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        self.status.setText(QCoreApplication.translate("CitePicker", "Searching…"))

    def _show(
        self, found: list[Candidate], generation: int, keep: tuple[int, int] | None = None
    ) -> None:
        if generation != self._generation:
            return  # typing went on: a newer answer is coming
        self.found = found
        self.results.clear()
        room = self.results.viewport().width() - self.results.verticalScrollBar().sizeHint().width()
        width = max(room - 4, 200)
        for candidate in found:
            item = QListWidgetItem()
            item.setData(CANDIDATE, candidate)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{candidate.text} — {candidate.title}, {candidate.site}",
            )
            label = QLabel(_render(candidate))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            item.setSizeHint(QSize(width, label.heightForWidth(width)))
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        if not self.field.text().strip():
            self.status.setText("")
        elif found:
            self.status.setText(
                QCoreApplication.translate(
                    "CitePicker", "{0} passages: Enter cites the selected one"
                ).format(len(found))
                if len(found) != 1
                else QCoreApplication.translate("CitePicker", "1 passage: Enter cites it")
            )
            keys = [(c.article_id, c.sentence) for c in found]
            self.results.setCurrentRow(keys.index(keep) if keep in keys else 0)
        else:
            self.status.setText(
                QCoreApplication.translate(
                    "CitePicker", "No passage of another saved article holds these words"
                )
            )

    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(CANDIDATE))
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.field.hasFocus():
            self.results.setFocus()
            self.results.keyPressEvent(event)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.results.currentItem() is not None:
                self._choose(self.results.currentItem())
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        for task in list(self._tasks):
            task.wait()
        super().done(result)


def _render(candidate: Candidate) -> str:
    where = html.escape(candidate.title)
    if candidate.site:
        where += f" <span style='color:gray'>· {html.escape(candidate.site)}</span>"
    number = QCoreApplication.translate("CitePicker", "sentence {0}").format(candidate.number)
    return (
        f"“{html.escape(candidate.text)}”<br><b>{where}</b> "
        f"<span style='color:gray'>· {number}</span>"
    )
