"""Edit ▸ Copy as Citation (Ctrl+Shift+C, and on the reader's right-click menu): the
selected words, or else the sentence, as a citation on the clipboard, in plain text and
as HTML with the title linked to the article's URL (with a text fragment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from ..core.citation import Citation, cite
from ..core.pages import page_at, page_starts

if TYPE_CHECKING:
    from .main_window import MainWindow


def passage(window: MainWindow, index: int | None = None) -> str:
    """The words to cite: the mouse selection (as a span of whole words), else sentence
    `index` (the one under the pointer), else the words or sentence being noted."""
    return _passage(window, index)[0]


def _passage(window: MainWindow, index: int | None = None) -> tuple[str, int | None]:
    """`passage` and the printed page it starts on (PDFs; None for other articles)."""
    reader = window.reader
    article = reader.article
    if article is None:
        return "", None
    span = reader.selected_span()
    if span is None and index is None:
        span = reader.current_span
    if span is not None:
        return article.text[span.start : span.end], page_at(page_starts(article.blocks), span.start)
    index = reader.current if index is None else index
    if index is None or not 0 <= index < len(article.sentences):
        return "", None
    sentence = article.sentences[index]
    return sentence.text, article.blocks[sentence.block].page_at(sentence.start)


def copy_citation(window: MainWindow, index: int | None = None) -> Citation | None:
    """Put the citation on the clipboard; None (and a word in the status bar) when no
    sentence is chosen."""
    words, page = _passage(window, index)
    if not words.strip() or window.reader.article is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Citation", "Select a sentence or words to cite"), 5000
        )
        return None
    citation = cite(words, window.reader.article.meta, page)
    data = QMimeData()
    data.setText(citation.text)
    data.setHtml(citation.html)
    QGuiApplication.clipboard().setMimeData(data)
    window.statusBar().showMessage(QCoreApplication.translate("Citation", "Citation copied"), 3000)
    return citation
