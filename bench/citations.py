"""How fast are library citations in a big library?  `uv run python bench/citations.py`

Uses the library of `bench/library.py` (10,000 synthetic articles, 100,000 notes; built
once and cached) on a scratch copy, then times:

- the Cite from Library picker's search (`citations.candidates`, run off the GUI thread)
  over queries of one to three words: median and p95;
- adding a note with a citation (`Library.add_note`, the citation stored and checked in
  the same transaction) and reading it back (`Library.note`);
- reading an article's notes (`Library.notes`) with and without citations among them;
- re-importing a cited article (its text changed, its citations re-anchored in the
  same transaction as its notes).

Options: `--articles N --notes-per-article K`, `--rounds R`.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from library import cached_library, percentile  # noqa: E402

from reader.core.citations import candidates, cite  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.core.model import Block, BlockKind, Verdict  # noqa: E402
from reader.core.sentences import segment  # noqa: E402

QUERIES = ["inflation", "council budget", "minister report evidence", "hospital", "railway"]


def timed(fn, rounds: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), percentile(times, 95), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--notes-per-article", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    source, _ = cached_library(args.articles, args.notes_per_article)
    scratch = Path(tempfile.mkdtemp(prefix="gloss-bench-citations-"))
    path = scratch / "library.db"
    shutil.copy(source, path)
    rows: list[tuple[str, str, str]] = []
    rng = random.Random(15)
    with Library(path) as lib:
        ids = lib.article_ids()
        for query in QUERIES:
            lib.search(query)  # warm the page cache
            median, p95, found = timed(lambda q=query: candidates(lib, q), args.rounds)
            rows.append((f"picker search {query!r}", f"{median:.1f} / {p95:.1f}", str(len(found))))
        citing, cited = rng.sample(ids, 2)
        source_ = cite(lib, cited, 1)
        adds = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            note = lib.add_note(citing, 0, "Bench.", Verdict.FALSE, [source_])
            adds.append((time.perf_counter() - t0) * 1000)
        rows.append(("add_note with a citation", f"{statistics.median(adds):.1f}", ""))
        median, p95, _ = timed(lambda: lib.note(note.uuid), args.rounds * 5)
        rows.append(("note() with a citation", f"{median:.2f} / {p95:.2f}", ""))
        plain = next(i for i in ids if i not in (citing, cited))
        median, p95, _ = timed(lambda: lib.notes(plain), args.rounds * 5)
        rows.append(("notes() of an article, no citations", f"{median:.2f} / {p95:.2f}", ""))
        median, p95, _ = timed(lambda: lib.notes(citing), args.rounds * 5)
        count = len(lib.notes(citing))
        rows.append(
            (f"notes() of an article, {args.rounds} cite", f"{median:.2f} / {p95:.2f}", str(count))
        )
        article = lib.article(cited)
        extra = Block(BlockKind.PARAGRAPH, "Correction: an earlier version misstated a figure.")
        blocks = (extra, *article.blocks)
        changed = replace(article, blocks=blocks, sentences=segment(blocks))
        t0 = time.perf_counter()
        lib.replace_text(cited, changed)
        rows.append(
            ("re-import of the cited article", f"{(time.perf_counter() - t0) * 1000:.1f}", "")
        )
        placed = lib.note(note.uuid).sources[0].citation
        assert placed is not None and placed.sentence == 2, placed
    shutil.rmtree(scratch, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'median / p95 ms':>16}  found")
    for what, ms, found in rows:
        print(f"{what:<{width}}  {ms:>16}  {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
