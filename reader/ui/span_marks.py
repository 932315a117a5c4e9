"""Notes on spans in the reading document: from a mouse selection to a span of the
article's words, and from a note's span to the document range its mark covers.

The core counts code points of `Article.text`; the document counts UTF-16 units and has
verdict markers between sentences. Inside a sentence there are no markers, so a sentence's
document range is its text, unit for unit: every conversion goes through the sentence
that holds the offset.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QColor, QTextCharFormat

from ..core.anchoring import sentence_spans
from ..core.model import Article, Verdict
from ..core.spans import NoteSpan, Span, span_at, widen_to_words
from .document import SentenceMap
from .theme import Theme, tint


class SpanMapper:
    """Converts between spans of `article.text` and positions of its reading document."""

    def __init__(
        self, article: Article, sentences: SentenceMap, whole: set[int] | None = None
    ) -> None:
        self.article = article
        self.sentences = sentences  # shifts in place as markers come and go
        # Sentences laid out otherwise than their text (table rows, cell by cell): a
        # span in them covers the whole sentence.
        self.whole = whole or set()
        self.bounds = list(sentence_spans(article))
        self._starts = [s for s, _ in self.bounds]

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range of `[start, end)` in the article text."""
        a, b = self._position(start, at_end=False), self._position(end, at_end=True)
        return None if a is None or b is None or b < a else (a, b)

    def from_document(self, start: int, end: int) -> Span | None:
        """The span of the article's words that document range `[start, end)` selects.

        A drag that stops inside a word takes the whole word: a hand's "fallen by a thir"
        means "fallen by a third"."""
        a, b = self._offset(start, forward=True), self._offset(end, False)
        return span_at(self.article, *widen_to_words(self.article.text, a, b))

    def _position(self, offset: int, at_end: bool) -> int | None:
        i = bisect_right(self._starts, offset - 1 if at_end else offset) - 1
        if i < 0 or i >= len(self.sentences):
            return None
        s_start, s_end = self.bounds[i]
        if i in self.whole:
            return self.sentences.ends[i] if at_end else self.sentences.starts[i]
        offset = min(max(offset, s_start), s_end)
        return self.sentences.starts[i] + _utf16_len(self.article.text[s_start:offset])

    def _offset(self, position: int, forward: bool) -> int:
        """The text offset of a document position; one between sentences (a marker, a
        paragraph break) goes to the next sentence's start, or the previous one's end."""
        doc = self.sentences
        i = bisect_right(doc.starts, position) - 1
        if i < 0:
            return self.bounds[0][0] if self.bounds else 0
        if position > doc.ends[i]:
            if forward and i + 1 < len(self.bounds):
                return self.bounds[i + 1][0]
            return self.bounds[i][1]
        s_start, s_end = self.bounds[i]
        if i in self.whole:
            return s_start if forward else s_end
        units = position - doc.starts[i]
        return s_start + _code_points(self.article.text[s_start:s_end], units)


def span_format(verdict: Verdict, theme: Theme) -> QTextCharFormat:
    """The mark on a noted span: a tint and an underline in its verdict's colour."""
    colour = theme.verdict(verdict)
    fmt = QTextCharFormat()
    fmt.setBackground(tint(colour, 60 if theme.dark else 38))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(colour)
    return fmt


def selected_span_format(verdict: Verdict, theme: Theme) -> QTextCharFormat:
    """The mark on a noted span inside the selected sentence: the selection's colour
    blended with the verdict's, so the noted words stand out of the selection."""
    base, colour = QColor(theme.selection), theme.verdict(verdict)
    share = 0.35
    mixed = QColor(
        round(base.red() * (1 - share) + colour.red() * share),
        round(base.green() * (1 - share) + colour.green() * share),
        round(base.blue() * (1 - share) + colour.blue() * share),
    )
    fmt = span_format(verdict, theme)
    fmt.setBackground(mixed)
    if theme.dark:
        fmt.setForeground(QColor("#ffffff"))
    return fmt


def drawing_order(spans: list[NoteSpan]) -> list[NoteSpan]:
    """Worst verdict last, so where spans overlap the worst one shows on top."""
    return sorted(spans, key=lambda s: -s.verdict.severity)


def covered_sentences(spans: list[NoteSpan]) -> set[int]:
    return {i for s in spans for i in range(s.first, s.last + 1)}


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _code_points(text: str, units: int) -> int:
    """How many code points of `text` fill `units` UTF-16 units."""
    count = 0
    for k, ch in enumerate(text):
        if count >= units:
            return k
        count += 2 if ch > "\uffff" else 1
    return len(text)
