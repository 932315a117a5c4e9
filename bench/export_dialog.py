"""How long does the export dialog's preview keep the window busy on a big library, and
how long does the export itself take?  `uv run python bench/export_dialog.py`

On the library `bench/library.py` builds (10,000 articles, 100,000 notes; cached), with
a publisher set and every tenth note given a review URL, times on one core:

- the dialog's preview (`make_preview`: the scope's article count, the preview of up to
  three articles and, for ClaimReview, the not-yet-published count), which runs as a
  background task, for each format with the scope "all articles"; and how long
  `ExportDialog.update_preview` itself holds the GUI thread (starting that task), and
  until the preview is on screen;
- the whole export (`transfer.export_notes`) of all 10,000 articles, per format, which the
  window runs as a background task.

Median and maximum of `--rounds` runs (preview), one run each (export). The bench
library is copied first: the settings and review URLs are not written into the cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from library import cached_library  # noqa: E402

from reader.core import library_settings, transfer  # noqa: E402
from reader.core.library import Library  # noqa: E402

FORMATS = ("markdown", "w3c", "claimreview", "json")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--no-export", action="store_true", help="time the previews only")
    args = parser.parse_args()
    source, _ = cached_library(args.articles)
    work = Path(tempfile.mkdtemp(prefix="gloss-bench-export-"))
    path = work / "library.db"
    shutil.copy(source, path)
    try:
        with Library(path) as library:
            library_settings.set_values(
                library,
                {
                    "reviewer.organisation": "Fact Desk",
                    "reviewer.organisation_url": "https://factdesk.example.org",
                },
            )
            with library.transaction():
                library.db.execute(
                    "UPDATE notes SET review_url = 'https://factdesk.example.org/c/' || id "
                    "WHERE id % 10 = 0"
                )
            from PySide6.QtWidgets import QApplication

            from reader.ui.export_dialog import ExportDialog, make_preview

            app = QApplication.instance() or QApplication([])
            dialog = ExportDialog(library, 1, [], scope="all")
            dialog.wait_for_preview()
            print(f"{args.articles:,} articles; preview of scope 'all' (ms, median / max):")
            print(f"  {'format':12s} {'work (task)':>16s} {'GUI thread':>16s} {'until shown':>16s}")
            for fmt in FORMATS:
                dialog.format.setCurrentIndex(dialog.format.findData(fmt))
                dialog.wait_for_preview()
                work, gui, shown = [], [], []
                for _ in range(args.rounds):
                    t0 = time.perf_counter()
                    make_preview(library, None, fmt, False)
                    work.append((time.perf_counter() - t0) * 1000)
                    t0 = time.perf_counter()
                    dialog.update_preview()
                    gui.append((time.perf_counter() - t0) * 1000)
                    dialog.wait_for_preview()
                    shown.append((time.perf_counter() - t0) * 1000)
                row = "".join(
                    f" {statistics.median(v):7.1f} / {max(v):6.1f}" for v in (work, gui, shown)
                )
                print(f"  {fmt:12s}{row}")
            said = dialog.publishing.text().splitlines()
            print(f"  ClaimReview says: {said[0] if said else '-'}")
            dialog.deleteLater()
            app.processEvents()
            if not args.no_export:
                print("whole export, background task:")
                for fmt in FORMATS:
                    notices: list[str] = []
                    t0 = time.perf_counter()
                    text = transfer.export_notes(library, None, fmt, notices=notices)
                    took = time.perf_counter() - t0
                    print(f"  {fmt:12s} {took:6.1f} s   {len(text) / 1e6:6.1f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
