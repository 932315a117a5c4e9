"""Score Gloss's extractor against trafilatura and readability-lxml in one run.

    uv run --group bench python bench/extraction.py [CORPUS ...] [--halves]

Without a corpus it scores the three development corpora: readability-dev, dragnet-dev and
l3s-dev. Body text is scored by `../shared/tools/score_extract.py` (token 4-gram shingles,
corpus F1 = harmonic mean of mean precision and mean recall), each extractor in-process in
a scorer process of its own, on the same pages, one extractor and corpus after the other.
Pages/s is pages per second of CPU time spent inside the extractor's calls during the
scorer's timed pass (title included): one thread on one core, comparable across extractors
and not skewed by other work on a shared machine, as wall time would be.

Dragnet's and L3S's expected text begins with the headline, so there each extractor is
scored on its own title, a blank line, then its text (what a reader shows); Readability's
expected text has no title, so there only the text is scored.

`--halves` also prints each corpus split in two by a hash of the page's folder name: the
"tune" half, the only one to look at while changing the extractor, and the "check" half,
which tells whether a change generalises. Pages in `suspect-dev-pages.txt` (damaged
sources, truncated expectations) are left out of both halves, not out of the full rows.

Metadata is scored here against each page's `expected-metadata.json`. A page counts for a
field only when its expected value is non-empty. The matching rule:
- normalising: Unicode NFKC, case folded, whitespace collapsed, surrounding quotes and
  punctuation dropped;
- title: equal after normalising, or equal to the expected title without its last
  " | Site" / " - Site" / " – Site" part: Gloss's spec strips that suffix while the
  Readability expectations keep it, so either form counts;
- byline: equal after normalising, with a leading "By"/"Par"/"Von"/"Por" dropped; the
  expected byline may go on after the name (Readability's often carry the date,
  "By Nathan Willis March 25, 2015"), so a name it starts with, word for word, counts;
- date: the date part (first 10 characters, YYYY-MM-DD) of both values is equal.
An extractor that does not offer a field is shown as "-".
"""

from __future__ import annotations

import argparse
import atexit
import functools
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extract.py"
CORPORA = SHARED / "corpus" / "extraction"
DEFAULT_CORPORA = [CORPORA / name for name in ("readability-dev", "dragnet-dev", "l3s-dev")]
SUSPECT = CORPORA / "suspect-dev-pages.txt"
# Corpora whose expected text starts with the headline: scored as title + blank line + text.
TITLED = frozenset(("dragnet-dev", "l3s-dev", "dragnet", "l3s"))
THIS = Path(__file__).resolve()

MetaReader = Callable[[bytes, str | None], dict[str, str | None]]
TextFunc = Callable[[bytes, str | None], str]

# Speed is CPU time spent inside the extractor's calls, read in the scorer's process: the
# machines this runs on are shared, and wall time there measures the neighbours' load as
# much as the extractor. One process, one thread, nothing else in it: one core's speed.
_CPU_LOG = os.environ.get("EXTRACTION_BENCH_CPU_LOG")
_cpu_seconds: list[float] = []
if _CPU_LOG:
    atexit.register(lambda: Path(_CPU_LOG).write_text(json.dumps(_cpu_seconds)))


def _cpu_timed(func: TextFunc) -> TextFunc:
    @functools.wraps(func)
    def timed(html: bytes, url: str | None = None) -> str:
        start = time.process_time()
        try:
            return func(html, url)
        finally:
            _cpu_seconds.append(time.process_time() - start)

    return timed


@_cpu_timed
def gloss_text(html: bytes, url: str | None = None) -> str:
    from reader.core.ingest import extract_text

    return extract_text(html, url)


@_cpu_timed
def trafilatura_text(html: bytes, url: str | None = None) -> str:
    import trafilatura

    # Comments off: they are not the article, and a reader does not show them as its text
    # (with them trafilatura scores lower on every corpus here).
    return trafilatura.extract(html, url=url, include_comments=False) or ""


@_cpu_timed
def readability_text(html: bytes, url: str | None = None) -> str:
    from readability import Document

    # This readability-lxml release cannot sniff bytes itself (a str regex on bytes).
    return _readability_summary_text(Document(html.decode("utf-8", "replace"), url=url), url)


def _readability_summary_text(doc: object, url: str | None) -> str:
    from lxml import html as lxml_html

    summary = doc.summary(html_partial=True)  # type: ignore[attr-defined]
    if not summary.strip():
        return ""
    root = lxml_html.fromstring(summary)
    # Paragraph breaks between block elements, as a reader would see them.
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr"):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content().strip()


@_cpu_timed
def gloss_titled(html: bytes, url: str | None = None) -> str:
    from reader.core.ingest.decode import decode_html
    from reader.core.ingest.extract import extract
    from reader.core.model import plain_text

    found = extract(decode_html(html), url, None)
    return f"{found.meta.title}\n\n{plain_text(found.blocks)}"


@_cpu_timed
def trafilatura_titled(html: bytes, url: str | None = None) -> str:
    import trafilatura

    # bare_extraction is extract() before formatting: the same text, with the title found.
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if not found:
        return ""
    return f"{found.title or ''}\n\n{found.text or ''}"


@_cpu_timed
def readability_titled(html: bytes, url: str | None = None) -> str:
    from readability import Document

    doc = Document(html.decode("utf-8", "replace"), url=url)
    return f"{doc.short_title()}\n\n{_readability_summary_text(doc, url)}"


def gloss_meta(html: bytes, url: str | None) -> dict[str, str | None]:
    from reader.core.ingest import metadata_from_html

    meta = metadata_from_html(html, url)
    return {"title": meta.title, "byline": meta.byline, "date": meta.published}


def trafilatura_meta(html: bytes, url: str | None) -> dict[str, str | None]:
    import trafilatura

    found = trafilatura.extract_metadata(html, default_url=url)
    if found is None:
        return {"title": "", "byline": "", "date": ""}
    return {"title": found.title, "byline": found.author, "date": found.date}


def readability_meta(html: bytes, url: str | None) -> dict[str, str | None]:
    from readability import Document

    doc = Document(html.decode("utf-8", "replace"), url=url)
    return {"title": doc.short_title(), "byline": None, "date": None}


# (name, --python-func spec for text alone, for title + text, metadata reader)
EXTRACTORS: list[tuple[str, str, str, MetaReader]] = [
    ("gloss", f"{THIS}:gloss_text", f"{THIS}:gloss_titled", gloss_meta),
    ("trafilatura", f"{THIS}:trafilatura_text", f"{THIS}:trafilatura_titled", trafilatura_meta),
    (
        "readability-lxml",
        f"{THIS}:readability_text",
        f"{THIS}:readability_titled",
        readability_meta,
    ),
]


_PUNCT = " \"'“”‘’«».,;:|-–—"
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|·)\s+[^|–—·]+$")
_BY = re.compile(r"^(by|par|von|por)\s+")


def norm(value: str | None) -> str:
    text = " ".join(unicodedata.normalize("NFKC", value or "").casefold().split())
    return text.strip(_PUNCT)


def field_matches(field: str, expected: str, got: str | None) -> bool:
    if field == "date":
        return bool(got) and expected.strip()[:10] == str(got).strip()[:10]
    if not got:
        return False
    if field == "title":
        return norm(got) in (norm(expected), norm(_SITE_SUFFIX.sub("", expected.strip())))
    want, have = _BY.sub("", norm(expected)), _BY.sub("", norm(got))
    return bool(have) and (want == have or want.startswith(have + " "))


WARMUP = 2


def score_text(spec: str, corpus: Path, name: str) -> dict[str, Any]:
    """The scorer's summary and per-page rows, plus "cpu_pages_per_s": pages per second of
    CPU time inside the extractor during the timed pass (the warm-up calls left out)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        cpu_log = Path(tmp) / "cpu.json"
        cmd = [sys.executable, str(SCORER), str(corpus), "--python-func", spec]
        cmd += ["--name", name, "--quiet", "--warmup", str(WARMUP), "--json", str(out)]
        env = {**os.environ, "EXTRACTION_BENCH_CPU_LOG": str(cpu_log)}
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        if done.returncode != 0 or not out.exists():
            sys.exit(f"scoring {name} failed:\n{done.stderr[-2000:]}")
        result = json.loads(out.read_text())
        calls = json.loads(cpu_log.read_text())[WARMUP:] if cpu_log.exists() else []
        result["cpu_pages_per_s"] = len(calls) / sum(calls) if sum(calls) else 0.0
        return result


def score_meta(reader: MetaReader, corpus: Path) -> dict[str, float | None]:
    keys = {"title": "title", "byline": "byline", "date": "publishedTime"}
    hits = {f: 0 for f in keys}
    totals = {f: 0 for f in keys}
    offered = {f: False for f in keys}
    for page in sorted(p for p in corpus.iterdir() if p.is_dir()):
        meta_file = page / "expected-metadata.json"
        if not meta_file.is_file():
            continue
        expected = json.loads(meta_file.read_text(encoding="utf-8"))
        url_file = page / "url.txt"
        url = (
            url_file.read_text().strip() if url_file.is_file() else "http://fakehost/test/page.html"
        )
        try:
            got = reader((page / "source.html").read_bytes(), url)
        except Exception:  # an extractor crashing on a page scores a miss there
            got = {f: "" for f in keys}
        for field, key in keys.items():
            if got.get(field) is not None:
                offered[field] = True
            want = expected.get(key)
            if not want:
                continue
            totals[field] += 1
            hits[field] += field_matches(field, want, got.get(field))
    return {f: (hits[f] / totals[f] if offered[f] and totals[f] else None) for f in keys}


def half_of(page: str) -> str:
    """ "tune" or "check": a stable split of a corpus by its page names."""
    return "tune" if hashlib.sha256(page.encode()).digest()[0] % 2 == 0 else "check"


def suspect_pages() -> set[str]:
    if not SUSPECT.is_file():
        return set()
    return {line.strip() for line in SUSPECT.read_text().splitlines() if line.strip()}


def subset_prf(rows: list[dict]) -> tuple[float, float, float]:
    """Corpus P/R/F1 of some pages, the scorer's way (means of per-page values)."""
    ps = [r["precision"] for r in rows if r["precision"] is not None]
    rs = [r["recall"] for r in rows if r["recall"] is not None]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--halves", action="store_true", help="also score the tune/check halves")
    parser.add_argument("--only", default="", help="comma list of extractors (default: all)")
    parser.add_argument("--json", type=Path, help="write every per-page row here")
    args = parser.parse_args()
    if not SCORER.is_file():
        sys.exit(f"the scorer is missing: expected {SCORER} (../shared beside the repository)")
    for corpus in args.corpus:
        if not corpus.is_dir():
            sys.exit(f"no corpus folder at {corpus}")
    chosen = [e for e in EXTRACTORS if not args.only or e[0] in args.only.split(",")]
    sys.path.insert(0, str(ROOT))
    suspect = suspect_pages()

    head = f"{'corpus':<16} {'extractor':<17} {'pages':>5} {'P':>5} {'R':>5} {'F1':>5} "
    head += f"{'pages/s':>8}"
    print(head + f" {'title':>5} {'byline':>6} {'date':>5}")
    dump: dict[str, dict] = {}
    half_lines: list[str] = []
    for corpus in args.corpus:
        titled = corpus.name in TITLED
        has_meta = any(corpus.glob("*/expected-metadata.json"))
        for name, text_spec, titled_spec, meta_reader in chosen:
            result = score_text(titled_spec if titled else text_spec, corpus, name)
            s = result["summary"]
            speed = result["cpu_pages_per_s"]
            meta = score_meta(meta_reader, corpus) if has_meta else {}
            line = f"{corpus.name:<16} {name:<17} {s['pages']:>5} {s['precision']:5.3f} "
            line += f"{s['recall']:5.3f} {s['f1']:5.3f} {speed:8.1f}"
            if meta:
                line += f" {_pct(meta['title'])} {_pct(meta['byline']):>6} {_pct(meta['date'])}"
            print(line, flush=True)
            dump.setdefault(corpus.name, {})[name] = result["pages"]
            if args.halves:
                for half in ("tune", "check"):
                    rows = [
                        r
                        for r in result["pages"]
                        if half_of(r["page"]) == half and r["page"] not in suspect
                    ]
                    p, r, f = subset_prf(rows)
                    half_lines.append(
                        f"{corpus.name:<16} {name:<17} {half:<5} {len(rows):>5} "
                        f"{p:5.3f} {r:5.3f} {f:5.3f}"
                    )
    if half_lines:
        print(f"\n{'corpus':<16} {'extractor':<17} {'half':<5} {'pages':>5}", end="")
        print(f" {'P':>5} {'R':>5} {'F1':>5}")
        print("\n".join(half_lines))
    if args.json:
        args.json.write_text(json.dumps(dump, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
