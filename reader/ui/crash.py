"""Uncaught errors: written to a log file with their traceback and shown in a dialog.

Errors raised on worker threads reach the dialog through a queued signal, so the dialog
is always built on the GUI thread.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from ..log import log_path, write_log
from .library_health import problem_message


class CrashReporter(QObject):
    crashed = Signal(str)
    problem = Signal(str)  # a library error, in one line

    def __init__(self, log: Path | None = None) -> None:
        super().__init__()
        self.log = log or log_path()
        self.shown: list[str] = []  # what the dialog said, for tests and the log
        self._showing = False
        self.crashed.connect(self._show)
        self.problem.connect(self._show_problem)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(
            args.exc_type,
            args.exc_value,
            args.exc_traceback,  # type: ignore[arg-type]
        )

    def _hook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        problem = problem_message(value)
        if problem is not None:
            # The library file failed (busy, full, read-only, damaged), not Gloss: one line
            # to the reader, and to the log.
            with contextlib.suppress(OSError):
                write_log(problem, self.log)
            self.problem.emit(problem)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        with contextlib.suppress(OSError):  # a full disk must not turn one error into two
            write_log(text, self.log)
        if sys.__stderr__ is not None:
            sys.__stderr__.write(text)
        self.crashed.emit(text)  # queued to the GUI thread when raised elsewhere

    @Slot(str)
    def _show(self, text: str) -> None:
        self.shown.append(text)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(
                QCoreApplication.translate("CrashReporter", "Gloss ran into a problem")
            )
            box.setText(
                QCoreApplication.translate(
                    "CrashReporter",
                    "Something went wrong. Your library is safe: every note is saved the moment "
                    "you add it.",
                )
            )
            box.setInformativeText(
                QCoreApplication.translate(
                    "CrashReporter", "The details were written to {0}."
                ).format(self.log)
            )
            box.setDetailedText(text)
            box.exec()
        finally:
            self._showing = False

    @Slot(str)
    def _show_problem(self, message: str) -> None:
        self.shown.append(message)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("CrashReporter", "Gloss"))
            box.setText(message)
            box.exec()
        finally:
            self._showing = False
