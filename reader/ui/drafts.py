"""What a note editor holds, kept across a reload of the notes panel."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.model import Source, Verdict
from .note_editor import NoteEditor


@dataclass(frozen=True, slots=True)
class EditorState:
    text: str
    verdict: Verdict
    sources: str
    tags: str
    cursor: int
    focused: bool
    claimant: str = ""
    review_url: str = ""
    citations: tuple[Source, ...] = ()

    @classmethod
    def of(cls, editor: NoteEditor) -> EditorState:
        return cls(
            editor.text.toPlainText(),
            editor.verdict.currentData(),
            editor.sources.toPlainText(),
            editor.tags.text(),
            editor.text.textCursor().position(),
            editor.isAncestorOf(editor.focusWidget()) or editor.text.hasFocus(),
            editor.claimant.text(),
            editor.review_url.text(),
            tuple(editor.citation_sources()),
        )

    def rebased(self, old: EditorState, new: EditorState) -> EditorState:
        """This draft of a note, moved onto a newer version of the note: what the reader
        changed since `old` (the form as loaded) stays, the rest is taken from `new` (the
        form loaded with the note as it is now), so a change made elsewhere meanwhile
        (another process giving the note its review URL) is shown and kept."""
        return replace(
            self,
            **{
                name: getattr(new, name)
                for name in FORM_FIELDS
                if getattr(self, name) == getattr(old, name)
            },
        )

    def edited(self, base: EditorState) -> set[str]:
        """The `NoteDraft` fields the reader changed since the form was `base`."""
        return {
            FORM_FIELDS[name] for name in FORM_FIELDS if getattr(self, name) != getattr(base, name)
        }

    def is_empty(self) -> bool:
        return not (
            self.text.strip()
            or self.sources.strip()
            or self.tags.strip()
            or self.citations
            or self.claimant.strip()
            or self.review_url.strip()
        ) and (self.verdict is Verdict.NONE)

    def apply(self, editor: NoteEditor) -> None:
        editor.text.setPlainText(self.text)
        editor.verdict.setCurrentIndex(editor.verdict.findData(self.verdict))
        editor.sources.setPlainText(self.sources)
        editor.set_citations(list(self.citations))
        editor.tags.setText(self.tags)
        editor.claimant.setText(self.claimant)
        editor.review_url.setText(self.review_url)
        if self.claimant or self.review_url:
            editor.publishing_toggle.setChecked(True)
        cursor = editor.text.textCursor()
        cursor.setPosition(min(self.cursor, len(self.text)))
        editor.text.setTextCursor(cursor)
        if self.focused:
            editor.text.setFocus()


# The form's fields, each with the `NoteDraft` field it makes (the source lines and the
# picked citations together make its sources).
FORM_FIELDS = {
    "text": "text",
    "verdict": "verdict",
    "sources": "sources",
    "citations": "sources",
    "tags": "tags",
    "claimant": "claimant",
    "review_url": "review_url",
}
