"""Spans to document ranges and back, whatever astral characters come before them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from reader.core.model import Article, Block, BlockKind, Metadata, Verdict
from reader.core.sentences import segment
from reader.ui.document import build_document
from reader.ui.span_marks import SpanMapper
from reader.ui.theme import VERDICT_LETTERS

WORDS = ["rain", "gauge", "40%", "🌧️", "𝔘𝔫𝔦", "roof", "café", "😀😀", "six", "2019"]

words = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9)
sentence = words.map(lambda w: " ".join(w).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=3), st.data())
def test_every_word_run_maps_to_exactly_its_text_and_back(qapp, paragraphs, data) -> None:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    article = Article(Metadata(title="T"), blocks, segment(blocks))
    # Verdict letters after every other sentence sit between sentences in the document.
    marks = {s.index: Verdict.NONE for s in article.sentences if s.index % 2 == 0}
    rendered = build_document(article, lambda _name: None, marks=marks)
    mapper = SpanMapper(article, rendered.sentences)
    text = article.text
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    a = data.draw(st.integers(0, len(tokens) - 1))
    b = data.draw(st.integers(a, len(tokens) - 1))
    start, end = tokens[a][0], tokens[b][1]
    where = mapper.to_document(start, end)
    assert where is not None
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(where[0])
    cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
    # One paragraph separator in the document stands for the blank line between blocks.
    shown = cursor.selectedText().replace(VERDICT_LETTERS[Verdict.NONE], "")
    assert shown == text[start:end].replace("\n\n", "\u2029")
    span = mapper.from_document(*where)
    assert span is not None and (span.start, span.end) == (start, end)
