"""Right-click menus on library rows and in the reader."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.context_menus import add_reader_items, library_menu
from reader.ui.main_window import MainWindow


def _actions(menu: QMenu) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def test_a_library_row_menu_opens_archives_and_deletes_that_row(
    qtbot, news_window: MainWindow
) -> None:
    view = news_window.library_view
    other = next(r.id for r in view.model_.rows if r.id != news_window.current_article_id)
    menu = library_menu(news_window, other)
    assert news_window.current_article_id == other  # the clicked row is opened
    actions = _actions(menu)
    assert {"Open", "Archive", "Tags…", "Export Notes…", "Delete"} <= set(actions)
    actions["Archive"].trigger()
    assert news_window.library.summary(other).archived
    news_window.undo.undo()
    menu = library_menu(news_window, other)
    _actions(menu)["Delete"].trigger()
    assert other not in [r.id for r in view.model_.rows]


def test_the_reader_menu_copies_cites_and_searches(qtbot, news_window: MainWindow) -> None:
    reader = news_window.reader
    assert reader.article is not None
    sentence = reader.article.sentences[1].text
    menu = QMenu()
    add_reader_items(news_window, menu, 1)
    actions = _actions(menu)
    actions["Copy Sentence"].trigger()
    assert QApplication.clipboard().text() == sentence
    actions["Copy as Citation"].trigger()
    cited = QApplication.clipboard().text()
    assert cited.startswith(f"“{sentence.strip()}” — {reader.article.meta.title}")
    search = next(a for t, a in actions.items() if t.startswith("Search the Library"))
    search.trigger()
    assert news_window.search_dialog.field.text() == sentence
    news_window.search_dialog.close()
    # The real menu carries these items too.
    point = reader.sentence_rect(1).center()
    assert reader.sentence_at(point) == 1
    assert isinstance(point, QPoint)


def test_several_selected_rows_are_archived_tagged_and_deleted_together(
    qtbot, news_window: MainWindow, pages
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from reader.ui.context_menus import add_tags, selection_menu

    with qtbot.waitSignal(news_window.importFinished, timeout=20000):
        news_window.import_paths([pages])
    view = news_window.library_view
    ids = [r.id for r in view.model_.rows[:3]]
    selection = view.list.selectionModel()
    selection.clear()
    for row in range(3):
        selection.select(view.model_.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    assert view.selected_ids() == ids
    add_tags(news_window, ids, ["batch"])
    assert all("batch" in news_window.library.summary(i).tags for i in ids)
    news_window.undo.undo()  # one undo for the whole batch
    assert not any("batch" in news_window.library.summary(i).tags for i in ids)
    menu = selection_menu(news_window, ids)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Archive 3 Articles",
        "Add Tags to 3 Articles…",
        "Export Notes of 3 Articles…",
        "Delete 3 Articles",
    ]
    menu.actions()[-1].trigger()
    listed = [r.id for r in view.model_.rows]
    assert not set(ids) & set(listed)
    assert news_window.current_article_id in listed
    news_window.undo.undo()
    assert set(ids) <= {r.id for r in view.model_.rows}
