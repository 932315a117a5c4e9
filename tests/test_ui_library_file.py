"""The window on a damaged or read-only library: it says so, offers the backup, reads on,
and a refused write is one line that keeps the reader's draft."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from library_files import IS_ROOT, damage, write_pages
from PySide6.QtWidgets import QMessageBox

from reader.core.dberrors import WritesRefused
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.ui.app import make_app, open_watched_window
from reader.ui.crash import CrashReporter


def _filled(folder: Path, pages: Path) -> Path:
    path = folder / "library.db"
    with Library(path) as library:
        for page in write_pages(pages, 20):
            library.add_article(load_file(page))
        library.add_note(1, 0, "in the backup")
        library.backup(folder / "backups" / "library-20260101-daily.db")
    return path


def _close(qtbot, *windows) -> None:
    for window in windows:
        if window is not None and window.isVisible():
            # Let background work (the full check) end first, as it would in use.
            qtbot.waitUntil(lambda w=window: not w._tasks, timeout=20000)
            window.close()


def test_a_damaged_library_shows_a_bar_and_restores_the_backup(qtbot, tmp_path: Path) -> None:
    path = _filled(tmp_path / "lib", tmp_path / "pages")
    damaged = damage(path, table="articles_fts_data")  # search is broken, reading is not
    make_app()
    window = open_watched_window(path)
    qtbot.addWidget(window)
    guard = window.library_health
    new = None
    try:
        assert window.library.writes_refused
        assert guard.bar.isVisible()
        assert guard.bar.label.text().startswith("This library is damaged")
        assert guard.bar.label.toolTip().startswith("SQLite found: ")
        assert guard.bar.restore_button.isVisible()
        assert guard.asking and guard.question is not None  # asked at once
        assert "library-20260101-daily.db" in guard.question.informativeText()

        with qtbot.waitSignal(guard.reopened, timeout=10000) as reopened:
            restore = guard.question.buttons()[0]
            assert restore.text() == "Restore Backup"
            restore.click()
        new = reopened.args[0]
        qtbot.addWidget(new)
        assert not new.library.writes_refused
        assert not new.library_health.bar.isVisible()
        assert [n.text for n in new.library.notes(1)] == ["in the backup"]
        kept = [p for p in path.parent.iterdir() if p.name.startswith("library-damaged-")]
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
    finally:
        _close(qtbot, window, new)


def test_damage_found_by_the_background_check_stops_writes(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick check on opening is cut short (as on a big library), the full check in
    the background finds the damage and the window stops writing."""
    from reader.core import health

    path = _filled(tmp_path / "lib", tmp_path / "pages")
    damage(path, table="articles_fts_data")
    # As on a library too big for the quick check to finish while opening:
    monkeypatch.setattr(health, "quick_check", lambda conn: health.Health(complete=False))
    make_app()
    window = open_watched_window(path)
    qtbot.addWidget(window)
    monkeypatch.undo()
    guard = window.library_health
    try:
        with qtbot.waitSignal(guard.damageFound, timeout=20000):
            pass
        assert window.library.writes_refused
        assert guard.bar.isVisible() and guard.asking
        guard.question.buttons()[-1].click()  # Keep Reading
        assert not guard.asking
        window.open_article(2)  # reading goes on
        with pytest.raises(WritesRefused):
            window.library.add_note(2, 0, "refused")
    finally:
        _close(qtbot, window)


def test_an_article_the_damage_made_unreadable_is_one_line(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _filled(tmp_path / "lib", tmp_path / "pages")
    damage(path, table="sentences")  # the list reads, no article's text does
    make_app()
    with qtbot.capture_exceptions() as raised:
        window = open_watched_window(path)  # selects the newest article: it fails
        qtbot.addWidget(window)
    try:
        assert raised and window.library_health.bar.isVisible()
        monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
        reporter = CrashReporter(tmp_path / "gloss.log")
        reporter._hook(*raised[0])
        qtbot.waitUntil(lambda: bool(reporter.shown))
        assert reporter.shown[0].startswith("the library is damaged (")
        assert "gloss restore" in reporter.shown[0]
        assert "Traceback" not in (tmp_path / "gloss.log").read_text()
    finally:
        window.library_health.question.done(0)
        _close(qtbot, window)


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder nobody, root included, can write: a read-only mount when root, else
    a folder without write permission."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if not IS_ROOT:
        os.chmod(folder, 0o555)
        return folder
    done = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("running as root without permission to mount a read-only folder")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="chmod does not make a folder read-only")
def test_a_read_only_library_reads_and_refuses_a_note_in_one_line(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _read_only_folder(tmp_path)
    window = None
    try:
        _filled(folder, tmp_path / "pages")
        if IS_ROOT:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        make_app()
        window = open_watched_window(folder / "library.db")
        qtbot.addWidget(window)
        guard = window.library_health
        assert guard.bar.isVisible()
        assert guard.bar.label.text() == (
            "This library is read-only (its folder cannot be written). You can read, search "
            "and export; nothing can be changed."
        )
        assert not guard.bar.restore_button.isVisible() and not guard.asking
        window.open_article(1)
        window.select_sentence(0)
        editor = window.notes.editor
        editor.text.setPlainText("my careful note")
        with qtbot.capture_exceptions() as raised:
            editor._save()  # Ctrl+Enter: the panel's slot raises, Qt's loop catches it
        assert [type(e[1]) for e in raised] == [WritesRefused]
        assert window.undo.count() == 0  # nothing to undo: nothing was done
        assert editor.text.toPlainText() == "my careful note"  # the draft is kept

        monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
        reporter = CrashReporter(tmp_path / "gloss.log")
        reporter._hook(*raised[0])
        qtbot.waitUntil(lambda: bool(reporter.shown))
        assert reporter.shown == [
            f"{folder / 'library.db'} is read-only (its folder cannot be written): "
            "nothing was changed"
        ]
        assert "Traceback" not in (tmp_path / "gloss.log").read_text()
    finally:
        try:
            _close(qtbot, window)
        finally:
            if IS_ROOT:
                subprocess.run(["umount", "-l", str(folder)], check=False)
            else:
                os.chmod(folder, 0o755)


# The list itself is damaged by name, not by a spot in the file: what lies mid-file
# depends on the size of each index.
@pytest.mark.parametrize("where", ["articles_fts_data", "articles"])
def test_the_app_starts_on_a_damaged_library_and_asks(tmp_path: Path, where: str) -> None:
    """The real app, started as the user would: with the list readable it shows the
    window and asks; with the list itself damaged it asks before any window."""
    path = _filled(tmp_path / "lib", tmp_path / "pages")
    damage(path, table=where)
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox\n"
        "from reader.ui import app, launch\n"
        "app.make_app()\n"
        "def look():\n"
        "    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]\n"
        "    print('asked:', [w.text() for w in shown if isinstance(w, QMessageBox)])\n"
        "    print('window:', any(isinstance(w, QMainWindow) for w in shown), flush=True)\n"
        "    QApplication.instance().exit(0)\n"
        "QTimer.singleShot(1500, look)\n"
        f"sys.exit(launch.run({str(path)!r}))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Traceback" not in done.stderr
    assert "asked: ['Your library is damaged.']" in done.stdout, done.stderr
    assert f"window: {where != 'articles'}" in done.stdout
