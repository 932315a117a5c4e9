"""Notes on any span of an article's words: the span a reader means, and the span again on
a changed text.

A span is `[start, end)` in code points of `Article.text`, with the first and last
sentence it touches. A whole-sentence note is the span of its sentence; a note on "$6
billion" is the span of those words; a note on a run of sentences spans them all.

Placing spans on a new version of the text reuses `anchoring`: with the old version
known, a span inside sentences that the alignment pairs with new sentences is carried
over by mapping its offsets through the character edits between the paired texts (so a
typo fixed inside the span keeps the span, now on the new words). Other spans are looked
up by quote, context and position as sentences are, never on a new sentence the alignment
gives to another old one; what is doubtful becomes an orphan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

# The alignment and the index are anchoring's internals; spans are their second user.
from .anchoring import (
    ALIGN_NEAR,
    CONTEXT_CHARS,
    FOLD_TABLE,
    HINT_MARGIN,
    MIN_FUZZY_QUOTE,
    SHORT_QUOTE_LEN,
    TINY_QUOTE_LEN,
    TWIN_QUOTE,
    Anchor,
    Method,
    _Alignment,
    _Index,
    fold,
    sentence_spans,
)
from .model import Article, Note, Verdict
from .numbering import sentence_number


class SpanError(ValueError):
    """The words or sentences asked for are not in the article."""


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # code points into Article.text
    end: int
    first: int  # first and last sentence index it touches
    last: int


@dataclass(frozen=True, slots=True)
class NoteSpan:
    """What the reader draws for one placed note."""

    first: int
    last: int
    start: int
    end: int
    verdict: Verdict


def note_spans(notes: Iterable[Note]) -> list[NoteSpan]:
    return [
        NoteSpan(
            n.sentence, n.last_sentence or n.sentence, n.position, n.end or n.position, n.verdict
        )
        for n in notes
        if n.sentence is not None and n.position is not None
    ]


# -- the span a reader means -------------------------------------------------------------


def sentences_span(
    article: Article, first: int, last: int | None = None, words: str | None = None
) -> Span:
    """Sentences `first`..`last` (indices from 0), or only `words` inside them.

    `words` match ignoring quote style and whitespace runs (and letter case, when they
    are not there as typed); they must occur exactly once there, or the note would be
    ambiguous."""
    bounds = sentence_spans(article)
    last = first if last is None else last
    count = len(bounds)
    # Messages name sentences by the numbers people see (`numbering`), not by index.
    for i in (first, last):
        if not 0 <= i < count:
            raise SpanError(
                f"no sentence {sentence_number(i)} (the article has {count}, from 1 to {count})"
            )
    if last < first:
        raise SpanError(
            f"sentence {sentence_number(last)} comes before sentence {sentence_number(first)}"
        )
    start, end = bounds[first][0], bounds[last][1]
    if words is None:
        return Span(start, end, first, last)
    where = (
        f"sentence {sentence_number(first)}"
        if first == last
        else f"sentences {sentence_number(first)} to {sentence_number(last)}"
    )
    found = find_words(article.text, words, start, end) or find_words(
        article.text, words, start, end, ignore_case=True
    )
    if not found:
        raise SpanError(f"{words!r} is not in {where}")
    if len(found) > 1:
        raise SpanError(f"{words!r} occurs {len(found)} times in {where}; quote more words")
    span = span_at(article, *found[0])
    assert span is not None
    return span


def find_words(
    text: str, words: str, lo: int = 0, hi: int | None = None, ignore_case: bool = False
) -> list[tuple[int, int]]:
    """Every place of `words` in `text[lo:hi]`, ignoring quote style and whitespace."""
    wanted = fold(words)
    if not wanted:
        return []
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.compile(r"\s+".join(re.escape(w) for w in wanted.split(" ")), flags)
    hi = len(text) if hi is None else hi
    folded = text.translate(FOLD_TABLE)  # same length: offsets stay offsets into `text`
    return [(m.start(), m.end()) for m in pattern.finditer(folded, lo, hi)]


def span_at(article: Article, start: int, end: int) -> Span | None:
    """The span a selection of `[start, end)` means: outer whitespace dropped, and ends
    that fall between sentences (a paragraph break, a marker) pulled in to the nearest
    sentence inside the selection. None when no sentence text is selected."""
    return _span_in(sentence_spans(article), article.text, start, end)


def _span_in(bounds: Sequence[tuple[int, int]], text: str, start: int, end: int) -> Span | None:
    starts = [s for s, _ in bounds]
    start, end = max(start, 0), min(end, len(text))
    i = bisect_right(starts, start) - 1
    if i < 0 or start >= bounds[i][1]:
        i += 1  # in a gap: from the next sentence on
        if i >= len(bounds):
            return None
        start = max(start, bounds[i][0])
    j = bisect_right(starts, max(end - 1, 0)) - 1
    if j < 0:
        return None
    end = min(end, bounds[j][1])
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or j < i:
        return None
    return Span(start, end, i, j)


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` grown so that neither edge cuts a word or a number ("6.5")."""
    while 0 < start < end and _joined(text, start):
        start -= 1
    while start < end < len(text) and _joined(text, end):
        end += 1
    return start, end


def _joined(text: str, at: int) -> bool:
    """Whether the characters either side of offset `at` belong to one word or number."""
    before, after = text[at - 1], text[at]
    if before.isalnum() and after.isalnum():
        return True
    # A decimal point or thousands separator between digits: 6.5, 1,200.
    if before in ".," and after.isdigit():
        return at >= 2 and text[at - 2].isdigit()
    if before.isdigit() and after in ".,":
        return at + 1 < len(text) and text[at + 1].isdigit()
    return False


def anchor_texts(text: str, span: Span) -> tuple[str, str, str]:
    """The span's quote and the CONTEXT_CHARS of context on each side."""
    return (
        text[span.start : span.end],
        text[max(0, span.start - CONTEXT_CHARS) : span.start],
        text[span.end : span.end + CONTEXT_CHARS],
    )


# -- placing spans on a changed text -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpanAnchor:
    anchor: Anchor  # quote, context, position, first sentence
    last: int | None = None  # last sentence (None: the first)

    @classmethod
    def from_note(cls, note: Note) -> SpanAnchor:
        return cls(Anchor.from_note(note), note.last_sentence)


@dataclass(frozen=True, slots=True)
class SpanPlacement:
    """Where a note lands on the new text. An orphan keeps its old quote and context."""

    span: Span | None
    quote: str
    prefix: str
    suffix: str
    position: int | None
    method: Method

    @property
    def orphaned(self) -> bool:
        return self.span is None

    @property
    def first(self) -> int | None:
        return None if self.span is None else self.span.first

    @property
    def last(self) -> int | None:
        return None if self.span is None else self.span.last


def place_spans(
    anchors: Iterable[SpanAnchor], article: Article, old: Article | None = None
) -> list[SpanPlacement]:
    """Place notes' spans on `article`; `old` is the version they were made on, if known."""
    index = _Index(article)
    old_index = _Index(old) if old is not None else None
    alignment = _Alignment(old_index, index) if old_index is not None else None
    bounds = list(zip(index.starts, index.ends, strict=True))
    return [_place(a, index, bounds, old_index, alignment) for a in anchors]


def place_span(anchor: SpanAnchor, article: Article, old: Article | None = None) -> SpanPlacement:
    return place_spans([anchor], article, old)[0]


def _place(
    a: SpanAnchor,
    index: _Index,
    bounds: list[tuple[int, int]],
    old: _Index | None,
    alignment: _Alignment | None,
) -> SpanPlacement:
    anchor = a.anchor
    origin = _origin(a, old) if old is not None else None
    whole = origin is not None and origin[0] == origin[1] and _is_sentence(a, old)
    if whole and alignment is not None and origin is not None:
        assert old is not None
        merged = _own_words(a, origin[0], index, old, alignment)
        if merged is not None:
            return _placed(a, index, bounds, *merged, Method.ALIGNED)
    if whole or alignment is None or origin is None:
        # Whole sentences keep the sentence machinery as it is; without the old text
        # (or for a note not made on it) quote, context and position decide.
        placed = index.place(anchor, alignment)
        if placed.sentence is None or placed.span is None:
            return _orphan(a)
        if whole:
            i = placed.sentence
            return _placed(a, index, bounds, index.starts[i], index.ends[i], placed.method)
        if _near_copy(a, index, bounds, *placed.span) or _lone_short(a, index, *placed.span):
            return _orphan(a)
        return _placed(a, index, bounds, *placed.span, placed.method)
    assert old is not None
    mapped = _through_alignment(a, origin, index, old, alignment)
    if mapped is not None:
        return _placed(a, index, bounds, *mapped, Method.ALIGNED)
    placed = index.place(anchor, alignment)
    if placed.sentence is None or placed.span is None:
        return _orphan(a)
    found = _span_in(bounds, index.text, *placed.span)
    if found is None or _taken(a, origin, found, old, alignment):
        return _orphan(a)
    return _placed(a, index, bounds, *placed.span, placed.method)


def _own_words(
    a: SpanAnchor, origin: int, index: _Index, old: _Index, alignment: _Alignment
) -> tuple[int, int] | None:
    """A whole sentence that became part of a longer one (another extractor merged it
    with its neighbour) keeps just its own words, carried over through the character
    edits; None when its new sentence is its alone (the sentence machinery places it)."""
    paired = alignment.pairs.get(origin)
    if paired is None or not set(alignment.sources.get(paired[0], {})) - {origin}:
        return None
    return _through_alignment(a, (origin, origin), index, old, alignment, neighbours=False)


def _near_copy(
    a: SpanAnchor, index: _Index, bounds: list[tuple[int, int]], start: int, end: int
) -> bool:
    """Whether the words, found here, also stand almost unchanged in other sentences.

    Sentences that differ by a number or a name ("item 11111", "item 22222") repeat
    their inner words and the context around them: when the noted copy was edited, the
    words found intact are another copy's, and without the old text nothing tells which
    copy the note was on. (A whole-sentence note has `anchoring`'s near-twin rule.)"""
    quote = fold(a.anchor.quote)
    if len(quote) < TINY_QUOTE_LEN:
        return False
    found = _span_in(bounds, index.text, start, end)
    if found is None:
        return True
    texts = index._sentence_texts()
    # A near copy keeps at least one of the quote's two longest words (a typo changes
    # one), which spares the fuzzy comparison on most sentences of a long article.
    keys = sorted(quote.split(" "), key=len)[-2:]
    pool = [
        i
        for i in index._pool(start)
        if not found.first <= i <= found.last and any(k in texts[i] for k in keys)
    ]
    choices = {i: texts[i] for i in pool}
    if found.last > found.first:  # a run of sentences competes with adjacent pairs
        choices |= {-(i + 1): f"{texts[i]} {texts[i + 1]}" for i in pool if i + 1 in choices}
    hits = process.extract(
        quote, choices, scorer=fuzz.partial_ratio, score_cutoff=TWIN_QUOTE * 100, limit=8
    )
    here = index._candidate(a.anchor, start, end, 1.0)
    for text, score, key in hits:
        if score >= 100:
            continue  # an exact copy: the search already weighed it
        # Only a copy whose surroundings agree as well as here's is a contender.
        where = fuzz.partial_ratio_alignment(quote, text)
        at = index.starts[key if key >= 0 else -key - 1] + where.dest_start
        other = index._candidate(a.anchor, at, at + where.dest_end - where.dest_start, 1.0)
        if other.context >= here.context - HINT_MARGIN:
            return True
    return False


def _lone_short(a: SpanAnchor, index: _Index, start: int, end: int) -> bool:
    """A few words ("Learn more") stand in many places; found by quote and context alone,
    they need context on both sides that agrees at least half, not just one."""
    if len(fold(a.anchor.quote)) >= SHORT_QUOTE_LEN:
        return False
    here = index._candidate(a.anchor, start, end, 1.0)
    return min(here.prefix_sim, here.suffix_sim) < 0.5


def _origin(a: SpanAnchor, old: _Index) -> tuple[int, int] | None:
    """The old sentences the span was made on, if it demonstrably was."""
    anchor = a.anchor
    first = anchor.sentence
    last = first if a.last is None else a.last
    if first is None or anchor.position is None or not 0 <= first <= last < len(old.sentences):
        return None
    start, end = anchor.position, anchor.position + len(anchor.quote)
    if start < old.starts[first] or end > old.ends[last]:
        return None
    if fold(old.text[start:end]) != fold(anchor.quote):
        return None
    return first, last


def _is_sentence(a: SpanAnchor, old: _Index) -> bool:
    i = a.anchor.sentence
    assert i is not None and a.anchor.position is not None
    return a.anchor.position == old.starts[i] and len(a.anchor.quote) == old.ends[i] - old.starts[i]


def _through_alignment(
    a: SpanAnchor,
    origin: tuple[int, int],
    index: _Index,
    old: _Index,
    alignment: _Alignment,
    neighbours: bool = True,
) -> tuple[int, int] | None:
    """The span carried over to the new sentences its old sentences are paired with:
    its offsets follow the character edits between the two texts. `neighbours`: also
    pair by place (`_paired`), which whole sentences do not (see there)."""
    first, last = origin
    targets = []
    for k in range(first, last + 1):
        sure = alignment.pairs.get(k)
        y = _paired(alignment, k) if neighbours else (sure[0] if sure else None)
        if y is None:
            return None
        targets.append(y)
    # In order and adjacent (two old sentences merged into one new one share it).
    if any(not 0 <= y - x <= 1 for x, y in pairwise(targets)):
        return None
    lo_old, hi_old = old.starts[first], old.ends[last]
    lo_new, hi_new = index.starts[targets[0]], index.ends[targets[-1]]
    ops = Levenshtein.opcodes(old.text[lo_old:hi_old], index.text[lo_new:hi_new])
    assert a.anchor.position is not None
    start = a.anchor.position - lo_old
    end = start + len(a.anchor.quote)
    new_start = _map_offset(ops, start, at_end=False)
    new_end = _map_offset(ops, end, at_end=True)
    if new_end <= new_start:
        return None  # the words were deleted
    # "cost 6" in "cost 6.5 billion": an edge inside a word or number takes all of it.
    return widen_to_words(index.text, lo_new + new_start, lo_new + new_end)


def _paired(alignment: _Alignment, x: int) -> int | None:
    """The new sentence old sentence `x` became: the alignment's sure pair, or else the
    one new sentence standing exactly between the pairs of its two neighbours and still
    reading like it. The alignment leaves a sentence whose numbers changed unpaired (for
    a whole-sentence note that is another claim); a note on some words in it belongs
    there all the same, flagged for review, since its words changed."""
    paired = alignment.pairs.get(x)
    if paired is not None:
        return paired[0]
    # The neighbours' pairs, or the edge of the article where there is no neighbour.
    before = alignment.pairs.get(x - 1) if x > 0 else None
    after = alignment.pairs.get(x + 1) if x + 1 < len(alignment.old_keys) else None
    if before is not None and after is not None:
        if after[0] - before[0] != 2:
            return None
        y = before[0] + 1
    elif before is not None and x + 1 == len(alignment.old_keys):
        y = before[0] + 1
    elif after is not None and x == 0:
        y = after[0] - 1
    else:
        return None
    if not 0 <= y < len(alignment.new_keys) or any(p[0] == y for p in alignment.pairs.values()):
        return None
    if fuzz.ratio(alignment.old_keys[x], alignment.new_keys[y]) < ALIGN_NEAR * 100:
        return None
    return y


def _map_offset(ops: Levenshtein.Opcodes, x: int, at_end: bool) -> int:
    """Where old offset `x` lies in the new text. A start goes after text inserted just
    before it, an end before text inserted just after it: the span takes no new words at
    its edges."""
    for op in ops:
        if op.tag == "insert":
            continue
        inside = op.src_start < x <= op.src_end if at_end else op.src_start <= x < op.src_end
        if not inside:
            continue
        if op.tag == "equal":
            return op.dest_start + (x - op.src_start)
        if op.tag == "delete":
            return op.dest_start
        # replaced characters: the same share of the new ones
        return min(op.dest_start + (x - op.src_start), op.dest_end)
    return ops[-1].dest_end if len(ops) else 0


def _taken(
    a: SpanAnchor, origin: tuple[int, int], found: Span, old: _Index, alignment: _Alignment
) -> bool:
    """Whether the new sentences under `found` belong to other old sentences: unchanged
    copies of them, ones that already held the noted words, or ones that read like the
    noted sentences (copies, perhaps edited)."""
    first, last = origin
    words = fold(a.anchor.quote)
    mine = [alignment.old_keys[k] for k in range(first, last + 1)]
    for y in range(found.first, found.last + 1):
        for x, (sim, theirs) in alignment.sources.get(y, {}).items():
            if first <= x <= last:
                continue
            if sim == 1.0 or words in theirs:
                return True
            if any(fuzz.ratio(theirs, m) >= MIN_FUZZY_QUOTE * 100 for m in mine):
                return True
    return False


def _placed(
    a: SpanAnchor,
    index: _Index,
    bounds: list[tuple[int, int]],
    start: int,
    end: int,
    method: Method,
) -> SpanPlacement:
    span = _span_in(bounds, index.text, start, end)
    if span is None:
        return _orphan(a)
    quote, prefix, suffix = anchor_texts(index.text, span)
    return SpanPlacement(span, quote, prefix, suffix, span.start, method)


def _orphan(a: SpanAnchor) -> SpanPlacement:
    x = a.anchor
    return SpanPlacement(None, x.quote, x.prefix, x.suffix, x.position, Method.ORPHAN)
