"""Keep notes on their sentences when an article's text changes.

A note remembers where it points in three independent ways (sentence index, quote with
context, text position), like a W3C Web Annotation. When the text changes (re-import of a
changed page, a better extractor, a new splitter) `reanchor` looks for the quote again:

1. exact: the quote occurs once (ignoring quote style and whitespace differences);
2. hint: it occurs several times and the prefix/suffix context, or failing that the old
   position, picks one clearly;
3. fuzzy: a bounded approximate search over the new sentences, scored on quote, prefix,
   suffix and distance.

When the caller still has the old version of the article (the one the notes were anchored
on), an alignment of the old sentence sequence to the new one comes first. A note made on
the old version (its index, position and quote agree with it) whose old sentence is surely
paired with a new sentence of the same text, or a typo fix away, or merged with its
neighbour, is placed there (`Method.ALIGNED`). That tells copies of a repeated paragraph
apart by their place in the document, which quote and context cannot. Other notes take the
path above, but a note made on the old version never lands on a new sentence that the
alignment shows belongs to another old sentence (a copy of the noted one, or one that
already held the noted words). Without the old version nothing changes.

Whatever is doubtful becomes an orphan that keeps its quote: a note on the wrong sentence
is worse than a note that asks the user where it belongs.

All offsets are code points into `Article.text`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from rapidfuzz import fuzz, process

from .model import Article, Note, block_offsets

CONTEXT_CHARS = 32

# Length-preserving folds, so offsets found in the folded text are offsets in the real
# one: typographic quotes and exotic spaces are what re-extraction changes most often.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
    }
)
FOLD_TABLE = _FOLD  # for finding typed words in the text (`spans.find_words`)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")

# Fuzzy thresholds, tuned on bench/anchoring.py. A typo fix keeps a sentence above 0.9;
# a rewritten sentence falls well below 0.8.
MIN_FUZZY_QUOTE = 0.82  # quote similarity below this is never accepted
STRONG_FUZZY_QUOTE = 0.92  # above this, one matching context side is not required
MIN_FUZZY_QUOTE_LEN = 16  # shorter quotes are too generic to place approximately
TINY_QUOTE_LEN = 8  # shorter matches must be a whole sentence
SHORT_QUOTE_LEN = 40  # unique exact matches shorter than this need some context
MIN_FUZZY_SCORE = 0.75  # combined score (quote, context, distance) to accept
MIN_EDIT_BUDGET = 4  # characters a fuzzy match may differ by, at least ...
EDIT_BUDGET = 0.2  # ... or this share of the quote's length
SURE_FUZZY_QUOTE = 0.95  # ... unless the quote alone is this similar (and long)
FUZZY_MARGIN = 0.04  # the best candidate must beat the runner-up by this much
TWIN_QUOTE = 0.93  # a sentence this close (a typo away) to an exact match competes
HINT_MIN_CONTEXT = 0.6  # context similarity needed to choose among copies
HINT_MARGIN = 0.2  # ... and by how much the chosen copy must beat the others
PARTIAL_MIN_SIDE = 0.75  # context both sides of a match that is part of a sentence
FRAGMENT_MIN_SIDE = 0.9  # ... and of one that is less than half a sentence
FUZZY_SIDE = 0.9  # an edited quote needs one context side this similar (unless sure)
RECUT_MAX_DRIFT = 16  # how far a sentence merged with its neighbour may have moved
FAR_DISTANCE = 0.25  # share of the article beyond which a note has moved far
SAME_SIDE = 0.95  # a context side this similar counts as the same context
HINT_MAX_DRIFT = 16  # how far from the old position a copy may be to win on position
MAX_EXACT_MATCHES = 200
MAX_FUZZY_SENTENCES = 20_000  # bounds the cost on book-length articles
FUZZY_CANDIDATES = 8
# Alignment with the old version of the article.
ALIGN_NEAR = 0.85  # old and new sentences this alike (and a few edits apart) pair up
MIN_ALIGN_LEN = 8  # shorter sentences pair only when equal
MAX_ALIGN_CELLS = 20_000  # stretches up to this (old × new sentences) are paired exactly
ALIGN_BAND = 32  # larger ones without landmarks: this many sentences around the diagonal
MAX_ALIGN_WORK = 500_000  # sentence comparisons, roughly, one alignment may spend
IN_PLACE_SHARE = 3  # pair by place (`_in_place`) where at most 1 in 3 sentences changed
# Weights of the combined fuzzy score (quote, prefix, suffix, distance).
W_QUOTE, W_PREFIX, W_SUFFIX, W_DISTANCE = 50.0, 20.0, 20.0, 2.0


class Method(StrEnum):
    EXACT = "exact"
    HINT = "hint"
    FUZZY = "fuzzy"
    ALIGNED = "aligned"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note points. `sentence` and `position` are hints; `quote` is the truth."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    position: int | None = None
    sentence: int | None = None

    @classmethod
    def from_note(cls, note: Note) -> Anchor:
        return cls(note.quote, note.prefix, note.suffix, note.position, note.sentence)


@dataclass(frozen=True, slots=True)
class Placement:
    """The outcome of re-anchoring one note on a new version of an article.

    When placed, quote/prefix/suffix/position describe the new sentence and `span` is the
    text that actually matched (what `spans` places a note on that covers only some
    words). An orphan keeps the old quote, context and position so it can be shown and
    re-anchored later.
    """

    sentence: int | None
    quote: str
    prefix: str
    suffix: str
    position: int | None
    method: Method
    score: float  # 1.0 for exact; the combined similarity for hint/fuzzy; 0 for orphans
    span: tuple[int, int] | None = None

    @property
    def orphaned(self) -> bool:
        return self.sentence is None

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.quote, self.prefix, self.suffix, self.position, self.sentence)


def make_anchor(article: Article, sentence_index: int) -> Anchor:
    return _Index(article).anchor_for(sentence_index)


def reanchor(anchor: Anchor, article: Article, old: Article | None = None) -> Placement:
    """Place one note on `article`. `old`, when given, is the version it was anchored on."""
    return reanchor_all([anchor], article, old)[0]


def reanchor_all(
    anchors: Iterable[Anchor], article: Article, old: Article | None = None
) -> list[Placement]:
    """Re-anchor many notes on one article, preparing the article's text only once.

    `old` is the version of the article the anchors were made on (the one being replaced).
    With it, notes on sentences that survived are placed by aligning the two versions,
    which is what tells repeated copies apart; without it only the anchors are used.
    """
    index = _Index(article)
    alignment = _Alignment(_Index(old), index) if old is not None else None
    return [index.place(a, alignment) for a in anchors]


def fold(text: str) -> str:
    """The comparison form: straight quotes, single spaces, no outer whitespace."""
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    quote_sim: float
    prefix_sim: float
    suffix_sim: float
    distance: float  # 0 at the hint, 1 at the far end of the article

    @property
    def context(self) -> float:
        return (self.prefix_sim + self.suffix_sim) / 2

    @property
    def score(self) -> float:
        total = (
            W_QUOTE * self.quote_sim
            + W_PREFIX * self.prefix_sim
            + W_SUFFIX * self.suffix_sim
            + W_DISTANCE * (1 - self.distance)
        )
        return total / (W_QUOTE + W_PREFIX + W_SUFFIX + W_DISTANCE)


class _Index:
    """An article's text prepared for many look-ups."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.folded = self.text.translate(_FOLD)
        offsets = block_offsets(article.blocks)
        self.sentences = article.sentences
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s in article.sentences:
            base = offsets[s.block] if s.block < len(offsets) else None
            base = base or 0
            self.starts.append(base + s.start)
            self.ends.append(base + s.end)
        self._fuzzy_texts: list[str] | None = None

    # -- building anchors --------------------------------------------------------------

    def anchor_for(self, i: int) -> Anchor:
        if not 0 <= i < len(self.sentences):
            raise IndexError(f"sentence {i} out of range (article has {len(self.sentences)})")
        start, end = self.starts[i], self.ends[i]
        return Anchor(
            quote=self.text[start:end],
            prefix=self.text[max(0, start - CONTEXT_CHARS) : start],
            suffix=self.text[end : end + CONTEXT_CHARS],
            position=start,
            sentence=i,
        )

    # -- placing -----------------------------------------------------------------------

    def place(self, anchor: Anchor, alignment: _Alignment | None = None) -> Placement:
        origin = alignment.origin(anchor) if alignment is not None else None
        if alignment is None or origin is None:
            return self._place(anchor)
        paired = alignment.pairs.get(origin)
        if paired is not None:
            target, sim = paired
            start, end = self.starts[target], self.ends[target]
            return self._placed(anchor, start, end, Method.ALIGNED, sim)
        # The old sentence has no sure counterpart (deleted, rewritten, re-split, or one
        # of identical copies): the usual search decides, but not on a new sentence that
        # the alignment gives to another old sentence.
        placed = self._place(anchor, strict=False)
        if placed.sentence is not None and alignment.taken(origin, placed.sentence):
            return _orphan(anchor)
        return placed

    def _place(self, anchor: Anchor, strict: bool = True) -> Placement:
        """`strict` adds the rules that stand in for an alignment with the old version
        (the same words laid out otherwise, an edit with nothing around it agreeing):
        with one, `taken` already keeps such notes off other sentences, and these rules
        would only orphan notes that it places right."""
        quote = fold(anchor.quote)
        if not quote or not self.sentences:
            return _orphan(anchor)
        matches = self._exact(quote)
        if len(matches) == 1:
            start, end = matches[0]
            exact = self._candidate(anchor, start, end, 1.0)
            if len(quote) < SHORT_QUOTE_LEN and max(exact.prefix_sim, exact.suffix_sim) < 0.5:
                # A short quote ("Read more.") found once may be a twin of a sentence that
                # was deleted; accept it only if at least one side of its context agrees.
                return _orphan(anchor)
            if strict and self._recut(anchor, start, end):
                # The words survive, but not as the noted sentence: split across two
                # paragraphs, or inside a sentence whose paragraph breaks differ on both
                # sides (another copy of a text that <br>s cut up differently).
                return _orphan(anchor)
            long_and_most = len(quote) >= SHORT_QUOTE_LEN and self._coverage(start, end) >= 0.5
            if not long_and_most and not self._fits(exact):
                return _orphan(anchor)
            twins = self._near_twins(anchor, quote, exact)
            if not twins:
                return self._placed(anchor, start, end, Method.EXACT, 1.0)
            # The noted sentence may be the one that was edited and this exact match its
            # unedited copy (repeated paragraphs). Only a clearly better context settles it;
            # a near twin never wins over an exact match, it only casts doubt.
            if all(exact.context - t.context >= HINT_MARGIN for t in twins):
                return self._placed(anchor, start, end, Method.EXACT, exact.score)
            return _orphan(anchor)
        if matches:
            return self._by_hint(anchor, matches, strict)
        return self._fuzzy(anchor, quote, strict)

    def _exact(self, quote: str) -> list[tuple[int, int]]:
        # Whitespace runs in the quote match any whitespace run in the text.
        pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split(" ")))
        found = []
        for m in pattern.finditer(self.folded):
            found.append((m.start(), m.end()))
            if len(found) > MAX_EXACT_MATCHES:
                break
        return found

    def _by_hint(
        self, anchor: Anchor, matches: list[tuple[int, int]], strict: bool = True
    ) -> Placement:
        cands = [self._candidate(anchor, s, e, 1.0) for s, e in matches]
        cands = [c for c in cands if self._fits(c)]
        if strict:
            cands = [c for c in cands if not self._recut(anchor, c.start, c.end)]
        # Copies inside longer sentences whose line breaks differ (the same words that
        # <br>s cut up otherwise) give way to the others.
        laid = [c for c in cands if not self._recut_part(anchor, c)] if strict else []
        cands = laid or cands
        if not cands:
            return _orphan(anchor)
        if len(cands) == 1:
            return self._placed(anchor, cands[0].start, cands[0].end, Method.HINT, cands[0].score)
        by_context = sorted(cands, key=lambda c: c.context, reverse=True)
        best, others = by_context[0], by_context[1:]
        # Copies of a repeated paragraph share their context too, so context only decides
        # when no other copy agrees with it, even on one side: otherwise the noted copy
        # may be the one whose context an edit just changed.
        if (
            best.context >= HINT_MIN_CONTEXT
            and all(best.context - c.context >= HINT_MARGIN for c in others)
            and all(max(c.prefix_sim, c.suffix_sim) < SAME_SIDE for c in others)
            and self._nearest(best, cands, anchor.position)
        ):
            return self._placed(anchor, best.start, best.end, Method.HINT, best.score)
        if anchor.position is None:
            return _orphan(anchor)
        # Context cannot tell them apart (repeated paragraphs repeat their context too).
        # Only trust the old position when a copy sits (almost) exactly there: after an
        # edit upstream has shifted the text, "nearest" is a guess.
        tied = [c for c in cands if best.context - c.context < HINT_MARGIN]
        tied.sort(key=lambda c: abs(c.start - anchor.position))
        near = tied[0]
        d1 = abs(near.start - anchor.position)
        d2 = abs(tied[1].start - anchor.position) if len(tied) > 1 else None
        # A copy whose context changed may be a neighbour that slid into the place of a
        # deleted one; and the allowed drift stays below the length of one copy.
        if near.context >= 0.9 and d1 <= HINT_MAX_DRIFT and (d2 is None or d1 * 4 < d2):
            return self._placed(anchor, near.start, near.end, Method.HINT, near.score)
        return _orphan(anchor)

    @staticmethod
    def _nearest(chosen: _Candidate, cands: list[_Candidate], position: int | None) -> bool:
        """False when another copy sits nearer the old position: the clues disagree."""
        if position is None:
            return True
        mine = abs(chosen.start - position)
        return all(abs(c.start - position) >= mine for c in cands)

    def _fits(self, cand: _Candidate) -> bool:
        """False for words found inside a longer sentence whose context disagrees ("Lorem"
        in "Lorem ipsum dolor…"). Sentences that a new splitter or extractor merged, and
        phrases quoted in place, keep their context on both sides."""
        coverage = self._coverage(cand.start, cand.end)
        if coverage >= 0.95:
            return True
        if cand.end - cand.start < TINY_QUOTE_LEN:
            return False  # ")" inside "),": a few characters say nothing on their own
        need = PARTIAL_MIN_SIDE if coverage >= 0.5 else FRAGMENT_MIN_SIDE
        return min(cand.prefix_sim, cand.suffix_sim) >= need

    def _crosses_paragraphs(self, anchor: Anchor, start: int, end: int) -> bool:
        """Whether `[start, end)` runs over a paragraph break that the quote did not have."""
        if "\n" in anchor.quote:
            return False
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1) - 1
        if first < 0 or last < 0:
            return False
        return self.sentences[first].block != self.sentences[last].block

    def _recut(self, anchor: Anchor, start: int, end: int) -> bool:
        """Whether the quote's words found at `[start, end)` are cut into sentences and
        paragraphs otherwise than the noted sentence was: the same words laid out
        differently (a copy that <br>s cut up otherwise) are not evidence of the same
        sentence. Run over a paragraph break the quote did not have; or, inside a longer
        sentence, with the line breaks around it changed on both sides; or on one side (a
        paragraph merged into the next, as another extractor does) away from where the
        note was."""
        if self._crosses_paragraphs(anchor, start, end):
            return True
        if self._coverage(start, end) >= 0.95:
            return False
        return self._moved_and_relaid(anchor, start, end)

    def _moved_and_relaid(self, anchor: Anchor, start: int, end: int) -> bool:
        """Line breaks changed on both sides of the match, or on one side (as when a
        paragraph merges into the next) and away from where the note was."""
        changed = self._relaid(anchor, start, end)
        if changed == 2:
            return True
        if changed == 1:
            return anchor.position is None or abs(start - anchor.position) > RECUT_MAX_DRIFT
        return False

    def _relaid(self, anchor: Anchor, start: int, end: int) -> int:
        """On how many sides (0-2) of `[start, end)` the context has a line break where
        the anchor's has none, or none where it has one."""
        before = self.text[max(0, start - len(anchor.prefix)) : start]
        after = self.text[end : end + len(anchor.suffix)]
        return (("\n" in anchor.prefix) != ("\n" in before)) + (
            ("\n" in anchor.suffix) != ("\n" in after)
        )

    def _recut_part(self, anchor: Anchor, cand: _Candidate) -> bool:
        return self._coverage(cand.start, cand.end) < 0.95 and bool(
            self._relaid(anchor, cand.start, cand.end)
        )

    def _doubtful_edit(self, anchor: Anchor, best: _Candidate, alike: bool) -> bool:
        """Whether an approximate match is more likely another sentence than the noted one
        edited."""
        if best.quote_sim >= 1.0:
            return False
        if not alike and max(best.prefix_sim, best.suffix_sim) < FUZZY_SIDE:
            # Its surroundings changed on both sides ("copy.url" in a rewritten snippet,
            # "req.url" in the one before it).
            return True
        relaid = self._relaid(anchor, best.start, best.end)
        if relaid == 2 or (relaid and best.distance > FAR_DISTANCE):
            # Its line breaks changed on both sides, or on one side and far from where the
            # note was: the same words in another layout (a copy that <br>s cut up
            # otherwise).
            return True
        return self._truncated(fold(anchor.quote), best)

    def _truncated(self, quote: str, cand: _Candidate) -> bool:
        """Whether the candidate is the quote with words cut off (or added) at one end,
        rather than edited inside, while the context on that end disagrees: a line that
        <br>s cut from the noted sentence, or the sentence such a line was cut from."""
        text = fold(self.folded[cand.start : cand.end])
        short, long = sorted((quote, text), key=len)
        if len(long) - len(short) < MIN_EDIT_BUDGET:
            return False
        head = fuzz.ratio(short, long[: len(short)])
        tail = fuzz.ratio(short, long[-len(short) :])
        if max(head, tail) < TWIN_QUOTE * 100:
            return False
        side = cand.suffix_sim if head >= tail else cand.prefix_sim
        return side < FUZZY_SIDE

    def _coverage(self, start: int, end: int) -> float:
        """How much of the sentence holding `[start, end)` that span covers."""
        i = self._sentence_at(start, end)
        if i is None:
            return 0.0
        length = self.ends[i] - self.starts[i]
        overlap = min(end, self.ends[i]) - max(start, self.starts[i])
        return overlap / length if length else 0.0

    def _fuzzy(self, anchor: Anchor, quote: str, strict: bool = True) -> Placement:
        if len(quote) < MIN_FUZZY_QUOTE_LEN:
            return _orphan(anchor)
        texts = self._sentence_texts()
        pool = self._pool(anchor.position)
        choices = {i: texts[i] for i in pool}
        # The quote may have been one sentence that a new splitter or a merge turned into
        # two, so adjacent pairs compete too.
        # Not across a paragraph break, though: that is the words cut up otherwise.
        pairs = {
            -(i + 1): f"{texts[i]} {texts[i + 1]}"
            for i in pool
            if i + 1 < len(texts)
            and (not strict or self.sentences[i].block == self.sentences[i + 1].block)
        }
        cutoff = MIN_FUZZY_QUOTE * 100
        hits = process.extract(
            quote,
            {**choices, **pairs},
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=FUZZY_CANDIDATES,
        )
        if not hits:
            return _orphan(anchor)
        cands: list[_Candidate] = []
        digits = _DIGITS.findall(quote)
        for text, sim, key in hits:
            if _DIGITS.findall(text) != digits:
                # Numbers are what fact-checks are about: "fell by 40%" is not "fell by
                # 4%", however similar the rest of the sentence.
                continue
            first = key if key >= 0 else -key - 1
            last = first if key >= 0 else first + 1
            start, end = self.starts[first], self.ends[last]
            cands.append(self._candidate(anchor, start, end, sim / 100))
        if not cands:
            return _orphan(anchor)
        return self._decide(anchor, cands, Method.FUZZY, strict)

    def _near_twins(self, anchor: Anchor, quote: str, exact: _Candidate) -> list[_Candidate]:
        """Other sentences almost identical to the quote (an edited copy of it)."""
        if len(quote) < MIN_FUZZY_QUOTE_LEN:
            return []
        own = self._sentence_at(exact.start, exact.end)
        texts = self._sentence_texts()
        hits = process.extract(
            quote,
            {i: texts[i] for i in self._pool(anchor.position) if i != own},
            scorer=fuzz.ratio,
            score_cutoff=TWIN_QUOTE * 100,
            limit=FUZZY_CANDIDATES,
        )
        digits = _DIGITS.findall(quote)
        return [
            self._candidate(anchor, self.starts[i], self.ends[i], sim / 100)
            for text, sim, i in hits
            if _DIGITS.findall(text) == digits  # other numbers: another claim, not an edit
        ]

    def _decide(
        self, anchor: Anchor, cands: list[_Candidate], method: Method, strict: bool = True
    ) -> Placement:
        cands = sorted(cands, key=lambda c: c.score, reverse=True)
        if not _edit_budget_ok(anchor.quote, cands[0]):
            return _orphan(anchor)
        short = cands[0].end - cands[0].start < SHORT_QUOTE_LEN
        if short and cands[0].quote_sim < 1 and min(cands[0].prefix_sim, cands[0].suffix_sim) < 0.5:
            # Short lines a typo apart are common (code, lists, captions): an edited short
            # sentence is only recognised where both its neighbours still agree.
            return _orphan(anchor)
        best = cands[0]
        # A long sentence a typo away from the quote is strong evidence on its own; anything
        # weaker also needs its surroundings to agree.
        alike = best.quote_sim >= SURE_FUZZY_QUOTE and best.end - best.start >= SHORT_QUOTE_LEN
        if best.score < MIN_FUZZY_SCORE and not alike:
            return _orphan(anchor)
        if best.quote_sim < STRONG_FUZZY_QUOTE and max(best.prefix_sim, best.suffix_sim) < 0.5:
            return _orphan(anchor)
        if strict and self._doubtful_edit(anchor, best, alike):
            return _orphan(anchor)
        target = self._sentence_at(best.start, best.end)
        rivals = [c for c in cands[1:] if self._sentence_at(c.start, c.end) != target]
        if rivals and best.score - rivals[0].score < FUZZY_MARGIN:
            return _orphan(anchor)
        if best.quote_sim < 1.0:
            method = Method.FUZZY
        return self._placed(anchor, best.start, best.end, method, best.score)

    def _pool(self, position: int | None) -> list[int]:
        n = len(self.sentences)
        if n <= MAX_FUZZY_SENTENCES:
            return list(range(n))
        centre = bisect_right(self.starts, position or 0)
        lo = max(0, min(centre - MAX_FUZZY_SENTENCES // 2, n - MAX_FUZZY_SENTENCES))
        return list(range(lo, lo + MAX_FUZZY_SENTENCES))

    def _sentence_texts(self) -> list[str]:
        if self._fuzzy_texts is None:
            self._fuzzy_texts = [fold(s.text) for s in self.sentences]
        return self._fuzzy_texts

    def _candidate(self, anchor: Anchor, start: int, end: int, quote_sim: float) -> _Candidate:
        # Context keeps its outer whitespace: a paragraph break next to the quote is a clue.
        prefix, suffix = _fold_context(anchor.prefix), _fold_context(anchor.suffix)
        window = 2 * CONTEXT_CHARS + 16  # room for whitespace that folding will collapse
        before = _fold_context(self.folded[max(0, start - window) : start])
        after = _fold_context(self.folded[end : end + window])
        before = before[len(before) - len(prefix) :] if prefix else before
        after = after[: len(suffix)] if suffix else after
        if anchor.position is None or not self.text:
            distance = 0.5
        else:
            distance = min(1.0, abs(start - anchor.position) / max(len(self.text), 1))
        return _Candidate(
            start,
            end,
            quote_sim,
            _similarity(prefix, before),
            _similarity(suffix, after),
            distance,
        )

    def _sentence_at(self, start: int, end: int) -> int | None:
        """The sentence holding most of `[start, end)`."""
        i = bisect_right(self.starts, start) - 1
        best, best_overlap = None, 0
        for j in range(max(i, 0), len(self.starts)):
            if self.starts[j] >= end:
                break
            overlap = min(end, self.ends[j]) - max(start, self.starts[j])
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        return best

    def _placed(
        self, anchor: Anchor, start: int, end: int, method: Method, score: float
    ) -> Placement:
        i = self._sentence_at(start, end)
        if i is None:
            return _orphan(anchor)
        new = self.anchor_for(i)
        return Placement(
            i,
            new.quote,
            new.prefix,
            new.suffix,
            new.position,
            method,
            round(score, 4),
            (start, end),
        )


class _Alignment:
    """Which old sentence became which new sentence.

    Sentences are compared by their folded text. Equal sentences pair up, and so do
    sentences a typo fix apart (`_near_equal`) and two old sentences joined into one new
    one (`_merged`); a rewritten sentence pairs with nothing. The pairing is the one with
    the most (and most alike) pairs in document order, found exactly for small stretches
    (a DP) and through sentences unique to both versions as landmarks for long ones, with
    a budget on the work for text rearranged throughout.

    Copies make some pairings arbitrary: when one of two identical paragraphs is deleted,
    which one went is a guess. So the alignment is made twice, preferring the earliest
    and then the latest copy, and only the pairs both agree on are trusted. One reading
    is added back: between two trusted pairs with as many old as new sentences in between,
    sentences at the same place that read alike pair up (`_in_place`).
    """

    def __init__(self, old: _Index, new: _Index) -> None:
        self.old = old
        self.old_keys, self.new_keys = old._sentence_texts(), new._sentence_texts()
        ids: dict[str, int] = {}
        a = [ids.setdefault(k, len(ids)) for k in self.old_keys]
        b = [ids.setdefault(k, len(ids)) for k in self.new_keys]
        forward, joined = self._align(a, b, self.old_keys, self.new_keys, False)
        n, m = len(a), len(b)
        back, back_joined = self._align(
            a[::-1], b[::-1], self.old_keys[::-1], self.new_keys[::-1], True
        )
        backward = {n - 1 - x: (m - 1 - y, s) for x, (y, s) in back.items()}
        joined.update((n - 1 - x, text) for x, text in back_joined.items())
        # old sentence -> (new sentence, similarity), where both alignments agree
        self.pairs = {x: p for x, p in forward.items() if backward.get(x) == p}
        in_place = self._in_place()
        forward.update(in_place)
        self.pairs.update(in_place)
        # new sentence -> the old sentences either alignment derives it from, with their
        # similarity and the old text it stands for (two sentences, where they merged)
        self.sources: dict[int, dict[int, tuple[float, str]]] = {}
        for x, (y, sim) in (*forward.items(), *backward.items()):
            self.sources.setdefault(y, {})[x] = (sim, joined.get(x, self.old_keys[x]))

    def _in_place(self) -> dict[int, tuple[int, float]]:
        """Between two sure pairs with as many old as new sentences in between, sentences
        at the same place that read alike: two of eight identical lines were rewritten in
        place, not the lines after them moved up. (Where the counts differ, as when one of
        two copies was deleted, there is no such reading and nothing is added.)"""
        found: dict[int, tuple[int, float]] = {}
        sure = sorted((x, y) for x, (y, _) in self.pairs.items())
        bounds = [(-1, -1), *sure, (len(self.old_keys), len(self.new_keys))]
        for (x0, y0), (x1, y1) in pairwise(bounds):
            if x1 - x0 != y1 - y0 or x1 - x0 < 2:
                continue
            here: dict[int, tuple[int, float]] = {}
            for x in range(x0 + 1, x1):
                y = x - x0 + y0
                mine, theirs = self.old_keys[x], self.new_keys[y]
                sim = 1.0 if mine == theirs else _near_equal(mine, theirs)
                if sim:
                    here[x] = (y, sim)
            # A few sentences rewritten among unchanged ones; a stretch mostly changed
            # is as likely to hold deletions and insertions that happen to balance.
            if (x1 - x0 - 1 - len(here)) * IN_PLACE_SHARE <= x1 - x0 - 1:
                found.update(here)
        return found

    def origin(self, anchor: Anchor) -> int | None:
        """The old sentence the anchor was made on, if it demonstrably was."""
        i = anchor.sentence
        old = self.old
        if i is None or not 0 <= i < len(old.sentences):
            return None
        if anchor.position is not None and anchor.position != old.starts[i]:
            return None
        if fold(anchor.quote) != self.old_keys[i]:
            return None
        return i

    def taken(self, origin: int, target: int) -> bool:
        """Whether the new sentence `target` belongs to another old sentence: one it is
        an unchanged copy of (the noted sentence, a separate one before, is not in it), one
        that reads like the noted sentence (a copy of it, perhaps edited), or one that
        already held the noted words (a line that a <br> had cut from it, say). A sentence
        merged from the noted one and a neighbour is none of these."""
        mine = self.old_keys[origin]
        for j, (sim, theirs) in self.sources.get(target, {}).items():
            if j == origin:
                continue
            if sim == 1.0 or mine in theirs:
                return True
            if fuzz.ratio(theirs, mine) >= MIN_FUZZY_QUOTE * 100:
                return True
        return False

    def _align(
        self, a: list[int], b: list[int], a_text: list[str], b_text: list[str], backward: bool
    ) -> tuple[dict[int, tuple[int, float]], dict[int, str]]:
        """Old sentence -> (new sentence, similarity), and for old sentences that merged
        with a neighbour into one new sentence, the two joined (in reading order)."""
        pairs: dict[int, tuple[int, float]] = {}
        joined: dict[int, str] = {}
        work = 0
        todo = [(0, len(a), 0, len(b))]
        while todo:
            alo, ahi, blo, bhi = todo.pop()
            # Only the head: every step prefers the earliest copy, so that the backward run
            # (which prefers the latest) disagrees wherever copies make a pairing arbitrary.
            while alo < ahi and blo < bhi and a[alo] == b[blo]:
                pairs[alo] = (blo, 1.0)
                alo, blo = alo + 1, blo + 1
            if alo == ahi or blo == bhi:
                continue
            # Work is bounded (text rearranged throughout would be quadratic): stretches
            # left over stay unpaired, and their notes take the usual search.
            cells = (ahi - alo) * (bhi - blo)
            if cells <= MAX_ALIGN_CELLS:
                work += cells
                if work <= MAX_ALIGN_WORK:
                    _best_pairs(a, b, a_text, b_text, (alo, ahi, blo, bhi), backward, pairs, joined)
                continue
            work += (ahi - alo) + (bhi - blo)
            if work > MAX_ALIGN_WORK:
                continue
            landmarks = _unique_common(a, b, alo, ahi, blo, bhi)
            if not landmarks:
                work += (ahi - alo) * 2 * ALIGN_BAND
                if work <= MAX_ALIGN_WORK:
                    _banded_pairs(a, b, a_text, b_text, alo, ahi, blo, bhi, pairs)
                continue
            x0, y0 = alo, blo
            for x, y in landmarks:
                pairs[x] = (y, 1.0)
                todo.append((x0, x, y0, y))
                x0, y0 = x + 1, y + 1
            todo.append((x0, ahi, y0, bhi))
        return pairs, joined


def _best_pairs(
    a: list[int],
    b: list[int],
    a_text: list[str],
    b_text: list[str],
    stretch: tuple[int, int, int, int],
    backward: bool,
    pairs: dict[int, tuple[int, float]],
    joined: dict[int, str],
) -> None:
    """The in-order pairing of a[alo:ahi] with b[blo:bhi] with the largest total
    similarity (1 for equal sentences, `_near_equal` for edited ones, `_merged` for two old
    sentences that became one), earliest first. A merge counts as one pair, not two: it
    never outweighs the same new sentence paired with an old one of the same text."""
    alo, ahi, blo, bhi = stretch
    m, n = ahi - alo, bhi - blo
    sim = [[0.0] * n for _ in range(m)]
    choices = b_text[blo:bhi]
    for x in range(m):
        row, mine = sim[x], a_text[alo + x]
        for _, _score, y in process.extract(
            mine, choices, scorer=fuzz.ratio, score_cutoff=ALIGN_NEAR * 100, limit=None
        ):
            row[y] = 1.0 if a[alo + x] == b[blo + y] else _near_equal(mine, choices[y])
    # merge[x][y]: old x and x + 1 (in reading order) became new y
    merge: dict[tuple[int, int], tuple[float, str]] = {}
    sizes = [len(t) for t in choices]
    for x in range(m - 1):
        first, second = a_text[alo + x], a_text[alo + x + 1]
        if backward:
            first, second = second, first
        size = len(first) + 1 + len(second)
        slack = max(MIN_EDIT_BUDGET, EDIT_BUDGET * size)
        for y in range(n):
            if abs(sizes[y] - size) <= slack and not sim[x][y] and not sim[x + 1][y]:
                alike = _merged(first, second, choices[y])
                if alike:
                    merge[x, y] = (alike, f"{first} {second}")
    # best[x][y]: the largest total pairing a[alo + x:] with b[blo + y:]
    best = [[0.0] * (n + 1) for _ in range(m + 2)]
    for x in range(m - 1, -1, -1):
        row, below, s = best[x], best[x + 1], sim[x]
        for y in range(n - 1, -1, -1):
            take = s[y] + below[y + 1] if s[y] else 0.0
            if (x, y) in merge:
                take = max(take, merge[x, y][0] + best[x + 2][y + 1])
            row[y] = max(take, below[y], row[y + 1])
    x = y = 0
    while x < m and y < n:
        if sim[x][y] and best[x][y] == sim[x][y] + best[x + 1][y + 1]:
            pairs[alo + x] = (blo + y, sim[x][y])
            x, y = x + 1, y + 1
        elif (x, y) in merge and best[x][y] == merge[x, y][0] + best[x + 2][y + 1]:
            score, text = merge[x, y]
            for k in (x, x + 1):
                pairs[alo + k] = (blo + y, score)
                joined[alo + k] = text
            x, y = x + 2, y + 1
        elif best[x][y] == best[x][y + 1]:
            y += 1  # keep the old sentence for a later new one: earliest old ones pair
        else:
            x += 1


def _banded_pairs(
    a: list[int],
    b: list[int],
    a_text: list[str],
    b_text: list[str],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    pairs: dict[int, tuple[int, float]],
) -> None:
    """A long stretch without landmarks: pair each old sentence with the best new one near
    the same relative place, in order. Cheap, and only ever pairs (near-)equal texts."""
    m, n = ahi - alo, bhi - blo
    j = blo
    for i in range(alo, ahi):
        lo = max(j, blo + (i - alo) * n // m - ALIGN_BAND)
        best, at = 0.0, -1
        window = b_text[lo : min(bhi, lo + 2 * ALIGN_BAND)]
        for _, _score, k in process.extract(
            a_text[i], window, scorer=fuzz.ratio, score_cutoff=ALIGN_NEAR * 100, limit=None
        ):
            sim = 1.0 if a[i] == b[lo + k] else _near_equal(a_text[i], window[k])
            if sim > best or (sim == best and sim and lo + k < at):
                best, at = sim, lo + k
        if at >= 0:
            pairs[i] = (at, best)
            j = at + 1


def _unique_common(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Sentences that occur exactly once in both stretches, the longest run of them in the
    same order in both (patience diff's landmarks)."""
    count_a: dict[int, int] = {}
    where_a: dict[int, int] = {}
    for x in range(alo, ahi):
        count_a[a[x]] = count_a.get(a[x], 0) + 1
        where_a[a[x]] = x
    count_b: dict[int, int] = {}
    where_b: dict[int, int] = {}
    for y in range(blo, bhi):
        count_b[b[y]] = count_b.get(b[y], 0) + 1
        where_b[b[y]] = y
    common = sorted(
        (where_a[k], where_b[k]) for k, c in count_a.items() if c == 1 and count_b.get(k) == 1
    )
    # Longest increasing run of new positions (patience sorting).
    tails: list[int] = []  # new position ending the best run of each length
    tail_at: list[int] = []  # index into `common` of that end
    back: list[int] = [-1] * len(common)
    for idx, (_, y) in enumerate(common):
        k = bisect_right(tails, y)
        if k == len(tails):
            tails.append(y)
            tail_at.append(idx)
        else:
            tails[k] = y
            tail_at[k] = idx
        back[idx] = tail_at[k - 1] if k else -1
    run: list[tuple[int, int]] = []
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        run.append(common[idx])
        idx = back[idx]
    return run[::-1]


def _merged(first: str, second: str, text: str) -> float:
    """How alike `text` is to `first` followed by `second`, each part on its own (a
    rewritten half is not a merge); 0 when it is not."""
    slack = max(MIN_EDIT_BUDGET, int(EDIT_BUDGET * len(first)))
    best = 0.0
    for cut in range(max(1, len(first) - slack), min(len(text), len(first) + slack + 1)):
        if text[cut] != " ":
            continue
        head, tail = text[:cut], text[cut + 1 :]
        sim = min(
            1.0 if head == first else _near_equal(first, head),
            1.0 if tail == second else _near_equal(second, tail),
        )
        best = max(best, sim)
    return best


def _near_equal(a: str, b: str) -> float:
    """How alike two sentences a typo fix apart are; 0 when they are not that alike."""
    if len(a) < MIN_ALIGN_LEN or len(b) < MIN_ALIGN_LEN:
        return 0.0
    budget = max(MIN_EDIT_BUDGET, EDIT_BUDGET * len(a))
    if abs(len(a) - len(b)) > budget:
        return 0.0
    sim = fuzz.ratio(a, b, score_cutoff=ALIGN_NEAR * 100) / 100
    if not sim or _DIGITS.findall(a) != _DIGITS.findall(b):
        return 0.0
    if (1 - sim) * (len(a) + len(b)) > budget:
        return 0.0
    return sim


def _edit_budget_ok(quote: str, cand: _Candidate) -> bool:
    """Typo fixes change a few characters; a short sentence that differs by a whole word
    ("List of <img>" / "List of <figure>") is another sentence."""
    if cand.quote_sim >= 1.0:
        return True
    length = len(fold(quote))
    # Indel distance recovered from the normalised similarity of two similar lengths.
    distance = (1 - cand.quote_sim) * (length + (cand.end - cand.start))
    return distance <= max(MIN_EDIT_BUDGET, EDIT_BUDGET * length)


def _fold_context(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_FOLD))


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100


def _orphan(anchor: Anchor) -> Placement:
    return Placement(
        None, anchor.quote, anchor.prefix, anchor.suffix, anchor.position, Method.ORPHAN, 0.0
    )


def sentence_spans(article: Article) -> Sequence[tuple[int, int]]:
    """Each sentence's `[start, end)` in `article.text`."""
    index = _Index(article)
    return list(zip(index.starts, index.ends, strict=True))
