"""The Trash in the window: a delete outlasts a restart, the Trash view lists it, Restore
(undoable) and Empty Trash / Delete Forever (confirmed, naming the count)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.listing import Show
from reader.ui.app import open_window
from reader.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, shown_window: MainWindow, pages: Path) -> MainWindow:
    with qtbot.waitSignal(shown_window.importFinished, timeout=20000):
        shown_window.import_paths([pages / "news.html", pages / "plain.txt"])
    return shown_window


def listed(win: MainWindow) -> list[int]:
    return [r.id for r in win.library_view.model_.rows]


def answer(button: str, seen: list[str]) -> None:
    """Click `button` in the confirmation that is about to open, noting its question."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        chosen.click()

    QTimer.singleShot(0, click)


def test_deleted_article_is_in_the_trash_after_a_restart_and_comes_back(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    deleted = window.current_article_id
    assert deleted is not None
    window._delete_article()
    window.close()

    again = open_window(library_path)
    qtbot.addWidget(again)
    again.show()
    assert deleted not in listed(again)
    assert again.trash.bar.isHidden()
    again.trash.show_action.trigger()  # Article ▸ Show Trash
    assert again.library_view.query().show == Show.TRASH
    assert listed(again) == [deleted]
    assert not again.trash.bar.isHidden()
    assert again.trash.label.text() == "1 article deleted"

    opened = again.current_article_id
    again.library_view.select_article(deleted)
    assert again.current_article_id == opened  # a deleted article does not open
    assert again.trash.restore_button.isEnabled()
    again.trash.restore_button.click()
    assert listed(again) == []
    assert again.trash.label.text() == "The Trash is empty"
    again.undo.undo()  # restoring is undoable, like deleting
    assert listed(again) == [deleted]
    again.undo.redo()
    again.trash.show_trash(False)
    assert deleted in listed(again)
    assert not again.library.is_trashed(deleted)


def test_empty_trash_asks_naming_the_count(qtbot, window: MainWindow) -> None:
    view = window.library_view
    ids = listed(window)
    for article_id in ids[:2]:
        view.select_article(article_id)
        window._delete_article()
    window.trash.show_trash()
    assert sorted(listed(window)) == sorted(ids[:2])

    seen: list[str] = []
    answer("Cancel", seen)
    window.trash.empty_button.click()
    assert seen == ["Delete the 2 articles in the Trash for good?"]
    assert sorted(listed(window)) == sorted(ids[:2])

    answer("Empty Trash", seen)
    window.trash.empty_action.trigger()
    assert listed(window) == []
    assert not window.trash.empty_action.isEnabled()
    assert not window.undo.canUndo()  # nothing left to undo the deletes into
    assert all(i not in window.library.article_ids() for i in ids[:2])
    assert ids[2] in window.library.article_ids()


def test_delete_forever_from_the_row_menu(qtbot, window: MainWindow) -> None:
    view = window.library_view
    first, second = listed(window)[:2]
    for article_id in (first, second):
        view.select_article(article_id)
        window._delete_article()
    window.trash.show_trash()
    title = window.library.summary(first).title
    menu = window.trash.row_menu([first])
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["&Restore", "&Delete Forever…"]
    seen: list[str] = []
    answer("Delete Forever", seen)
    next(a for a in menu.actions() if a.text() == "&Delete Forever…").trigger()
    assert seen == [f"Delete “{title}” for good?"]
    assert listed(window) == [second]
    assert first not in window.library.article_ids()


def test_importing_a_trashed_page_brings_it_back(qtbot, window: MainWindow, pages: Path) -> None:
    news = next(r.id for r in window.library_view.model_.rows if r.title.startswith("Bridge"))
    window.library_view.select_article(news)
    window._delete_article()
    assert news not in listed(window)
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([pages / "news.html"])
    assert news in listed(window)
    assert not window.library.is_trashed(news)
    assert "1 restored from the Trash" in window.statusBar().currentMessage()
