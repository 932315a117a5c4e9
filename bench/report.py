"""How long does a fact-check report take at book length, and does the window stay
responsive while it is written?

    uv run python bench/report.py [--words 100000 500000] [--every 40]

For each length, a text article of that many words is imported into a scratch library
with a note on every N-th sentence (verdicts and sources varied), then:

- pdf / html: `write_report` in process (offscreen), wall time and size, pages for PDF;
- gui gap: the same PDF written by the window's background task (`tasks.Task`, its own
  connection on a QThread) while a 10 ms timer ticks on the GUI thread; the longest
  pause between ticks is how long the window could not answer (the goal: under 100 ms).
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

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from reader.core.fact_check_report import build_report
    from reader.core.ingest import load_file
    from reader.core.library import Library
    from reader.core.model import Source, Verdict
    from reader.ui.report_document import write_report
    from reader.ui.tasks import Task

    app = QApplication([])
    scratch = Path(tempfile.mkdtemp(prefix="gloss-bench-report-"))
    print(
        f"{'words':>8} {'notes':>6} {'pdf s':>7} {'pages':>6} {'pdf MB':>7} "
        f"{'html s':>7} {'html MB':>8} {'gui gap ms':>11}"
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

        # The window's way: a Task on a QThread, the GUI thread ticking meanwhile.
        parent = QWidget()
        gap = 0.0
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick(clock: QElapsedTimer = clock, last: list[int] = last) -> None:
            nonlocal gap
            now = clock.elapsed()
            gap = max(gap, now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        finished: list[bool] = []

        def work(library: Library, progress, cancelled, article_id: int = article_id) -> bool:
            report = build_report(library, article_id)
            return write_report(
                report, lambda n: library.image(article_id, n), scratch / "t.pdf", progress
            )

        task = Task(parent, library_path, work, finished.append, print)
        while not finished:
            app.processEvents()
            time.sleep(0.001)
        task.wait()
        timer.stop()
        print(
            f"{words:>8} {notes:>6} {pdf_s:>7.2f} {pages:>6} {pdf.stat().st_size / 1e6:>7.1f} "
            f"{html_s:>7.2f} {html.stat().st_size / 1e6:>8.1f} {gap:>11.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
