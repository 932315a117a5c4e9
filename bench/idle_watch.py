"""What does following the library file cost while the window sits idle?

    uv run python bench/idle_watch.py [--seconds 30] [--library PATH]

Opens the real main window (offscreen unless QT_QPA_PLATFORM says otherwise) on a
temporary library holding the sample article (or on PATH), lets it sit idle for the given
time with the change watcher stopped and then running (`PRAGMA data_version` polled every
250 ms, reader/ui/library_watch.py), and prints the process's CPU use (user + system
time over wall time) for each. Then it has another process write to the library once and
reports how long the window took to show it.

Goal (issue 10): watching costs < 1 % CPU with the window idle.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def idle(app, seconds: float) -> float:
    """Run the event loop for `seconds`; the CPU share the process used meanwhile (%)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    wall, cpu = time.perf_counter(), cpu_seconds()
    loop.exec()
    return 100 * (cpu_seconds() - cpu) / (time.perf_counter() - wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--library", type=Path)
    args = parser.parse_args()

    from reader.ui.app import make_app, open_window

    app = make_app()
    scratch = tempfile.TemporaryDirectory(prefix="gloss-idle-")
    library = args.library or Path(scratch.name) / "library.db"
    window = open_window(library)
    window.resize(1280, 820)
    window.show()
    idle(app, 2.0)  # let the first layout and the daily backup check settle

    window.live.stop()
    without = idle(app, args.seconds)
    window.live.start()
    with_watch = idle(app, args.seconds)
    print(f"platform {app.platformName()}, {args.seconds:.0f} s each, library {library}")
    print(f"idle window, watcher stopped: {without:.2f} % CPU")
    print(f"idle window, watcher running: {with_watch:.2f} % CPU (polls every 250 ms)")

    # One change from another process: how long until the window has applied it?
    from PySide6.QtCore import QEventLoop, QTimer

    applied = window.live.refresh_count
    article_id = window.current_article_id
    subprocess.run(
        [
            sys.executable,
            "-m",
            "reader.cli",
            "--library",
            str(library),
            "note",
            "add",
            str(article_id),
            "1",
            "--text",
            "bench",
        ],
        check=True,
        capture_output=True,
    )
    written = time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if window.live.refresh_count > applied else None)
    timer.start(5)
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    took = 1000 * (time.perf_counter() - written)
    print(f"a note added by another process showed after {took:.0f} ms")
    window.close()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
