"""The side panel: the current sentence and its notes, the editor for a new note, the
article's notes that lost their place, and an outline of all notes.

Writes go through undoable commands on the window's undo stack.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.citations import Candidate, CitationError, cite
from ..core.library import Library, NotFound, StaleRevision
from ..core.model import Note
from ..core.note_html import note_html
from ..core.note_plain import note_plain_text
from ..core.note_publication import default_claimant
from ..core.numbering import sentence_number
from ..core.spans import Span
from .cite_picker import CitePicker
from .commands import AcceptChange, AddNote, DeleteNote, EditNote, ReattachNote
from .drafts import EditorState
from .elsewhere import ElsewhereSection
from .note_card import NoteCard
from .note_editor import NoteDraft, NoteEditor
from .theme import THEMES, Theme, verdict_icon

SENTENCE = Qt.ItemDataRole.UserRole


class NotesPanel(QWidget):
    notesChanged = Signal(int)  # article id whose notes changed
    jumpRequested = Signal(int)  # sentence index to show in the reader
    articleRequested = Signal(object)  # ArticleRef from a link in a note
    citationRequested = Signal(object)  # Source: a note's citation to open in its article
    editorClosed = Signal()  # Esc in an editor: the reader takes the keyboard back
    # A write was refused: the article's text changed since it was shown (StaleRevision).
    # The draft stays in the editor; the window reloads and places it again.
    writeRefused = Signal(object)
    attachRefused = Signal(object)  # the same for attaching an unplaced note by hand

    def __init__(self, library: Library, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.library = library
        self.undo = undo
        self.theme: Theme = THEMES["light"]
        self.default_claimant = ""  # who made a claim when a note does not say
        self.article_id: int | None = None
        self.sentence: int | None = None
        self.sentence_text = ""
        self.page: int | None = None
        self.span: Span | None = None  # words chosen in the reader, when not a sentence
        self.words = ""  # and their text
        self.revision: str | None = None  # of the text shown; every write carries it
        # The draft's words are not in the article's new text: the editor keeps the
        # draft until the reader clicks the sentence it belongs to.
        self.detached = False
        self.cards: list[QWidget] = []  # cards and the "Unplaced" heading

        self.quote = QLabel()
        self.quote.setObjectName("sentenceQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName(QCoreApplication.translate("NotesPanel", "Selected sentence"))
        self._style_quote()
        self.heading = QLabel()
        self.heading.setObjectName("notesHeading")

        self.card_box = QWidget()
        self.card_layout = QVBoxLayout(self.card_box)
        self.card_layout.setContentsMargins(0, 0, 4, 0)
        self.card_layout.setSpacing(6)
        self.card_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("noteCards")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.card_box)
        scroll.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes on this sentence"))

        self.editor_label = QLabel(QCoreApplication.translate("NotesPanel", "<b>New note</b>"))
        self.editor = NoteEditor("Add note")
        self.editor.setObjectName("newNoteEditor")
        self.editor.saved.connect(self._add)
        self.editor.cancelled.connect(self._leave_editor)
        self.editor.citeRequested.connect(lambda: self.pick_citation(self.editor))
        self.picker: CitePicker | None = None
        self._saving: str | None = None  # the note whose edit is being written

        sentence_tab = QWidget()
        tab_layout = QVBoxLayout(sentence_tab)
        tab_layout.setContentsMargins(6, 6, 6, 6)
        tab_layout.addWidget(self.quote)
        tab_layout.addWidget(self.heading)
        tab_layout.addWidget(scroll, 3)
        # Other articles that noted the same claim (kept by the window's ElsewhereController).
        self.elsewhere = ElsewhereSection()
        tab_layout.addWidget(self.elsewhere)
        tab_layout.addWidget(self.editor_label)
        tab_layout.addWidget(self.editor, 2)

        self.outline = QListWidget()
        self.outline.setObjectName("notesOutline")
        self.outline.setAccessibleName(
            QCoreApplication.translate("NotesPanel", "All notes in this article")
        )
        self.outline.setWordWrap(True)
        self.outline.itemActivated.connect(self._jump)
        self.outline.itemClicked.connect(self._jump)
        self.review_only = QCheckBox(
            QCoreApplication.translate("NotesPanel", "Only notes to review")
        )
        self.review_only.setObjectName("notesToReview")
        self.review_only.setToolTip(
            QCoreApplication.translate(
                "NotesPanel", "Notes whose words changed when the page was imported again"
            )
        )
        self.review_only.toggled.connect(lambda _on: self.reload())
        outline_tab = QWidget()
        outline_layout = QVBoxLayout(outline_tab)
        outline_layout.setContentsMargins(4, 4, 4, 4)
        outline_layout.addWidget(self.review_only)
        outline_layout.addWidget(self.outline, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("notesTabs")
        self.tabs.addTab(sentence_tab, QCoreApplication.translate("NotesPanel", "Sentence"))
        self.tabs.addTab(outline_tab, QCoreApplication.translate("NotesPanel", "All notes"))
        self.tabs.tabBar().setAccessibleName(
            QCoreApplication.translate("NotesPanel", "Sentence notes or all notes")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 4, 0)
        layout.addWidget(self.tabs)
        self.show_sentence(None, None, "")

    # -- public ----------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._style_quote()  # palette() in a style sheet is read when it is set
        self.reload()

    def _style_quote(self) -> None:
        self.quote.setStyleSheet(
            "QLabel#sentenceQuote { border-left: 3px solid #c9b458; padding: 6px 8px;"
            " background: palette(alternate-base); color: palette(text); }"
        )

    def show_article(self, article_id: int | None, revision: str | None = None) -> None:
        self.article_id = article_id
        self.revision = revision
        self.detached = False
        self.default_claimant = ""
        if article_id is not None:
            try:
                meta = self.library.article_meta(article_id)
            except NotFound:  # deleted meanwhile: the window closes it next
                meta = None
            if meta is not None:
                self.default_claimant = default_claimant(meta.site, meta.url)
        self.editor.set_default_claimant(self.default_claimant)
        self.show_sentence(article_id, None, "")

    def show_sentence(
        self, article_id: int | None, sentence: int | None, text: str, page: int | None = None
    ) -> None:
        same = (article_id, sentence, text) == (self.article_id, self.sentence, self.sentence_text)
        self.article_id = article_id
        self.sentence = sentence
        self.sentence_text = text
        self.page = page  # the page a PDF printed it on, for citing
        self.span = None
        active = article_id is not None and sentence is not None
        self.editor.setEnabled(active)
        if self.detached and active:
            self.detached = False  # the reader chose where the kept draft belongs
        elif not (same and active):  # Enter on the sentence being noted keeps the draft
            self.editor.clear()
        self.reload()

    def follow(
        self,
        sentence: int | None,
        text: str,
        revision: str,
        span: Span | None = None,
    ) -> None:
        """The article's text changed: the same sentence (or none) in the new text, and
        the same chosen words if any. Unlike `show_sentence`, drafts are kept."""
        self.revision = revision
        self.detached = False
        self.sentence, self.sentence_text = sentence, text
        if span is None:
            self.span, self.words = None, ""
        else:
            self.span = span
        self.editor.setEnabled(sentence is not None)
        self.reload()

    def detach(self, revision: str) -> None:
        """The draft's sentence is gone from the new text: keep the draft, say so, and
        let the next sentence the reader clicks take it."""
        self.revision = revision
        self.detached = True
        self.sentence = None
        self.span = None
        self.reload()

    def has_draft(self) -> bool:
        return self.editor.isEnabled() and not EditorState.of(self.editor).is_empty()

    def is_writing(self) -> bool:
        """A new note or an edit is under way (switching articles would lose it)."""
        return self.has_draft() or any(c.editing() for c in self.note_cards())

    def save_draft(self) -> None:
        """Save what the new-note editor holds, as Ctrl+Enter does."""
        draft = self.editor.draft()
        if draft is not None:
            self._add(draft)

    def show_unplaced(self) -> None:
        """Bring the article's unplaced notes into view."""
        self.tabs.setCurrentIndex(0)
        for widget in self.cards:
            if widget.objectName() == "unplacedHeading":
                scroll = self.findChild(QScrollArea, "noteCards")
                if scroll is not None:
                    scroll.ensureWidgetVisible(widget, 0, 0)
                break

    def show_span(self, article_id: int, span: Span, words: str, sentence_text: str) -> None:
        """Words chosen in the reader: the notes of their first sentence (`sentence_text`),
        and the editor notes the words."""
        self.show_sentence(article_id, span.first, sentence_text)
        self.span = span
        self.words = words
        self.reload()

    def focus_editor(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.editor.isEnabled():
            self.editor.focus()

    def notes(self) -> list[Note]:
        if self.article_id is None or self.sentence is None:
            return []
        return self.library.notes(self.article_id, self.sentence)

    def show_review(self) -> None:
        """The article's notes whose words changed, in the All notes tab."""
        self.review_only.setChecked(True)
        self.tabs.setCurrentIndex(1)

    def reload(self) -> None:
        if self.detached:
            shown = self.words or self.sentence_text
            self.quote.setText(
                f"<s>“{html.escape(shown)}”</s><br><i>"
                + QCoreApplication.translate(
                    "NotesPanel",
                    "The article changed and these words are not in its new text. Click the "
                    "sentence your note belongs to; your draft is kept.",
                )
                + "</i>"
            )
        elif self.span is not None:
            self.quote.setText(f"“{html.escape(self.words)}”")
        elif self.sentence is not None:
            page = f" — p. {self.page}" if self.page else ""
            self.quote.setText(f"“{html.escape(self.sentence_text)}”{page}")
        else:
            self.quote.setText(
                QCoreApplication.translate(
                    "NotesPanel",
                    "<i>Click a sentence in the article (or move with j and k) "
                    "to see and add its notes.</i>",
                )
            )
        # One read of the article's notes feeds the cards, the unplaced list and the outline.
        every = self.library.notes(self.article_id) if self.article_id is not None else []
        here = self.sentence
        notes = [
            n
            for n in every
            if n.sentence is not None
            and here is not None
            and n.sentence <= here <= (n.last_sentence or n.sentence)
        ]
        unplaced = [n for n in every if n.sentence is None]
        shown = {n.uuid for n in notes}
        elsewhere = [
            n for n in every if n.text_changed and n.sentence is not None and n.uuid not in shown
        ]
        self._set_cards(notes, unplaced, elsewhere)
        self.elsewhere.show_sentence(here)
        count = len(notes)
        text = f"<b>Notes</b> ({count})" if count else "<b>Notes</b> — none yet"
        if self.sentence is not None:
            sentence = QCoreApplication.translate("NotesPanel", "Sentence {0}")
            text = f"<b>{sentence.format(sentence_number(self.sentence))}</b> · {text}"
        if unplaced:
            text += " · " + QCoreApplication.translate("NotesPanel", "{0} unplaced").format(
                len(unplaced)
            )
        review = sum(n.text_changed for n in every)
        if review:
            text += " · " + QCoreApplication.translate("NotesPanel", "{0} to review").format(review)
        self.heading.setText(text)
        self.review_only.setText(
            QCoreApplication.translate("NotesPanel", "Only notes to review ({0})").format(review)
        )
        self._fill_outline([n for n in every if n.text_changed or not self.review_only.isChecked()])

    # -- cards -----------------------------------------------------------------------------

    def _set_cards(self, notes: list[Note], unplaced: list[Note], review: list[Note]) -> None:
        # A note being edited keeps its draft when the cards are rebuilt.
        editing = {
            c.note.uuid: (EditorState.of(c.editor), c.base)
            for c in self.note_cards()
            if c.editing() and c.note.uuid != self._saving
        }
        for card in self.cards:
            # Hidden and left with its parent until deleted: a card reparented to None
            # could be shown again as a window of its own before the deletion ran.
            card.hide()
            self.card_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        insert_at = 0
        for note in notes:
            whole = note.sentence == note.last_sentence and note.quote == self.sentence_text
            card = NoteCard(note, self.theme, show_words=not whole, can_move=self._can_move(note))
            self._add_card(card, insert_at)
            insert_at += 1
        if review:
            # Reachable from anywhere in the article: the reader can select the right
            # place first and then move the note there.
            label = QLabel(
                QCoreApplication.translate(
                    "NotesPanel",
                    "<b>Notes to review</b> — the text changed under them; accept the new "
                    "words or select the right place and move the note there.",
                )
            )
            label.setWordWrap(True)
            label.setObjectName("reviewHeading")
            self.card_layout.insertWidget(insert_at, label)
            self.cards.append(label)
            insert_at += 1
            for note in review:
                card = NoteCard(note, self.theme, show_quote=True, can_move=self._can_move(note))
                card.jumpRequested.connect(self.jumpRequested)
                self._add_card(card, insert_at)
                insert_at += 1
        if unplaced:
            label = QLabel(
                QCoreApplication.translate(
                    "NotesPanel",
                    "<b>Unplaced notes</b> — their sentence changed; attach them by "
                    "hand to the selected sentence.",
                )
            )
            label.setWordWrap(True)
            label.setObjectName("unplacedHeading")
            self.card_layout.insertWidget(insert_at, label)
            self.cards.append(label)
            insert_at += 1
            for note in unplaced:
                self._add_card(
                    NoteCard(note, self.theme, can_attach=self.sentence is not None), insert_at
                )
                insert_at += 1
        for card in self.note_cards():
            kept = editing.get(card.note.uuid)
            if kept is not None:
                state, base = kept
                card.start_edit()  # the form loaded with the note as it is now
                if base is not None and card.base is not None:
                    state = state.rebased(base, card.base)
                state.apply(card.editor)

    def _add_card(self, card: NoteCard, at: int) -> None:
        card.editor.set_default_claimant(self.default_claimant)
        card.articleRequested.connect(self.articleRequested)
        card.citationRequested.connect(self.citationRequested)
        card.editor.citeRequested.connect(lambda: self.pick_citation(card.editor))
        card.editSaved.connect(
            lambda before, draft, c=card: self._edit(before, draft, c.edited_fields())
        )
        card.deleteRequested.connect(self._delete)
        card.attachRequested.connect(self._attach)
        card.acceptRequested.connect(self._accept)
        card.editor.cancelled.connect(self._leave_editor)
        self.card_layout.insertWidget(at, card)
        self.cards.append(card)

    def note_cards(self) -> list[NoteCard]:
        return [c for c in self.cards if isinstance(c, NoteCard)]

    def _fill_outline(self, notes: list[Note]) -> None:
        self.outline.clear()
        for note in notes:
            where = (
                QCoreApplication.translate("NotesPanel", "Unplaced")
                if note.sentence is None
                else QCoreApplication.translate("NotesPanel", "Sentence {0}").format(
                    sentence_number(note.sentence)
                )
            )
            if note.sentence is not None and note.last_sentence != note.sentence:
                first, last = note.sentence, note.last_sentence or note.sentence
                where = QCoreApplication.translate("NotesPanel", "Sentences {0}–{1}").format(
                    sentence_number(first), sentence_number(last)
                )
            if note.text_changed:
                where = "⚠ " + QCoreApplication.translate("NotesPanel", "{0}, text changed").format(
                    where
                )
            plain = note_plain_text(note.text)
            first = plain.splitlines()[0] if plain else "(no text)"
            item = QListWidgetItem(
                verdict_icon(note.verdict, 14, self.theme),
                f"{where}: “{_short(note.quote, 70)}”\n{_short(first, 90)}",
            )
            item.setData(SENTENCE, note.sentence)
            # Qt would guess that a note starting with a tag is HTML (and load its images).
            # Rendered as on the card (safe HTML: no raw HTML, no images, checked links).
            item.setToolTip(note_html(note.text).strip() if note.text else "")
            self.outline.addItem(item)

    # -- actions ---------------------------------------------------------------------------

    def pick_citation(self, editor: NoteEditor) -> None:
        """Cite from Library…: the picker searches the other articles in the background;
        the passage picked joins the editor's sources."""
        if self.article_id is None:
            return
        article_id = self.article_id
        picker = CitePicker(self.library.path, article_id, parent=self.window())
        picker.chosen.connect(lambda found: self._cite(editor, found))
        picker.finished.connect(lambda _result: editor.cite.setFocus())
        self.picker = picker
        picker.open()
        picker.field.setFocus()

    def library_changed(self) -> None:
        """Another process changed the library: an open picker searches again, so it
        never offers an article that went to the Trash or misses one that came back;
        it closes when the article of its note is gone."""
        picker = self.picker
        if picker is None or not isValid(picker) or not picker.isVisible():
            return
        if picker.exclude != self.article_id:
            # The note's article left the window (trashed or deleted elsewhere): nothing
            # picked now could be saved with it.
            picker.reject()
            return
        picker.library_changed()

    def _cite(self, editor: NoteEditor, found: Candidate) -> None:
        if not isValid(editor):
            return  # the card was rebuilt (the library changed) while the picker was open
        try:
            source = cite(self.library, found.article_id, found.sentence, words=found.text)
        except CitationError as exc:  # the article went away while the picker was open
            editor.error.setText(str(exc))
            editor.error.show()
            return
        editor.add_citation(source)

    def _changed(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.reload()
        self.notesChanged.emit(article_id)

    def _add(self, draft: NoteDraft) -> None:
        if self.article_id is None or self.sentence is None:
            if self.detached:
                self.editor.error.setText(
                    QCoreApplication.translate(
                        "NotesPanel", "Click the sentence this note belongs to first."
                    )
                )
                self.editor.error.show()
            return
        refused: list[StaleRevision] = []
        self.undo.push(
            AddNote(
                self.library,
                self._changed,
                self.article_id,
                self.sentence,
                draft.text,
                draft.verdict,
                draft.sources,
                draft.tags,
                span=self.span,
                revision=self.revision,
                refused=refused.append,
                claimant=draft.claimant,
                review_url=draft.review_url,
            )
        )
        if refused:  # nothing was written; the draft stays for the window to place
            self.writeRefused.emit(refused[0])
            return
        self.editor.clear()

    def _edit(self, before: Note, draft: NoteDraft, edited: set[str] | None = None) -> None:
        """Write the fields of `draft` the reader changed (`edited`; None: all)."""

        def given(name: str) -> Any:
            return getattr(draft, name) if edited is None or name in edited else None

        # The write reloads the cards; the saved one comes back showing the note, not
        # its editor (a refused write reloads nothing and leaves the draft in place).
        self._saving = before.uuid
        try:
            self.undo.push(
                EditNote(
                    self.library,
                    self._changed,
                    before,
                    given("text"),
                    given("verdict"),
                    given("sources"),
                    given("tags"),
                    given("claimant"),
                    given("review_url"),
                )
            )
        finally:
            self._saving = None

    def _delete(self, note: Note) -> None:
        self.undo.push(DeleteNote(self.library, self._changed, note))

    def _attach(self, note: Note) -> None:
        if self.sentence is not None:
            refused: list[StaleRevision] = []
            self.undo.push(
                ReattachNote(
                    self.library,
                    self._changed,
                    note,
                    self.sentence,
                    span=self.span,
                    revision=self.revision,
                    refused=refused.append,
                )
            )
            if refused:
                self.attachRefused.emit(refused[0])

    def _accept(self, note: Note) -> None:
        self.undo.push(AcceptChange(self.library, self._changed, note))

    def _can_move(self, note: Note) -> bool:
        """A changed note can move to the words chosen, or to a sentence it is not on."""
        if self.span is not None:
            return (self.span.start, self.span.end) != (note.position, note.end)
        return self.sentence is not None and not (
            note.sentence == self.sentence == note.last_sentence
        )

    def _jump(self, item: QListWidgetItem) -> None:
        sentence = item.data(SENTENCE)
        if sentence is not None:
            self.jumpRequested.emit(sentence)

    def _leave_editor(self) -> None:
        for card in self.note_cards():
            if card.editing():
                card.stop_edit()
        self.editor.clear()
        self.editorClosed.emit()


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
