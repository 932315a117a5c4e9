"""Emoji and symbols get a real glyph even where no colour emoji font is installed."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGlyphRun

from reader.ui.fallback_font import fallback_family
from reader.ui.main_window import MainWindow

RAIN = "\U0001f327"  # 🌧, followed in the sample by U+FE0F (emoji presentation)


def _runs_for(window: MainWindow, needle: str) -> list[QGlyphRun]:
    doc = window.reader.document()
    cursor = doc.find(needle)
    assert not cursor.isNull(), f"{needle!r} is not in the article shown"
    block = cursor.block()
    start = cursor.selectionStart() - block.position()
    # Qt counts UTF-16 units: the emoji is a surrogate pair.
    return block.layout().glyphRuns(start, len(needle.encode("utf-16-le")) // 2)


def test_the_fallback_font_is_bundled_and_registered(qtbot, shown_window: MainWindow) -> None:
    family = fallback_family()
    assert family == "Symbola"
    assert family in QFontDatabase.families()


def test_the_samples_emoji_is_drawn_with_a_glyph_not_a_box(qtbot, shown_window: MainWindow) -> None:
    window = shown_window
    assert window.reader.article is not None
    assert RAIN in window.reader.article.text
    # Named in the reading font's own chain, so platforms whose fallback ignores
    # application fonts (Windows, macOS) reach it too.
    assert window.reader.document().defaultFont().families()[-1] == fallback_family()
    runs = _runs_for(window, RAIN)
    assert runs, "the emoji was not laid out"
    for run in runs:
        font = run.rawFont()
        # Glyph 0 is .notdef, the box drawn for a character no font in the chain has.
        assert 0 not in run.glyphIndexes(), f"box drawn with {font.familyName()}"
        assert font.supportsCharacter(ord(RAIN)), font.familyName()
    # The words around it keep the reading font: the fallback only fills gaps.
    (word_run,) = _runs_for(window, "podcast")
    assert word_run.rawFont().familyName() != fallback_family()
