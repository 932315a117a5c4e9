"""What an import did, in words: the same summary in the window and on the command line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .batch import FileOutcome


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An article whose new text left some of its notes without a sentence."""

    article_id: int
    title: str
    notes: int


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: int = 0  # notes of updated articles now on a sentence with another number
    unplaced: int = 0  # notes of updated articles that lost their sentence
    review: int = 0  # notes of updated articles now on changed words, to review
    restored: int = 0  # articles in the Trash that the import brought back (also counted above)
    failures: list[tuple[Path, str]] = field(default_factory=list)  # (file, why)
    unplaced_in: list[Unplaced] = field(default_factory=list)
    last_article: int | None = None  # the article of the last file that worked

    @classmethod
    def of(
        cls, outcomes: Iterable[FileOutcome], error: str = "", library: str = ""
    ) -> ImportSummary:
        """Count outcomes; `error` is a failure of the whole run (the library itself)."""
        summary = cls()
        for o in outcomes:
            if not o.ok:
                summary.failures.append((o.path, o.reason))
                continue
            summary.last_article = o.article_id
            summary.restored += o.restored
            if o.status == "added":
                summary.added += 1
            elif o.status == "updated":
                summary.updated += 1
                summary.moved += o.moved
                summary.unplaced += o.orphaned
                summary.review += o.changed
                if o.orphaned and o.article_id is not None:
                    summary.unplaced_in.append(Unplaced(o.article_id, o.title, o.orphaned))
            else:
                summary.unchanged += 1
        if error:
            summary.failures.append((Path(library), error))
        return summary

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged

    def line(self) -> str:
        """ "3 added, 1 updated (2 notes moved, 1 to review, 1 unplaced), 5 unchanged,
        1 failed": only the first count of notes says "notes"."""
        updated = f"{self.updated} updated"
        notes: list[str] = []
        counts = ((self.moved, "moved"), (self.review, "to review"), (self.unplaced, "unplaced"))
        for n, what in counts:
            if n:
                notes.append(f"{n if notes else _count(n, 'note')} {what}")
        if notes:
            updated += f" ({', '.join(notes)})"
        parts = [f"{self.added} added", updated, f"{self.unchanged} unchanged"]
        parts.append(f"{self.failed} failed")
        if self.restored:
            parts.append(f"{self.restored} restored from the Trash")
        return ", ".join(parts)

    def failure_lines(self) -> list[str]:
        return [f"{path}: {why}" for path, why in self.failures]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
