"""How well do notes survive edits to their article?  `uv run python bench/anchoring.py`

Takes the dev corpus pages (`../shared/corpus/extraction/readability-dev/*/source.html`,
relative to the repo root), puts notes on 20 random sentences of each (fixed seed),
applies one kind of realistic edit at a time (and all of them at once), re-splits the
edited blocks with `segment` and re-anchors the notes twice: from the anchors alone, and
with the original article passed as `old` (what the library does on re-import), so the
table shows what aligning the two versions buys.

Ground truth comes from tracking every original sentence's span through the edits
themselves, never from the anchoring code: an edit rewrites a block's text and shifts the
tracked spans after it; deleting a paragraph or rewriting a sentence marks its sentences
as gone. After the edits, a surviving sentence's new index is the new sentence that
overlaps most of its tracked span.

A note is *correct* when it lands on that sentence, or when its sentence is gone and it
became an orphan; *orphaned* when its sentence still exists but it was not placed; *wrong*
when it was placed anywhere else (including anywhere at all for a gone sentence).

Spans (`--spans`, also run by default after the sentence tables): the same 20 places per
article, each note on a few words inside the sentence, on the sentence and the next, or
from the middle of one to the middle of the next, placed with `spans.place_spans`. The
span's own characters are tracked through the edits like sentences are; it is gone when
its paragraph is deleted or a sentence it touches is rewritten. *Right* means exactly the
tracked words; *edges off* overlaps them with other ends; *wrong* is anywhere else.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.anchoring import Anchor, fold, make_anchor, reanchor_all  # noqa: E402
from reader.core.ingest import ImportFailed, article_from_html  # noqa: E402
from reader.core.ingest.decode import decode_html  # noqa: E402
from reader.core.model import Article, Block, BlockKind, block_offsets  # noqa: E402
from reader.core.sentences import segment  # noqa: E402
from reader.core.spans import Span, SpanAnchor, anchor_texts, place_spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction" / "readability-dev"
NOTES_PER_ARTICLE = 20
SEED = 20260302
_WORD = re.compile(r"[A-Za-z]{4,}")
SPAN_KEY = 1_000_000  # tracked spans share the sentence table under keys from here on


@dataclass
class Doc:
    """Blocks being edited, with every original sentence's span tracked through the edits."""

    blocks: list[Block]
    spans: list[dict[int, list[int]]]  # per block: original sentence index -> [start, end]
    gone: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, article: Article) -> Doc:
        spans: list[dict[int, list[int]]] = [{} for _ in article.blocks]
        for s in article.sentences:
            spans[s.block][s.index] = [s.start, s.end]
        return cls(list(article.blocks), spans)

    def replace_text(self, b: int, start: int, end: int, new: str) -> None:
        text = self.blocks[b].text
        self.blocks[b] = replace(self.blocks[b], text=text[:start] + new + text[end:], marks=())
        delta = len(new) - (end - start)
        for span in self.spans[b].values():
            if span[0] >= end:
                span[0] += delta
                span[1] += delta
            elif span[0] <= start and span[1] >= end:
                span[1] += delta

    def sentence_span(self, i: int) -> tuple[int, int, int] | None:
        for b, spans in enumerate(self.spans):
            if i in spans:
                return b, spans[i][0], spans[i][1]
        return None

    def rewrite_sentence(self, i: int, new: str) -> None:
        found = self.sentence_span(i)
        if found is None:
            return
        b, start, end = found
        del self.spans[b][i]
        self.gone.add(i)
        for k, (s, e) in list(self.spans[b].items()):
            if k >= SPAN_KEY and s < end and e > start:  # a noted span touching it
                del self.spans[b][k]
                self.gone.add(k)
        self.replace_text(b, start, end, new)

    def insert_block(self, at: int, block: Block) -> None:
        self.blocks.insert(at, block)
        self.spans.insert(at, {})

    def delete_block(self, b: int) -> None:
        self.gone.update(self.spans[b])
        del self.blocks[b]
        del self.spans[b]

    def merge_blocks(self, b: int) -> None:
        """Join block b+1 onto block b, as a different extractor might."""
        first, second = self.blocks[b], self.blocks[b + 1]
        shift = len(first.text) + 1
        self.blocks[b] = replace(first, text=f"{first.text} {second.text}", marks=())
        for i, (s, e) in self.spans[b + 1].items():
            self.spans[b][i] = [s + shift, e + shift]
        del self.blocks[b + 1]
        del self.spans[b + 1]


# -- edits -------------------------------------------------------------------------------


def _sentences_of(doc: Doc) -> list[int]:
    return sorted(i for spans in doc.spans for i in spans if i < SPAN_KEY)


def _vocabulary(doc: Doc) -> list[str]:
    words = [w.lower() for b in doc.blocks for w in _WORD.findall(b.text)]
    return words or ["lorem", "ipsum", "dolor", "amet"]


def _made_up_sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    words = [rng.choice(vocab) for _ in range(max(n, 4))]
    return " ".join(words).capitalize() + "."


def fix_typos(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """One-character corrections in half the noted sentences and a tenth of the others."""
    chosen = {i for i in noted if rng.random() < 0.5}
    chosen |= {i for i in _sentences_of(doc) if rng.random() < 0.1}
    for i in sorted(chosen):
        found = doc.sentence_span(i)
        if found is None:
            continue
        b, start, end = found
        text = doc.blocks[b].text
        words = [m for m in _WORD.finditer(text, start, end) if start < m.start() and m.end() < end]
        if not words:
            continue
        w = rng.choice(words)
        k = rng.randrange(w.start() + 1, w.end() - 1)
        match rng.randrange(4):
            case 0:  # transposed letters
                doc.replace_text(b, k, k + 2, text[k + 1] + text[k])
            case 1:  # a letter too many
                doc.replace_text(b, k, k + 1, "")
            case 2:  # a letter missing
                doc.replace_text(b, k, k, text[k])
            case _:  # a wrong letter
                doc.replace_text(b, k, k + 1, "e" if text[k] != "e" else "a")


def insert_paragraphs(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    vocab = _vocabulary(doc)
    for _ in range(3):
        text = " ".join(_made_up_sentence(rng, vocab, rng.randint(6, 20)) for _ in range(3))
        doc.insert_block(rng.randint(0, len(doc.blocks)), Block(BlockKind.PARAGRAPH, text))


def delete_paragraphs(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """Deletes a paragraph holding a noted sentence, and two others."""
    victim = doc.sentence_span(rng.choice(noted))
    if victim is not None:
        doc.delete_block(victim[0])
    for _ in range(2):
        if len(doc.blocks) > 1:
            doc.delete_block(rng.randrange(len(doc.blocks)))


def rewrite_sentences(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """Rewrites two noted sentences and two others: same opening words, new claim."""
    vocab = _vocabulary(doc)
    targets = rng.sample(noted, min(2, len(noted))) + rng.sample(
        _sentences_of(doc), min(2, len(_sentences_of(doc)))
    )
    for i in targets:
        found = doc.sentence_span(i)
        if found is None:
            continue
        b, start, end = found
        old = doc.blocks[b].text[start:end]
        words = old.split()
        # Keep the opening (at most two words, or a few characters of unspaced scripts).
        kept = words[: min(2, len(words) // 2)] if len(words) >= 4 else [old[: len(old) // 5]]
        new = " ".join(kept + [rng.choice(vocab) for _ in range(max(len(words) - 2, 4))])
        doc.rewrite_sentence(i, new.rstrip(".!?") + ".")


def curly_quotes(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """Straight quotes become typographic ones, as a CMS or a newer extractor does."""
    for b, block in enumerate(doc.blocks):
        chars = list(block.text)
        double_open = True
        for k, c in enumerate(chars):
            if c == "'":
                chars[k] = "‘" if k == 0 or chars[k - 1].isspace() else "’"
            elif c == '"':
                chars[k] = "“" if double_open else "”"
                double_open = not double_open
        # Same length: tracked spans stay valid.
        doc.blocks[b] = replace(block, text="".join(chars))


def change_whitespace(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """Doubled spaces, non-breaking spaces and stray tabs, as re-extraction produces."""
    for b, block in enumerate(doc.blocks):
        spaces = [m.start() for m in re.finditer(" ", block.text)]
        for k in reversed(spaces):
            r = rng.random()
            if r < 0.05:
                doc.replace_text(b, k, k + 1, "  ")
            elif r < 0.08:
                doc.replace_text(b, k, k + 1, "\u00a0")
            elif r < 0.09:
                doc.replace_text(b, k, k + 1, " \t")


def merge_paragraphs(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    """A different extractor joins three pairs of paragraphs."""
    for _ in range(3):
        if len(doc.blocks) > 2:
            doc.merge_blocks(rng.randrange(len(doc.blocks) - 1))


def everything(doc: Doc, rng: random.Random, noted: list[int]) -> None:
    for edit in (
        fix_typos,
        rewrite_sentences,
        delete_paragraphs,
        insert_paragraphs,
        merge_paragraphs,
        curly_quotes,
        change_whitespace,
    ):
        edit(doc, rng, noted)


EDITS: dict[str, Callable[[Doc, random.Random, list[int]], None]] = {
    "typo fixes": fix_typos,
    "inserted paragraphs": insert_paragraphs,
    "deleted paragraphs": delete_paragraphs,
    "rewritten sentences": rewrite_sentences,
    "curly quotes": curly_quotes,
    "whitespace": change_whitespace,
    "merged paragraphs": merge_paragraphs,
    "all at once": everything,
}


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Tally:
    notes: int = 0
    existing: int = 0
    correct: int = 0
    orphaned: int = 0  # sentence still exists, note not placed
    wrong: int = 0
    copies: int = 0  # placed on a verbatim copy with the same 32-character context
    gone_orphaned: int = 0  # sentence gone, note rightly orphaned
    unique: int = 0  # existing notes whose sentence occurs once in the original article
    unique_correct: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "notes",
            "existing",
            "correct",
            "orphaned",
            "wrong",
            "copies",
            "gone_orphaned",
            "unique",
            "unique_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.failures += other.failures


def expected_sentence(doc: Doc, new: Article, i: int) -> int | None:
    found = doc.sentence_span(i)
    if found is None:
        return None
    b, start, end = found
    best, overlap = None, 0
    for s in new.sentences:
        if s.block == b:
            o = min(end, s.end) - max(start, s.start)
            if o > overlap:
                best, overlap = s.index, o
    return best


def run_one(
    name: str, article: Article, kind: str, seed: int = SEED, aligned: bool = False
) -> Tally:
    rng = random.Random(f"{seed}:{name}:{kind}")
    noted = sorted(
        random.Random(f"{seed}:{name}").sample(
            range(len(article.sentences)), min(NOTES_PER_ARTICLE, len(article.sentences))
        )
    )
    anchors = [make_anchor(article, i) for i in noted]
    doc = Doc.of(article)
    EDITS[kind](doc, rng, noted)
    blocks = tuple(doc.blocks)
    new = replace(article, blocks=blocks, sentences=segment(blocks))
    began = time.perf_counter()
    placements = reanchor_all(anchors, new, old=article if aligned else None)
    tally = Tally(seconds=time.perf_counter() - began)
    origins = _origins(doc, new)
    counts = Counter(fold(s.text) for s in article.sentences)
    for i, anchor, placed in zip(noted, anchors, placements, strict=True):
        tally.notes += 1
        want = expected_sentence(doc, new, i)
        if want is None:
            if placed.sentence is None:
                tally.gone_orphaned += 1
            elif _copy_of(article, i, origins.get(placed.sentence)):
                tally.copies += 1
            else:
                tally.wrong += 1
                tally.failures.append(f"{name}/{kind}: gone {anchor.quote[:60]!r} -> {placed}")
            continue
        tally.existing += 1
        unique = counts[fold(anchor.quote)] == 1
        tally.unique += unique
        if placed.sentence == want:
            tally.correct += 1
            tally.unique_correct += unique
        elif placed.sentence is None:
            tally.orphaned += 1
            tally.failures.append(
                f"{name}/{kind}: orphaned{'' if unique else ' (repeated)'} {anchor.quote[:60]!r}"
            )
        elif _copy_of(article, i, origins.get(placed.sentence)):
            tally.copies += 1
        else:
            tally.wrong += 1
            tally.failures.append(
                f"{name}/{kind}: wrong {anchor.quote[:60]!r} -> "
                f"{new.sentences[placed.sentence].text[:60]!r} ({placed.method})"
            )
    return tally


def _origins(doc: Doc, new: Article) -> dict[int, int]:
    """For each new sentence, the original sentence it mostly comes from (if any)."""
    found: dict[int, tuple[int, int]] = {}
    for s in new.sentences:
        for i, (start, end) in doc.spans[s.block].items():
            if i >= SPAN_KEY:
                continue
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > found.get(s.index, (0, -1))[1]:
                found[s.index] = (i, overlap)
    return {k: v[0] for k, v in found.items()}


def _copy_of(article: Article, noted: int, origin: int | None) -> bool:
    """The note landed on a copy of its sentence: another sentence with the same words.

    Repeated paragraphs (common in the synthetic pages of this corpus) and repeated
    boilerplate lines make copies that the stored quote and 32 characters of context often
    cannot tell apart once the noted copy is edited away or its neighbours change. The note
    then sits on the same words elsewhere (perhaps edited too): not the same sentence, so
    not counted correct, but not a different claim either. Counted apart from `wrong` so
    both stay visible.
    """
    if origin is None:
        return False
    return fold(article.sentences[origin].text) == fold(article.sentences[noted].text)


@dataclass
class SpanTally:
    notes: int = 0
    existing: int = 0
    right: int = 0
    edges: int = 0  # overlaps the tracked words, other ends
    orphaned: int = 0
    wrong: int = 0
    copies: int = 0
    gone_orphaned: int = 0
    changed: int = 0  # placed on words that differ from the note's (flagged for review)
    failures: list[str] = field(default_factory=list)

    def add(self, other: SpanTally) -> None:
        for name in vars(self):
            if name != "failures":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures


def _choose_span(article: Article, i: int, rng: random.Random) -> tuple[int, int, int] | None:
    """(block, start, end) of a span around sentence i, in block offsets."""
    s = article.sentences[i]
    nxt = article.sentences[i + 1] if i + 1 < len(article.sentences) else None
    same_block = nxt is not None and nxt.block == s.block
    kind = rng.choice(("words", "words", "run", "across") if same_block else ("words",))
    text = article.blocks[s.block].text
    words = [m.span() for m in re.finditer(r"\S+", text[s.start : s.end])]
    if kind == "run" and nxt is not None:
        return s.block, s.start, nxt.end
    if kind == "across" and nxt is not None:
        later = [m.span() for m in re.finditer(r"\S+", text[nxt.start : nxt.end])]
        a = words[len(words) // 2][0] + s.start
        b = later[max(len(later) // 2 - 1, 0)][1] + nxt.start
        return s.block, a, b
    if len(words) < 4:
        return s.block, s.start, s.end
    n = rng.randint(2, min(5, len(words) - 1))
    k = rng.randrange(0, len(words) - n + 1)
    return s.block, s.start + words[k][0], s.start + words[k + n - 1][1]


def run_spans(name: str, article: Article, kind: str, seed: int, aligned: bool) -> SpanTally:
    rng = random.Random(f"{seed}:{name}:{kind}")
    picker = random.Random(f"{seed}:{name}:spans")
    noted = sorted(
        random.Random(f"{seed}:{name}").sample(
            range(len(article.sentences)), min(NOTES_PER_ARTICLE, len(article.sentences))
        )
    )
    bases = block_offsets(article.blocks)
    doc = Doc.of(article)
    anchors = []
    keys = []
    for n, i in enumerate(noted):
        b, start, end = _choose_span(article, i, picker)
        base = bases[b] or 0
        last = article.sentences[i].index
        while (
            last + 1 < len(article.sentences)
            and article.sentences[last + 1].block == b
            and (article.sentences[last + 1].start < end)
        ):
            last += 1
        span = Span(base + start, base + end, i, last)
        quote, prefix, suffix = anchor_texts(article.text, span)
        anchors.append(SpanAnchor(Anchor(quote, prefix, suffix, span.start, i), last))
        doc.spans[b][SPAN_KEY + n] = [start, end]
        keys.append(SPAN_KEY + n)
    EDITS[kind](doc, rng, noted)
    blocks = tuple(doc.blocks)
    new = replace(article, blocks=blocks, sentences=segment(blocks))
    placements = place_spans(anchors, new, old=article if aligned else None)
    new_bases = block_offsets(new.blocks)
    origins = _origins(doc, new)
    tally = SpanTally()
    for i, key, anchor, placed in zip(noted, keys, anchors, placements, strict=True):
        tally.notes += 1
        found = doc.sentence_span(key)
        got = None if placed.span is None else (placed.span.start, placed.span.end)
        # A copy, as for sentences: the same words with the same context (or on a
        # sentence that is a verbatim copy of the noted one).
        copy = got is not None and (
            _copy_of(article, i, origins.get(placed.span.first))
            or (
                fold(placed.quote) == fold(anchor.anchor.quote)
                and fold(placed.prefix) == fold(anchor.anchor.prefix)
                and fold(placed.suffix) == fold(anchor.anchor.suffix)
            )
        )
        if got is not None:
            tally.changed += fold(placed.quote) != fold(anchor.anchor.quote)
        if found is None:
            if got is None:
                tally.gone_orphaned += 1
            elif copy:
                tally.copies += 1
            else:
                tally.wrong += 1
                tally.failures.append(
                    f"{name}/{kind}: gone span {anchor.anchor.quote[:50]!r} -> "
                    f"{placed.quote[:50]!r}"
                )
            continue
        tally.existing += 1
        b, start, end = found
        base = new_bases[b] or 0
        text = new.text
        want = (base + start, base + end)
        while want[0] < want[1] and text[want[0]].isspace():
            want = (want[0] + 1, want[1])
        while want[1] > want[0] and text[want[1] - 1].isspace():
            want = (want[0], want[1] - 1)
        if got == want:
            tally.right += 1
        elif got is None:
            tally.orphaned += 1
            tally.failures.append(f"{name}/{kind}: orphaned span {anchor.anchor.quote[:60]!r}")
        elif got[0] < want[1] and want[0] < got[1]:
            tally.edges += 1
            tally.failures.append(
                f"{name}/{kind}: edges {text[want[0] : want[1]][:50]!r} -> {placed.quote[:50]!r}"
            )
        elif copy:
            tally.copies += 1
        else:
            tally.wrong += 1
            tally.failures.append(
                f"{name}/{kind}: wrong span {anchor.anchor.quote[:50]!r} -> {placed.quote[:50]!r}"
            )
    return tally


def _span_row(kind: str, t: SpanTally) -> None:
    pct = 100 * t.right / t.existing if t.existing else 100.0
    print(
        f"{kind:<20} {t.notes:>6} {t.existing:>6} {t.right:>6} {t.edges:>6} {t.orphaned:>9} "
        f"{t.wrong:>6} {t.copies:>5} {t.gone_orphaned:>12} {t.changed:>8} {pct:>8.1f}%"
    )


def span_tables(articles: dict[str, Article], seed: int, verbose: bool) -> None:
    header = (
        f"{'edit':<20} {'notes':>6} {'exist':>6} {'right':>6} {'edges':>6} {'orphaned':>9} "
        f"{'wrong':>6} {'copy':>5} {'gone→orphan':>12} {'changed':>8} {'right %':>9}"
    )
    for aligned in (False, True):
        title = "with the old article (alignment)" if aligned else "quote only (W3C import)"
        print(f"\nspans, {title}\n{header}")
        print("-" * len(header))
        total = SpanTally()
        for kind in EDITS:
            tally = SpanTally()
            for name, article in articles.items():
                tally.add(run_spans(name, article, kind, seed, aligned))
            total.add(tally)
            _span_row(kind, tally)
        print("-" * len(header))
        _span_row("total", total)
        if verbose:
            print("\n".join(["", *total.failures]))


def load_corpus() -> dict[str, Article]:
    if not CORPUS.is_dir():
        sys.exit(
            f"corpus not found: {CORPUS}\n"
            "bench/anchoring.py needs ../shared (beside the repo root) with "
            "corpus/extraction/readability-dev/"
        )
    articles = {}
    for page in sorted(CORPUS.glob("*/source.html")):
        try:
            article = article_from_html(decode_html(page.read_bytes()))
        except ImportFailed:
            continue  # pages the extractor rejects have nothing to annotate
        if article.sentences:
            articles[page.parent.name] = article
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--spans", action="store_true", help="only the span tables")
    args = parser.parse_args()
    articles = load_corpus()
    if args.spans:
        span_tables(articles, args.seed, args.verbose)
        return
    header = (
        f"{'edit':<20} {'notes':>6} {'exist':>6} {'correct':>8} {'orphaned':>9} "
        f"{'wrong':>6} {'copy':>5} {'gone→orphan':>12} {'correct %':>10} {'unique %':>9} "
        f"{'µs/note':>8}"
    )
    print(f"{len(articles)} articles, {NOTES_PER_ARTICLE} notes each (seed {args.seed})")
    for aligned in (False, True):
        title = "with the old article (alignment)" if aligned else "anchors only (no old article)"
        print(f"\n{title}\n{header}")
        print("-" * len(header))
        total = Tally()
        for kind in EDITS:
            tally = Tally()
            for name, article in articles.items():
                tally.add(run_one(name, article, kind, args.seed, aligned))
            total.add(tally)
            _row(kind, tally)
        print("-" * len(header))
        _row("total", total)
        if args.verbose:
            print("\n".join(["", *total.failures]))
    span_tables(articles, args.seed, args.verbose)


def _row(kind: str, t: Tally) -> None:
    pct = 100 * t.correct / t.existing if t.existing else 100.0
    per_note = 1e6 * t.seconds / t.notes if t.notes else 0.0
    upct = 100 * t.unique_correct / t.unique if t.unique else 100.0
    print(
        f"{kind:<20} {t.notes:>6} {t.existing:>6} {t.correct:>8} {t.orphaned:>9} "
        f"{t.wrong:>6} {t.copies:>5} {t.gone_orphaned:>12} {pct:>9.1f}% {upct:>8.1f}% "
        f"{per_note:>8.0f}"
    )


if __name__ == "__main__":
    main()
