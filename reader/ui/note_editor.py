"""The form that writes or edits one note: text, verdict, sources, tags, and, folded
under "Publishing", who made the claim and where the fact check is published."""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Note, Source, SourceKind, Verdict
from ..core.note_publication import check_claimant, check_review_url
from ..core.sources import format_sources, parse_sources
from .theme import verdict_icon

# Verdict keys: 1-6 in the order the verdict list shows them, 0 for none. With a modifier
# anywhere in the editor, so that digits typed in the note's text stay text; plain when
# the verdict list has focus. Alt is free (menu mnemonics are letters); on macOS Option
# types characters (Option+1 is "¡"), so Command takes its place there.
VERDICT_KEYS: dict[int, Verdict] = {
    1: Verdict.FALSE,
    2: Verdict.MISLEADING,
    3: Verdict.MOSTLY_TRUE,
    4: Verdict.TRUE,
    5: Verdict.UNVERIFIED,
    6: Verdict.OPINION,
    0: Verdict.NONE,
}
VERDICT_MODIFIER = "Ctrl" if sys.platform == "darwin" else "Alt"


def verdict_key(verdict: Verdict) -> QKeySequence:
    """The key sequence that picks `verdict` anywhere in the note editor."""
    digit = next(d for d, v in VERDICT_KEYS.items() if v is verdict)
    return QKeySequence(f"{VERDICT_MODIFIER}+{digit}")


@dataclass(frozen=True)
class NoteDraft:
    text: str
    verdict: Verdict
    sources: list[Source]
    tags: list[str]
    claimant: str = ""  # "": the article's site
    review_url: str = ""  # "": not published yet


def parse_tags(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for raw in text.replace(",", " ").split():
        tag = raw.lstrip("#").strip()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


CITATION = Qt.ItemDataRole.UserRole


class NoteEditor(QWidget):
    saved = Signal(object)  # NoteDraft
    cancelled = Signal()
    citeRequested = Signal()  # "Cite from library…": the panel opens the picker

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
            keys = verdict_key(v).toString(QKeySequence.SequenceFormat.NativeText)
            self.verdict.setItemData(
                self.verdict.count() - 1, f"{v.label} ({keys})", Qt.ItemDataRole.ToolTipRole
            )
        first = verdict_key(Verdict.FALSE).toString(QKeySequence.SequenceFormat.NativeText)
        self.verdict.setToolTip(
            QCoreApplication.translate(
                "NoteEditor",
                "{0} … {1}: False, Misleading, Mostly true, True, Unverified, Opinion; "
                "{2}: no verdict (the digits alone while this list has focus)",
            ).format(
                first,
                verdict_key(Verdict.OPINION).toString(QKeySequence.SequenceFormat.NativeText),
                verdict_key(Verdict.NONE).toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        self._digits = _DigitKeys(self)
        self.verdict.installEventFilter(self._digits)
        self.sources = QPlainTextEdit()
        self.sources.setObjectName("noteSources")
        self.sources.setAccessibleName(
            QCoreApplication.translate("NoteEditor", "Sources, one per line")
        )
        self.sources.setPlaceholderText(
            QCoreApplication.translate(
                "NoteEditor",
                "https://… or doi:10.… or plain text, then a title, then > a quoted "
                "passage (one a line)",
            )
        )
        self.sources.setToolTip(
            QCoreApplication.translate(
                "NoteEditor",
                "One source a line: a web address (https://…, mailto:…), a DOI (doi:10.…) "
                "or plain text (“Phone interview with the lab, 3 Feb 2025”); then a "
                "title (plain text: after “ | ”); then “ > ” and the passage quoted. Only "
                "web addresses and DOIs become links.",
            )
        )
        self.sources.setTabChangesFocus(True)
        self.sources.setFixedHeight(56)
        # Citations are picked from the library, not typed: each keeps the cited
        # article's words anchored, which a line of text could not carry.
        self.citations = QListWidget()
        self.citations.setObjectName("noteCitations")
        self.citations.setAccessibleName(
            QCoreApplication.translate("NoteEditor", "Citations from the library")
        )
        # One line a citation (the words elided; the tooltip has them whole).
        self.citations.setWordWrap(False)
        self.citations.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.citations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.citations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.citations.setFixedHeight(52)
        self.citations.hide()
        self.cite = QPushButton(QCoreApplication.translate("NoteEditor", "&Cite from Library…"))
        self.cite.setObjectName("citeFromLibrary")
        self.cite.setToolTip(
            QCoreApplication.translate(
                "NoteEditor", "Search your saved articles for the passage that backs this note"
            )
        )
        self.cite.clicked.connect(self.citeRequested.emit)
        self.uncite = QPushButton(QCoreApplication.translate("NoteEditor", "Remove"))
        self.uncite.setObjectName("removeCitation")
        self.uncite.setToolTip(
            QCoreApplication.translate("NoteEditor", "Remove the selected citation (Delete)")
        )
        self.uncite.clicked.connect(self.remove_citation)
        self.uncite.hide()
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
        cite_row = QHBoxLayout()
        cite_row.setContentsMargins(0, 0, 0, 0)
        cite_row.addWidget(self.cite)
        cite_row.addWidget(self.uncite)
        cite_row.addStretch(1)
        form.addRow("", self.citations)
        form.addRow("", cite_row)
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
        self.verdict_shortcuts: list[QShortcut] = []
        for verdict in VERDICT_KEYS.values():
            shortcut = QShortcut(verdict_key(verdict), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda v=verdict: self.set_verdict(v))
            self.verdict_shortcuts.append(shortcut)
        self.clear()

    def set_verdict(self, verdict: Verdict) -> None:
        self.verdict.setCurrentIndex(self.verdict.findData(verdict))

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
        self.set_citations([])
        self.tags.clear()
        self.claimant.clear()
        self.review_url.clear()
        self._fold(False)
        self.error.hide()
        self.verdict.setCurrentIndex(self.verdict.findData(Verdict.NONE))

    def load(self, note: Note) -> None:
        self.text.setPlainText(note.text)
        self.sources.setPlainText(format_sources(note.sources))
        self.set_citations([s for s in note.sources if s.kind is SourceKind.CITATION])
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
        # Every line is a source (a link, a DOI or plain text): nothing is refused.
        sources = parse_sources(self.sources.toPlainText()) + self.citation_sources()
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

    def citation_sources(self) -> list[Source]:
        return [self.citations.item(i).data(CITATION) for i in range(self.citations.count())]

    def set_citations(self, sources: list[Source]) -> None:
        self.citations.clear()
        for source in sources:
            self.add_citation(source, select=False)
        self._fit_citations()

    def add_citation(self, source: Source, select: bool = True) -> None:
        """A citation picked from the library, unless the note cites those words already."""
        for existing in self.citation_sources():
            if existing.citation == source.citation and existing.quote == source.quote:
                return
        item = QListWidgetItem(citation_line(source))
        item.setData(CITATION, source)
        item.setToolTip(citation_tip(source))
        self.citations.addItem(item)
        if select:
            self.citations.setCurrentItem(item)
        self._fit_citations()

    def remove_citation(self) -> None:
        row = self.citations.currentRow()
        if row >= 0:
            self.citations.takeItem(row)
        self._fit_citations()

    def _fit_citations(self) -> None:
        count = self.citations.count()
        self.citations.setVisible(count > 0)
        self.uncite.setVisible(count > 0)
        if count:
            shown = min(count, 4)  # more scroll
            rows = self.citations.sizeHintForRow(0) * shown
            self.citations.setFixedHeight(rows + 2 * self.citations.frameWidth() + 2)

    def _save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.saved.emit(draft)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif event.key() == Qt.Key.Key_Delete and self.citations.hasFocus():
            self.remove_citation()
        else:
            super().keyPressEvent(event)


class _DigitKeys(QObject):
    """Plain 0-6 on the verdict list pick a verdict (the list's own type-to-find looks
    for labels, which hold no digits)."""

    def __init__(self, editor: NoteEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            digit = event.key() - Qt.Key.Key_0
            if modifiers == Qt.KeyboardModifier.NoModifier and digit in VERDICT_KEYS:
                self.editor.set_verdict(VERDICT_KEYS[digit])
                return True
        return super().eventFilter(watched, event)


def citation_line(source: Source) -> str:
    """A citation in one line: “the words” — the article's title (its site)."""
    quote = " ".join(source.quote.split())
    if len(quote) > 90:
        quote = quote[:89] + "…"
    site = source.citation.site if source.citation is not None else ""
    where = source.title or QCoreApplication.translate("NoteEditor", "saved article")
    return f"“{quote}” — {where}" + (f" ({site})" if site else "")


def citation_tip(source: Source) -> str:
    return f"<p>“{html.escape(source.quote)}”</p><p><b>{html.escape(source.title)}</b></p>"
