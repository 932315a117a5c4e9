"""How pictures and tables are laid out in the reader."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.ui.document import build_document
from reader.ui.screenshot_states import add_table_and_figure


def _article(library: Library, tmp_path: Path):
    article_id = add_table_and_figure(library, tmp_path / "page")
    return article_id, library.article(article_id)


def test_a_caption_sits_just_under_its_picture(qapp, library: Library, tmp_path: Path) -> None:
    article_id, article = _article(library, tmp_path)
    rendered = build_document(article, lambda name: library.image(article_id, name))
    doc = rendered.document
    doc.setTextWidth(700)
    assert rendered.images, "the page's picture was imported"
    placed = rendered.images[0]
    picture_block = doc.findBlock(placed.position)
    caption_block = picture_block.next()
    assert caption_block.text().startswith("The upper reservoir")
    layout = doc.documentLayout()
    picture = layout.blockBoundingRect(picture_block)
    caption = layout.blockBoundingRect(caption_block)
    gap = caption.top() - (picture.top() + placed.height)
    assert gap < 30, gap


def test_a_wide_table_keeps_words_whole_and_scrolls_sideways(
    qtbot, shown_window, tmp_path: Path
) -> None:
    from PySide6.QtGui import QTextTable

    article_id = add_table_and_figure(shown_window.library, tmp_path / "page")
    shown_window.resize(1024, 760)
    shown_window.open_article(article_id)
    qtbot.waitUntil(lambda: shown_window.reader.is_placed())
    doc = shown_window.reader.document()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert tables
    table = tables[0]
    for r in range(table.rows()):
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            block = cell.firstCursorPosition().block()
            text, layout = block.text(), block.layout()
            for i in range(layout.lineCount() - 1):
                line = layout.lineAt(i)
                end = line.textStart() + line.textLength()
                # A line ends after a space (or a hyphen), never inside a word.
                assert text[end - 1] in " -", (text, text[line.textStart() : end])
    bar = shown_window.reader.horizontalScrollBar()
    assert bar.maximum() > 0
