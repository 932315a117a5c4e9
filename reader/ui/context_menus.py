"""Right-click menus: on a library row (open, archive, tags, export notes, delete) and in
the reader (besides Qt's copy and the note items: copy the sentence, copy it as a
citation, search the library for it).

The row menu opens the clicked article first and then runs the window's own actions, so
the menu, the Article menu and the shortcuts do one and the same thing (undo included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

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
        menu = library_menu(window, index.data(ARTICLE_ID))
        window.library_menu = menu  # kept for tests and so it outlives exec()
        menu.exec(view.viewport().mapToGlobal(point))

    view.customContextMenuRequested.connect(show)


def citation(window: MainWindow, text: str) -> str:
    """“text” — Title, Site, date. URL (the parts the article has)."""
    article = window.reader.article
    if article is None:
        return f"“{text}”"
    meta = article.meta
    parts = [p for p in (meta.title, meta.byline, meta.site, meta.published[:10]) if p]
    cited = f"“{text.strip()}” — {', '.join(parts)}"
    return f"{cited}. {meta.url}" if meta.url else cited


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
    menu.addAction(
        "Copy as &Citation",
        lambda: QGuiApplication.clipboard().setText(citation(window, text)),
    )
    short = text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0] + "…"
    menu.addAction(f"Search the &Library for “{short}”", lambda: search_for(window, text))


def search_for(window: MainWindow, text: str) -> None:
    window.open_search()
    window.search_dialog.field.setText(text)
