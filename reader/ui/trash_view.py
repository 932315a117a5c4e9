"""The Trash in the window: the library's "Trash" view, its bar (Restore, Empty Trash…),
its row menus (Restore, Delete Forever…) and the Article menu's Show Trash / Empty Trash….

Deleted articles stay in the Trash across restarts until the reader empties it. Restoring
is undoable, like deleting; deleting for good asks first, naming how many articles go,
and then clears the undo history (whose entries could point at articles that are gone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ..core import trash
from ..core.library import Library
from ..core.listing import Show
from .commands import Changed

if TYPE_CHECKING:
    from .main_window import MainWindow


class RestoreArticles(QUndoCommand):
    """Bring articles back from the Trash; undo puts them back in it."""

    def __init__(self, library: Library, changed: Changed, article_ids: list[int]) -> None:
        count = len(article_ids)
        super().__init__("Restore article" if count == 1 else f"Restore {count} articles")
        self.library, self.changed, self.article_ids = library, changed, article_ids

    def redo(self) -> None:
        trash.restore(self.library, self.article_ids)
        for article_id in self.article_ids:
            self.changed(article_id)

    def undo(self) -> None:
        with self.library.transaction():
            for article_id in self.article_ids:
                self.library.trash_article(article_id)
        for article_id in self.article_ids:
            self.changed(article_id)


def articles(count: int) -> str:
    # Two English sources, so English needs no .qm for its plural (see locale_format).
    if count == 1:
        return QCoreApplication.translate("TrashControls", "%Ln article", "", count)
    return QCoreApplication.translate("TrashControls", "%Ln articles", "", count)


class TrashControls:
    """Everything the window shows of the Trash; built once, beside the library list."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        view = window.library_view
        self.bar = QWidget()
        self.bar.setObjectName("trashBar")
        layout = QHBoxLayout(self.bar)
        layout.setContentsMargins(0, 0, 4, 4)
        self.label = QLabel()
        self.label.setObjectName("trashCount")
        self.restore_button = QPushButton(QCoreApplication.translate("TrashControls", "&Restore"))
        self.restore_button.setObjectName("trashRestore")
        self.restore_button.setToolTip(
            QCoreApplication.translate(
                "TrashControls", "Put the selected articles back in the library"
            )
        )
        self.restore_button.clicked.connect(lambda: self.restore(view.selected_ids()))
        self.empty_button = QPushButton(
            QCoreApplication.translate("TrashControls", "&Empty Trash…")
        )
        self.empty_button.setObjectName("trashEmpty")
        self.empty_button.clicked.connect(self.empty)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.empty_button)
        view.layout().addWidget(self.bar)
        self.bar.hide()

        self.show_action = QAction(
            QCoreApplication.translate("TrashControls", "Show &Trash"), window
        )
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self._show_toggled)
        self.empty_action = QAction(
            QCoreApplication.translate("TrashControls", "&Empty Trash…"), window
        )
        self.empty_action.triggered.connect(self.empty)
        menu.addAction(self.show_action)
        menu.addAction(self.empty_action)
        menu.aboutToShow.connect(self.update)

        view.show_box.currentIndexChanged.connect(lambda _i: self.update())
        view.list.selectionModel().selectionChanged.connect(lambda *_a: self.update())
        view.model_.modelReset.connect(self.update)
        self.update()

    def showing(self) -> bool:
        return self.window.library_view.query().show == Show.TRASH

    def show_trash(self, on: bool = True) -> None:
        box = self.window.library_view.show_box
        box.setCurrentIndex(box.findData(Show.TRASH if on else Show.ALL))

    def update(self) -> None:
        """Bring the bar, its count and the menu items in line with the library."""
        showing = self.showing()
        count = trash.count(self.window.library)
        self.bar.setVisible(showing)
        self.label.setText("The Trash is empty" if not count else f"{articles(count)} deleted")
        self.restore_button.setEnabled(bool(self.window.library_view.selected_ids()))
        self.empty_button.setEnabled(bool(count))
        self.empty_action.setEnabled(bool(count))
        self.show_action.blockSignals(True)
        self.show_action.setChecked(showing)
        self.show_action.blockSignals(False)

    def _show_toggled(self, on: bool) -> None:
        self.show_trash(on)

    # -- actions ---------------------------------------------------------------------------

    def restore(self, article_ids: list[int]) -> None:
        window = self.window
        ids = [i for i in article_ids if window.library.is_trashed(i)]
        if not ids:
            return
        window.undo.push(RestoreArticles(window.library, window._article_changed, ids))
        window.statusBar().showMessage(f"Restored {articles(len(ids))} — Ctrl+Z to undo", 8000)
        self.update()

    def delete_forever(self, article_ids: list[int]) -> None:
        ids = [i for i in article_ids if self.window.library.is_trashed(i)]
        if not ids:
            return
        what = (
            f"“{self.window.library.summary(ids[0]).title}”"
            if len(ids) == 1
            else QCoreApplication.translate("TrashControls", "these {0}").format(articles(len(ids)))
        )
        if not self.confirm(
            QCoreApplication.translate("TrashControls", "Delete {0} for good?").format(what),
            QCoreApplication.translate("TrashControls", "Delete Forever"),
            QCoreApplication.translate("TrashControls", "Their notes are deleted with them."),
        ):
            return
        gone = trash.delete_forever(self.window.library, ids)
        self._deleted(len(gone))

    def empty(self) -> None:
        count = trash.count(self.window.library)
        if not count:
            return
        if not self.confirm(
            QCoreApplication.translate(
                "TrashControls", "Delete the {0} in the Trash for good?"
            ).format(articles(count)),
            QCoreApplication.translate("TrashControls", "Empty Trash"),
            QCoreApplication.translate("TrashControls", "Their notes are deleted with them."),
        ):
            return
        self._deleted(trash.empty(self.window.library))

    def confirm(self, question: str, verb: str, detail: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("TrashControls", "Trash"),
            question,
            parent=self.window,
        )
        box.setObjectName("trashConfirm")
        box.setInformativeText(
            QCoreApplication.translate("TrashControls", "{0} This cannot be undone.").format(detail)
        )
        accept = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is accept

    def _deleted(self, count: int) -> None:
        # Undoing an earlier delete could only point at an article that no longer exists.
        self.window.undo.clear()
        self.window.library_view.reload()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("TrashControls", "Deleted {0} for good").format(
                articles(count)
            ),
            8000,
        )
        self.update()

    def row_menu(self, article_ids: list[int]) -> QMenu:
        """The right-click menu on rows of the Trash."""
        menu = QMenu(self.window.library_view.list)
        menu.setObjectName("trashMenu")
        several = len(article_ids) > 1
        label = f" {articles(len(article_ids))}" if several else ""
        menu.addAction(f"&Restore{label}", lambda: self.restore(article_ids))
        menu.addSeparator()
        menu.addAction(f"&Delete{label} Forever…", lambda: self.delete_forever(article_ids))
        return menu
