"""Score Gloss's extractor against trafilatura and readability-lxml in one run.

    uv run --group bench python bench/extraction.py [CORPUS]

Body text is scored by `../shared/tools/score_extract.py` (token 4-gram shingles, corpus
F1 = harmonic mean of mean precision and mean recall), each extractor in-process, on the
same pages, one after the other in this run. Pages/s comes from the scorer's timed pass.

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
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extract.py"
DEFAULT_CORPUS = SHARED / "corpus" / "extraction" / "readability-dev"
THIS = Path(__file__).resolve()

# (name, --python-func spec, metadata reader)
MetaReader = Callable[[bytes, str | None], dict[str, str | None]]


def trafilatura_text(html: bytes, url: str | None = None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def readability_text(html: bytes, url: str | None = None) -> str:
    from lxml import html as lxml_html
    from readability import Document

    # This readability-lxml release cannot sniff bytes itself (a str regex on bytes).
    summary = Document(html.decode("utf-8", "replace"), url=url).summary(html_partial=True)
    if not summary.strip():
        return ""
    root = lxml_html.fromstring(summary)
    # Paragraph breaks between block elements, as a reader would see them.
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr"):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content().strip()


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


EXTRACTORS: list[tuple[str, str, MetaReader]] = [
    ("gloss", "reader.core.ingest:extract_text", gloss_meta),
    ("trafilatura", f"{THIS}:trafilatura_text", trafilatura_meta),
    ("readability-lxml", f"{THIS}:readability_text", readability_meta),
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


def score_text(spec: str, corpus: Path, name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        cmd = [sys.executable, str(SCORER), str(corpus), "--python-func", spec]
        cmd += ["--name", name, "--quiet", "--warmup", "2", "--json", str(out)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            sys.exit(f"scoring {name} failed:\n{done.stderr[-2000:]}")
        return json.loads(out.read_text())


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not SCORER.is_file():
        sys.exit(f"the scorer is missing: expected {SCORER} (../shared beside the repository)")
    if not args.corpus.is_dir():
        sys.exit(f"no corpus folder at {args.corpus}")
    sys.path.insert(0, str(ROOT))

    rows = []
    for name, spec, meta_reader in EXTRACTORS:
        result = score_text(spec, args.corpus, name)
        summary = result["summary"]
        speed = max(p["pages_per_s"] for p in result["timing"]["passes"])
        rows.append((name, summary, speed, score_meta(meta_reader, args.corpus)))

    def pct(x: float | None) -> str:
        return "    -" if x is None else f"{x:5.3f}"

    print(f"corpus: {args.corpus} ({rows[0][1].get('pages', '?')} pages)")
    head = f"{'extractor':<18} {'P':>5} {'R':>5} {'F1':>5} {'pages/s':>8} "
    print(head + f"{'title':>5} {'byline':>6} {'date':>5}")
    for name, s, speed, meta in rows:
        print(
            f"{name:<18} {s['precision']:5.3f} {s['recall']:5.3f} {s['f1']:5.3f} {speed:8.1f} "
            f"{pct(meta['title'])} {pct(meta['byline']):>6} {pct(meta['date'])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
