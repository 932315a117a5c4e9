"""The side panel: the current sentence, its notes, and the note editor."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.library import Library
from ..core.model import Note, Source, Verdict
from .theme import verdict_icon

NOTE_UUID = Qt.ItemDataRole.UserRole


class NotesPanel(QWidget):
    """Shows and edits the notes of one sentence; writes go through the Library."""

    notesChanged = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.library = library
        self.article_id: int | None = None
        self.sentence: int | None = None
        self.editing: str | None = None  # uuid of the note in the editor, None = new note

        self.quote = QLabel()
        self.quote.setObjectName("sentenceQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName("Selected sentence")
        self.quote.setStyleSheet(
            "QLabel#sentenceQuote { border-left: 3px solid #c9b458; padding: 6px 8px;"
            " background: palette(alternate-base); }"
        )

        self.list = QListWidget()
        self.list.setObjectName("noteList")
        self.list.setAccessibleName("Notes on this sentence")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._load_selected)

        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.text.setAccessibleName("Note text")
        self.text.setPlaceholderText("What is right or wrong about this sentence?")
        self.text.setTabChangesFocus(True)
        self.verdict = QComboBox()
        self.verdict.setObjectName("noteVerdict")
        self.verdict.setAccessibleName("Verdict")
        for v in Verdict:
            self.verdict.addItem(v.label, v)
        self.verdict.setCurrentIndex(self.verdict.findData(Verdict.NONE))
        self.sources = QPlainTextEdit()
        self.sources.setObjectName("noteSources")
        self.sources.setAccessibleName("Sources, one URL per line")
        self.sources.setPlaceholderText("https://… (one source per line)")
        self.sources.setTabChangesFocus(True)
        self.sources.setFixedHeight(64)

        self.save = QPushButton("Add note")
        self.save.setObjectName("saveNote")
        self.save.setDefault(True)
        self.save.clicked.connect(self._save)
        self.new = QPushButton("New")
        self.new.setObjectName("newNote")
        self.new.setToolTip("Clear the editor to write another note")
        self.new.clicked.connect(self._start_new)
        self.delete = QPushButton("Delete")
        self.delete.setObjectName("deleteNote")
        self.delete.clicked.connect(self._delete)

        form = QFormLayout()
        form.addRow("Verdict", self.verdict)
        form.addRow("Sources", self.sources)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        buttons.addWidget(self.new)
        buttons.addWidget(self.save)

        self.heading = QLabel("<b>Notes</b>")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.quote)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.editor_label = QLabel("<b>New note</b>")
        layout.addWidget(self.editor_label)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.show_sentence(None, None, "")

    # -- public ----------------------------------------------------------------------------

    def show_sentence(self, article_id: int | None, sentence: int | None, text: str) -> None:
        self.article_id = article_id
        self.sentence = sentence
        active = article_id is not None and sentence is not None
        if active:
            self.quote.setText(f"“{html.escape(text)}”")
        else:
            self.quote.setText("<i>Click a sentence in the article to see and add its notes.</i>")
        for w in (self.text, self.verdict, self.sources, self.save, self.new):
            w.setEnabled(active)
        self._reload()
        self._start_new()

    def notes(self) -> list[Note]:
        if self.article_id is None or self.sentence is None:
            return []
        return self.library.notes(self.article_id, self.sentence)

    # -- internals -------------------------------------------------------------------------

    def _reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for note in self.notes():
            item = QListWidgetItem(_summary(note))
            item.setData(NOTE_UUID, note.uuid)
            item.setToolTip(note.text)
            item.setIcon(verdict_icon(note.verdict))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _summary(note))
            self.list.addItem(item)
            if note.uuid == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        count = self.list.count()
        self.heading.setText(f"<b>Notes</b> ({count})" if count else "<b>Notes</b> — none yet")

    def _start_new(self) -> None:
        self.editing = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.text.clear()
        self.sources.clear()
        self.verdict.setCurrentIndex(self.verdict.findData(Verdict.NONE))
        self.save.setText("Add note")
        self.editor_label.setText("<b>New note</b>")
        self.delete.setEnabled(False)

    def _load_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        note = self.library.note(item.data(NOTE_UUID))
        self.editing = note.uuid
        self.text.setPlainText(note.text)
        self.sources.setPlainText("\n".join(s.url for s in note.sources))
        self.verdict.setCurrentIndex(self.verdict.findData(note.verdict))
        self.save.setText("Save changes")
        self.editor_label.setText("<b>Edit note</b>")
        self.delete.setEnabled(True)

    def _save(self) -> None:
        if self.article_id is None or self.sentence is None:
            return
        text = self.text.toPlainText().strip()
        verdict = self.verdict.currentData()
        sources, bad = _parse_sources(self.sources.toPlainText())
        if bad:
            QMessageBox.warning(
                self, "Gloss", "These sources are not web addresses:\n" + "\n".join(bad)
            )
            return
        if not text and verdict is Verdict.NONE and not sources:
            self.text.setFocus()
            return
        if self.editing is None:
            note = self.library.add_note(self.article_id, self.sentence, text, verdict, sources)
        else:
            note = self.library.update_note(
                self.editing, text=text, verdict=verdict, sources=sources
            )
        self._reload(select=None)
        self._start_new()
        self.notesChanged.emit(note.article_id)

    def _delete(self) -> None:
        if self.editing is None or self.article_id is None:
            return
        self.library.delete_note(self.editing)
        self._reload()
        self._start_new()
        self.notesChanged.emit(self.article_id)


def _summary(note: Note) -> str:
    lines = [f"{_verdict_badge(note.verdict)}  {note.text or '(no text)'}"]
    for s in note.sources:
        lines.append(f"   ↗ {s.url}")
    return "\n".join(lines)


def _verdict_badge(verdict: Verdict) -> str:
    return f"[{verdict.label}]"


def _parse_sources(text: str) -> tuple[list[Source], list[str]]:
    sources, bad = [], []
    for line in text.splitlines():
        url = line.strip()
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            sources.append(Source(url))
        else:
            bad.append(url)
    return sources, bad
