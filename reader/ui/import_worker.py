"""Imports run on a worker thread, with their own library connection, so the window
keeps painting; results reach the GUI thread through queued signals."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..core.ingest import ImportFailed, find_importable, load_file
from ..core.library import Library, LibraryError
from .crash import write_log


class ImportWorker(QObject):
    started = Signal(int)  # total number of files
    progress = Signal(int, str)  # files done so far, file being read
    imported = Signal(int, str)  # article id, title
    failed = Signal(str, str)  # path, one-line reason
    finished = Signal(int, int)  # imported, failed

    def __init__(self, library_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = paths
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        ok = bad = 0
        try:
            files = list(find_importable(self.paths))
            self.started.emit(len(files))
            with Library(self.library_path) as library:
                for done, path in enumerate(files):
                    if self._cancel.is_set():
                        break
                    self.progress.emit(done, str(path))
                    try:
                        article = load_file(path)
                        result = library.add_article(article, source_path=str(path.resolve()))
                    except ImportFailed as exc:
                        bad += 1
                        self.failed.emit(str(path), str(exc))
                        continue
                    except Exception as exc:  # a bug: log it, keep the batch going
                        bad += 1
                        write_log(traceback.format_exc())
                        self.failed.emit(str(path), f"unexpected error ({exc}); see the log")
                        continue
                    ok += 1
                    self.imported.emit(result.article_id, article.title)
        except (LibraryError, OSError) as exc:
            bad += 1
            self.failed.emit(str(self.library_path), str(exc))
        finally:
            self.finished.emit(ok, bad)


def prepare_import(
    library_path: Path, paths: list[Path], parent: QObject
) -> tuple[QThread, ImportWorker]:
    """A worker moved onto its own thread, not yet started.

    Connect to the worker's signals, then call `thread.start()`: a fast import can finish
    before connections made after the start would exist.

    The caller keeps both Python objects alive until `thread.finished`: dropping the last
    reference earlier would delete the worker from the GUI thread while its own thread is
    still winding down.
    """
    thread = QThread(parent)
    worker = ImportWorker(library_path, paths)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    return thread, worker
