"""Start the GUI: one QApplication, the library, the main window."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, __version__
from ..core import health
from ..core.dberrors import LibraryDamaged, translated
from ..core.library import Library, LibraryError
from ..core.sample import ensure_sample
from ..paths import resources_dir
from . import session_state
from .claim_sweep import start_claim_sweep
from .crash import CrashReporter
from .fallback_font import fallback_family
from .library_health import LibraryHealth
from .main_window import MainWindow
from .single_instance import SingleInstance, bring_to_front
from .translations import install_translations


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "gloss", *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gloss")
    icon = resources_dir() / "icons" / "gloss.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if not app.property("gloss_translated"):  # once per process, not per window
        install_translations(app)
        app.setProperty("gloss_translated", True)
    # Registered before any widget exists, so lists and dialogs can fall back on it too.
    fallback_family()
    return app


def open_window(library_path: Path) -> MainWindow:
    library = Library(library_path)
    first = ensure_sample(library)
    window = MainWindow(library)
    if first is not None:
        window.library_view.select_article(first)
    else:
        # Reopen the article read last (if it is still there), or the first one listed.
        last = session_state.last_article(library_path)
        if last is not None and last in library.article_ids() and not library.is_trashed(last):
            window.open_article(last)
        elif window.library_view.model_.rows:
            window.library_view.select_article(window.library_view.model_.rows[0].id)
    return window


def open_watched_window(library_path: Path) -> MainWindow:
    """`open_window` with the library's health watched (see `library_health`); shown."""
    window = open_window(library_path)
    window.show()
    window.library_health = LibraryHealth(window, open_watched_window)
    window.library_health.start()
    return window


def offer_restore_without_window(library_path: Path, problem: str) -> bool:
    """The library is too damaged to show a window: restore its newest good backup?"""
    good = health.newest_good_backup(library_path)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_NAME,
        QCoreApplication.translate("app", "Your library is damaged."),
    )
    if good is None:
        box.setInformativeText(
            QCoreApplication.translate(
                "app",
                "{0}\n\nThere is no good backup in {1}. "
                "`gloss export --all --format json -o FILE` saves what can still be read.",
            ).format(problem, library_path.parent / "backups")
        )
        box.exec()
        return False
    box.setInformativeText(
        QCoreApplication.translate(
            "app",
            "{0}\n\nGloss can put back the newest good backup, {1}; the damaged "
            "file is kept beside the library.",
        ).format(problem, good.name)
    )
    restore = box.addButton(
        QCoreApplication.translate("app", "Restore Backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    health.restore(library_path, good)
    return True


def _quit_on_interrupt(app: QApplication) -> None:
    """Let Ctrl+C in the terminal close the window as it closes any other program.

    Python handles signals only between bytecodes, so a timer wakes it from Qt's loop.
    """
    # Through the event loop, so a signal that comes while the window is still being
    # made closes it too. The session ending (SIGTERM) closes it the same way: the
    # reading place is saved and the library's socket (one window per library) removed.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def _open_at_start(library_path: Path) -> MainWindow | None:
    """The first window; a library too damaged to list offers its backup first."""
    try:
        with translated(library_path):
            return open_watched_window(library_path)
    except LibraryDamaged as exc:
        if not offer_restore_without_window(library_path, str(exc)):
            return None
    with translated(library_path):
        return open_watched_window(library_path)


class FileOpenFilter(QObject):
    """macOS delivers "Open with Gloss" and drops on the Dock icon as events."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            receive_paths(self.window, [Path(event.file())])
            return True
        return False


def receive_paths(window: MainWindow, paths: Sequence[Path]) -> None:
    """Files handed to the running window (`gloss FILE…`, "Open with Gloss")."""
    bring_to_front(window)
    if paths:
        window.import_paths(list(paths))


def serve(window: MainWindow, instance: SingleInstance) -> None:
    """Let later `gloss` commands on this library hand their files to `window`, or to the
    window that replaces it after a backup is restored."""
    current = [window]

    def follow(new: MainWindow) -> None:
        current[0] = new
        health = getattr(new, "library_health", None)
        if health is not None:
            health.reopened.connect(follow)

    follow(window)
    instance.pathsReceived.connect(lambda paths: receive_paths(current[0], paths))
    app = QApplication.instance()
    if app is not None:
        instance.setParent(app)
        app.aboutToQuit.connect(instance.close)


def run_window(
    library_path: Path,
    instance: SingleInstance,
    qt_args: Sequence[str] = (),
    open_paths: Sequence[Path] = (),
) -> int:
    """Open the window on a library whose `instance` this process has claimed
    (`launch.run` does that first)."""
    app = make_app(qt_args)
    _quit_on_interrupt(app)
    reporter = CrashReporter()
    reporter.install()
    try:
        window = _open_at_start(library_path)
    except LibraryError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate("app", "The library cannot be opened.\n\n{0}").format(exc),
        )
        return 2
    if window is None:
        return 2
    serve(window, instance)
    if not window.library.writes_refused:  # a damaged file must not become a backup
        window.start_daily_backup()
        start_claim_sweep(window)
    app.installEventFilter(FileOpenFilter(window))
    if open_paths:
        window.import_paths(list(open_paths))
    return app.exec()  # closing the window saves its state and closes the library
