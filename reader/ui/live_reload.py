"""The window follows the library file: what it shows is what the file holds.

`LibraryWatcher` says when another connection committed (another process, or one of
the window's own background workers); `LiveReload` then brings every part of the window
up to date without the reader doing anything: the list (selection, filters, scroll
position and counts kept), the open article (reloaded in place only when its text
changed: same place on screen, same selected sentence found again by its words), the
verdict marks and the notes panel. Drafts in the note editors survive.

It also handles a note write the library refused because the text changed since it was
shown (`StaleRevision`): reload, then save the draft on the sentence with the same words
in the new text, or keep the draft and ask the reader where it belongs.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from .. import APP_NAME
from ..core.library import LibraryError, NotFound, StaleRevision
from ..core.model import Article
from ..core.numbering import sentence_number
from ..core.revision import follow_sentence, sentence_with_words
from ..core.spans import SpanError, note_spans, sentences_span
from .library_watch import LibraryWatcher

if TYPE_CHECKING:
    from .main_window import MainWindow


class LiveReload(QObject):
    # A change in the file was applied to the window. Dialogs that show what the library
    # holds (the Cite from Library picker, the export dialog's preview) look again on it:
    # they are open over the window, which would otherwise be the only part up to date.
    refreshed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = LibraryWatcher(window.library, self)
        self.watcher.changed.connect(self.refresh)
        window.notes.writeRefused.connect(self.write_refused)
        window.notes.attachRefused.connect(self.attach_refused)
        self.refreshed.connect(window.notes.library_changed)
        self.refresh_count = 0  # how many changes were applied (for tests and benches)

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()

    # -- a change in the file --------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the list, the open article and the notes panel up to date."""
        if self.window._closed:
            return
        try:
            self._refresh()
            self.refreshed.emit()
        except sqlite3.OperationalError as exc:
            # Locked past the busy timeout, or the file briefly unreadable: the next
            # poll tries again rather than the reader seeing an error for it.
            self.watcher.retry()
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "LiveReload", "The library is busy ({0}); retrying…"
                ).format(exc),
                3000,
            )
        except (sqlite3.DatabaseError, LibraryError) as exc:
            # Damage is the library health check's to report; the window keeps what it shows.
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "LiveReload", "The library's latest changes cannot be shown: {0}"
                ).format(exc),
                10000,
            )

    def _refresh(self) -> None:
        w = self.window
        self.refresh_count += 1
        w.library_view.refresh()
        article_id = w.current_article_id
        if article_id is None:
            return
        try:
            revision = w.library.revision(article_id)
            gone = w.library.is_trashed(article_id)
        except NotFound:
            gone = True
        if gone:
            w.close_article()
            return
        if revision != w.notes.revision:
            self.reload_article(article_id)
        else:
            w.reader.set_marks(w.library.marks(article_id))
            w.reader.set_note_spans(note_spans(w.library.notes(article_id)))
            w.claims_view.refresh(article_id)  # a note from elsewhere can check a claim
            w.notes.reload()
            w.elsewhere.refresh(article_id)  # ... or note the same claim in another article
        try:
            archived = w.library.summary(article_id).archived
        except NotFound:  # deleted this very moment: the next change closes it
            return
        w.archive_action.setText("Un&archive" if archived else "&Archive")

    def reload_article(self, article_id: int) -> None:
        """Show the article's new text where the old one was."""
        w = self.window
        reader, notes = w.reader, w.notes
        old = reader.article
        article, revision = w.library.article_and_revision(article_id)
        if old is None:
            w.open_article(article_id)
            return
        top = reader.top_sentence() if reader.is_placed() else None
        offset = 0.0
        if top is not None:
            offset = reader.verticalScrollBar().value() - reader.sentence_y(top)
        new_top = _follow(old, article, top, nearest=True)
        current = _follow(old, article, reader.current)
        # A draft only ever goes to the same words, never to a guess.
        by_words = notes.has_draft() and (notes.sentence is not None or notes.detached)
        span = None
        if by_words:
            panel = sentence_with_words(article, notes.sentence_text)
            if panel is not None and notes.span is not None:
                # The chosen words, in the same sentences of the new text, or nowhere.
                last = panel + notes.span.last - notes.span.first
                try:
                    span = sentences_span(article, panel, last, notes.words)
                except SpanError:
                    panel = None
        else:
            panel = _follow(old, article, notes.sentence)
        if by_words and panel is not None:
            current = panel
        reader.show_article(
            article,
            lambda name: w.library.image(article_id, name),
            w.library.marks(article_id),
            top_sentence=new_top,
        )
        reader.set_note_spans(note_spans(w.library.notes(article_id)))
        w.claims_view.article_opened(article_id)  # the new text's claims
        w.elsewhere.article_opened(article_id)  # the new text's sentences
        if new_top is not None and reader.is_placed():
            bar = reader.verticalScrollBar()
            bar.setValue(int(reader.sentence_y(new_top) + offset))
        reader.select_sentence(current, scroll=False)
        w.setWindowTitle(f"{article.title} — {APP_NAME}")
        if by_words and panel is None:
            notes.detach(revision)
        elif panel is None:
            notes.follow(None, "", revision)
        else:
            notes.follow(panel, article.sentences[panel].text, revision, span)
        w.find_bar.refresh()

    # -- a write refused -------------------------------------------------------------------

    def attach_refused(self, _error: StaleRevision) -> None:
        """Attaching by hand was refused: the sentence chosen may hold other words now."""
        self.refresh()
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "LiveReload",
                "The article changed, so the note was not attached: check the selected "
                "sentence in the new text and attach it again.",
            ),
            10000,
        )

    def write_refused(self, _error: StaleRevision) -> None:
        """Reload, then save the draft on its words in the new text, or ask."""
        w = self.window
        article_id = w.current_article_id
        if article_id is None:
            return
        self.refresh()
        notes = w.notes
        if notes.sentence is not None and not notes.detached:
            notes.save_draft()
            if not notes.has_draft():
                w.statusBar().showMessage(
                    QCoreApplication.translate(
                        "LiveReload",
                        "The article changed while you wrote; your note is on the same words, "
                        "now sentence {0}.",
                    ).format(sentence_number(notes.sentence)),
                    10000,
                )
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("LiveReload", "The article changed"),
            QCoreApplication.translate(
                "LiveReload",
                "The article changed while you were writing, and the sentence you noted is not "
                "in its new text.\n\nYour note is kept: click the sentence it belongs to and "
                "save it again.",
            ),
            QMessageBox.StandardButton.Ok,
            w,
        )
        box.open()
        self.changed_box = box


def _follow(old: Article, new: Article, index: int | None, nearest: bool = False) -> int | None:
    """Sentence `index` of `old` in `new`; if it is gone, None, or with `nearest` the
    same number (for the place on screen, which needs somewhere to be)."""
    if index is None:
        return None
    found = follow_sentence(old, new, index)
    if found is None and nearest and new.sentences:
        return min(index, len(new.sentences) - 1)
    return found
