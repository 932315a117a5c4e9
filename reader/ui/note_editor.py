"""The form that writes or edits one note: text, verdict, sources, tags."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Note, Source, Verdict
from .theme import verdict_icon


@dataclass(frozen=True)
class NoteDraft:
    text: str
    verdict: Verdict
    sources: list[Source]
    tags: list[str]


def parse_sources(text: str) -> tuple[list[Source], list[str]]:
    """One source a line: a URL, then optionally a title, then optionally `> ` and the
    passage quoted from it. Returns (sources, lines that are not sources)."""
    sources, bad = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        head, _, quote = line.partition(" > ")
        url, _, title = head.strip().partition(" ")
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            sources.append(Source(url, title.strip(), quote.strip().strip('"“”')))
        else:
            bad.append(line)
    return sources, bad


def format_sources(sources: tuple[Source, ...] | list[Source]) -> str:
    """The text `parse_sources` reads back into the same sources."""
    lines = []
    for s in sources:
        line = f"{s.url} {s.title}".strip()
        if s.quote:
            line += f" > {s.quote}"
        lines.append(line)
    return "\n".join(lines)


def parse_tags(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for raw in text.replace(",", " ").split():
        tag = raw.lstrip("#").strip()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


class NoteEditor(QWidget):
    saved = Signal(object)  # NoteDraft
    cancelled = Signal()

    def __init__(self, save_label: str = "Add note", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.text.setAccessibleName(QCoreApplication.translate("NoteEditor", "Note text"))
        self.text.setPlaceholderText(
            QCoreApplication.translate(
                "NoteEditor", "What is right or wrong about this sentence? (Markdown)"
            )
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(70)
        self.verdict = QComboBox()
        self.verdict.setObjectName("noteVerdict")
        self.verdict.setAccessibleName(QCoreApplication.translate("NoteEditor", "Verdict"))
        for v in Verdict:
            self.verdict.addItem(verdict_icon(v, 14), v.label, v)
        self.sources = QPlainTextEdit()
        self.sources.setObjectName("noteSources")
        self.sources.setAccessibleName(
            QCoreApplication.translate("NoteEditor", "Sources, one per line")
        )
        self.sources.setPlaceholderText(
            QCoreApplication.translate(
                "NoteEditor", "https://… title > quoted passage (one a line)"
            )
        )
        self.sources.setTabChangesFocus(True)
        self.sources.setFixedHeight(56)
        self.tags = QLineEdit()
        self.tags.setObjectName("noteTags")
        self.tags.setAccessibleName(QCoreApplication.translate("NoteEditor", "Tags"))
        self.tags.setPlaceholderText(
            QCoreApplication.translate("NoteEditor", "economy, statistics")
        )
        self.error = QLabel()
        self.error.setObjectName("noteError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.save = QPushButton(save_label)
        self.save.setObjectName("saveNote")
        self.save.setToolTip(QCoreApplication.translate("NoteEditor", "Save (Ctrl+Enter)"))
        self.save.clicked.connect(self._save)
        self.cancel = QPushButton(QCoreApplication.translate("NoteEditor", "Cancel"))
        self.cancel.setObjectName("cancelNote")
        self.cancel.setToolTip(QCoreApplication.translate("NoteEditor", "Leave the editor (Esc)"))
        self.cancel.clicked.connect(self.cancelled.emit)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("NoteEditor", "&Verdict"), self.verdict)
        form.addRow(QCoreApplication.translate("NoteEditor", "&Sources"), self.sources)
        form.addRow(QCoreApplication.translate("NoteEditor", "Ta&gs"), self.tags)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._save)
        self.clear()

    def clear(self) -> None:
        self.text.clear()
        self.sources.clear()
        self.tags.clear()
        self.error.hide()
        self.verdict.setCurrentIndex(self.verdict.findData(Verdict.NONE))

    def load(self, note: Note) -> None:
        self.text.setPlainText(note.text)
        self.sources.setPlainText(format_sources(note.sources))
        self.tags.setText(", ".join(note.tags))
        self.verdict.setCurrentIndex(self.verdict.findData(note.verdict))
        self.error.hide()

    def focus(self) -> None:
        self.text.setFocus()

    def draft(self) -> NoteDraft | None:
        """What the form holds, or None (with the reason shown) when it cannot be saved."""
        sources, bad = parse_sources(self.sources.toPlainText())
        if bad:
            self.error.setText("Not a web address: " + "; ".join(bad))
            self.error.show()
            return None
        draft = NoteDraft(
            self.text.toPlainText().strip(),
            self.verdict.currentData(),
            sources,
            parse_tags(self.tags.text()),
        )
        if not (draft.text or draft.sources or draft.verdict is not Verdict.NONE):
            self.error.setText(
                QCoreApplication.translate(
                    "NoteEditor", "Write something, pick a verdict or add a source."
                )
            )
            self.error.show()
            return None
        self.error.hide()
        return draft

    def _save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.saved.emit(draft)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)
