"""PDF import against the text the PDFs were typeset from.

    QT_QPA_PLATFORM=offscreen uv run python bench/pdf.py [CORPUS]

Each dev page's `expected.txt` is typeset by Qt (tests/pdf_maker.py) twice: one column and
two columns, both with a running header, page numbers in the footer, headings set larger
and long words hyphenated at line ends. Gloss imports each PDF; its text is scored against
the expected text with `../shared/tools/score_extract.py`'s metric (token 4-gram shingles,
corpus F1 = harmonic mean of mean precision and mean recall). Leftovers counts lines of the
imported text that are the running header or a bare number (a page number). Pages/s is
PDF pages imported per second (reading, layout and sentence splitting).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pdf_maker import make_pdf, paras_from_text  # noqa: E402

from reader.core.ingest import load_file  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score_extract.py"
CORPUS = ROOT.parent / "shared" / "corpus" / "extraction" / "readability-dev"
HEADER = "Gloss bench report — running header"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_extract"] = module
    spec.loader.exec_module(module)
    return module


def _typesettable(text: str) -> bool:
    """Whether the fonts Qt has here (DejaVu) hold the page's letters: CJK pages would be
    typeset as empty boxes and measure the fonts, not the import."""
    from PySide6.QtGui import QFont, QRawFont
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])

    raw = QRawFont.fromFont(QFont("DejaVu Serif"))
    letters = [c for c in text if not c.isspace()]
    missing = sum(not raw.supportsCharacter(ord(c)) for c in letters)
    return missing <= len(letters) * 0.01


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    args = parser.parse_args()
    score = _scorer()
    pages = sorted(p for p in args.corpus.iterdir() if (p / "expected.txt").is_file())
    results: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    leftovers = {1: 0, 2: 0}
    pdf_pages = 0
    skipped: list[str] = []
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            expected = page.joinpath("expected.txt").read_text(encoding="utf-8")
            paras = paras_from_text(expected)
            if not paras:
                continue
            if not _typesettable(expected):
                skipped.append(page.name)
                continue
            for columns in (1, 2):
                path = Path(tmp) / f"{page.name}-{columns}.pdf"
                pdf_pages += make_pdf(
                    path, paras, title=f"Report {page.name}", columns=columns, header=HEADER
                )
                start = time.perf_counter()
                text = load_file(path).text
                seconds += time.perf_counter() - start
                results[columns].append(score.page_counts(expected, text))
                for line in text.split("\n"):
                    if HEADER.lower() in line.lower() or re.fullmatch(r"\s*\d{1,4}\s*", line):
                        leftovers[columns] += 1
    for columns in (1, 2):
        p, r, f1 = score.corpus_prf(results[columns])
        print(
            f"{columns} column{'s' if columns > 1 else ''}: {len(results[columns])} PDFs  "
            f"P {p:.4f}  R {r:.4f}  F1 {f1:.4f}  leftover headers/page numbers "
            f"{leftovers[columns]}"
        )
    if skipped:
        print(f"skipped {len(skipped)} pages the installed fonts cannot set: {', '.join(skipped)}")
    p, r, f1 = score.corpus_prf(results[1] + results[2])
    print(
        f"all: F1 {f1:.4f}  {pdf_pages} pages in {seconds:.2f} s = "
        f"{pdf_pages / seconds:.0f} pages/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
