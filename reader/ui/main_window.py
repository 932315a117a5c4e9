"""The main window: library list, reader and notes panel side by side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QThread, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QWidget,
)

from .. import APP_NAME, __version__
from ..core.ingest import SUPPORTED_SUFFIXES
from ..core.library import Library
from .import_worker import ImportWorker, prepare_import
from .library_view import LibraryView
from .notes_panel import NotesPanel
from .reader_view import ReaderView

IMPORT_FILTER = (
    "Saved pages and text (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ");;All files (*)"
)


class MainWindow(QMainWindow):
    importFinished = Signal(int, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.library_view = LibraryView()
        self.reader = ReaderView()
        self.notes = NotesPanel(library)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_view)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.notes)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([360, 640, 320])
        self.setCentralWidget(self.splitter)

        self.library_view.articleSelected.connect(self.open_article)
        self.reader.sentenceClicked.connect(self._sentence_clicked)
        self.notes.notesChanged.connect(self._notes_changed)

        self._import_worker: ImportWorker | None = None  # the running import, if any
        self._threads: dict[QThread, ImportWorker] = {}  # kept alive until they finish
        self._import_failures: list[tuple[str, str]] = []
        self._last_imported: int | None = None
        self._progress: QProgressDialog | None = None
        self.current_article_id: int | None = None

        self._build_menu()
        self.statusBar().showMessage(f"Library: {library.path}")
        self.reload_library()
        self._restore_layout()

    # -- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self._ask_import_files)
        file_menu.addAction(self.import_action)
        folder = QAction("Import &Folder…", self)
        folder.triggered.connect(self._ask_import_folder)
        file_menu.addAction(folder)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Gloss", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _ask_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import saved pages", "", IMPORT_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def _ask_import_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import a folder of saved pages")
        if name:
            self.import_paths([Path(name)])

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Gloss",
            f"<b>Gloss {__version__}</b><p>Read saved web articles offline and check them "
            f"sentence by sentence.</p><p>Library: {self.library.path}</p>",
        )

    # -- importing -------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders on a worker thread; the same path for menu and drop."""
        if self._import_worker is not None:
            QMessageBox.information(self, APP_NAME, "An import is already running.")
            return
        self._import_failures = []
        self._last_imported = None
        progress = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Import")
        progress.setMinimumDuration(400)  # a single quick file shows no dialog at all
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress
        thread, worker = prepare_import(self.library.path, paths, self)
        self._import_worker = worker
        self._threads[thread] = worker
        # A bound method of the window runs queued on the GUI thread; a lambda would run
        # on the finishing thread itself.
        thread.finished.connect(self._forget_finished_threads)
        progress.canceled.connect(worker.cancel)
        worker.started.connect(progress.setMaximum)
        worker.progress.connect(self._import_progress)
        worker.imported.connect(self._imported_one)
        worker.failed.connect(self._import_failed)
        worker.finished.connect(self._import_done)
        thread.start()

    def _import_progress(self, done: int, path: str) -> None:
        if self._progress is not None:
            self._progress.setValue(done)
            self._progress.setLabelText(f"Importing {Path(path).name}")

    def _forget_finished_threads(self) -> None:
        for thread in [t for t in self._threads if t.isFinished()]:
            del self._threads[thread]
            thread.deleteLater()

    def _import_failed(self, path: str, why: str) -> None:
        self._import_failures.append((path, why))

    def _imported_one(self, article_id: int, _title: str) -> None:
        self._last_imported = article_id
        self.reload_library()

    def _import_done(self, ok: int, bad: int) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._import_worker = None
        self.statusBar().showMessage(
            f"Imported {ok} article{'s' if ok != 1 else ''}" + (f", {bad} failed" if bad else ""),
            8000,
        )
        if self._last_imported is not None:
            self.library_view.select_article(self._last_imported)
        if self._import_failures:
            self._show_failures()
        self.importFinished.emit(ok, bad)

    def _show_failures(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Import")
        count = len(self._import_failures)
        box.setText(f"{count} file{'s' if count != 1 else ''} could not be imported.")
        box.setDetailedText("\n".join(f"{p}: {why}" for p, why in self._import_failures))
        box.setInformativeText(
            "\n".join(f"{Path(p).name}: {why}" for p, why in self._import_failures[:5])
        )
        box.open()
        self.failure_box = box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- reading and noting ----------------------------------------------------------------

    def reload_library(self) -> None:
        self.library_view.set_articles(self.library.summaries())

    def open_article(self, article_id: int) -> None:
        article = self.library.article(article_id)
        self.current_article_id = article_id
        self.reader.show_article(
            article,
            lambda name: self.library.image(article_id, name),
            self.library.marks(article_id),
        )
        self.notes.show_sentence(None, None, "")
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        if self.library_view.current_id() != article_id:
            self.library_view.select_article(article_id, emit=False)

    def _sentence_clicked(self, index: int) -> None:
        article = self.reader.article
        if article is None:
            return
        self.notes.show_sentence(self.current_article_id, index, article.sentences[index].text)

    def _notes_changed(self, article_id: int) -> None:
        if self.current_article_id == article_id:
            self.reader.set_marks(self.library.marks(article_id))
        self.library_view.model_.update_row(self.library.summary(article_id))

    # -- state -----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._import_worker is not None:
            self._import_worker.cancel()
        for thread in list(self._threads):
            thread.wait(10000)
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
