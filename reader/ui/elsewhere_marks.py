"""The "noted elsewhere" marker in the reading document: an arrow and a count in
bold ("↗2") after a sentence that other articles noted, in the link colour.

It is real text like the verdict markers (`document.py`), so it flows with the line
and is a link (`gloss-elsewhere:INDEX`) that hovering and clicking find; it stands after
the sentence's verdict letter, outside every sentence span, and the reader's sentence
map shifts when it comes and goes. Its shape (an arrow, not a letter; no tint, no
underline) keeps it apart from the verdict marks and the dotted claim underline.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from .theme import Theme

ELSEWHERE_SCHEME = "gloss-elsewhere"
ARROW = "\u2197"


def marker_text(count: int) -> str:
    """The arrow and how many other articles: "↗1" reads as a footnote call would."""
    return f"{ARROW}{count}"


def elsewhere_format(theme: Theme, index: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    # On the line, not raised: a raised arrow shrinks to a speck in most text faces.
    fmt.setForeground(QColor(theme.link))
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setAnchor(True)
    fmt.setAnchorHref(f"{ELSEWHERE_SCHEME}:{index}")
    return fmt


def insert_elsewhere(
    doc: QTextDocument, position: int, count: int, theme: Theme, index: int
) -> int:
    """Insert the marker at `position`; returns its length in the document."""
    text = marker_text(count)
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.insertText(text, elsewhere_format(theme, index))
    return len(text)


def remove_elsewhere(doc: QTextDocument, position: int, length: int) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def marker_index(href: str) -> int | None:
    """The sentence of a marker's link, or None for any other link."""
    scheme, _, rest = href.partition(":")
    return int(rest) if scheme == ELSEWHERE_SCHEME and rest.isdigit() else None
