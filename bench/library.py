"""How fast are search and opening an article in a big library?  `uv run python bench/library.py`

Builds (once; cached in the temp dir under a version key) a library of 10,000 synthetic
articles with 100,000 notes, then times:

- `Library.search` over a fixed set of queries (common and rare words, several words,
  prefixes, phrases, verdict and tag filters), each run several times: median and p95;
- opening an article as the window does: `Library.article(id)` + `marks(id)` +
  `notes(id)` on random articles: median and p95;
- the same claim elsewhere: `Library.related(id)` on random articles (median, p95 and
  how many matches they found), and on articles that hold a repeated claim; and the
  rewrite of an article's keys that every note write does.

About one sentence in twelve is a claim drawn (Zipf-like, so some repeat often) from a
pool of claims with figures, copied as it is, with other quote marks and dashes, with a
word added, or with another figure (a near miss that must not match); notes go to such
sentences half of the time, so the look-up finds real matches, not only misses.

The text is made of English function words and a long tail of made-up words drawn with
Zipf-like frequencies, cut into sentences and paragraphs, so the FTS index has a
realistic shape. The build uses the real schema (a `Library` creates the file), then
bulk-inserts with `executemany` in one transaction with the FTS triggers dropped, and
rebuilds the FTS indexes (words and trigrams) once at the end before putting the triggers back.

Options: `--articles N --notes-per-article K` for another size, `--rebuild` to ignore the
cache, `--rounds R` repetitions of the query set.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core import related_index  # noqa: E402
from reader.core.anchoring import CONTEXT_CHARS  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.core.schema import fill_trigram_index  # noqa: E402
from reader.core.sentences import SPLITTER_VERSION  # noqa: E402

BENCH_VERSION = "7"
SEED = 20261129


CJK_EVERY = 25
CJK_SENTENCES = [
    "今年的电费比去年高了很多。",
    "市议会讨论了新的预算。",
    "楓樹林の道を歩いた。",
    "イヌが公園で走っていた。",
    "研究者は新しいデータを発表した。",
    "医院的病人数量在增加。",
]


def _words(spec: str) -> list[str]:
    return spec.split()


VERDICTS = ["false", "misleading", "mostly true", "true", "unverified", "opinion", "none"]
TAGS = ["economy", "health", "climate", "transport", "local", "politics", "science", "sport"]
FUNCTION_WORDS = _words(
    "the of and to a in that is was he for it with as his on be at by had are but from or "
    "have an they which one you were all we her she there would their will when who him "
    "been has more if no out so said what up its about than into them can only other new "
    "some could time these two may then do first any my now such like our over man me even "
    "most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three"
)
TOPIC_WORDS = _words(
    "council bridge budget minister election hospital vaccine inflation unemployment "
    "climate emissions transport railway police court school university report survey "
    "study scientists researchers government parliament president company market prices "
    "energy housing water river city village farmers workers union strike tax spending "
    "deficit growth economy health doctors patients data figures percent million billion "
    "statement spokesperson officials agency commission investigation evidence claim"
)
QUERIES = [
    ("common word", "the", {}),
    ("topic word", "inflation", {}),
    ("two words", "council budget", {}),
    ("three words", "minister report evidence", {}),
    ("prefix", "unemploy", {}),
    ("common word, prefix", "the counc", {}),
    ("phrase", '"the council"', {}),
    ("rare word", None, {}),  # filled with a tail word at run time
    ("verdict filter", "hospital", {"verdict": "false"}),
    ("tag filter", "railway", {"tag": "transport"}),
    ("hostile", 'NEAR( "*" AND -', {}),
    ("title-like pair", "council report", {}),
    ("name (as typed)", "Council", {}),
    # Worst case of the check of names against the text: its stem ("council") is in
    # thousands of rows, the name as typed in none, so every one of them is read.
    ("name, common stem, absent", "Councils", {}),
    ("CJK word, trigram", "楓樹林", {}),
    ("CJK word, 2 chars", "电费", {}),
    ("CJK, 1 character", "费", {}),
]


def made_up_words(rng: random.Random, n: int) -> list[str]:
    onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
    codas = ["", "n", "r", "s", "t", "l", "nd", "st", "ck"]
    words: set[str] = set()
    while len(words) < n:
        words.add(
            "".join(
                rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                for _ in range(rng.randint(1, 3))
            )
        )
    return sorted(words)


class TextMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tail = made_up_words(rng, 6000)
        self.vocab = FUNCTION_WORDS + TOPIC_WORDS + self.tail
        # Zipf-like: weight 1/rank.
        weights = [1.0 / (i + 1) for i in range(len(self.vocab))]
        total = 0.0
        self.cum: list[float] = []
        for w in weights:
            total += w
            self.cum.append(total)

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def sentence(self) -> str:
        words = self.words(self.rng.randint(6, 24))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."


CLAIM_EVERY = 12
CLAIM_POOL = 3000
SCALES = ["million", "billion", "thousand"]


class ClaimMaker:
    """Claims with figures that several articles repeat, as news does, with the variants
    a copy picks up on the way (quote marks, dashes, an added word) and near misses (the
    same words with another figure)."""

    def __init__(self, rng: random.Random, maker: TextMaker) -> None:
        self.rng = rng
        self.maker = maker
        self.pool = [self._claim() for _ in range(CLAIM_POOL)]
        self.cum: list[float] = []
        total = 0.0
        for i in range(CLAIM_POOL):
            total += 1.0 / (i + 1) ** 0.6
            self.cum.append(total)

    def _claim(self) -> tuple[list[str], str, str]:
        words = [w for w in self.maker.words(40) if w not in FUNCTION_WORDS][:12]
        amount = f"${self.rng.randint(2, 950)} {self.rng.choice(SCALES)}"
        year = str(self.rng.randint(1990, 2026))
        return words, amount, year

    def sentence(self) -> str:
        words, amount, year = self.rng.choices(self.pool, cum_weights=self.cum)[0]
        words = list(words)
        variant = self.rng.random()
        if variant < 0.15:
            number, scale = amount.split()
            amount = f"{number} {'million' if scale != 'million' else 'billion'}"
        elif variant < 0.35:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(TOPIC_WORDS))
        half = len(words) // 2
        head, tail = " ".join(words[:half]), " ".join(words[half:])
        if variant > 0.7:
            return f"{head.capitalize()} \u201c{amount}\u201d \u2014 {tail} in {year}."
        return f'{head.capitalize()} "{amount}" - {tail} in {year}.'


def build(path: Path, articles: int, notes_per_article: int) -> None:
    rng = random.Random(SEED)
    maker = TextMaker(rng)
    claims = ClaimMaker(rng, maker)
    Library(path).close()  # the real schema
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_a_' "
        "ESCAPE '\\'"
    ).fetchall()
    stamp = "2026-03-01T10:00:00Z"
    with conn:
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        article_rows, sentence_rows, note_rows, tag_rows = [], [], [], []
        note_id = 0
        for a in range(1, articles + 1):
            title = " ".join(maker.words(rng.randint(4, 9))).capitalize()
            blocks, sentences = [], []
            for b in range(rng.randint(6, 12)):
                parts = [
                    claims.sentence() if rng.randrange(CLAIM_EVERY) == 0 else maker.sentence()
                    for _ in range(rng.randint(1, 4))
                ]
                start = 0
                for s in parts:
                    sentences.append((a, len(sentences), b, start, start + len(s), s))
                    start += len(s) + 1
                blocks.append({"kind": "paragraph", "text": " ".join(parts)})
            if a % CJK_EVERY == 0:
                # Some articles in Chinese and Japanese: the trigram index's share.
                parts = [rng.choice(CJK_SENTENCES) for _ in range(rng.randint(2, 5))]
                start = 0
                for s in parts:
                    sentences.append((a, len(sentences), len(blocks), start, start + len(s), s))
                    start += len(s)
                blocks.append({"kind": "paragraph", "text": "".join(parts)})
            text = "\n\n".join(b["text"] for b in blocks)
            article_rows.append(
                (
                    a,
                    str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    f"https://news{a % 50}.example/story/{a}",
                    title,
                    "A. Writer",
                    f"news{a % 50}.example",
                    "2026-02-01",
                    "en",
                    f"hash-{a}",
                    stamp,
                    stamp,
                    SPLITTER_VERSION,
                    json.dumps(blocks),
                    text,
                )
            )
            offsets = _sentence_offsets(blocks, sentences)
            sentence_rows += [(*row, off) for row, off in zip(sentences, offsets, strict=True)]
            claim_sentences = [s[1] for s in sentences if '"' in s[5] or "\u201c" in s[5]]
            for _ in range(notes_per_article):
                note_id += 1
                if claim_sentences and rng.random() < 0.5:
                    i = rng.choice(claim_sentences)
                else:
                    i = rng.randrange(len(sentences))
                quote = sentences[i][5]
                pos = offsets[i]
                note_rows.append(
                    (
                        note_id,
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        a,
                        i,
                        quote,
                        text[max(pos - CONTEXT_CHARS, 0) : pos],
                        text[pos + len(quote) : pos + len(quote) + CONTEXT_CHARS],
                        pos,
                        " ".join(maker.words(rng.randint(5, 40))).capitalize() + ".",
                        rng.choice(VERDICTS),
                        json.dumps(rng.sample(TAGS, rng.randint(0, 2))),
                        stamp,
                        stamp,
                    )
                )
            if a % 5 == 0:
                tag_rows.append((a, rng.choice(TAGS)))
        conn.executemany(
            """INSERT INTO articles (id, uuid, url, title, byline, site, published, lang,
                   content_hash, imported_at, updated_at, splitter_version, doc, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            article_rows,
        )
        conn.executemany(
            'INSERT INTO sentences (article_id, idx, block, start, "end", text, text_start) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            sentence_rows,
        )
        conn.executemany(
            """INSERT INTO notes (id, uuid, article_id, sentence, quote, prefix, suffix,
                   position, body, verdict, tags, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            note_rows,
        )
        conn.executemany("INSERT INTO article_tags (article_id, tag) VALUES (?, ?)", tag_rows)
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
        fill_trigram_index(conn)
        for _, sql in triggers:
            conn.execute(sql)
        related_index.fill(conn)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO articles_tri (articles_tri) VALUES ('optimize')")
    conn.execute("INSERT INTO notes_tri (notes_tri) VALUES ('optimize')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()


def _sentence_offsets(blocks: list[dict], sentences: list[tuple]) -> list[int]:
    starts, pos = [], 0
    for b in blocks:
        starts.append(pos)
        pos += len(b["text"]) + 2
    return [starts[s[2]] + s[3] for s in sentences]


def index_sizes(path: Path) -> dict[str, float]:
    """MB on disk of the word index and of the trigram index (all their shadow tables)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        conn.close()
    return {
        kind: sum(size for name, size in rows if f"_{kind}" in name) / 1e6
        for kind in ("fts", "tri", "keys")
    }


def related_rows(
    lib: Library, ids: list[int], rng: random.Random
) -> list[tuple[str, str, str, str, str]]:
    """`Library.related` on the random articles, then on articles holding a claim that
    is noted elsewhere (the look-up that finds something, which costs the most)."""
    with_claims = [
        int(r[0])
        for r in lib.db.execute(
            "SELECT DISTINCT s.article_id FROM sentences s WHERE s.text LIKE '%\u201c%' "
            "OR s.text LIKE '%\"%'"
        )
    ]
    out = []
    for label, sample in (
        ("random", ids),
        ("with a repeated claim", rng.sample(with_claims, min(len(ids), len(with_claims)))),
    ):
        lib.related(sample[0])  # warm the page cache
        times, found = [], 0
        for article_id in sample:
            t0 = time.perf_counter()
            found += len(lib.related(article_id))
            times.append((time.perf_counter() - t0) * 1000)
        out.append(
            (
                "same claim elsewhere",
                f"related(id), {len(sample)} articles {label}",
                f"{statistics.median(times):.2f}",
                f"{percentile(times, 95):.2f}",
                f"{found} matches",
            )
        )
    # What a note's write adds: its article's keys rewritten (inside the write's
    # transaction; rolled back here so the cached library stays as built).
    conn = lib.db.conn
    times = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for article_id in ids:
            t0 = time.perf_counter()
            related_index.refresh(conn, [article_id])
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        conn.execute("ROLLBACK")
    out.append(
        (
            "same claim elsewhere",
            f"index refresh on a note write, {len(ids)} articles",
            f"{statistics.median(times):.2f}",
            f"{percentile(times, 95):.2f}",
            "",
        )
    )
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def cached_library(
    articles: int = 10_000, notes_per_article: int = 10, rebuild: bool = False
) -> tuple[Path, float | None]:
    """The bench library's path (built unless cached) and the build time if it was built.
    bench/open_article.py uses the same library."""
    key = f"v{BENCH_VERSION}-{articles}x{notes_per_article}-s{SPLITTER_VERSION}"
    folder = Path(tempfile.gettempdir()) / f"gloss-bench-library-{key}"
    path = folder / "library.db"
    build_s = None
    if rebuild or not path.exists():
        if folder.exists():
            for p in folder.iterdir():
                p.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "building.db"
        t0 = time.perf_counter()
        build(tmp, articles, notes_per_article)
        build_s = time.perf_counter() - t0
        tmp.rename(path)
    return path, build_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--notes-per-article", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--opens", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    path, build_s = cached_library(args.articles, args.notes_per_article, args.rebuild)

    rng = random.Random(SEED)
    rows: list[tuple[str, str, str, str, str]] = []
    with Library(path) as lib:
        n_articles = lib.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        n_notes = lib.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        rare = TextMaker(random.Random(SEED)).tail[-50]
        all_times: list[float] = []
        for label, query, filters in QUERIES:
            query = query or rare
            lib.search(query, **filters)  # warm the page cache
            times = []
            hits = 0
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                hits = len(lib.search(query, **filters))
                times.append((time.perf_counter() - t0) * 1000)
            all_times += times
            rows.append(
                (
                    f"search: {label}",
                    f"{query!s}" + (f" {filters}" if filters else ""),
                    f"{statistics.median(times):.1f}",
                    f"{percentile(times, 95):.1f}",
                    str(hits),
                )
            )
        rows.append(
            (
                "search: all queries",
                f"{len(QUERIES)} queries x {args.rounds}",
                f"{statistics.median(all_times):.1f}",
                f"{percentile(all_times, 95):.1f}",
                "",
            )
        )
        ids = [rng.randint(1, n_articles) for _ in range(args.opens)]
        open_times = []
        for article_id in ids:
            t0 = time.perf_counter()
            lib.article(article_id)
            lib.marks(article_id)
            lib.notes(article_id)
            open_times.append((time.perf_counter() - t0) * 1000)
        rows.append(
            (
                "open article",
                f"article + marks + notes, {len(ids)} random",
                f"{statistics.median(open_times):.2f}",
                f"{percentile(open_times, 95):.2f}",
                "",
            )
        )
        rows += related_rows(lib, ids, rng)
    size_mb = path.stat().st_size / 1e6
    built = f"built in {build_s:.1f} s" if build_s is not None else "cached"
    print(
        f"library: {n_articles:,} articles, {n_notes:,} notes, {size_mb:.0f} MB ({built}; {path})"
    )
    print("indexes: " + ", ".join(f"{k} {v:.1f} MB" for k, v in index_sizes(path).items()))
    header = ("what", "query", "median ms", "p95 ms", "hits")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
