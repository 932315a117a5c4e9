"""Long work off the GUI thread: one function, run on a QThread with its own library
connection, reporting progress and honouring cancel (Anki's CollectionOp is the model).

The function gets a `Library` opened on the worker thread (a SQLite connection belongs
to one thread), a `progress(done, total, label="")` callback (the label, if any, replaces
the progress dialog's text) and a `cancelled()` check. Its result
or its error comes back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.dberrors import LibraryError, translated
from ..core.library import Library
from .crash import write_log

Progress = Callable[..., None]  # (done, total) or (done, total, label)
Work = Callable[[Library, Progress, Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, library_path: Path, work: Work) -> None:
        super().__init__()
        self.library_path = library_path
        self.work = work
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            with translated(self.library_path), Library(self.library_path) as library:
                result = self.work(library, self._progress, self.cancel_event.is_set)
        except Exception as exc:  # reported to the user; unexpected ones also logged
            if not isinstance(exc, ValueError | LookupError | OSError | LibraryError):
                write_log(traceback.format_exc())
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int, label: str = "") -> None:
        self.progressed.emit(done, total, label)


class Task(QObject):
    """A running piece of work. Keep a reference until `finished` (the window does)."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        library_path: Path,
        work: Work,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        label: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(library_path, work)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Bound methods of this object, which lives on the GUI thread, are queued there;
        # a plain function or lambda would run on the worker thread that emits.
        self._on_done, self._on_error = on_done, on_error
        self._on_progress = on_progress
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        # Directly on the worker thread (quit is thread-safe): queued, the quit would wait
        # for the GUI thread, which blocks in wait() when the window closes meanwhile.
        direct = Qt.ConnectionType.DirectConnection
        self.worker.succeeded.connect(self.thread.quit, direct)
        self.worker.failed.connect(self.thread.quit, direct)
        self.thread.finished.connect(self._finished)
        self.dialog: QProgressDialog | None = None
        if label is not None:
            dialog = QProgressDialog(
                label, QCoreApplication.translate("Task", "Cancel"), 0, 0, parent
            )
            dialog.setWindowTitle(QCoreApplication.translate("Task", "Gloss"))
            dialog.setMinimumDuration(500)  # quick work shows no dialog at all
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog
        if label is not None or on_progress is not None:
            self.worker.progressed.connect(self._progress)
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel_event.set()

    def wait(self, ms: int = 10000) -> bool:
        return self.thread.wait(ms)

    def _succeeded(self, result: object) -> None:
        self._on_done(result)

    def _failed(self, message: str) -> None:
        self._on_error(message)

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)
        if self.dialog is not None:
            if label:
                self.dialog.setLabelText(label)
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit()
