"""The window's side of a library that cannot be written: read-only or damaged.

- A bar above the window's content says why nothing can be changed, with **Restore
  Backup…** when the library is damaged and a good backup exists.
- At start, a damaged library asks first: restore the newest good backup, or keep
  reading (and exporting) what can still be read.
- After start, `PRAGMA integrity_check` runs in the background (the quick check on opening
  stops after a fraction of a second on a big library); damage found then refuses writes
  from that moment and asks the same question.
- `problem_message(exc)` is the one line the window shows for any library error (busy,
  full, read-only, damaged) instead of the crash dialog (`undo_stack.py` keeps a failed
  write off the undo stack).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from .. import APP_NAME
from ..core import health
from ..core.dberrors import classify, describe
from ..core.library import Library

# PySide6 re-raises an exception from a Python override called by Qt (a command's redo,
# an event filter) with this in front of its message, once per override it went through.
_OVERRIDE_PREFIX = re.compile(r"^(?:Error calling Python override of \S+\(\): )+")


def problem_message(exc: BaseException, path: Path | None = None) -> str | None:
    """One line for an error of the library file, or None for anything else (a bug)."""
    if classify(exc, path) is None:
        return None
    return _OVERRIDE_PREFIX.sub("", describe(exc, path))


class ProblemBar(QToolBar):
    """A bar across the top of the window: why the library cannot be changed."""

    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library problem", parent)
        self.setObjectName("libraryProblemBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.label = QLabel()  # one line: a wrapped label makes a toolbar three lines tall
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setContentsMargins(8, 4, 8, 4)
        self.addWidget(self.label)
        self.restore_button = QPushButton(
            QCoreApplication.translate("ProblemBar", "Restore Backup…")
        )
        self.restore_button.clicked.connect(self.restoreRequested)
        # A widget in a toolbar is shown and hidden through its action.
        self.restore_action = self.addWidget(self.restore_button)
        self.setStyleSheet(
            "QToolBar#libraryProblemBar { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
            "QToolBar#libraryProblemBar QLabel { color: #3b2f00; }"
        )
        self.hide()

    def show_problem(self, text: str, can_restore: bool, details: str = "") -> None:
        self.label.setText(text)
        self.label.setToolTip(details or text)
        self.restore_action.setVisible(can_restore)
        self.show()


class LibraryHealth(QObject):
    """Watches the library of one main window (see the module docstring).

    `reopen(path)` opens a new main window on the library file; after a restore this
    object's window is closed and `reopened` carries the new one.
    """

    reopened = Signal(object)
    damageFound = Signal(str)

    def __init__(self, window: Any, reopen: Callable[[Path], QMainWindow]) -> None:
        super().__init__(window)
        self.window = window
        self.reopen = reopen
        self.bar = ProblemBar(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.restoreRequested.connect(self.ask_restore)
        self.good_backup: Path | None = None
        self.asking = False  # a question is on screen (tests answer it)
        self.question: QMessageBox | None = None

    @property
    def library(self) -> Library:
        return self.window.library

    def start(self, background_check: bool = True) -> None:
        """Show what is wrong now; ask at once about damage; check fully in the background."""
        self.show_state()
        if self.library.health.damaged:
            self.ask_restore()
        elif background_check:
            path = self.library.path
            self.window.run_task(
                lambda _lib, _progress, _cancelled: health.full_check(path),
                self._checked,
                on_error=lambda _message: None,  # unreadable here means damaged on open
            )

    def show_state(self) -> None:
        reason = self.library.writes_refused
        if not reason:
            self.bar.hide()
            return
        damaged = self.library.health.damaged
        if damaged:
            self.good_backup = health.newest_good_backup(self.library.path)
        details = reason
        if damaged:
            text = QCoreApplication.translate(
                "LibraryHealth",
                "This library is damaged: nothing can be changed. You can read, search and "
                "export what is left.",
            )
            details = QCoreApplication.translate("LibraryHealth", "SQLite found: {0}").format(
                self.library.health.problems[0]
            )
        elif " is read-only" in reason:
            why = re.search(r"\(([^)]*)\)", reason)
            text = QCoreApplication.translate(
                "LibraryHealth",
                "This library is read-only{0}. You can read, search and export; nothing can "
                "be changed.",
            ).format(f" ({why.group(1)})" if why else "")
        else:
            text = reason
        self.bar.show_problem(text, damaged and self.good_backup is not None, details)

    def _checked(self, found: health.Health) -> None:
        if not found.damaged or self.library.writes_refused:
            return
        self.library.health = found
        health.remember(self.library.path, found)  # the window's next tasks refuse too
        self.library.refuse_writes(health.damaged_reason(self.library.path, found))
        self.show_state()
        self.damageFound.emit(found.problems[0])
        self.ask_restore()

    def ask_restore(self) -> None:
        """Offer the newest good backup in place of the damaged library."""
        if self.asking:
            return
        self.good_backup = health.newest_good_backup(self.library.path)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setText(QCoreApplication.translate("LibraryHealth", "Your library is damaged."))
        problem = self.library.health.problems[0] if self.library.health.damaged else ""
        if self.good_backup is not None:
            box.setInformativeText(
                QCoreApplication.translate(
                    "LibraryHealth",
                    "SQLite found: {0}\n\nGloss can put back the newest good backup, "
                    "{1}. Notes written since then are in the damaged file, "
                    "which is kept beside the library (export them first if you need them).\n\n"
                    "Until then you can read, search and export, but not change anything.",
                ).format(problem, self.good_backup.name)
            )
            restore = box.addButton(
                QCoreApplication.translate("LibraryHealth", "Restore Backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        else:
            box.setInformativeText(
                QCoreApplication.translate(
                    "LibraryHealth",
                    "SQLite found: {0}\n\nThere is no good backup in "
                    "{1}. You can read, search and export "
                    "what is left (File ▸ Export Notes…, Full backup), but not change anything.",
                ).format(problem, self.library.path.parent / "backups")
            )
            restore = None
        keep = box.addButton(
            QCoreApplication.translate("LibraryHealth", "Keep Reading"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(restore or keep)
        self.question = box
        self.asking = True
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is restore))
        box.open()

    def _answered(self, restore: bool) -> None:
        self.asking = False
        self.question = None
        if restore and self.good_backup is not None:
            self.restore(self.good_backup)

    def restore(self, backup: Path) -> QMainWindow | None:
        """Close this window, put `backup` in place of the library, open a new window."""
        path = self.library.path
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        try:
            self.window.close()
            try:
                restored = health.restore(path, backup)
            except Exception as exc:
                message = problem_message(exc, path) or str(exc)
                QMessageBox.critical(
                    None,
                    APP_NAME,
                    QCoreApplication.translate(
                        "LibraryHealth", "The backup could not be restored: {0}"
                    ).format(message),
                )
                restored = None
            window = self.reopen(path)
            window.show()
            if restored is not None and restored.kept is not None:
                window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "LibraryHealth", "Restored {0}; the damaged file is kept as {1}"
                    ).format(restored.backup.name, restored.kept.name),
                    15000,
                )
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)
        self.reopened.emit(window)
        return window
