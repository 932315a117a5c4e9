"""The window's ways in: File ▸ Import from URL (Ctrl+L), Edit ▸ Paste as Article
(Ctrl+Shift+V) and the inbox folder of Preferences, driven through the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from test_capture import page, server  # noqa: F401 - `server` is a fixture

from reader.ui.capture_settings import InboxSettings
from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog


def test_ctrl_l_offers_the_clipboard_url_and_opens_the_page(
    qtbot,
    shown_window: MainWindow,
    server: str,  # noqa: F811
) -> None:
    win = shown_window
    url = f"{server}/old"
    QGuiApplication.clipboard().setText(url)
    seen: list[str] = []

    def accept() -> None:
        dialog = win.capture.url_dialog
        seen.append(dialog.field.text())
        dialog.accept()

    QTimer.singleShot(200, accept)
    with qtbot.waitSignal(win.capture.captured, timeout=20000) as signal:
        qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert seen == [url]
    captured = signal.args[0]
    assert captured.ok
    assert win.current_article_id == captured.article_id
    assert win.reader.article is not None
    assert win.reader.article.meta.url == f"{server}/news/harbour.html"
    assert "Harbour records" in win.statusBar().currentMessage()


def test_url_dialog_only_accepts_web_addresses(qtbot, shown_window: MainWindow) -> None:
    from reader.ui.capture import UrlDialog

    QGuiApplication.clipboard().setText("not a link")
    dialog = UrlDialog(shown_window)
    qtbot.addWidget(dialog)
    assert dialog.field.text() == ""
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.field.setText("https://example.org/a")
    assert ok.isEnabled()


def test_cancel_saves_nothing(qtbot, shown_window: MainWindow, server: str) -> None:  # noqa: F811
    win = shown_window
    before = win.library.article_count()
    win.capture.import_url(f"{server}/endless")
    win.capture.task.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not win.capture.url_busy, timeout=20000)
    assert "cancelled" in win.statusBar().currentMessage()
    assert win.library.article_count() == before


def test_a_404_is_one_line(qtbot, shown_window: MainWindow, server: str, monkeypatch) -> None:  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    win = shown_window
    with qtbot.waitSignal(win.capture.captured, timeout=20000):
        win.capture.import_url(f"{server}/missing")
    assert shown == ["Nothing was imported: the server answered 404 Not Found."]


@pytest.fixture
def clipboard() -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    yield board
    # The clipboard owns a QMimeData set on it; left there, it is freed twice at exit.
    board.clear()


def test_paste_as_article_with_the_page_url(
    qtbot, shown_window: MainWindow, clipboard: QClipboard
) -> None:
    win = shown_window
    data = QMimeData()
    data.setHtml("<h2>High water</h2><p>The tide rose early today. Boats <i>waited</i>.</p>")
    data.setText("High water\nThe tide rose early today. Boats waited.")
    data.setData("text/x-moz-url-priv", "https://news.example/tides".encode("utf-16-le"))
    clipboard.setMimeData(data)
    with qtbot.waitSignal(win.capture.captured, timeout=10000) as signal:
        qtbot.keyClick(
            win,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    captured = signal.args[0]
    assert captured.ok and captured.title == "High water"
    article = win.library.article(captured.article_id)
    assert article.text == "The tide rose early today. Boats waited."
    assert article.meta.url == "https://news.example/tides"
    assert win.current_article_id == captured.article_id


def test_inbox_imports_while_the_window_is_open(
    qtbot, shown_window: MainWindow, tmp_path: Path
) -> None:
    win = shown_window
    inbox = tmp_path / "Downloads"
    inbox.mkdir()
    dialog = PreferencesDialog(win.prefs, win)
    qtbot.addWidget(dialog)
    dialog.inbox.setText(str(inbox))
    assert dialog.move_imported.isChecked()
    dialog.result_inbox().save()
    win.capture.restart_inbox()
    assert win.capture.inbox_timer.isActive()
    page(inbox / "saved.html", "Saved from the browser")
    (inbox / "broken.epub").write_bytes(b"PK\x03\x04 not a book")
    with qtbot.waitSignal(win.capture.inboxImported, timeout=20000) as signal:
        win.capture.check_inbox()  # what the timer does every two seconds
        win.capture.check_inbox()
    outcomes = {o.path.name: o for o in signal.args[0]}
    assert outcomes["saved.html"].ok and not outcomes["broken.epub"].ok
    assert (inbox / "imported" / "saved.html").exists()
    assert "broken.epub" in win.failure_box.detailedText()  # the failure is listed
    titles = [s.title for s in win.library.summaries()]
    assert "Saved from the browser" in titles
    InboxSettings().save()
    win.capture.restart_inbox()
    assert not win.capture.inbox_timer.isActive()


def test_drop_a_link_imports_its_page(qtbot, shown_window: MainWindow, server: str) -> None:  # noqa: F811
    from PySide6.QtCore import QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/notes.txt")])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(shown_window.capture.captured, timeout=20000) as signal:
        shown_window.dropEvent(event)
    assert signal.args[0].title == "Tide notes"


def test_a_pdf_sentence_shows_its_page(qtbot, shown_window: MainWindow, tmp_path: Path) -> None:
    from pdf_maker import Para, make_pdf
    from test_ingest_pdf_epub import report_paras

    path = tmp_path / "report.pdf"
    pages = make_pdf(path, [*report_paras(), Para("The very last sentence.")], title="Paged")
    with qtbot.waitSignal(shown_window.importFinished, timeout=20000):
        shown_window.import_paths([path])
    article = shown_window.reader.article
    assert article is not None and article.title == "Paged"
    shown_window._sentence_chosen(len(article.sentences) - 1)
    assert shown_window.notes.quote.text().endswith(f"— p. {pages}")
    shown_window._sentence_chosen(0)
    assert shown_window.notes.quote.text().endswith("— p. 1")
