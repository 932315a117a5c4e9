"""The window's ways in besides files: File ▸ Import from URL, Edit ▸ Paste as Article,
and the watched inbox folder. Kept out of main_window.py; the window owns one of these."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.batch import FileOutcome
from ..core.capture import (
    Cancelled,
    Captured,
    clipboard_source_url,
    import_clipboard,
    import_url,
    is_web_address,
)
from ..core.import_summary import ImportSummary
from ..core.inbox import Inbox
from ..core.library import Library
from .capture_settings import InboxSettings
from .crash import write_log

if TYPE_CHECKING:
    from .main_window import MainWindow

INBOX_INTERVAL_MS = 2000
# Clipboard formats that may name the page the selection was copied from.
_SOURCE_FORMATS = ("text/x-moz-url-priv", "chromium/x-source-url", "text/x-moz-url", "HTML Format")


class UrlDialog(QDialog):
    """Asks for a web address; one already on the clipboard is filled in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("UrlDialog", "Import from URL"))
        self.setMinimumWidth(520)
        self.field = QLineEdit()
        self.field.setAccessibleName(QCoreApplication.translate("UrlDialog", "Web address"))
        self.field.setPlaceholderText(QCoreApplication.translate("UrlDialog", "https://…"))
        clip = QGuiApplication.clipboard().text().strip()
        if is_web_address(clip):
            self.field.setText(clip)
            self.field.selectAll()
        note = QLabel(
            QCoreApplication.translate(
                "UrlDialog",
                "Gloss downloads the page and its pictures once; it reads offline after.",
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("UrlDialog", "Import")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(QCoreApplication.translate("UrlDialog", "&Web address:"), buddy=self.field)
        )
        layout.addWidget(self.field)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = is_web_address(self.field.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def url(self) -> str:
        return self.field.text().strip()


class CaptureControl(QObject):
    captured = Signal(object)  # a Captured, after a URL or clipboard import ends
    inboxImported = Signal(list)  # the FileOutcomes of one inbox pass

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.url_busy = False
        self.inbox: Inbox | None = None
        self._inbox_busy = False
        self.inbox_timer = QTimer(self)
        self.inbox_timer.setInterval(INBOX_INTERVAL_MS)
        self.inbox_timer.timeout.connect(self.check_inbox)
        self.restart_inbox()

    # -- import from URL ---------------------------------------------------------------------

    def ask_url(self) -> None:
        dialog = UrlDialog(self.window)
        self.url_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_url(dialog.url())

    def import_url(self, url: str) -> None:
        if self.url_busy:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("CaptureControl", "Gloss"),
                QCoreApplication.translate("CaptureControl", "A page is already being downloaded."),
            )
            return
        self.url_busy = True

        def work(library: Library, progress, cancelled) -> Captured | None:
            try:
                captured = import_url(library, url, progress, cancelled)
            except Cancelled:
                return None
            if captured.trace:
                write_log(captured.trace)
            return captured

        self.window.statusBar().showMessage(f"Downloading {url}…")
        self.task = self.window.run_task(
            work, self._url_done, label=f"Downloading {url}…", on_error=self._url_error
        )

    def _url_done(self, captured: Captured | None) -> None:
        self.url_busy = False
        if captured is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "CaptureControl", "Import cancelled; nothing was saved."
                ),
                6000,
            )
            return
        self._show_captured(captured)

    def _url_error(self, message: str) -> None:
        self.url_busy = False
        self.window.statusBar().clearMessage()
        QMessageBox.warning(
            self.window, QCoreApplication.translate("CaptureControl", "Import from URL"), message
        )

    # -- paste as article --------------------------------------------------------------------

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return
        html = data.html() if data.hasHtml() else None
        text = data.text() if data.hasText() else None
        if not html and text and is_web_address(text.strip()):
            self.import_url(text.strip())  # a copied link: the page it points to
            return
        url = clipboard_source_url(_formats(data))

        # The clipboard is read here (it belongs to the GUI thread); extracting and
        # storing a long pasted page is an import like any other, so it runs off it.
        def work(library: Library, _progress, _cancelled) -> Captured:
            return import_clipboard(library, html, text, url)

        self.window.run_task(work, self._show_captured, on_error=self._paste_error)

    def _paste_error(self, message: str) -> None:
        QMessageBox.warning(
            self.window, QCoreApplication.translate("CaptureControl", "Paste as Article"), message
        )

    def _show_captured(self, captured: Captured) -> None:
        if not captured.ok:
            self.window.statusBar().clearMessage()
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("CaptureControl", "Import"),
                QCoreApplication.translate("CaptureControl", "Nothing was imported: {0}.").format(
                    captured.reason
                ),
            )
            self.captured.emit(captured)
            return
        verb = {"unchanged": "Already in the library", "updated": "Updated"}.get(
            captured.status, "Imported"
        )
        if captured.restored:
            verb = "Restored from the Trash"
        message = f"{verb}: {captured.title}"
        self.window.library_view.refresh()
        win = self.window
        if win.notes.is_writing() and captured.article_id != win.current_article_id:
            # Opening the new article would throw away the note being written.
            message += " — your note is still open; the new article is in the list"
        else:
            win.library_view.select_article(captured.article_id)
            if win.current_article_id != captured.article_id:
                win.open_article(captured.article_id)
        win.statusBar().showMessage(message, 8000)
        self.captured.emit(captured)

    # -- the inbox folder --------------------------------------------------------------------

    def restart_inbox(self) -> None:
        settings = InboxSettings.load()
        folder = Path(settings.folder) if settings.folder else None
        if folder is None:
            self.inbox = None
            self.inbox_timer.stop()
            return
        if self.inbox is None or self.inbox.folder != folder:
            self.inbox = Inbox(folder, settings.move_imported)
        self.inbox.move_imported = settings.move_imported
        self.inbox_timer.start()

    def check_inbox(self) -> None:
        """One look at the inbox (cheap: a listing and stat calls); imports what is ready
        in the background, one pass at a time."""
        inbox = self.inbox
        if inbox is None or self._inbox_busy:
            return
        ready = inbox.scan()
        if not ready:
            return
        self._inbox_busy = True

        def work(library: Library, _progress, cancelled) -> list[FileOutcome]:
            return list(inbox.import_ready(library, ready, cancelled))

        self.window.run_task(work, self._inbox_done, on_error=self._inbox_error)

    def _inbox_done(self, outcomes: list[FileOutcome]) -> None:
        self._inbox_busy = False
        summary = ImportSummary.of(outcomes)
        # Imported but left in the inbox (it could not be moved): listed like a failure.
        summary.failures += [(o.path, o.reason) for o in outcomes if o.ok and o.reason]
        ok = [o for o in outcomes if o.ok]
        if ok:
            titles = ", ".join(o.title for o in ok[:3]) + ("…" if len(ok) > 3 else "")
            self.window.statusBar().showMessage(
                QCoreApplication.translate("CaptureControl", "From the inbox: {0}").format(titles),
                8000,
            )
            self.window.library_view.refresh()
        if summary.failures:
            self.window._show_failures(summary)  # listed once: failures are not retried
        self.inboxImported.emit(outcomes)

    def _inbox_error(self, message: str) -> None:
        self._inbox_busy = False
        self.inbox_timer.stop()  # the library cannot be written: stop until settings change
        QMessageBox.warning(
            self.window,
            QCoreApplication.translate("CaptureControl", "Inbox"),
            QCoreApplication.translate("CaptureControl", "The inbox is paused: {0}").format(
                message
            ),
        )


def _formats(data: QMimeData) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for name in data.formats():
        if any(key in name for key in _SOURCE_FORMATS):
            found[name] = bytes(data.data(name).data())
    if data.hasHtml():
        found.setdefault("text/html", data.html().encode("utf-8"))
    return found
