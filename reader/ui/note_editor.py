"""The form that writes or edits one note: text, verdict, sources, tags, and, folded
under "Publishing", who made the claim and where the fact check is published."""

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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Note, Source, Verdict
from ..core.note_publication import check_claimant, check_review_url
from .theme import verdict_icon


@dataclass(frozen=True)
class NoteDraft:
    text: str
    verdict: Verdict
    sources: list[Source]
    tags: list[str]
    claimant: str = ""  # "": the article's site
    review_url: str = ""  # "": not published yet


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
        self._build_publishing()
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
        form.addRow(self.publishing_toggle)
        form.addRow(self.publishing)
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

    def _build_publishing(self) -> None:
        """The claimant and review URL, folded away until asked for (or set): most notes
        are written long before their fact check is published."""
        self.claimant = QLineEdit()
        self.claimant.setObjectName("noteClaimant")
        self.claimant.setAccessibleName(
            QCoreApplication.translate("NoteEditor", "Claimant (who made the claim)")
        )
        self.review_url = QLineEdit()
        self.review_url.setObjectName("noteReviewUrl")
        self.review_url.setAccessibleName(
            QCoreApplication.translate(
                "NoteEditor", "Review URL (where the fact check is published)"
            )
        )
        self.review_url.setPlaceholderText(
            QCoreApplication.translate("NoteEditor", "https://… where the fact check is published")
        )
        self.set_default_claimant("")
        self.publishing = QWidget()
        self.publishing.setObjectName("notePublishing")
        fields = QFormLayout(self.publishing)
        fields.setContentsMargins(12, 0, 0, 0)
        fields.addRow(QCoreApplication.translate("NoteEditor", "C&laimant"), self.claimant)
        fields.addRow(QCoreApplication.translate("NoteEditor", "Review &URL"), self.review_url)
        self.publishing_toggle = QToolButton()
        self.publishing_toggle.setObjectName("notePublishingToggle")
        self.publishing_toggle.setCheckable(True)
        self.publishing_toggle.setAutoRaise(True)
        self.publishing_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.publishing_toggle.toggled.connect(self._fold)
        self.review_url.textChanged.connect(lambda _text: self._fold(self.publishing.isVisible()))
        self._fold(False)

    def _fold(self, open_: bool) -> None:
        self.publishing_toggle.setChecked(open_)
        self.publishing_toggle.setArrowType(
            Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow
        )
        label = QCoreApplication.translate("NoteEditor", "Publishing")
        if not open_ and self.review_url.text().strip():
            label = QCoreApplication.translate("NoteEditor", "Publishing · published")
        self.publishing_toggle.setText(label)
        self.publishing.setVisible(open_)

    def set_default_claimant(self, name: str) -> None:
        """The claimant a note gets when the field is left empty (the article's site)."""
        self.claimant.setPlaceholderText(
            QCoreApplication.translate("NoteEditor", "{0} (the article's site)").format(name)
            if name
            else QCoreApplication.translate("NoteEditor", "Who made the claim")
        )

    def clear(self) -> None:
        self.text.clear()
        self.sources.clear()
        self.tags.clear()
        self.claimant.clear()
        self.review_url.clear()
        self._fold(False)
        self.error.hide()
        self.verdict.setCurrentIndex(self.verdict.findData(Verdict.NONE))

    def load(self, note: Note) -> None:
        self.text.setPlainText(note.text)
        self.sources.setPlainText(format_sources(note.sources))
        self.tags.setText(", ".join(note.tags))
        self.verdict.setCurrentIndex(self.verdict.findData(note.verdict))
        self.claimant.setText(note.claimant)
        self.review_url.setText(note.review_url)
        self._fold(bool(note.claimant))
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
        try:
            claimant = check_claimant(self.claimant.text())
            review_url = check_review_url(self.review_url.text())
        except ValueError:
            self._fold(True)
            self.review_url.setFocus()
            self.error.setText(
                QCoreApplication.translate(
                    "NoteEditor",
                    "The review URL must be a web address (https://…) where the fact check "
                    "is published.",
                )
            )
            self.error.show()
            return None
        draft = NoteDraft(
            self.text.toPlainText().strip(),
            self.verdict.currentData(),
            sources,
            parse_tags(self.tags.text()),
            claimant,
            review_url,
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
