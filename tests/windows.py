"""The main window as the window tests open it: real, on a library file, shown."""

from __future__ import annotations

from pathlib import Path


def open_shown(qtbot, library_path: Path):
    """A real main window on `library_path`, 1280x800, shown and exposed."""
    from reader.ui.app import make_app, open_window

    make_app()
    win = open_window(library_path)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
