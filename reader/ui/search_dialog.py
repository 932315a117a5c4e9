"""Search the whole library (Ctrl+K): articles and notes, with highlighted snippets.

Each query runs as a background task with its own connection, so typing never waits for
the database; answers to queries that were overtaken by newer typing are dropped.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.library import Library
from ..core.model import Verdict
from ..core.note_plain import strip_inline_markdown
from ..core.search import SearchHit
from .tasks import Task
from .theme import verdict_icon

HIT = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    hitChosen = Signal(object)  # SearchHit

    def __init__(self, library_path: Path, tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SearchDialog", "Search the library"))
        self.setObjectName("searchDialog")
        self.resize(720, 520)
        self.library_path = library_path
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(
            QCoreApplication.translate("SearchDialog", "Search articles and notes")
        )
        self.field.setPlaceholderText(
            QCoreApplication.translate("SearchDialog", "Search articles and notes…")
        )
        self.field.setClearButtonEnabled(True)
        self.verdict = QComboBox()
        self.verdict.setAccessibleName(
            QCoreApplication.translate("SearchDialog", "Only notes with this verdict")
        )
        self.verdict.addItem(QCoreApplication.translate("SearchDialog", "Any verdict"), "")
        for v in Verdict:
            if v is not Verdict.NONE:
                self.verdict.addItem(verdict_icon(v, 14), v.label, v.value)
        self.tag = QComboBox()
        self.tag.setAccessibleName(QCoreApplication.translate("SearchDialog", "Only this tag"))
        self.tag.addItem(QCoreApplication.translate("SearchDialog", "Any tag"), "")
        for t in tags:
            self.tag.addItem(f"#{t}", t)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(QCoreApplication.translate("SearchDialog", "Search results"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        # Each row's label wraps to the list's width: there is never anything to the side.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._choose)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.verdict)
        row.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.search)
        self.field.textChanged.connect(self._debounce.start)
        self.verdict.currentIndexChanged.connect(self.search)
        self.tag.currentIndexChanged.connect(self.search)
        self._generation = 0
        self._tasks: list[Task] = []
        self.hits: list[SearchHit] = []

    def search(self) -> None:
        query = self.field.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self._show([], generation)
            return
        verdict, tag = self.verdict.currentData() or None, self.tag.currentData() or None

        def work(library: Library, _progress, _cancelled) -> list[SearchHit]:
            return library.search(query, verdict=verdict, tag=tag, limit=50)

        task = Task(
            self,
            self.library_path,
            work,
            lambda hits: self._show(hits, generation),
            lambda error: self.status.setText(f"Search failed: {error}"),
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        self.status.setText(QCoreApplication.translate("SearchDialog", "Searching…"))

    def _show(self, hits: list[SearchHit], generation: int) -> None:
        if generation != self._generation:
            return  # the user has typed on since: a newer answer is coming
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(HIT, hit)
            label = QLabel(_render(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            # A word-wrapped label's own size hint assumes a narrow width; ask for the
            # height at the list's real width instead.
            # The vertical scroll bar may appear once the rows fill the list: leave its room.
            room = (
                self.results.viewport().width()
                - self.results.verticalScrollBar().sizeHint().width()
            )
            width = max(room - 4, 200)
            item.setSizeHint(QSize(width, label.heightForWidth(width)))
            text, _ = hit.highlights()
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}: {text}")
            if hit.verdict:
                item.setIcon(verdict_icon(Verdict.parse(hit.verdict), 14))
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        if self.field.text().strip():
            count = len(hits)
            self.status.setText(
                f"{count} result{'s' if count != 1 else ''}"
                + (" (the best 50)" if count == 50 else "")
            )
        else:
            self.status.setText("")
        if hits:
            self.results.setCurrentRow(0)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hitChosen.emit(item.data(HIT))
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.field.hasFocus():
            self.results.setFocus()
            self.results.keyPressEvent(event)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.currentItem():
            self._choose(self.results.currentItem())
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        for task in list(self._tasks):
            task.wait()
        super().done(result)


def _render(hit: SearchHit) -> str:
    where = "note" if hit.kind == "note" else "article"
    marked = hit.marked("\x02", "\x03")
    if hit.kind == "note":  # a note's Markdown, cut anywhere: "**2019**" shows as "2019"
        marked = strip_inline_markdown(marked)
    snippet = html.escape(marked).replace("\x02", "<b>").replace("\x03", "</b>")
    return f"<b>{html.escape(hit.title)}</b> <span style='color:gray'>· {where}</span><br>{snippet}"
