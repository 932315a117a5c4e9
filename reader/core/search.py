"""Full-text search over articles and notes: the hit type and the FTS5 query builder.

`Library.search` runs the SQL; this module turns what a user typed into an FTS5 MATCH
expression that can never be a syntax error, and holds the hit it returns.

Query rules: the input is cut at white space; each piece that holds a letter or digit
becomes a quoted FTS5 phrase (so `AND`, `NEAR(`, `*`, `-` and quotes are plain text,
never operators), and the pieces must all match. Text the user put in double quotes is
one phrase. The last word, from four letters on, also matches as a prefix ("infla" finds
"inflation"), unless the query ends with a space or a closing quote; as the index is
stemmed, the prefix less its last one or two letters counts too. A query without any
letter or digit has no expression: the search returns nothing.

Snippets mark each match between `MARK_START` and `MARK_END` (control characters that
never occur in stored text); `SearchHit.marked` renders them with any markers and
`SearchHit.highlights` gives plain text plus the marked ranges, for a UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
PREFIX_MIN = 4  # letters of a last word before it counts as a prefix
# Past this many matches in one table, hits come newest first instead of best first:
# ranking (bm25) every match of a word that is in nearly every note costs far more than
# 50 ms, and such a query carries no sense of relevance anyway.
RANK_MAX_MATCHES = 2000

_WORDY = re.compile(r"\w")
_PIECES = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match. Open `article_id` at `sentence` (None: the top, e.g. a title match)."""

    kind: str  # "article" (its title or text matched) or "note"
    article_id: int
    sentence: int | None
    title: str
    snippet: str  # the matching passage, matches between MARK_START and MARK_END
    rank: float  # bm25: lower is better
    note_uuid: str | None = None
    verdict: str | None = None  # the note's verdict (notes only)

    def marked(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)

    def highlights(self) -> tuple[str, list[tuple[int, int]]]:
        """The snippet's plain text and the [start, end) ranges of its matches."""
        return unmark(self.snippet)

    def to_json(self) -> dict[str, object]:
        text, ranges = self.highlights()
        return {
            "kind": self.kind,
            "article": self.article_id,
            "sentence": self.sentence,
            "title": self.title,
            "snippet": text,
            "highlights": [list(r) for r in ranges],
            "note": self.note_uuid,
            "verdict": self.verdict,
        }


def unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    ranges: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in snippet:
        if ch == MARK_START:
            start = length
        elif ch == MARK_END:
            if start is not None:
                ranges.append((start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    return "".join(out), ranges


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed; None when it has no words."""
    phrases: list[str] = []
    prefix_last = False
    for m in _PIECES.finditer(query):
        quoted, bare = m.group(1), m.group(2)
        text = quoted if quoted is not None else bare
        if not text or not _WORDY.search(text):
            continue
        phrases.append('"' + text.replace('"', '""') + '"')
        # A bare word still being typed at the very end is a prefix (from PREFIX_MIN
        # letters: shorter prefixes match a good part of the vocabulary).
        prefix_last = (
            bare is not None and m.end() == len(query) and len(_WORDY.findall(bare)) >= PREFIX_MIN
        )
    if not phrases:
        return None
    if prefix_last:
        # Both the index and the query go through the Porter stemmer, which rewrites a
        # word's end ("unemploy" is stemmed "unemploi", no prefix of "unemploy(ment)"):
        # the prefix less one or two letters finds what the letters typed would.
        last = phrases[-1][1:-1]
        variants = [last]
        for cut in (1, 2):
            shorter = last[:-cut]
            if last[-cut:].isalnum() and len(_WORDY.findall(shorter)) >= PREFIX_MIN:
                variants.append(shorter)
        ors = " OR ".join(f'"{v}" *' for v in variants)
        phrases[-1] = f"({ors})" if len(variants) > 1 else ors
    return " AND ".join(phrases)


def snippet_text(snippet: str) -> str:
    """The snippet without marks or the ellipses FTS5 adds at cut ends."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    if plain.startswith(ELLIPSIS):
        plain = plain[len(ELLIPSIS) :]
    if plain.endswith(ELLIPSIS):
        plain = plain[: -len(ELLIPSIS)]
    return plain


def first_match_offset(snippet: str) -> int:
    """Where the first match starts within `snippet_text(snippet)`."""
    head = snippet.split(MARK_START, 1)[0]
    head = head.replace(MARK_END, "")
    if head.startswith(ELLIPSIS):
        head = head[len(ELLIPSIS) :]
    return len(head)
