"""Does the window stay responsive while a batch import runs?

    uv run python bench/ui_responsiveness.py [--pages 200]

Opens the real main window (offscreen), imports N saved pages through the same path as
File > Import (a worker thread), and meanwhile measures every gap between two ticks of a
1 ms timer on the GUI thread: a gap is a frame the window could not paint. Pages are the
dev corpus's `source.html` files (cycled to reach N), copied to a temporary folder; the
corpus is read from `../shared` beside the repository and never copied into it.

Goal (issue 6): no gap over 100 ms on the GUI thread while importing 200 pages. For
comparison the same import is also timed with the work done on the GUI thread itself,
which is what the worker spares the user.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pages(count: int, into: Path) -> list[Path]:
    corpus = SHARED / "corpus" / "extraction" / "readability-dev"
    sources = sorted(corpus.glob("*/source.html"))
    if not sources:
        sys.exit(f"bench/ui_responsiveness.py: no pages under {corpus}")
    into.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        src = sources[i % len(sources)]
        dest = into / f"{i:04d}-{src.parent.name}.html"
        # A marker makes every copy a distinct article (the library skips duplicates).
        dest.write_bytes(src.read_bytes() + f"\n<!-- copy {i} -->\n<p>Copy {i}.</p>".encode())
        out.append(dest)
    return out


class GapMeter:
    """Records the time between consecutive ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now


def run_worker(files: list[Path], library: Path) -> tuple[float, list[float], int]:
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import make_app, open_window

    app = make_app()
    window = open_window(library)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    meter = GapMeter()
    done: list[tuple[int, int]] = []
    window.importFinished.connect(lambda ok, bad: done.append((ok, bad)))
    start = time.perf_counter()
    meter.start()
    window.import_paths([files[0].parent])
    while not done:
        app.processEvents()
        QApplication.sendPostedEvents()
    meter.stop()
    elapsed = time.perf_counter() - start
    box = getattr(window, "failure_box", None)
    if box is not None:
        box.close()
    window.close()
    return elapsed, meter.gaps, done[0][0]


def run_inline(files: list[Path], library: Path) -> tuple[float, float]:
    """The same import on the calling thread: the longest single stall it would cause."""
    from reader.core.ingest import ImportFailed, load_file
    from reader.core.library import Library

    longest = 0.0
    start = time.perf_counter()
    with Library(library) as lib:
        for path in files:
            t = time.perf_counter()
            with contextlib.suppress(ImportFailed):
                lib.add_article(load_file(path))
            longest = max(longest, (time.perf_counter() - t) * 1000)
    return time.perf_counter() - start, longest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="gloss-bench-ui-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")  # keep the user's settings out
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    try:
        files = pages(args.pages, scratch / "pages")
        elapsed, gaps, imported = run_worker(files, scratch / "worker.db")
        inline_elapsed, inline_longest = run_inline(files, scratch / "inline.db")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99) - 1] if gaps else 0.0
    over = sum(1 for g in gaps if g > 100)
    print(f"{args.pages} pages, {imported} imported")
    print(
        f"{'mode':<26}{'total s':>9}{'longest GUI stall ms':>22}{'p99 gap ms':>12}"
        f"{'gaps > 100 ms':>15}"
    )
    print(
        f"{'worker thread (Gloss)':<26}{elapsed:>9.1f}{gaps[-1] if gaps else 0:>22.1f}"
        f"{p99:>12.1f}{over:>15}"
    )
    print(
        f"{'on the GUI thread':<26}{inline_elapsed:>9.1f}{inline_longest:>22.1f}{'-':>12}{'-':>15}"
    )
    print(
        f"median gap {statistics.median(gaps) if gaps else 0:.2f} ms over {len(gaps)} ticks; "
        f"goal: no gap over 100 ms -> {'met' if over == 0 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
