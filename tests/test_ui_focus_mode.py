"""Side panels fold so the text keeps a readable line; shortcuts and focus mode."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from reader.ui.focus_mode import MIN_CHARS, chars_per_line
from reader.ui.main_window import MainWindow


def _settle(qtbot) -> None:
    qtbot.wait(50)


def test_at_1024_pixels_the_text_keeps_55_characters_a_line(
    qtbot, shown_window: MainWindow
) -> None:
    shown_window.resize(1024, 700)
    _settle(qtbot)
    assert chars_per_line(shown_window.reader) >= MIN_CHARS
    assert not shown_window.notes.isVisible()  # the notes folded first
    shown_window.resize(1400, 800)
    _settle(qtbot)
    assert shown_window.notes.isVisible() and shown_window.library_view.isVisible()


def test_focus_mode_and_a_shortcut_per_panel(qtbot, shown_window: MainWindow) -> None:
    panels = shown_window.panels
    assert panels.focus_action.shortcut() == QKeySequence("Ctrl+Shift+F")
    panels.focus_action.trigger()
    _settle(qtbot)
    assert not shown_window.library_view.isVisible() and not shown_window.notes.isVisible()
    wide = chars_per_line(shown_window.reader)
    panels.focus_action.trigger()
    _settle(qtbot)
    assert shown_window.library_view.isVisible() and shown_window.notes.isVisible()
    assert chars_per_line(shown_window.reader) <= wide
    panels.library_action.trigger()
    _settle(qtbot)
    assert not shown_window.library_view.isVisible() and shown_window.notes.isVisible()
    assert not panels.library_action.isChecked()
    # Writing a note shows the notes panel even when it was folded.
    panels.notes_action.trigger()
    assert not shown_window.notes.isVisible()
    shown_window._write_note(0)
    assert shown_window.notes.isVisible() and panels.notes_action.isChecked()
