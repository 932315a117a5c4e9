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
