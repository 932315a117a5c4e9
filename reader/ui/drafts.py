"""What a note editor holds, kept across a reload of the notes panel."""

from __future__ import annotations

from dataclasses import dataclass

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
