"""The library pane and the undoable actions of the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.listing import Show, SortBy
from reader.core.model import Verdict
from reader.ui.app import open_window
from reader.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, shown_window: MainWindow, pages: Path) -> MainWindow:
    with qtbot.waitSignal(shown_window.importFinished, timeout=20000):
        shown_window.import_paths([pages])  # the sample plus four fixture pages
    return shown_window


def titles(win: MainWindow) -> list[str]:
    return [r.title for r in win.library_view.model_.rows]


def test_sort_by_title_and_reverse(window: MainWindow) -> None:
    view = window.library_view
    view.sort_box.setCurrentIndex(view.sort_box.findData(SortBy.TITLE))
    assert titles(window) == sorted(titles(window), key=str.lower)
    view.order.setChecked(True)
    assert titles(window) == sorted(titles(window), key=str.lower, reverse=True)


def test_filters_unread_noted_and_verdict(window: MainWindow) -> None:
    view = window.library_view
    opened = window.current_article_id
    assert opened is not None
    window.library.add_note(opened, 0, "checked", Verdict.FALSE)
    window._notes_changed(opened)
    view.show_box.setCurrentIndex(view.show_box.findData(Show.NOTED))
    assert [r.id for r in view.model_.rows] == [opened]
    view.show_box.setCurrentIndex(view.show_box.findData(Show.UNREAD))
    assert opened not in [r.id for r in view.model_.rows]
    # Five articles: the sample (shown at first start) and the last import were opened.
    assert len(view.model_.rows) == 3
    assert not any(r.opened for r in view.model_.rows)
    view.show_box.setCurrentIndex(view.show_box.findData(Show.ALL))
    view.filter_box.setCurrentIndex(view.filter_box.findData("verdict:false"))
    assert [r.id for r in view.model_.rows] == [opened]


def test_verdict_summary_and_progress_in_the_row(window: MainWindow) -> None:
    opened = window.current_article_id
    assert opened is not None
    window.library.add_note(opened, 0, "", Verdict.FALSE)
    window.library.add_note(opened, 1, "", Verdict.FALSE)
    window.library.add_note(opened, 2, "", Verdict.MISLEADING)
    window._notes_changed(opened)
    row = window.library_view.model_.rows[window.library_view.model_.row_of(opened) or 0]
    assert row.verdict_summary == "2 false, 1 misleading"
    text = window.library_view.model_.data(
        window.library_view.model_.index(window.library_view.model_.row_of(opened) or 0),
        Qt.ItemDataRole.AccessibleTextRole,
    )
    assert "2 false, 1 misleading" in text


def test_archive_and_delete_with_undo(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    count = len(titles(window))
    window._toggle_archive()
    assert article_id not in [r.id for r in window.library_view.model_.rows]
    assert window.library.summary(article_id).archived
    window.undo.undo()
    assert article_id in [r.id for r in window.library_view.model_.rows]
    window.library_view.select_article(article_id)
    window._delete_article()
    assert len(titles(window)) == count - 1
    assert window.current_article_id != article_id  # the next article took its place
    window.undo.undo()
    assert len(titles(window)) == count
    window.undo.redo()
    assert len(titles(window)) == count - 1
    window.close()  # the deleted article waits in the Trash (tests/test_ui_trash.py)
    from reader.core.library import Library

    with Library(window.library.path) as lib:
        assert lib.is_trashed(article_id)


def test_tags_on_articles_filter_the_list(qtbot, window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    article_id = window.current_article_id
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("climate, #local", True))
    window._edit_tags()
    assert window.library.summary(article_id).tags == ("climate", "local")
    view = window.library_view
    view.filter_box.setCurrentIndex(view.filter_box.findData("tag:climate"))
    assert [r.id for r in view.model_.rows] == [article_id]
    window.undo.undo()
    assert window.library.summary(article_id).tags == ()


def test_note_undo_redo_through_the_window(qtbot, window: MainWindow) -> None:
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    sentence = window.reader.current
    editor = window.notes.editor
    qtbot.keyClicks(editor.text, "Undo me")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    (note,) = window.notes.notes()
    window.undo_action.trigger()
    assert window.notes.notes() == []
    assert window.reader.marks == {}
    window.redo_action.trigger()
    assert [n.uuid for n in window.notes.notes()] == [note.uuid]  # the same note comes back
    (card,) = window.notes.note_cards()
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
    assert window.notes.notes() == []
    window.undo_action.trigger()
    assert window.library.note(note.uuid).text == "Undo me"
    assert sentence in window.reader.marks


def test_a_redo_or_undo_whose_write_fails_stays_offered(qtbot, window: MainWindow) -> None:
    """Another process holds the library's write lock: the step fails, changes nothing and
    is still there to retry; once the lock is gone the same step works."""
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    editor = window.notes.editor
    qtbot.keyClicks(editor.text, "Held up")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    (note,) = window.notes.notes()
    window.undo_action.trigger()
    assert window.notes.notes() == []

    window.library.db.conn.execute("PRAGMA busy_timeout = 50")  # fail fast, not in 10 s
    other = sqlite3.connect(window.library.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with qtbot.capture_exceptions() as raised:
            window.redo_action.trigger()
        assert len(raised) == 1
        assert window.undo.canRedo() and not window.undo.canUndo()
        assert window.redo_action.isEnabled()
        other.execute("ROLLBACK")
        window.redo_action.trigger()
        assert [n.uuid for n in window.notes.notes()] == [note.uuid]
        assert window.undo.canUndo() and not window.undo.canRedo()

        other.execute("BEGIN IMMEDIATE")
        with qtbot.capture_exceptions() as raised:
            window.undo_action.trigger()
        assert len(raised) == 1
        assert window.library.note(note.uuid) is not None  # the undo did not happen...
        assert window.undo.canUndo() and not window.undo.canRedo()  # ...and is still offered
        other.execute("ROLLBACK")
        window.undo_action.trigger()
        assert window.notes.notes() == []
    finally:
        other.close()


def test_unplaced_note_can_be_attached_by_hand(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    note = window.library.add_note(article_id, 0, "Lost its place", Verdict.UNVERIFIED)
    window.library.reattach_note(note.uuid, None)
    window.select_sentence(2)
    cards = window.notes.note_cards()
    assert [c.note.uuid for c in cards] == [note.uuid]
    attach = cards[0].findChild(type(cards[0].edit_button), "attachNote")
    assert attach is not None
    qtbot.mouseClick(attach, Qt.MouseButton.LeftButton)
    assert window.library.note(note.uuid).sentence == 2
    assert window.reader.marks == {2: Verdict.UNVERIFIED}
    window.undo.undo()
    assert window.library.note(note.uuid).sentence is None


def test_outline_jumps_to_a_noted_sentence(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 3, "Outline entry", Verdict.TRUE)
    window._notes_changed(article_id)
    window.notes.reload()
    outline = window.notes.outline
    assert outline.count() == 1
    window.notes._jump(outline.item(0))
    assert window.reader.current == 3
    assert window.notes.sentence == 3


def test_many_articles_load_lazily(qtbot, library_path: Path) -> None:
    from reader.core.ingest import load_file
    from reader.core.library import Library
    from reader.ui.library_view import PAGE

    sample = load_file(Path(__file__).parent / "fixtures" / "pages" / "plain.txt")
    with Library(library_path) as lib:
        for i in range(PAGE + 50):
            lib.add_article(sample.with_meta(title=f"Article {i:04d}"))
    win = open_window(library_path)
    qtbot.addWidget(win)
    model = win.library_view.model_
    assert model.total == PAGE + 50
    assert len(model.rows) == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert len(model.rows) == PAGE + 50


def _contrast(a, b) -> float:
    def lum(c) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_row_with_four_badges_keeps_its_title_and_a_visible_chip_when_selected(
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from reader.ui.library_view import SUMMARY
    from reader.ui.theme import THEMES

    opened = window.current_article_id
    assert opened is not None
    for i, verdict in enumerate(
        (Verdict.FALSE, Verdict.MISLEADING, Verdict.MOSTLY_TRUE, Verdict.TRUE)
    ):
        window.library.add_note(opened, i, "", verdict)
    window._notes_changed(opened)
    view = window.library_view
    index = view.model_.index(view.model_.row_of(opened) or 0, 0)
    assert len(index.data(SUMMARY).verdict_counts) == 4
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = view.list.visualRect(index).translated(-view.list.visualRect(index).topLeft())
    option.rect.setWidth(330)
    option.state |= QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Active
    option.widget = view.list
    delegate = view.delegate
    title, _details, chips = delegate.layout(
        option.rect, QFontMetrics(option.font), index.data(SUMMARY)
    )
    assert title.width() >= option.rect.width() - 2 * delegate.PADDING - 1
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    chip = next(square for verdict, _label, square in chips if verdict is Verdict.MOSTLY_TRUE)
    around = image.pixelColor(chip.left() - 2, chip.center().y())
    assert _contrast(THEMES["light"].verdict(Verdict.MOSTLY_TRUE), around) >= 2.5


def test_deleting_opens_the_next_article_in_the_list(window: MainWindow) -> None:
    view = window.library_view
    view.select_article(view.model_.rows[1].id)
    deleted = window.current_article_id
    following = view.model_.rows[2].id
    window._delete_article()
    assert window.current_article_id == following
    assert window.reader.article is not None
    assert view.current_id() == following
    last = view.model_.rows[-1].id
    view.select_article(last)
    window._delete_article()
    assert window.current_article_id == view.model_.rows[-1].id
    assert deleted not in [r.id for r in view.model_.rows]


def test_a_restart_keeps_the_sort_order_and_reopens_the_last_article(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    view = window.library_view
    view.sort_box.setCurrentIndex(view.sort_box.findData(SortBy.TITLE))
    view.order.setChecked(True)
    newest = view.model_.rows[0].id
    chosen = next(r.id for r in view.model_.rows if r.id != newest)
    # Not the newest import: the start used to open that one whatever was read last.
    view.select_article(chosen)
    assert window.current_article_id == chosen
    window.close()
    again = open_window(library_path)
    qtbot.addWidget(again)
    assert again.library_view.sort_box.currentData() == SortBy.TITLE
    assert again.library_view.order.isChecked()
    assert titles(again) == sorted(titles(again), key=str.lower, reverse=True)
    assert again.current_article_id == chosen
    assert again.library_view.current_id() == chosen


def test_note_tags_are_in_the_library_filter(window: MainWindow) -> None:
    view = window.library_view
    opened = window.current_article_id
    assert opened is not None
    window.library.add_note(opened, 0, "checked", Verdict.TRUE, tags=["rainfall-data"])
    window._notes_changed(opened)
    index = view.filter_box.findData("tag:rainfall-data")
    assert index >= 0
    view.filter_box.setCurrentIndex(index)
    assert [r.id for r in view.model_.rows] == [opened]


def test_export_notes_of_selected_rows_opens_the_export_dialog(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from reader.ui import context_menus

    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 0, "Checked against the log.", Verdict.TRUE)
    out = tmp_path / "picked.md"
    # The save dialog is the edge: answer it as a person would.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    context_menus.export_many(window, [article_id])
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: "Checked against the log." in dialog.preview.toPlainText())
    dialog._choose()
    dialog.accept()
    qtbot.waitUntil(out.exists, timeout=10000)
    assert "Checked against the log." in out.read_text()
    out.unlink()
    context_menus.export_many(window, [article_id])
    window.export_dialog.reject()  # cancelled: nothing written
    qtbot.wait(200)
    assert not out.exists()
