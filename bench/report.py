"""How long does a fact-check report take at book length, and does the window stay
responsive while it is written?

    uv run python bench/report.py [--words 100000 500000] [--every 40]

For each length, a text article of that many words is imported into a scratch library
with a note on every N-th sentence (verdicts and sources varied), then:

- pdf / html: `write_report` in process (offscreen), wall time and size, pages for PDF;
- pause ms: the same file written by the window's background task (`tasks.Task`, its
  own connection on a QThread) while a 10 ms timer ticks on the GUI thread; the longest
  pause between ticks is how long the window could not answer. PySide holds the GIL
  through each Qt call, so a single long call (laying out a whole book) would show here.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.open_article import long_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, nargs="+", default=[100_000, 500_000])
    parser.add_argument("--every", type=int, default=40, help="a note every N sentences")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reader.core.fact_check_report import build_report
    from reader.core.ingest import load_file
    from reader.core.library import Library
    from reader.core.model import Source, Verdict
    from reader.ui.report_document import write_report

    app = QApplication([])
    scratch = Path(tempfile.mkdtemp(prefix="gloss-bench-report-"))
    print(
        f"{'words':>8} {'notes':>6} {'pdf s':>7} {'pages':>6} {'pdf MB':>7} {'pause ms':>8} "
        f"{'html s':>7} {'html MB':>8} {'pause ms':>9}"
    )
    for words in args.words:
        library_path = scratch / f"lib-{words}.db"
        text = scratch / f"long-{words}.txt"
        text.write_text(long_text(words, seed=words), encoding="utf-8")
        rng = random.Random(words)
        with Library(library_path) as library:
            article_id = library.add_article(load_file(text)).article_id
            article = library.article(article_id)
            verdicts = [v for v in Verdict if v is not Verdict.NONE]
            with library.transaction():
                for i in range(0, len(article.sentences), args.every):
                    library.add_note(
                        article_id,
                        i,
                        f"Checked sentence {i + 1} against the annual report.",
                        rng.choice(verdicts),
                        [Source(f"https://example.org/r/{i}", "Annual report", "the figure")],
                    )
            notes = len(library.notes(article_id))
            start = time.perf_counter()
            report = build_report(library, article_id)
            pdf = scratch / f"r-{words}.pdf"
            write_report(report, lambda n, i=article_id: library.image(i, n), pdf)
            pdf_s = time.perf_counter() - start
            start = time.perf_counter()
            html = scratch / f"r-{words}.html"
            write_report(build_report(library, article_id), lambda n: None, html)
            html_s = time.perf_counter() - start
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))

        pdf_gap = _window_pause(app, library_path, article_id, scratch / "t.pdf")
        html_gap = _window_pause(app, library_path, article_id, scratch / "t.html")
        print(
            f"{words:>8} {notes:>6} {pdf_s:>7.2f} {pages:>6} {pdf.stat().st_size / 1e6:>7.1f} "
            f"{pdf_gap:>8.0f} {html_s:>7.2f} {html.stat().st_size / 1e6:>8.1f} {html_gap:>9.0f}"
        )
    return 0


def _window_pause(app: object, library_path: Path, article_id: int, out: Path) -> float:
    """The longest pause of a 10 ms timer on the GUI thread while the window's background
    task (`tasks.Task`, a QThread with its own connection) writes the report to `out`."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QWidget

    from reader.core.fact_check_report import build_report
    from reader.core.library import Library
    from reader.ui.report_document import write_report
    from reader.ui.tasks import Task

    parent = QWidget()
    clock = QElapsedTimer()
    clock.start()
    last, longest = [clock.elapsed()], [0]

    def tick() -> None:
        now = clock.elapsed()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    finished: list[bool] = []

    def work(library: Library, progress, cancelled) -> bool:
        report = build_report(library, article_id)
        return write_report(report, lambda n: library.image(article_id, n), out, progress)

    task = Task(parent, library_path, work, finished.append, print)
    while not finished:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)
    task.wait()
    timer.stop()
    return float(longest[0])


if __name__ == "__main__":
    sys.exit(main())
