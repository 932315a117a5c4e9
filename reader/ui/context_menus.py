"""Right-click menus: on a library row (open, archive, tags, export notes, delete) and in
the reader (besides Qt's copy and the note items: copy the sentence, copy it as a
citation, search the library for it).

The row menu opens the clicked article first and then runs the window's own actions, so
the menu, the Article menu and the shortcuts do one and the same thing (undo included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from .citation_copy import copy_citation
from .library_view import ARTICLE_ID

if TYPE_CHECKING:
    from .main_window import MainWindow


def library_menu(window: MainWindow, article_id: int) -> QMenu:
    """The menu for one library row; the row's article is opened first."""
    if window.current_article_id != article_id:
        window.open_article(article_id)
    menu = QMenu(window.library_view.list)
    menu.setObjectName("libraryMenu")
    menu.addAction("&Open", lambda: window.reader.setFocus())
    archived = window.library.summary(article_id).archived
    menu.addAction("Un&archive" if archived else "&Archive", window._toggle_archive)
    menu.addAction("&Tags…", window._edit_tags)
    menu.addAction("&Export Notes…", window._export_notes)
    menu.addSeparator()
    menu.addAction("&Delete", window._delete_article)
    return menu


def install_library_menu(window: MainWindow) -> None:
    view = window.library_view.list
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(point: QPoint) -> None:
        index = view.indexAt(point)
        if not index.isValid():
            return
        ids = window.library_view.selected_ids()
        clicked = index.data(ARTICLE_ID)
        if window.trash.showing():
            menu = window.trash.row_menu(ids if clicked in ids else [clicked])
        elif len(ids) > 1 and clicked in ids:
            menu = selection_menu(window, ids)
        else:
            menu = library_menu(window, clicked)
        window.library_menu = menu  # kept for tests and so it outlives exec()
        menu.exec(view.viewport().mapToGlobal(point))

    view.customContextMenuRequested.connect(show)


def add_reader_items(window: MainWindow, menu: QMenu, index: int | None) -> None:
    """Append the sentence items for the sentence under the pointer (or the selection)."""
    reader = window.reader
    selected = reader.textCursor().selectedText().replace("\u2029", " ").strip()
    sentence = (
        reader.article.sentences[index].text
        if reader.article is not None and index is not None
        else ""
    )
    text = selected or sentence
    if not text:
        return
    menu.addSeparator()
    if sentence:
        menu.addAction("Copy &Sentence", lambda: QGuiApplication.clipboard().setText(sentence))
    cited = None if reader.selected_span() is not None else index
    menu.addAction(
        QCoreApplication.translate("context_menus", "Copy as &Citation"),
        lambda: copy_citation(window, cited),
    )
    short = text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0] + "…"
    menu.addAction(
        QCoreApplication.translate("context_menus", "Search the &Library for “{0}”").format(short),
        lambda: search_for(window, text),
    )


def search_for(window: MainWindow, text: str) -> None:
    window.open_search()
    window.search_dialog.field.setText(text)


def selection_menu(window: MainWindow, ids: list[int]) -> QMenu:
    """The menu for several selected rows: each action covers all of them, as one undo."""
    count = len(ids)
    menu = QMenu(window.library_view.list)
    menu.setObjectName("librarySelectionMenu")
    menu.addAction(
        QCoreApplication.translate("context_menus", "&Archive %Ln Articles", "", count),
        lambda: archive_many(window, ids),
    )
    menu.addAction(
        QCoreApplication.translate("context_menus", "Add &Tags to %Ln Articles…", "", count),
        lambda: tag_many(window, ids),
    )
    menu.addAction(
        QCoreApplication.translate("context_menus", "&Export Notes of %Ln Articles…", "", count),
        lambda: export_many(window, ids),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("context_menus", "&Delete %Ln Articles", "", count),
        lambda: delete_many(window, ids),
    )
    return menu


def archive_many(window: MainWindow, ids: list[int]) -> None:
    from .commands import SetArchived

    window.undo.beginMacro(f"Archive {len(ids)} articles")
    for article_id in ids:
        window.undo.push(SetArchived(window.library, window._article_changed, article_id, True))
    window.undo.endMacro()
    window.statusBar().showMessage(f"Archived {len(ids)} articles — Ctrl+Z to undo", 6000)


def delete_many(window: MainWindow, ids: list[int]) -> None:
    from .commands import TrashArticle

    # The reader goes on with the first row after the selection (or the last before it).
    listed = [r.id for r in window.library_view.model_.rows]
    chosen = set(ids)
    positions = [listed.index(i) for i in ids if i in listed] or [0]
    later = [i for i in listed[max(positions) + 1 :] if i not in chosen]
    earlier = [i for i in listed[: min(positions)] if i not in chosen]
    after = later[0] if later else (earlier[-1] if earlier else None)
    window.undo.beginMacro(f"Delete {len(ids)} articles")
    for article_id in ids:
        window.undo.push(TrashArticle(window.library, window._article_changed, article_id))
    window.undo.endMacro()
    if window.current_article_id is None and after is not None and after not in ids:
        window.open_article(after)
    window.statusBar().showMessage(f"Deleted {len(ids)} articles — Ctrl+Z to undo", 8000)


def add_tags(window: MainWindow, ids: list[int], tags: list[str]) -> None:
    from .commands import SetArticleTags

    window.undo.beginMacro(f"Tag {len(ids)} articles")
    for article_id in ids:
        before = list(window.library.summary(article_id).tags)
        after = sorted({*before, *tags})
        if after != before:
            window.undo.push(
                SetArticleTags(window.library, window._article_changed, article_id, before, after)
            )
    window.undo.endMacro()


def tag_many(window: MainWindow, ids: list[int]) -> None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("context_menus", "Tags"),
        QCoreApplication.translate(
            "context_menus", "Tags to add to %Ln articles (separated by commas):", "", len(ids)
        ),
    )
    tags = sorted({t.strip().lstrip("#") for t in text.split(",") if t.strip()})
    if ok and tags:
        add_tags(window, ids, tags)


def export_many(window: MainWindow, ids: list[int]) -> None:
    from ..core.export_scope import SELECTED

    window.open_export_dialog(list(ids), SELECTED)
