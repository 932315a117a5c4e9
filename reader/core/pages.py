"""Printed page numbers of an article imported from a PDF, for citing a note "p. 12".

A PDF's blocks record where each page's part of them starts (`Block.pages`); this turns
them into one list of (offset in the article's plain text, page number) so a note's page
is looked up from its position alone, the way the exports hold a note. Articles from any
other format have no pages, and cost one indexed look-up to find that out.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence

from sqlite_utils import Database

from .model import Block, Note, block_offsets

PageStarts = tuple[tuple[int, int], ...]


def page_starts(blocks: Sequence[Block]) -> PageStarts:
    """(text offset, page number) where each printed page's text starts, in text order."""
    starts: list[tuple[int, int]] = []
    for block, offset in zip(blocks, block_offsets(list(blocks)), strict=True):
        if offset is None:
            continue
        for start, number in block.pages:
            if not starts or starts[-1][1] != number:
                starts.append((offset + start, number))
    return tuple(starts)


def page_at(starts: PageStarts, position: int | None) -> int | None:
    """The page the text at `position` was printed on; None without pages or position."""
    if position is None or not starts:
        return None
    at = bisect_right([s for s, _ in starts], position) - 1
    return starts[max(at, 0)][1]


def note_pages(starts: PageStarts, note: Note) -> str:
    """ "p. 12" or "pp. 12–13" for a placed note of a paginated article, else ""."""
    first = page_at(starts, note.position)
    if first is None:
        return ""
    last = page_at(starts, (note.end or note.position or 0) - 1) or first
    return f"p. {first}" if last <= first else f"pp. {first}–{last}"


def stored_page_starts(db: Database, article_id: int) -> PageStarts:
    """An article's page starts read from the library: () unless it came from a PDF."""
    row = db.execute(
        "SELECT doc FROM articles WHERE id = ? AND source_format = 'pdf'", [article_id]
    ).fetchone()
    if row is None:
        return ()
    return page_starts([Block.from_json(b) for b in json.loads(row[0])])
