"""Shared test setup: Qt runs offscreen and nothing touches the user's real files."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display (Picard's conftest does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings and the default library live under these on Linux; keep them in a scratch dir.
_scratch = Path(tempfile.mkdtemp(prefix="gloss-tests-"))
atexit.register(shutil.rmtree, _scratch, ignore_errors=True)
os.environ["XDG_CONFIG_HOME"] = str(_scratch / "config")
os.environ["XDG_DATA_HOME"] = str(_scratch / "data")
os.environ.pop("GLOSS_LIBRARY", None)

# No test may leave a library in the working tree (see tree_guard.py).
from tree_guard import (  # noqa: E402, F401
    no_library_in_the_working_tree,
    pytest_sessionfinish,
    pytest_sessionstart,
)

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"


@pytest.fixture(autouse=True)
def _fresh_session_state() -> None:
    """Each test starts with no remembered sort order or last article (they persist in
    QSettings, which all tests of a run share)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from reader import APP_NAME
    from reader.ui.session_state import GROUP

    QCoreApplication.setApplicationName(APP_NAME)
    QSettings().remove(GROUP)


@pytest.fixture
def pages() -> Path:
    return PAGES


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(library_path: Path):
    from reader.core.library import Library

    with Library(library_path) as lib:
        yield lib


@pytest.fixture
def shown_window(qtbot, library_path: Path):
    """The real main window on a fresh library (the sample article in it), shown."""
    from windows import open_shown

    return open_shown(qtbot, library_path)


@pytest.fixture
def news_window(qtbot, shown_window, pages: Path):
    """`shown_window` after importing tests/fixtures/pages/news.html, which it shows."""
    with qtbot.waitSignal(shown_window.importFinished, timeout=20000):
        shown_window.import_paths([pages / "news.html"])
    return shown_window
