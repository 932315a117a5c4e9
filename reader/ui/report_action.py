"""Article ▸ Fact-Check Report… (Ctrl+Shift+R): the open article's report as PDF or HTML,
written by a background task with progress (a book-length article takes seconds to lay
out), then offered to be opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..core.fact_check_report import REPORT_SUFFIXES, build_report, report_file_stem
from ..core.library import Library
from .fallback_font import fallback_family
from .report_document import write_report
from .tasks import Progress, Task

if TYPE_CHECKING:
    from collections.abc import Callable

    from .main_window import MainWindow


class ReportAction:
    """The menu item and the task behind it; `last_box` is the "open it?" question."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.action = QAction(
            QCoreApplication.translate("ReportAction", "Fact-Check &Report…"), window
        )
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action.triggered.connect(self.ask)
        menu.addAction(self.action)
        self.last_box: QMessageBox | None = None
        self.task: Task | None = None

    def ask(self) -> None:
        """Choose the file (its type by the filter or the suffix typed), then write it."""
        window = self.window
        article_id = window.current_article_id
        if article_id is None or window.reader.article is None:
            window.statusBar().showMessage(
                QCoreApplication.translate("ReportAction", "Open an article to report on it"),
                5000,
            )
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = report_file_stem(window.reader.article.meta.title, article_id)
        name, chosen = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("ReportAction", "Fact-Check Report"),
            str(Path(folder) / f"{stem}.pdf"),
            QCoreApplication.translate("ReportAction", "PDF (*.pdf);;HTML (*.html *.htm)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in REPORT_SUFFIXES:
            path = path.with_name(path.name + (".html" if "html" in chosen else ".pdf"))
        self.write(article_id, path)

    def write(self, article_id: int, path: Path) -> Task:
        """Write the report in the background; the window stays responsive meanwhile."""
        fallback_family()  # registers the symbol font here, on the GUI thread, once

        def work(library: Library, progress: Progress, cancelled: Callable[[], bool]) -> bool:
            progress(
                0, 0, QCoreApplication.translate("ReportAction", "Reading the article and notes…")
            )
            report = build_report(library, article_id)
            return write_report(
                report, lambda name: library.image(article_id, name), path, progress, cancelled
            )

        self.task = self.window.run_task(
            work,
            lambda done: self._written(path, done),
            label=QCoreApplication.translate("ReportAction", "Writing the fact-check report…"),
        )
        return self.task

    def _written(self, path: Path, done: bool) -> None:
        window = self.window
        if not done:
            window.statusBar().showMessage(
                QCoreApplication.translate("ReportAction", "The report was cancelled"), 5000
            )
            return
        written = QCoreApplication.translate("ReportAction", "Report written to {0}")
        window.statusBar().showMessage(written.format(path), 8000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ReportAction", "Fact-Check Report"),
            QCoreApplication.translate("ReportAction", "The report is in {0}.").format(path),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        box.accepted.connect(lambda: self._open(path))  # Open has the accept role
        self.last_box = box
        box.open()  # window-modal, not blocking: the reader may go on reading

    @staticmethod
    def _open(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
