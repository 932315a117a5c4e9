"""Faster noting: verdict keys in the note editor and Copy as Citation on a sentence or
on selected words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.core.citation import cite
from reader.core.model import Metadata, Verdict
from reader.core.spans import sentences_span
from reader.ui.context_menus import add_reader_items
from reader.ui.main_window import MainWindow
from reader.ui.note_editor import VERDICT_MODIFIER
from reader.ui.shortcuts_help import action_shortcuts, shortcuts_html

MOD = (
    Qt.KeyboardModifier.ControlModifier
    if VERDICT_MODIFIER == "Ctrl"
    else (Qt.KeyboardModifier.AltModifier)
)
META = Metadata(
    title="Bridge repairs will take two more years",
    byline="Tom Ellery",
    site="Riverside Herald",
    published="2025-10-14T09:00:00Z",
    url="https://herald.example/news/bridge",
)


# -- citation, core ----------------------------------------------------------------------


def test_a_citation_has_quote_title_author_site_date_and_a_text_fragment() -> None:
    cited = cite("  Footfall has fallen\n by a third. ", META)
    link = "https://herald.example/news/bridge#:~:text=Footfall%20has%20fallen%20by%20a%20third."
    assert cited.text == (
        "“Footfall has fallen by a third.” — Bridge repairs will take two more years, "
        f"Tom Ellery, Riverside Herald, 2025-10-14. {link}"
    )
    assert cited.html == (
        f'<p>“Footfall has fallen by a third.” — <a href="{link}">Bridge repairs will take '
        "two more years</a>, Tom Ellery, Riverside Herald, 2025-10-14.</p>"
    )


def test_a_citation_without_a_web_address_has_no_link_and_escapes_html() -> None:
    cited = cite("a < b & c", Metadata(title="<T>", url="file:///home/me/page.html"))
    assert cited.text == "“a < b & c” — <T>."
    assert cited.html == "<p>“a &lt; b &amp; c” — &lt;T&gt;.</p>"
    bare = cite("x", Metadata(site="Herald", url="https://h.example/"))
    assert '<a href="https://h.example/#:~:text=x">Herald</a>.' in bare.html


# -- the window --------------------------------------------------------------------------


def _start_note(qtbot, window: MainWindow, index: int):
    window.select_sentence(index)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    editor = window.notes.editor
    qtbot.waitUntil(lambda: editor.text.hasFocus())
    return editor


def test_alt_digits_pick_the_verdict_while_digits_stay_in_the_text(
    qtbot, news_window: MainWindow
) -> None:
    editor = _start_note(qtbot, news_window, 1)
    qtbot.keyClicks(editor.text, "Cut from 12 to 6")
    assert editor.text.toPlainText() == "Cut from 12 to 6"
    assert editor.verdict.currentData() == Verdict.NONE
    expected = [Verdict.FALSE, Verdict.MISLEADING, Verdict.MOSTLY_TRUE, Verdict.TRUE]
    expected += [Verdict.UNVERIFIED, Verdict.OPINION]
    for digit, verdict in enumerate(expected, start=1):
        qtbot.keyClick(editor.text, Qt.Key(Qt.Key.Key_0 + digit), MOD)
        assert editor.verdict.currentData() == verdict
    qtbot.keyClick(editor.text, Qt.Key.Key_0, MOD)
    assert editor.verdict.currentData() == Verdict.NONE
    assert editor.text.toPlainText() == "Cut from 12 to 6"
    # From the tags field too, and then saved with the note.
    qtbot.keyClick(editor.tags, Qt.Key.Key_2, MOD)
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (note,) = news_window.library.notes(news_window.current_article_id)
    assert note.verdict is Verdict.MISLEADING and note.text == "Cut from 12 to 6"


def test_plain_digits_pick_the_verdict_when_the_list_has_focus(
    qtbot, news_window: MainWindow
) -> None:
    editor = _start_note(qtbot, news_window, 1)
    editor.verdict.setFocus()
    qtbot.keyClick(editor.verdict, Qt.Key.Key_4)
    assert editor.verdict.currentData() == Verdict.TRUE
    qtbot.keyClick(editor.verdict, Qt.Key.Key_1)
    assert editor.verdict.currentData() == Verdict.FALSE
    qtbot.keyClick(editor.verdict, Qt.Key.Key_0)
    assert editor.verdict.currentData() == Verdict.NONE


def test_the_verdict_keys_are_shown_and_collide_with_no_menu_shortcut(
    news_window: MainWindow,
) -> None:
    editor = news_window.notes.editor
    false_tip = editor.verdict.itemData(0, Qt.ItemDataRole.ToolTipRole)
    native = QKeySequence(f"{VERDICT_MODIFIER}+1").toString(QKeySequence.SequenceFormat.NativeText)
    assert false_tip == f"False ({native})"
    assert native in editor.verdict.toolTip()
    assert native in shortcuts_html(news_window)
    taken = {keys for _menu, _action, keys in action_shortcuts(news_window)}
    for digit in range(7):
        key = QKeySequence(f"{VERDICT_MODIFIER}+{digit}")
        assert key.toString(QKeySequence.SequenceFormat.NativeText) not in taken


def test_copy_as_citation_puts_text_and_a_link_on_the_clipboard(
    qtbot, news_window: MainWindow
) -> None:
    window = news_window
    article = window.reader.article
    assert article is not None
    window.select_sentence(6)
    action = window.copy_citation_action
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert action in menus["&Edit"].actions()
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    data = QApplication.clipboard().mimeData()
    sentence = article.sentences[6].text
    expected = cite(sentence, article.meta)
    assert data.text() == expected.text
    assert f"“{sentence}”" in data.text() and "#:~:text=" in data.text()
    assert '<a href="https://herald.example/' in data.html()


def test_selected_words_are_cited_as_selected(qtbot, news_window: MainWindow) -> None:
    window = news_window
    reader = window.reader
    article = reader.article
    assert article is not None
    span = sentences_span(article, 6, None, "fallen by a third")
    start, end = reader.mapper.to_document(span.start, span.end)
    cursor = reader.textCursor()
    cursor.setPosition(start + 2)  # inside "fallen": the whole word is taken
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    menu = QMenu()
    add_reader_items(window, menu, 6)
    cite_action = next(a for a in menu.actions() if a.text() == "Copy as &Citation")
    cite_action.trigger()
    text = QApplication.clipboard().text()
    assert text.startswith("“fallen by a third” — Bridge repairs")
    assert text.endswith("#:~:text=fallen%20by%20a%20third")
