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

Two kinds of piece are looked up as written (`parse_query`). A name (a word typed with
a capital: "Parata" must not find "para", nor "Jones" find "jone") gets no stemmed
prefix, and the rows the word index finds for it must also hold it as typed, ignoring
case (a check of the stored text, in SQL: names are rare, and the word index has
already narrowed the rows to those sharing the name's stem). A run of Chinese or
Japanese characters, which the word index holds only as a whole run, is found anywhere
inside one through the trigram index, which holds only the rows with such text (from
three characters; shorter runs through the trigrams that start with them).

Ranking: a hit whose title holds every word comes first, then one holding the words
as a phrase in the order typed, then by bm25 (`SearchHit.boost`).

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

TITLE_BOOST = 2
PHRASE_BOOST = 1
TRIGRAM_MIN = 3  # the trigram index cannot look up anything shorter
# A run shorter than that is looked up as the trigrams that start with it; past this many
# (a single common character) the rarest are left out rather than slow every search.
SHORT_RUN_TERMS = 400

_WORDY = re.compile(r"\w")
# Han, kana, Hangul and their punctuation-free neighbours: scripts written without spaces.
CJK_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
    "\u31f0-\u31ff\uff66-\uff9f\U00020000-\U0002fa1f"
)
_CJK = re.compile(f"[{CJK_CHARS}]+")
# The same characters as an SQLite GLOB: text that holds one. Only such rows go into
# the trigram index (migration m010's triggers).
HAS_CJK = f"*[{CJK_CHARS}]*"
_NAME = re.compile(r"[^\W\d_][\w'’.-]*")
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
    boost: int = 0  # TITLE_BOOST if the title holds every word, + PHRASE_BOOST if the phrase

    @property
    def order(self) -> tuple[int, float]:
        """Sort key, best first: boosted hits before the others, then bm25."""
        return (-self.boost, self.rank)

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


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What the user typed, split by the index that can answer each piece."""

    words: str | None  # FTS5 expression for the word (stemmed) index
    literals: str | None  # FTS5 expression for the trigram index: CJK runs
    short: tuple[str, ...]  # CJK runs under TRIGRAM_MIN characters, found by a scan
    title: str | None  # `words` limited to the title column, for ranking
    phrase: str | None  # every word as one phrase in the order typed, for ranking
    needles: tuple[str, ...] = ()  # the literal pieces and short runs, to mark in snippets
    names: tuple[str, ...] = ()  # names: the rows `words` finds must hold them as typed

    @property
    def empty(self) -> bool:
        return self.words is None and self.literals is None and not self.short


def quoted(text: str) -> str:
    """`text` as one FTS5 string: never syntax."""
    return '"' + text.replace('"', '""') + '"'


def _is_name(word: str) -> bool:
    """A word typed with a capital and then some small letters ("Parata", "McKay"; not
    "NATO", whose stem is itself, nor "NEAR(x" which is no word)."""
    return word[:1].isupper() and not word.isupper() and _NAME.fullmatch(word) is not None


def parse_query(query: str) -> ParsedQuery:
    phrases: list[str] = []
    literals: list[str] = []
    short: list[str] = []
    names: list[str] = []
    plain: list[str] = []  # the words in order, for the ranking phrase
    prefix_last = False
    name_last = False
    for m in _PIECES.finditer(query):
        in_quotes, bare = m.group(1), m.group(2)
        text = in_quotes if in_quotes is not None else bare
        if not text or not _WORDY.search(text):
            continue
        runs = _CJK.findall(text)
        if runs:
            # The word index holds a CJK run as one token: look the runs up as written
            # and let the rest of the piece (Latin letters, digits) go to the word index.
            for run in runs:
                (literals if len(run) >= TRIGRAM_MIN else short).append(run)
            text = _CJK.sub(" ", text).strip()
            if not _WORDY.search(text):
                prefix_last = False
                continue
        phrases.append(quoted(text))
        plain.append(text)
        is_bare_last = bare is not None and m.end() == len(query)
        name_last = bare is not None and _is_name(text)
        if name_last:
            names.append(text)
        # A bare word still being typed at the very end is a prefix (from PREFIX_MIN
        # letters: shorter prefixes match a good part of the vocabulary).
        prefix_last = is_bare_last and len(_WORDY.findall(text)) >= PREFIX_MIN
    words: str | None = None
    if phrases:
        if prefix_last:
            # Both the index and the query go through the Porter stemmer, which rewrites
            # a word's end ("unemploy" is stemmed "unemploi", no prefix of
            # "unemploy(ment)"): the prefix less one or two letters finds what the letters
            # typed would. Not for a name: it is matched as typed.
            last = phrases[-1][1:-1]
            variants = [last]
            for cut in (1, 2) if not name_last else ():
                shorter = last[:-cut]
                if last[-cut:].isalnum() and len(_WORDY.findall(shorter)) >= PREFIX_MIN:
                    variants.append(shorter)
            ors = " OR ".join(f'"{v}" *' for v in variants)
            phrases[-1] = f"({ors})" if len(variants) > 1 else ors
        words = " AND ".join(phrases)
    return ParsedQuery(
        words=words,
        literals=" AND ".join(quoted(t) for t in literals) if literals else None,
        short=tuple(short),
        title=f"{{title}} : ({words})" if words else None,
        phrase=quoted(" ".join(plain)) if len(plain) > 1 else None,
        needles=(*literals, *short),
        names=tuple(names),
    )


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for the word index; None when the query has no words
    for it (no letter or digit, or only CJK text: see `parse_query`)."""
    return parse_query(query).words


def literal_snippet(text: str, needles: tuple[str, ...], width: int = 60) -> str:
    """A snippet of `text` around the first of `needles` found, every occurrence of a
    needle in it marked: for hits the FTS5 snippet cannot give (a scan of the text)."""
    lowered = text.lower()
    found = [(lowered.find(n.lower()), n) for n in needles]
    found = [(i, n) for i, n in found if i >= 0]
    if not found:
        return text[: width * 2] + (ELLIPSIS if len(text) > width * 2 else "")
    first = min(i for i, _ in found)
    start = max(0, first - width)
    end = min(len(text), first + width)
    window = text[start:end]
    marks = re.compile("|".join(re.escape(n) for _, n in found), re.IGNORECASE)
    window = marks.sub(lambda m: MARK_START + m.group(0) + MARK_END, window)
    return (ELLIPSIS if start else "") + window + (ELLIPSIS if end < len(text) else "")


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
