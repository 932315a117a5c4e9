"""`python -m reader.ui.screenshots OUTDIR` renders every state the README promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from reader.core.ingest import load_file
from reader.ui.main_window import MainWindow
from reader.ui.screenshot_states import show_search_results

STATES = (
    "light",
    "sepia",
    "dark",
    "review",
    "library",
    "table-figure",
    "small-window",
    "focus-mode",
    "preferences",
    "search",
    "claims",
    "report",
    "sources",
    "cite-picker",
    "elsewhere",
    "export",
)


def test_screenshots_writes_every_state(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "reader.ui.screenshots", str(out), "--size", "1200x800"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    expected = [out / f"gloss-{state}.png" for state in STATES]
    assert [Path(line) for line in done.stdout.split()] == expected
    assert sorted(out.iterdir()) == sorted(expected)
    for path in expected:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 300, path.name
        # Not a blank grab: a rendered state has text and chrome in several colours.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in (20, 60, 120)}
        assert len(colours) > 3, path.name
    assert len(STATES) >= 10


def test_the_search_state_lists_marked_hits_that_fit_the_list(
    qtbot, shown_window: MainWindow, tmp_path: Path
) -> None:
    # More hits than the list shows at once, so its vertical scroll bar appears.
    for i in range(15):
        page = tmp_path / f"gauge-{i}.md"
        page.write_text(f"# Gauge report {i}\n\nThe rain gauge on roof {i} was read daily.\n")
        shown_window.library.add_article(load_file(page))
    dialog = show_search_results(shown_window, "gauge")
    qtbot.addWidget(dialog)
    assert dialog.hits, "the sample's gauge article was not found"
    results = dialog.results
    labels = [results.itemWidget(results.item(i)) for i in range(results.count())]
    assert all(isinstance(label, QLabel) for label in labels)
    assert all("<b>" in label.text() and "gauge" in label.text().lower() for label in labels)
    assert len(labels) > 10
    # Rows wrap to the list's width, so the list never scrolls sideways.
    qtbot.waitUntil(lambda: results.verticalScrollBar().isVisible())
    assert not results.horizontalScrollBar().isVisible()
    assert all(label.width() <= results.viewport().width() for label in labels)
    dialog.close()
