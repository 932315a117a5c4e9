"""Search, export, import and backups from the window, each run as background work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.model import Verdict
from reader.ui.main_window import MainWindow


@pytest.fixture
def window(news_window: MainWindow) -> MainWindow:
    return news_window


def wait_tasks(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win._tasks, timeout=20000)


def test_ctrl_k_finds_a_sentence_and_opens_it(qtbot, window: MainWindow) -> None:
    sample_id = window.library.article_ids()[0]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, "gutter")
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10000)
    hit = dialog.hits[0]
    assert hit.article_id == sample_id
    assert "<b>" in dialog.results.itemWidget(dialog.results.item(0)).text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.current_article_id == sample_id
    assert window.reader.current == hit.sentence
    assert window.reader.article is not None
    assert "gutter" in window.reader.article.sentences[hit.sentence].text


def test_search_filters_by_verdict(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 0, "closure date disputed", Verdict.FALSE)
    window.library.add_note(article_id, 1, "closure promise real", Verdict.TRUE)
    window.open_search()
    dialog = window.search_dialog
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("false"))
    qtbot.keyClicks(dialog.field, "closure")
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=10000)
    notes = [h for h in dialog.hits if h.kind == "note"]
    assert notes and all(h.verdict == "false" for h in notes)
    dialog.reject()


def test_export_then_import_notes_in_the_background(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    note = window.library.add_note(article_id, 2, "Exported and back", Verdict.MISLEADING)
    out = tmp_path / "notes.json"
    window.export_notes(None, "json", out)
    wait_tasks(qtbot, window)
    data = json.loads(out.read_text())
    assert data["format"] == "gloss-backup"
    window.library.delete_note(note.uuid)
    window.import_notes(out)
    wait_tasks(qtbot, window)
    assert window.library.note(note.uuid).text == "Exported and back"
    assert window.reader.marks.get(2) is Verdict.MISLEADING
    assert "restored 1" in window.import_report_box.text()
    window.import_report_box.close()


def test_a_failed_notes_import_says_why_and_changes_nothing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    before = window.library.db.execute("SELECT COUNT(*) FROM notes").fetchone()
    window.import_notes(bad)
    wait_tasks(qtbot, window)
    assert said and "not JSON" in said[0]
    assert window.library.db.execute("SELECT COUNT(*) FROM notes").fetchone() == before


def test_daily_backup_runs_at_start_off_the_gui_thread(qtbot, window: MainWindow) -> None:
    window.start_daily_backup()
    wait_tasks(qtbot, window)
    made = list((window.library.path.parent / "backups").glob("*.db"))
    assert len(made) == 1
    window.start_daily_backup()  # once a day only
    wait_tasks(qtbot, window)
    assert len(list((window.library.path.parent / "backups").glob("*.db"))) == 1


def test_task_callbacks_run_on_the_gui_thread(qtbot, window: MainWindow) -> None:
    import threading

    seen: list[bool] = []
    window.run_task(
        lambda _lib, _progress, _cancelled: threading.current_thread(),
        lambda worker_thread: seen.append(
            worker_thread is not threading.current_thread()
            and threading.current_thread() is threading.main_thread()
        ),
    )
    wait_tasks(qtbot, window)
    assert seen == [True]
