"""Notice when the library file changes under the window.

Another process (`gloss import`, `gloss note add`, a second copy of Gloss on the same
file) or one of the window's own background workers commits on its own connection;
SQLite's `PRAGMA data_version` on the window's connection changes then, and only then.
Reading it is one statement on an open connection, so polling it a few times a second
costs nothing measurable (bench/idle_watch.py). Writes the window makes on its own
connection do not change it: the window updates itself for those as it makes them.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.library import Library

POLL_MS = 250  # a change shows well within a second, including the reload


class LibraryWatcher(QObject):
    changed = Signal()  # another connection committed since the last poll

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._version = library.data_version()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._version = self.library.data_version()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def retry(self) -> None:
        """Have the next poll report a change even if there was none since (the last
        one could not be applied)."""
        self._version = -1

    def poll(self) -> bool:
        """Check now; True (and `changed` emitted) if the file changed."""
        try:
            version = self.library.data_version()
        except sqlite3.Error:  # closed, or briefly unreadable: the next poll tells
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
