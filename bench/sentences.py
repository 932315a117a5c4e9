"""Compare Gloss's sentence splitter with pySBD, syntok and blingfire in one run.

    uv sync --group bench          # installs the peers (optional: missing ones are skipped)
    uv run python bench/sentences.py [--min-seconds 1.0] [--repeats 3]

Prints one table: in-process characters per second on real article prose (the paragraphs
of the `readability-dev/*/expected.txt` texts in the shared folder, one call per
paragraph, as the importer calls the splitter once per block), each splitter's score on
the golden rules and on the news probes (using the shared scorer's own function), and
boundary F1 on the hand-written news and web paragraphs in `tests/sentences_*_gold.txt`.

The shared folder is `../shared` next to the repository root; the corpora are read at
run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the gold-file reader the tests use
from sentence_gold import GOLD_FILES, gold_paragraphs  # noqa: E402

Splitter = Callable[[str], list[str]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-seconds", type=float, default=1.0, help="length of one timed run")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the best is kept")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"bench/sentences.py: the shared folder is missing (looked for {SHARED}).")
    scorer = _load_scorer(SHARED / "tools" / "score_sbd.py")
    golden = _load_json(SHARED / "corpus" / "sentences" / "golden_en.json")
    probes = _load_json(SHARED / "corpus" / "sentences" / "probes_news.json")
    paragraphs = _prose_paragraphs(SHARED / "corpus" / "extraction" / "readability-dev")
    chars = sum(len(p) for p in paragraphs)
    print(f"speed corpus: {len(paragraphs)} paragraphs, {chars:,} characters (readability-dev)")
    prose = [p for name in GOLD_FILES for p in gold_paragraphs(name)]
    print(f"golden rules: {len(golden)}, news probes: {len(probes)}")
    print(f"prose F1: boundary F1 on {len(prose)} hand-written paragraphs in tests/*_gold.txt\n")

    header = f"{'splitter':<11} {'chars/s':>12} {'golden':>8} {'probes':>8} {'prose F1':>9}"
    print(header)
    print("-" * len(header))
    for name, make in SPLITTERS.items():
        try:
            split = make()
        except ImportError as exc:
            print(f"{name:<11} not installed ({exc.name}); run `uv sync --group bench`")
            continue
        speed = _chars_per_second(split, paragraphs, args.min_seconds, args.repeats)
        g = scorer.score_golden(split, golden, None)
        p = scorer.score_golden(split, probes, None)
        golden_score = f"{g['passed']}/{g['rules']}"
        probe_score = f"{p['passed']}/{p['rules']}"
        f1 = _boundary_f1(split, prose)
        print(f"{name:<11} {speed:>12,.0f} {golden_score:>8} {probe_score:>8} {f1:>9.1f}")


# ----------------------------------------------------------------------------- splitters
def _gloss() -> Splitter:
    from reader.core.sentences import split

    return split


def _pysbd() -> Splitter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False).segment


def _syntok() -> Splitter:
    from syntok import segmenter
    from syntok.tokenizer import Tokenizer

    tokenizer = Tokenizer()

    def split(text: str) -> list[str]:
        sentences = segmenter.split(tokenizer.tokenize(text))
        return ["".join(t.spacing + t.value for t in s).strip() for s in sentences]

    return split


def _blingfire() -> Splitter:
    from blingfire import text_to_sentences

    def split(text: str) -> list[str]:
        return text_to_sentences(text).split("\n")

    return split


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "gloss": _gloss,
    "pysbd": _pysbd,
    "syntok": _syntok,
    "blingfire": _blingfire,
}


# ----------------------------------------------------------------------------- measuring
def _chars_per_second(split: Splitter, texts: list[str], min_s: float, repeats: int) -> float:
    """Best of `repeats` runs, each long enough (>= min_s) not to be dominated by noise."""
    chars = sum(len(t) for t in texts)
    split("Warm up. This compiles patterns and loads tables.")
    t0 = time.perf_counter()
    _one_pass(split, texts)
    first = time.perf_counter() - t0
    passes = max(1, int(min_s / first) + 1) if first < min_s else 1
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(passes):
            _one_pass(split, texts)
        best = min(best, time.perf_counter() - t0)
    return chars * passes / best


def _one_pass(split: Splitter, texts: list[str]) -> None:
    for t in texts:
        split(t)


def _boundary_f1(split: Splitter, paragraphs: list[list[str]]) -> float:
    """Boundary F1 (in %) with the scorer's convention: sentences joined by one space,
    boundaries counted in non-space characters, the paragraph end not counted."""
    tp = fp = fn = 0
    for sentences in paragraphs:
        gold = _inner_ends(sentences)
        got = _inner_ends([s for s in split(" ".join(sentences)) if s.strip()])
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    return 200 * tp / (2 * tp + fp + fn) if tp else 0.0


def _inner_ends(sentences: list[str]) -> set[int]:
    out, total = set(), 0
    for s in sentences[:-1]:
        total += len("".join(s.split()))
        out.add(total)
    return out


# ----------------------------------------------------------------------------- inputs
def _prose_paragraphs(folder: Path) -> list[str]:
    """Blank-line separated paragraphs of every expected article text."""
    out: list[str] = []
    for path in sorted(folder.glob("*/expected.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(p.strip() for p in text.split("\n\n") if p.strip())
    if not out:
        sys.exit(f"bench/sentences.py: no article texts under {folder}")
    return out


def _load_json(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_sbd", path)
    if spec is None or spec.loader is None:
        sys.exit(f"bench/sentences.py: cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
