"""Undoable actions (Ctrl+Z / Ctrl+Shift+Z). Each writes through the Library and tells
the window what changed, so the list, the marks and the notes panel follow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..core.library import Library, NotFound, StaleRevision
from ..core.model import Note, Source, Verdict
from ..core.spans import Span

Changed = Callable[[int], None]  # called with the article id after every do and undo
# Told when a note write was refused because the text changed since it was shown; the
# command is then dropped from the stack (obsolete) and nothing was written.
Refused = Callable[[StaleRevision], None]


class AddNote(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Changed,
        article_id: int,
        sentence: int,
        text: str,
        verdict: Verdict,
        sources: list[Source],
        tags: list[str],
        span: Span | None = None,
        revision: str | None = None,
        refused: Refused | None = None,
        claimant: str = "",
        review_url: str = "",
    ) -> None:
        super().__init__("Add note")
        self.library, self.changed = library, changed
        self.args = (article_id, sentence, text, verdict, sources, tags)
        self.publication = {"claimant": claimant, "review_url": review_url}
        self.span = span
        self.revision, self.refused = revision, refused
        self.note: Note | None = None

    def redo(self) -> None:
        if self.note is None:
            try:
                self.note = self.library.add_note(
                    *self.args, span=self.span, revision=self.revision, **self.publication
                )
            except StaleRevision as exc:
                self.setObsolete(True)
                if self.refused is not None:
                    self.refused(exc)
                return
        else:
            self.library.restore_note(self.note)  # the same uuid on redo
        self.changed(self.note.article_id)

    def undo(self) -> None:
        assert self.note is not None
        self.library.delete_note(self.note.uuid)
        self.changed(self.note.article_id)


class EditNote(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Changed,
        before: Note,
        text: str | None,
        verdict: Verdict | None,
        sources: list[Source] | None,
        tags: list[str] | None,
        claimant: str | None = None,
        review_url: str | None = None,
    ) -> None:
        """None for a field: left as it is stored (another process may have changed it)."""
        super().__init__("Edit note")
        self.library, self.changed = library, changed
        self.before = before
        self.change = {
            "text": text,
            "verdict": verdict,
            "sources": sources,
            "tags": tags,
            "claimant": claimant,
            "review_url": review_url,
        }
        self.after: Note | None = None

    def redo(self) -> None:
        if self.after is None:
            self.after = self.library.update_note(self.before.uuid, **self.change)
        else:
            self._put({k: v for k, v in self.change.items() if v is not None}, self.after)
        self.changed(self.before.article_id)

    def undo(self) -> None:
        edited = [k for k, v in self.change.items() if v is not None]
        self._put({k: getattr(self.before, k) for k in edited}, self.before)
        self.changed(self.before.article_id)

    def _put(self, fields: dict[str, Any], whole: Note) -> None:
        """Write back only the fields this edit changed: what another process changed
        in the note since (its review URL, say) stands. A note deleted meanwhile is put
        back whole, as it was on this side of the edit."""
        try:
            self.library.update_note(self.before.uuid, **fields)
        except NotFound:
            self.library.restore_note(whole)


class DeleteNote(QUndoCommand):
    def __init__(self, library: Library, changed: Changed, note: Note) -> None:
        super().__init__("Delete note")
        self.library, self.changed, self.note = library, changed, note

    def redo(self) -> None:
        self.library.delete_note(self.note.uuid)
        self.changed(self.note.article_id)

    def undo(self) -> None:
        self.library.restore_note(self.note)
        self.changed(self.note.article_id)


class ReattachNote(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Changed,
        note: Note,
        sentence: int,
        span: Span | None = None,
        revision: str | None = None,
        refused: Refused | None = None,
    ) -> None:
        super().__init__("Re-attach note")
        self.library, self.changed, self.note, self.sentence = library, changed, note, sentence
        self.span = span
        self.revision, self.refused = revision, refused

    def redo(self) -> None:
        try:
            self.library.reattach_note(
                self.note.uuid, self.sentence, span=self.span, revision=self.revision
            )
        except StaleRevision as exc:
            self.setObsolete(True)
            if self.refused is not None:
                self.refused(exc)
            return
        self.changed(self.note.article_id)

    def undo(self) -> None:
        self.library.restore_note(self.note)
        self.changed(self.note.article_id)


class AcceptChange(QUndoCommand):
    """Keep a note whose words changed where re-anchoring put it."""

    def __init__(self, library: Library, changed: Changed, note: Note) -> None:
        super().__init__("Accept changed text")
        self.library, self.changed, self.note = library, changed, note

    def redo(self) -> None:
        self.library.accept_change(self.note.uuid)
        self.changed(self.note.article_id)

    def undo(self) -> None:
        self.library.restore_note(self.note)
        self.changed(self.note.article_id)


class SetArchived(QUndoCommand):
    def __init__(self, library: Library, changed: Changed, article_id: int, archived: bool) -> None:
        super().__init__("Archive article" if archived else "Unarchive article")
        self.library, self.changed = library, changed
        self.article_id, self.archived = article_id, archived

    def redo(self) -> None:
        self.library.set_archived(self.article_id, self.archived)
        self.changed(self.article_id)

    def undo(self) -> None:
        self.library.set_archived(self.article_id, not self.archived)
        self.changed(self.article_id)


class TrashArticle(QUndoCommand):
    def __init__(self, library: Library, changed: Changed, article_id: int) -> None:
        super().__init__("Delete article")
        self.library, self.changed, self.article_id = library, changed, article_id

    def redo(self) -> None:
        self.library.trash_article(self.article_id)
        self.changed(self.article_id)

    def undo(self) -> None:
        self.library.restore_article(self.article_id)
        self.changed(self.article_id)


class SetArticleTags(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Changed,
        article_id: int,
        before: list[str],
        after: list[str],
    ) -> None:
        super().__init__("Tag article")
        self.library, self.changed = library, changed
        self.article_id, self.before, self.after = article_id, before, after

    def redo(self) -> None:
        self.library.set_article_tags(self.article_id, self.after)
        self.changed(self.article_id)

    def undo(self) -> None:
        self.library.set_article_tags(self.article_id, self.before)
        self.changed(self.article_id)
