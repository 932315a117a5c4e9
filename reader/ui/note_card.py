"""One note, shown as a card: verdict chip, Markdown text, sources, tags, dates.

The card edits in place: Edit swaps its view for a `NoteEditor`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Note, Source, SourceKind
from ..core.note_html import link_html, note_html
from ..core.sources import doi_url
from .drafts import EditorState
from .links import follow_link
from .locale_format import short_date
from .note_editor import NoteEditor
from .text_change import TextChange
from .theme import THEMES, Theme, verdict_icon


class NoteCard(QFrame):
    editSaved = Signal(object, object)  # the note as it was, NoteDraft
    deleteRequested = Signal(object)  # Note
    attachRequested = Signal(object)  # Note (an unplaced one, to the selected sentence)
    acceptRequested = Signal(object)  # Note whose words changed, kept where it is
    jumpRequested = Signal(int)  # sentence index
    articleRequested = Signal(object)  # ArticleRef: a note's link to a Gloss article
    citationRequested = Signal(object)  # Source: a citation to open in its article

    def __init__(
        self,
        note: Note,
        theme: Theme | None = None,
        can_attach: bool = False,
        show_quote: bool = False,
        parent: QWidget | None = None,
        *,
        show_words: bool = False,
        can_move: bool = False,
    ) -> None:
        """`show_words`: quote the words the note covers (a few words of the sentence,
        or more than it); `can_move`: a place is selected that a changed note can move
        to."""
        super().__init__(parent)
        self.note = note
        theme = theme or THEMES["light"]
        self.setObjectName("noteCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Note: {note.verdict.label}. {note.text[:80]}")
        colour = theme.verdicts[note.verdict]
        self.setStyleSheet(
            f"QFrame#noteCard {{ border: 1px solid palette(mid); border-left: 4px solid "
            f"{colour}; border-radius: 4px; background: palette(base); }}"
        )

        chip = QLabel()
        chip.setPixmap(verdict_icon(note.verdict, 16, theme).pixmap(16, 16))
        verdict = QLabel(f"<b style='color:{colour}'>{html.escape(note.verdict.label)}</b>")
        verdict.setAccessibleName(f"Verdict: {note.verdict.label}")
        when = QLabel(_date_line(note))
        when.setObjectName("noteDates")
        when.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        self.edit_button = _tool(
            QCoreApplication.translate("NoteCard", "Edit"),
            QCoreApplication.translate("NoteCard", "Edit this note"),
        )
        self.edit_button.clicked.connect(self.start_edit)
        self.delete_button = _tool(
            QCoreApplication.translate("NoteCard", "Delete"),
            QCoreApplication.translate("NoteCard", "Delete this note (Ctrl+Z brings it back)"),
        )
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(self.note))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(chip)
        head.addWidget(verdict)
        head.addStretch(1)
        head.addWidget(when)

        view = QWidget()
        body = QVBoxLayout(view)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        if show_quote or show_words or note.sentence is None:
            quote = QLabel(f"“{html.escape(_short(note.quote, 160))}”")
            quote.setObjectName("noteWords")
            quote.setWordWrap(True)
            quote.setStyleSheet("font-style: italic; color: palette(placeholder-text);")
            body.addWidget(quote)
        self.change: TextChange | None = None
        if note.sentence is not None and (note.text_changed or note.words_differ):
            # A verdict holds for the words it was written against: keep them in sight.
            self.change = TextChange(note, theme, note.text_changed, can_move)
            self.change.acceptRequested.connect(lambda: self.acceptRequested.emit(self.note))
            self.change.moveRequested.connect(lambda: self.attachRequested.emit(self.note))
            body.addWidget(self.change)
        if note.text:
            # Rendered by the core under the link and image policy: Qt's own Markdown
            # would follow any scheme and load pictures from disk.
            text = self._rich_label(note_html(note.text))
            text.setObjectName("noteBody")
            body.addWidget(text)
        if note.sources:
            links = "<br>".join(_source_html(i, s) for i, s in enumerate(note.sources))
            sources = self._rich_label(links)
            sources.setObjectName("noteSourcesView")
            body.addWidget(sources)
        if note.tags:
            tags = QLabel("  ".join(f"#{html.escape(t)}" for t in note.tags))
            # Escaped, so rich text: left to guess, Qt shows "&lt;" as typed.
            tags.setTextFormat(Qt.TextFormat.RichText)
            tags.setObjectName("noteTagsView")
            tags.setStyleSheet("color: palette(placeholder-text);")
            body.addWidget(tags)
        if note.claimant or note.review_url:
            body.addWidget(self._publication_label(note))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        if note.sentence is not None and show_quote:
            go = _tool(
                QCoreApplication.translate("NoteCard", "Show"),
                QCoreApplication.translate("NoteCard", "Show this sentence in the article"),
            )
            go.clicked.connect(lambda: self.jumpRequested.emit(self.note.sentence))
            actions.addWidget(go)
        if can_attach:
            attach = _tool(
                QCoreApplication.translate("NoteCard", "Attach here"),
                QCoreApplication.translate("NoteCard", "Attach this note to the selected sentence"),
            )
            attach.setObjectName("attachNote")
            attach.clicked.connect(lambda: self.attachRequested.emit(self.note))
            actions.addWidget(attach)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        body.addLayout(actions)

        self.editor = NoteEditor("Save changes")
        self.base: EditorState | None = None  # the form as the edit started
        self.editor.saved.connect(lambda draft: self.editSaved.emit(self.note, draft))
        self.editor.cancelled.connect(self.stop_edit)
        self.stack = QStackedWidget()
        self.stack.addWidget(view)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentIndex(0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.stack)
        self._fit()

    def _publication_label(self, note: Note) -> QLabel:
        """ "Claim by … · Published": who made the claim, and a link to the published
        fact check (followed through the same checks as every link on the card)."""
        parts = []
        if note.claimant:
            parts.append(
                html.escape(
                    QCoreApplication.translate("NoteCard", "Claim by {0}").format(note.claimant)
                )
            )
        if note.review_url:
            label = html.escape(QCoreApplication.translate("NoteCard", "Published"))
            parts.append(f'<a href="{html.escape(note.review_url, quote=True)}">{label}</a>')
        line = self._rich_label(" · ".join(parts))
        line.setObjectName("notePublication")
        line.setToolTip(note.review_url)
        line.setStyleSheet("color: palette(placeholder-text);")
        return line

    def _rich_label(self, markup: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(markup)
        label.setWordWrap(True)
        # Links go through `follow_link`, which checks them again, never straight to Qt.
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(self._follow)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def _follow(self, url: str) -> None:
        if url.startswith(CITATION_LINK):
            # The card's own link to the cited passage, never handed to the system.
            index = int(url[len(CITATION_LINK) :])
            self.citationRequested.emit(self.note.sources[index])
            return
        ref = follow_link(url, self.window())
        if ref is not None:
            self.articleRequested.emit(ref)

    def start_edit(self) -> None:
        self.editor.load(self.note)
        self.base = EditorState.of(self.editor)
        self.stack.setCurrentIndex(1)
        self._fit()
        self.editor.focus()

    def stop_edit(self) -> None:
        self.stack.setCurrentIndex(0)
        self._fit()

    def editing(self) -> bool:
        return self.stack.currentIndex() == 1

    def edited_fields(self) -> set[str] | None:
        """The `NoteDraft` fields the reader changed in this edit (None: all of them, as
        when no edit was started): only those are written, so what another process
        changed in the note meanwhile is kept."""
        return EditorState.of(self.editor).edited(self.base) if self.base is not None else None

    def _fit(self) -> None:
        # A stacked widget is as tall as its tallest page; let only the shown page count.
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            policy = (
                QSizePolicy.Policy.Preferred
                if i == self.stack.currentIndex()
                else (QSizePolicy.Policy.Ignored)
            )
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.stack.adjustSize()
        self.adjustSize()


# The href of a citation in a card: the source's place in the note's list.
CITATION_LINK = "gloss-citation:"


def _source_html(index: int, source: Source) -> str:
    """One source of the card: a link only for the kinds that are links (web and mail
    addresses, DOIs, citations of an article still in the library), else text."""
    quote = (
        f" — <i>“{html.escape(_short(source.quote, 140))}”</i>"
        if source.quote and source.kind is not SourceKind.CITATION
        else ""
    )
    kind = source.kind
    if kind is SourceKind.URL:
        return (
            "↗ "
            + link_html(source.url, source.title or _short(source.url, 60), _short(source.url, 200))
            + quote
        )
    if kind is SourceKind.DOI:
        label = source.title or "doi:" + source.doi
        return "↗ " + link_html(doi_url(source.doi), label) + quote
    if kind is SourceKind.TEXT:
        text = html.escape(_short(source.text, 200))
        return "• " + (f"{html.escape(source.title)} ({text})" if source.title else text) + quote
    citation = source.citation
    assert citation is not None
    title = html.escape(source.title or QCoreApplication.translate("NoteCard", "Saved article"))
    words = f"<i>“{html.escape(_short(source.quote, 160))}”</i>"
    site = f" ({html.escape(citation.site)})" if citation.site else ""
    if citation.gone:
        state = QCoreApplication.translate("NoteCard", "no longer in the library")
        return f"❝ {words} — {title}{site} · {state}"
    link = f'<a href="{CITATION_LINK}{index}">{title}</a>'
    state = ""
    if citation.trashed:
        state = " · " + QCoreApplication.translate("NoteCard", "in the Trash")
    elif citation.sentence is None:
        state = " · " + QCoreApplication.translate("NoteCard", "words no longer in the article")
    return f"❝ {words} — {link}{site}{state}"


def _tool(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


def _date_line(note: Note) -> str:
    created = short_date(note.created)
    if note.updated[:10] == note.created[:10]:
        return created
    edited = QCoreApplication.translate("NoteCard", "{0}, edited {1}")
    return edited.format(created, short_date(note.updated))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
