"""The real main window, driven like a user would: pytest-qt, offscreen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontDatabase, QTextCharFormat

from reader.core.model import Verdict
from reader.ui.app import make_app, open_window
from reader.ui.main_window import MainWindow
from reader.ui.theme import THEMES


@pytest.fixture
def window(shown_window: MainWindow) -> MainWindow:
    return shown_window


def import_and_wait(qtbot, win: MainWindow, *paths: Path) -> None:
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths(list(paths))


def click_sentence(qtbot, win: MainWindow, index: int) -> None:
    reader = win.reader
    reader.select_sentence(index)  # scrolls it into view, as a reader would before clicking
    rect = reader.sentence_rect(index)
    qtbot.mouseClick(
        reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 4, rect.center().y())
    )


def sentence_index(win: MainWindow, startswith: str) -> int:
    assert win.reader.article is not None
    return next(s.index for s in win.reader.article.sentences if s.text.startswith(startswith))


def test_fonts_are_installed(qapp) -> None:
    # Without fonts every glyph is a box and nothing warns.
    assert QFontDatabase.families()


def test_void_qt_calls_do_not_leak_none_references(qapp) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a None reference per void call and aborts."""
    point = QPoint()
    before = sys.getrefcount(None)
    for i in range(10_000):
        point.setX(i)
    assert sys.getrefcount(None) >= before - 100


def test_first_run_shows_the_sample_article(window: MainWindow) -> None:
    assert window.library.article_count() == 1
    assert window.reader.article is not None
    assert window.reader.article.title == "How a small town checked its own rain gauge"
    assert "Ashby Vale" in window.reader.toPlainText()
    # The sample's picture comes from the library, offline.
    assert window.reader.rendered is not None and window.reader.rendered.images


def test_sample_is_not_added_again_after_deletion(qtbot, library_path: Path) -> None:
    win = open_window(library_path)
    qtbot.addWidget(win)
    win.library.delete_article(win.library.article_ids()[0])
    win.close()
    again = open_window(library_path)
    qtbot.addWidget(again)
    assert again.library.article_count() == 0


def test_import_click_note_mark_and_reopen(
    qtbot, window: MainWindow, pages: Path, library_path: Path
) -> None:
    import_and_wait(qtbot, window, pages / "news.html")
    assert window.reader.article is not None
    assert window.reader.article.title.startswith("Bridge repairs")
    target = sentence_index(window, "Officials had promised")

    click_sentence(qtbot, window, target)
    assert window.reader.current == target
    panel = window.notes
    assert "Officials had promised in March" in panel.quote.text()
    assert panel.note_cards() == []

    editor = panel.editor
    qtbot.keyClicks(editor.text, "The minutes say April, not March.")
    editor.verdict.setCurrentIndex(editor.verdict.findData(Verdict.MISLEADING))
    qtbot.keyClicks(editor.sources, "https://council.example/minutes")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)

    (card,) = panel.note_cards()
    assert card.note.text == "The minutes say April, not March."
    assert window.reader.marks == {target: Verdict.MISLEADING}
    underlined = [
        s
        for s in window.reader.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        and s.format.underlineColor() == THEMES["light"].verdict(Verdict.MISLEADING)
    ]
    assert any(
        s.cursor.selectedText() == window.reader.article.sentences[target].text for s in underlined
    )
    row = window.library_view.model_.rows[
        window.library_view.model_.row_of(window.current_article_id) or 0
    ]
    assert row.note_count == 1

    article_id = window.current_article_id
    window.close()

    again = open_window(library_path)
    qtbot.addWidget(again)
    again.show()
    again.library_view.select_article(article_id)
    assert again.reader.marks == {target: Verdict.MISLEADING}
    click_sentence(qtbot, again, target)
    (note,) = again.notes.notes()
    assert [c.note for c in again.notes.note_cards()] == [note]
    assert note.text == "The minutes say April, not March."
    assert [s.url for s in note.sources] == ["https://council.example/minutes"]


def test_edit_and_delete_through_the_panel(qtbot, window: MainWindow, pages: Path) -> None:
    import_and_wait(qtbot, window, pages / "news.html")
    click_sentence(qtbot, window, 0)
    panel = window.notes
    qtbot.keyClicks(panel.editor.text, "First draft")
    qtbot.mouseClick(panel.editor.save, Qt.MouseButton.LeftButton)
    (card,) = panel.note_cards()
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    assert card.editing()
    assert card.editor.text.toPlainText() == "First draft"
    card.editor.text.selectAll()
    qtbot.keyClicks(card.editor.text, "Second draft")
    card.editor.verdict.setCurrentIndex(card.editor.verdict.findData(Verdict.FALSE))
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    (note,) = panel.notes()
    assert (note.text, note.verdict) == ("Second draft", Verdict.FALSE)
    assert window.reader.marks == {0: Verdict.FALSE}
    (card,) = panel.note_cards()
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
    assert panel.notes() == []
    assert window.reader.marks == {}


def test_emoji_early_does_not_shift_a_later_highlight(
    qtbot, window: MainWindow, pages: Path
) -> None:
    import_and_wait(qtbot, window, pages / "emoji.html")
    target = sentence_index(window, "This sentence carries the note.")
    click_sentence(qtbot, window, target)
    assert window.reader.current == target
    window.notes.editor.text.setPlainText("Marked after astral characters")
    qtbot.mouseClick(window.notes.editor.save, Qt.MouseButton.LeftButton)
    texts = {s.cursor.selectedText() for s in window.reader.extraSelections()}
    assert "This sentence carries the note." in texts
    # Every sentence maps onto exactly its own text in the document.
    for s in window.reader.article.sentences:
        start, end = window.reader.sentences.span(s.index)
        cursor = window.reader.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == s.text


def test_drop_files_onto_the_window_imports_them(qtbot, window: MainWindow, pages: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pages / "plain.txt"))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.dropEvent(event)
    assert blocker.args == [1, 0]
    assert window.reader.article is not None
    assert window.reader.article.title == "Notes from the field"


def test_failed_import_shows_the_reason_and_writes_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.import_paths([empty])
    assert blocker.args == [0, 1]
    assert window.failure_box.isVisible()
    assert "the file is empty" in window.failure_box.informativeText()
    assert window.library.article_count() == 1  # only the sample
    window.failure_box.close()


def test_links_are_marked_and_do_not_navigate(
    qtbot, window: MainWindow, pages: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    import_and_wait(qtbot, window, pages / "news.html")
    before = window.reader.toPlainText()
    window.reader.anchorClicked.emit(QUrl("https://council.example/statement"))
    window.reader.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://council.example/statement"]
    assert window.reader.toPlainText() == before


def test_cli_and_qt_agree_on_the_default_library(qapp) -> None:
    from PySide6.QtCore import QStandardPaths

    from reader.paths import default_library

    make_app()
    qt_dir = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert Path(qt_dir) == default_library().parent


def test_crash_handler_logs_and_reports_errors_from_any_thread(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import threading

    from PySide6.QtWidgets import QMessageBox

    from reader.ui.crash import CrashReporter

    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    log = tmp_path / "logs" / "gloss.log"
    reporter = CrashReporter(log)
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    reporter.install()
    try:
        try:
            raise ValueError("boom on the GUI thread")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(reporter.shown) == 2)
    finally:
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    text = log.read_text()
    assert "ValueError: boom on the GUI thread" in text
    assert "ZeroDivisionError" in text
    assert "ZeroDivisionError" in reporter.shown[1]


def test_sources_with_titles_and_quotes_round_trip_through_the_editor() -> None:
    from reader.core.model import Source
    from reader.core.sources import format_sources, parse_sources

    text = (
        "https://stats.example/rain Rainfall 2025 > “Up 9% on the long-term average”\n"
        "https://council.example/minutes\n"
        "not a url\n"
    )
    sources = parse_sources(text)
    assert sources == [
        Source("https://stats.example/rain", "Rainfall 2025", "Up 9% on the long-term average"),
        Source("https://council.example/minutes"),
        Source(text="not a url"),  # plain text: a source too, shown as text
    ]
    assert parse_sources(format_sources(sources)) == sources
