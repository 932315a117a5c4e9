"""Reading features of the window: keyboard, find, zoom, themes, hover, places."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from reader.core.model import Verdict
from reader.ui.app import open_window
from reader.ui.main_window import MainWindow
from reader.ui.theme import THEMES, VERDICT_LETTERS


@pytest.fixture
def window(news_window: MainWindow) -> MainWindow:
    news_window.reader.setFocus()
    return news_window


def test_j_k_and_arrows_move_sentence_by_sentence(qtbot, window: MainWindow) -> None:
    reader = window.reader
    qtbot.keyClick(reader, Qt.Key.Key_J)
    first = reader.current
    assert first is not None
    qtbot.keyClick(reader, Qt.Key.Key_J)
    assert reader.current == first + 1
    qtbot.keyClick(reader, Qt.Key.Key_Down)
    assert reader.current == first + 2
    qtbot.keyClick(reader, Qt.Key.Key_K)
    qtbot.keyClick(reader, Qt.Key.Key_Up)
    assert reader.current == first
    # The panel follows the keyboard as it follows clicks.
    assert window.notes.sentence == first
    assert reader.article is not None
    assert reader.article.sentences[first].text in window.notes.quote.text()


def test_enter_writes_a_note_and_escape_returns_to_the_reader(qtbot, window: MainWindow) -> None:
    reader = window.reader
    qtbot.keyClick(reader, Qt.Key.Key_J)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    editor = window.notes.editor
    assert editor.text.hasFocus()
    qtbot.keyClicks(editor.text, "Typed without the mouse")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in window.notes.notes()] == ["Typed without the mouse"]
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    assert reader.hasFocus()


def test_n_and_p_jump_between_noted_sentences(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    for index in (1, 4):
        window.library.add_note(article_id, index, "noted", Verdict.FALSE)
    window.reader.set_marks(window.library.marks(article_id))
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    assert window.reader.current == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    assert window.reader.current == 4
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    assert window.reader.current == 1  # wraps around
    qtbot.keyClick(window.reader, Qt.Key.Key_P)
    assert window.reader.current == 4


def test_marker_follows_each_noted_sentence_and_spans_stay_exact(qtbot, window: MainWindow) -> None:
    reader = window.reader
    article_id = window.current_article_id
    assert article_id is not None and reader.article is not None
    window.library.add_note(article_id, 2, "x", Verdict.MISLEADING)
    window.library.add_note(article_id, 0, "y", Verdict.TRUE)
    reader.set_marks(window.library.marks(article_id))
    text = reader.toPlainText()
    for index, verdict in ((0, Verdict.TRUE), (2, Verdict.MISLEADING)):
        end = reader.sentences.ends[index]
        assert text[end] == VERDICT_LETTERS[verdict]
    # Change one verdict and remove the other: markers update in place.
    window.library.delete_note(window.library.notes(article_id, 0)[0].uuid)
    reader.set_marks(window.library.marks(article_id))
    assert (
        reader.toPlainText().count(VERDICT_LETTERS[Verdict.TRUE])
        == text.count(VERDICT_LETTERS[Verdict.TRUE]) - 1
    )
    for s in reader.article.sentences:
        cursor = reader.textCursor()
        cursor.setPosition(reader.sentences.starts[s.index])
        cursor.setPosition(reader.sentences.ends[s.index], cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == s.text


def test_clicking_a_marker_selects_its_sentence(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import QUrl

    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 3, "x", Verdict.FALSE)
    window.reader.set_marks(window.library.marks(article_id))
    window.reader.anchorClicked.emit(QUrl("gloss-note:3"))
    assert window.reader.current == 3
    assert window.notes.sentence == 3


def test_hovering_a_noted_sentence_shows_its_verdicts(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 1, "The minutes say April.\nMore.", Verdict.MISLEADING)
    window.reader.set_marks(window.library.marks(article_id))
    window.reader.select_sentence(1)
    rect = window.reader.sentence_rect(1)
    point = QPoint(rect.x() + 6, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.reader.viewport().mapToGlobal(point))
    window.reader.viewportEvent(event)
    assert shown and "Misleading" in shown[0] and "The minutes say April." in shown[0]
    assert "More." not in shown[0]


def test_find_in_page_counts_and_steps_through_matches(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    total = window.reader.toPlainText().lower().count("council")
    assert total >= 3
    qtbot.keyClicks(bar.field, "council")
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    assert window.reader.textCursor().selectedText().lower() == "council"
    bar.previous()
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.hasFocus()


def test_zoom_changes_the_text_size_and_is_remembered(qtbot, window: MainWindow) -> None:
    before = window.reader.document().defaultFont().pointSizeF()
    window.reader.zoom(2)
    assert window.reader.document().defaultFont().pointSizeF() == pytest.approx(before + 2)
    from reader.ui.settings import Preferences

    assert Preferences.load().size == pytest.approx(before + 2)
    window.reader.zoom(-2)


def test_themes_recolour_the_reader_and_keep_the_place(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QPalette

    window.set_theme("dark")
    assert window.reader.palette().color(QPalette.ColorRole.Base).name() == THEMES["dark"].paper
    window.set_theme("sepia")
    assert window.reader.palette().color(QPalette.ColorRole.Base).name() == THEMES["sepia"].paper
    window.set_theme("light")
    assert window.reader.style_.theme is THEMES["light"]


def test_reading_place_is_remembered_per_article(
    qtbot, window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    long = tmp_path / "long.txt"
    long.write_text(
        "A long read\n\n"
        + "\n\n".join(f"Paragraph {i} says something. It goes on a little." for i in range(300))
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([long])
    article_id = window.current_article_id
    window.reader.scroll_to_sentence(200)
    top = window.reader.top_sentence()
    assert top is not None and top > 150
    window.close()
    again = open_window(library_path)
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    assert article_id is not None
    again.library_view.select_article(article_id)
    qtbot.waitUntil(lambda: again.reader.is_placed())
    assert abs((again.reader.top_sentence() or 0) - top) <= 2
    # Progress counts what has been on screen: down to the bottom of the page shown.
    total = len(again.reader.sentences)
    assert top / total < again.library.summary(article_id).progress < 0.6


def test_every_control_is_reachable_by_tab_and_named(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QApplication

    window.reader.move_sentence(1)  # the note form is enabled once a sentence is chosen
    window.library_view.list.setFocus()
    seen = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        window.focusNextChild()
    names = {w.objectName() for w in seen}
    for expected in (
        "library",
        "reader",
        "noteText",
        "noteVerdict",
        "noteSources",
        "noteTags",
        "libraryShow",
        "librarySort",
    ):
        assert expected in names, f"{expected} is not reachable with Tab"
    for widget in seen:
        named = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        assert named, f"{widget.metaObject().className()} {widget.objectName()!r} has no name"


def test_preferences_are_saved_and_applied(qtbot, window: MainWindow) -> None:
    from reader.ui.preferences_dialog import PreferencesDialog
    from reader.ui.settings import Preferences

    dialog = PreferencesDialog(window.prefs, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("sepia"))
    dialog.size.setValue(16)
    dialog.measure.setValue(60)
    prefs = dialog.result_preferences()
    prefs.save()
    window.prefs = prefs
    window.apply_preferences()
    loaded = Preferences.load()
    assert (loaded.theme, loaded.size, loaded.measure) == ("sepia", 16, 60)
    assert window.reader.style_.theme is THEMES["sepia"]
    assert window.reader.document().defaultFont().pointSizeF() == 16
    window.set_theme("light")
    Preferences().save()


def test_window_geometry_and_splitter_are_restored(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    from reader.ui.focus_mode import MIN_CHARS, chars_per_line

    # The offscreen screen is 800 px wide: too narrow for both panels and a readable
    # line, so the restored window folds what does not fit (see focus_mode).
    window.resize(790, 560)
    window.splitter.setSizes([200, 390, 200])
    window.close()
    again = open_window(library_path)
    qtbot.addWidget(again)
    again.show()
    qtbot.wait(50)
    assert again.size().width() == 790
    assert chars_per_line(again.reader) >= MIN_CHARS
    assert again.reader.width() > 500


def test_a_freshly_opened_article_is_not_counted_as_read(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from reader.ui.library_view import _details

    short = tmp_path / "short.txt"
    short.write_text(
        "A short read\n\n" + "\n\n".join(f"Paragraph {i} says a thing." for i in range(40))
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([short])
    article_id = window.current_article_id
    assert article_id is not None
    qtbot.waitUntil(lambda: window.reader.is_placed())
    window._remember_position()
    summary = window.library.summary(article_id)
    assert summary.progress == 0.0
    assert "read" not in _details(summary)
    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().maximum())
    window._remember_position()
    assert window.library.summary(article_id).progress == 1.0


def test_note_markdown_is_not_shown_raw_in_one_line_views(window: MainWindow) -> None:
    from reader.core.search import MARK_END, MARK_START, SearchHit
    from reader.ui.search_dialog import _render

    article_id = window.current_article_id
    assert article_id is not None
    text = "The gauge went up in **2019**, see [the log](https://example.org/log)."
    window.library.add_note(article_id, 0, text, Verdict.MISLEADING)
    window._notes_changed(article_id)
    tooltip = window._note_summary(0)
    assert "2019" in tooltip and "**" not in tooltip and "](" not in tooltip
    window.notes.show_article(article_id)
    outline = window.notes.outline
    item = outline.item(outline.count() - 1)
    assert "in 2019, see the log." in item.text()
    assert "**" not in item.toolTip() and "<strong>2019</strong>" in item.toolTip()
    hit = SearchHit(
        "note", article_id, 0, "Title", f"went up in **{MARK_START}2019{MARK_END}**, see", 0.0
    )
    assert _render(hit).endswith("went up in <b>2019</b>, see")


def test_an_article_that_fits_on_screen_is_read_as_far_as_the_reader_went(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    short = tmp_path / "fits.txt"
    short.write_text("Fits on a screen\n\nOne thing. Another thing.\n\nA third thing here.")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([short])
    article_id = window.current_article_id
    assert article_id is not None
    qtbot.waitUntil(lambda: window.reader.is_placed())
    assert window.reader.verticalScrollBar().maximum() == 0  # nothing to scroll
    window._remember_position()
    assert window.library.summary(article_id).progress == 0.0
    window.reader.setFocus()
    qtbot.keyClick(window.reader, "j")
    qtbot.keyClick(window.reader, "j")
    window._remember_position()
    assert window.library.summary(article_id).progress == pytest.approx(2 / 3)
    qtbot.keyClick(window.reader, "j")
    window._remember_position()
    assert window.library.summary(article_id).progress == 1.0
