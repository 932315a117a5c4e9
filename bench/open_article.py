"""How fast does the window open an article, start up, and how much memory does it use?

    uv run python bench/open_article.py [--runs 5]

Uses the 10,000-article bench library of `bench/library.py` (built once and cached), adds
two long articles to a copy of it (10,000 and 500,000 words, with a note every few
hundred sentences), then, in the real main window (offscreen):

- open article: `MainWindow.open_article(id)` until the first screen is painted
  (document built with QTextCursor, sentence map, marks, notes panel), median of N;
- start-up: a fresh process from spawn to the main window shown on the 10,000-article
  library (interpreter and imports included, with Python's bytecode cache warm as on any
  start after the first), median of N;
- memory: resident set size of that process with the 10,000-article library open and
  the 500,000-word article shown and laid out to its end.

Goals (issue 6): open < 100 ms at 10k words and < 1.5 s at 500k words; start-up < 0.5 s;
under 400 MB resident.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from "
    "at which but have an they you were her she there been one all we their has would "
    "council budget minister report evidence inflation hospital railway figure claim "
    "percent year month official statement survey data analysis record water price"
).split()


def long_text(words: int, seed: int) -> str:
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            n = rng.randint(8, 24)
            words_ = [rng.choice(WORDS) for _ in range(n)]
            sentences.append(" ".join(words_).capitalize() + ".")
            count += n
        paragraphs.append(" ".join(sentences))
    return f"A long read of {words} words\n\n" + "\n\n".join(paragraphs)


def bench_library_path() -> Path:
    spec = importlib.util.spec_from_file_location("bench_library", ROOT / "bench" / "library.py")
    assert spec and spec.loader
    bench_library = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_library)
    return bench_library.cached_library(10_000, 10)[0]


def prepare(folder: Path) -> tuple[Path, dict[int, int]]:
    path = folder / "library.db"
    shutil.copy(bench_library_path(), path)
    from reader.core.ingest import load_file
    from reader.core.library import Library
    from reader.core.model import Verdict

    ids = {}
    with Library(path) as library:
        for words in (10_000, 500_000):
            text_file = folder / f"long-{words}.txt"
            text_file.write_text(long_text(words, words))
            article = load_file(text_file)
            article_id = library.add_article(article).article_id
            for index in range(0, len(article.sentences), 300):
                library.add_note(article_id, index, "Checked.", Verdict.MISLEADING)
            ids[words] = article_id
    return path, ids


def time_opens(path: Path, ids: dict[int, int], runs: int) -> dict[int, list[float]]:
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import make_app, open_window

    app = make_app()
    window = open_window(path)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    other = window.library.article_ids()[0]
    out: dict[int, list[float]] = {}
    for words, article_id in ids.items():
        times = []
        for _ in range(runs):
            window.open_article(other)
            app.processEvents()
            t0 = time.perf_counter()
            window.open_article(article_id)
            window.reader.viewport().repaint()  # the first screen, painted
            QApplication.sendPostedEvents()
            times.append((time.perf_counter() - t0) * 1000)
        out[words] = times
    window.close()
    return out


CHILD = """
import os, sys, time
t_spawn = float(os.environ["GLOSS_BENCH_T0"])
sys.path.insert(0, {root!r})
from reader.ui.app import make_app, open_window
app = make_app()
window = open_window({path!r})
window.resize(1280, 800)
window.show()
app.processEvents()
shown = time.time() - t_spawn
rss_before = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            rss_before = int(line.split()[1]) // 1024
if {article} is not None:
    window.open_article({article})
    app.processEvents()
# Lay the whole article out, as reading to its end would, before reading the memory.
doc = window.reader.document()
doc.documentLayout().blockBoundingRect(doc.lastBlock())
window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())
app.processEvents()
rss = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) // 1024
print(f"{{shown}} {{rss}} {{rss_before}}")
window.close()
"""


def child_run(path: Path, article: int | None) -> tuple[float, int]:
    code = CHILD.format(root=str(ROOT), path=str(path), article=article)
    env = {**os.environ, "GLOSS_BENCH_T0": repr(time.time())}
    # As on a user's machine, Python keeps compiled bytecode (some shells set this off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    shown, rss, _rss_before = result.stdout.split()
    return float(shown) * 1000, int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gloss-bench-open-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # the user's settings stay out
    try:
        path, ids = prepare(folder)
        # Child processes first, while this one has no Qt running beside them.
        plain = folder / "plain.db"  # the 10,000 bench articles alone: the newest is short
        shutil.copy(bench_library_path(), plain)
        child_run(plain, None)  # a first run writes the bytecode caches, as any first start
        starts = [child_run(plain, None)[0] for _ in range(args.runs)]
        # The 500k-word article is the newest import, so the window opens it at start.
        _, rss = child_run(path, None)
        opens = time_opens(path, ids, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("library: 10,000 articles, 100,000 notes (+ the two long articles)")
    print(f"{'measure':<40}{'median':>10}{'best':>10}{'goal':>10}")
    for words, times in opens.items():
        goal = "100 ms" if words == 10_000 else "1500 ms"
        print(
            f"{f'open a {words:,}-word article (ms)':<40}{statistics.median(times):>10.0f}"
            f"{min(times):>10.0f}{goal:>10}"
        )
    print(
        f"{'start-up to the window (ms)':<40}{statistics.median(starts):>10.0f}"
        f"{min(starts):>10.0f}{'500 ms':>10}"
    )
    print(f"{'resident memory, 500k words open (MB)':<40}{rss:>10}{'':>10}{'400 MB':>10}")


if __name__ == "__main__":
    main()
