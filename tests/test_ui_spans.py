"""Notes on any span in the window: select words, note them, see the mark cover exactly
them; a page that changed under a note says so on its card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reader.core.listing import ListQuery, Show
from reader.core.model import Verdict
from reader.core.spans import sentences_span
from reader.ui.main_window import MainWindow
from reader.ui.text_change import CHANGED


def import_and_wait(qtbot, win: MainWindow, *paths: Path) -> None:
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths(list(paths))


def document_range(win: MainWindow, words: str) -> tuple[int, int]:
    """Where `words` stand in the reader's document (Qt positions)."""
    found = win.reader.document().find(words)
    assert not found.isNull(), words
    return found.selectionStart(), found.selectionEnd()


def point_at(win: MainWindow, position: int) -> QPoint:
    cursor = QTextCursor(win.reader.document())
    cursor.setPosition(position)
    rect = win.reader.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def drag(win: MainWindow, start: QPoint, end: QPoint) -> None:
    """A real mouse drag: press, move with the button held, release."""
    viewport = win.reader.viewport()

    def send(kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
        button = (
            Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        )
        event = QMouseEvent(
            kind,
            QPointF(at),
            QPointF(viewport.mapToGlobal(at)),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    middle = (start + end) / 2
    for at in (middle, end):
        send(QEvent.Type.MouseMove, at, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def mark_texts(win: MainWindow) -> list[str]:
    return [s.cursor.selectedText() for s in win.reader.extraSelections()]


def test_drag_select_enter_notes_exactly_the_words_after_emoji(
    qtbot, shown_window: MainWindow, pages: Path
) -> None:
    win = shown_window
    import_and_wait(qtbot, win, pages / "emoji.html")
    start, end = document_range(win, "shift every later")
    win.reader.scroll_to_sentence(0)
    # The hand stops two letters short: the note takes the whole word.
    drag(win, point_at(win, start), point_at(win, end - 2))
    assert win.reader.textCursor().selectedText() == "shift every lat"
    assert "notes the selected words" in win.statusBar().currentMessage()
    qtbot.keyClick(win.reader, Qt.Key.Key_Return)
    editor = win.notes.editor
    assert editor.text.hasFocus()
    assert "shift every later" in win.notes.quote.text()
    qtbot.keyClicks(editor.text, "Only the words")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    (note,) = win.library.notes(win.current_article_id)
    assert note.quote == note.original_quote == "shift every later"
    article = win.reader.article
    assert article.text[note.position : note.end] == "shift every later"
    assert note.sentence == note.last_sentence == 2  # "Astral symbols ... offset."
    # The mark covers exactly the words, not the sentence around them.
    assert "shift every later" in mark_texts(win)
    assert article.sentences[2].text not in mark_texts(win)
    card = win.notes.note_cards()[0]
    assert card.findChild(type(win.notes.quote), "noteWords") is not None


def test_context_menu_notes_a_selection_over_two_sentences(
    qtbot, shown_window: MainWindow, pages: Path
) -> None:
    win = shown_window
    import_and_wait(qtbot, win, pages / "emoji.html")
    reader = win.reader
    start, _ = document_range(win, "last paragraph closes")
    _, end = document_range(win, "It has two")
    cursor = reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)

    def choose() -> None:
        (action,) = [a for a in reader.context_menu.actions() if a.text() == "Note the Selection"]
        action.trigger()
        reader.context_menu.close()

    QTimer.singleShot(0, choose)
    at = point_at(win, start)
    reader.contextMenuEvent(_context_event(reader, at))
    win.notes.editor.text.setPlainText("Two sentences")
    qtbot.mouseClick(win.notes.editor.save, Qt.MouseButton.LeftButton)
    (note,) = win.library.notes(win.current_article_id)
    assert note.quote == "last paragraph closes the page. It has two"
    assert (note.sentence, note.last_sentence) == (4, 5)
    assert "last paragraph closes the page. It has two" in mark_texts(win)
    # Its verdict letter follows the last sentence; n goes to the first.
    assert set(win.library.marks(win.current_article_id)) == {5}
    reader.select_sentence(0)
    qtbot.keyClick(reader, Qt.Key.Key_N)
    assert reader.current == 4


def _context_event(reader, at: QPoint):
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, reader.viewport().mapToGlobal(at))


def test_hover_over_any_sentence_of_a_span_shows_its_note(
    qtbot, shown_window: MainWindow, monkeypatch
) -> None:
    win = shown_window
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    article_id = win.current_article_id
    span = sentences_span(win.library.article(article_id), 1, 2)
    win.library.add_note(article_id, 1, "Across two.", Verdict.MISLEADING, span=span)
    win.open_article(article_id)
    win.reader.select_sentence(2)
    rect = win.reader.sentence_rect(2)
    point = QPoint(rect.x() + 6, rect.center().y())
    win.reader.viewportEvent(
        QHelpEvent(QEvent.Type.ToolTip, point, win.reader.viewport().mapToGlobal(point))
    )
    assert shown and "Across two." in shown[0]


def changed_copy(pages: Path, tmp_path: Path, old: str, new: str) -> Path:
    page = tmp_path / "news-updated.html"
    html = (pages / "news.html").read_text(encoding="utf-8")
    assert old in html
    page.write_text(html.replace(old, new), encoding="utf-8")
    return page


def test_reimported_page_flags_the_note_and_accept_clears_it(
    qtbot, news_window: MainWindow, pages: Path, tmp_path: Path
) -> None:
    win = news_window
    article_id = win.current_article_id
    article = win.library.article(article_id)
    first = next(s.index for s in article.sentences if s.text.startswith("Traders on Mill"))
    span = sentences_span(article, first, words="fallen by a third")
    note = win.library.add_note(article_id, first, "Shop survey says a quarter.", span=span)
    import_and_wait(
        qtbot, win, changed_copy(pages, tmp_path, "fallen by a third", "fallen by a half")
    )
    assert "1 note to review" in win.statusBar().currentMessage()
    assert "fallen by a half" in win.reader.toPlainText()  # the open article shows the new text
    stored = win.library.note(note.uuid)
    assert stored.text_changed and stored.quote == "fallen by a half"
    assert [a.id for a in win.library.list_articles(ListQuery(show=Show.REVIEW))] == [article_id]

    win.library.add_note(article_id, 0, "An unchanged note.")
    win.notes.reload()
    win.notes.show_review()  # Article > Notes to Review
    outline = win.notes.outline
    assert outline.count() == 1 and "text changed" in outline.item(0).text()
    win.select_sentence(stored.sentence)
    (card,) = win.notes.note_cards()
    assert card.change is not None
    banner = card.change.findChild(type(win.notes.quote), "textChangedBanner")
    assert banner is not None and CHANGED in banner.text()
    assert "third" in card.change.old.text() and "line-through" in card.change.old.text()
    assert "half" in card.change.new.text() and "underline" in card.change.new.text()
    qtbot.mouseClick(card.change.accept_button, Qt.MouseButton.LeftButton)

    accepted = win.library.note(note.uuid)
    assert not accepted.text_changed
    assert accepted.original_quote == "fallen by a third"
    assert win.library.list_articles(ListQuery(show=Show.REVIEW)) == []
    assert outline.count() == 0  # only notes to review: none left
    (card,) = win.notes.note_cards()
    assert (
        card.change is not None
        and card.change.findChild(type(win.notes.quote), "textChangedBanner") is None
    )
    assert "third" in card.change.old.text()  # the old words stay on the card
    win.undo.undo()
    assert win.library.note(note.uuid).text_changed


def test_a_changed_note_moves_to_words_selected_elsewhere(
    qtbot, news_window: MainWindow, pages: Path, tmp_path: Path
) -> None:
    win = news_window
    article_id = win.current_article_id
    article = win.library.article(article_id)
    first = next(s.index for s in article.sentences if s.text.startswith("Traders on Mill"))
    span = sentences_span(article, first, words="fallen by a third")
    note = win.library.add_note(article_id, first, "Check.", span=span)
    import_and_wait(
        qtbot, win, changed_copy(pages, tmp_path, "fallen by a third", "fallen by a half")
    )
    # The reader selects other words, in another sentence, and moves the note there.
    start, end = document_range(win, "temporary lane")
    cursor = win.reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    win.reader.setTextCursor(cursor)
    qtbot.keyClick(win.reader, Qt.Key.Key_Return)
    review = [c for c in win.notes.note_cards() if c.note.uuid == note.uuid]
    assert review and review[0].change is not None and review[0].change.move_button.isEnabled()
    qtbot.mouseClick(review[0].change.move_button, Qt.MouseButton.LeftButton)
    moved = win.library.note(note.uuid)
    assert moved.quote == "temporary lane" and not moved.text_changed
    assert moved.original_quote == "fallen by a third"
    assert "temporary lane" in mark_texts(win)
