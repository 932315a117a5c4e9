"""Build the reading `QTextDocument` from an Article, and map sentences to positions.

The document is built with `QTextCursor` (setHtml with one anchor per sentence is
quadratic and loses the mapping). Qt positions count UTF-16 code units while the core
counts code points, so every offset crosses `utf16_offsets` on its way in.

Noted sentences get a footnote-like marker character after them. Markers are real text,
so they flow with the line; they sit outside every sentence span, and the map shifts
when one is added or removed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextListFormat,
    QTextOption,
    QTextTableFormat,
)

from ..core.model import Article, Block, BlockKind, Image, Sentence, Verdict
from .locale_format import short_date
from .theme import THEMES, VERDICT_LETTERS, Theme, mono_font, reading_font

IMAGE_SCHEME = "gloss-image"
MARKER_SCHEME = "gloss-note"
LINE_HEIGHT = 135  # percent: comfortable leading for body text
HEADING_LINE_HEIGHT = 112
WORDS_PER_MINUTE = 230
# Shown in place of a captioned picture the saved page does not hold.
PICTURE_NOT_SAVED = "[picture not saved]"


@dataclass(frozen=True)
class ReaderStyle:
    theme: Theme = THEMES["light"]
    family: str = ""  # "" = the best serif installed
    size: float = 13.0  # points
    measure: int = 68  # characters a line: 65-75 reads best


def utf16_offsets(text: str, offsets: list[int]) -> list[int]:
    """Code-point offsets into `text` converted to UTF-16 offsets (sorted input)."""
    if not text or max(text) <= "\uffff":
        return offsets  # the common case: no astral characters, nothing to shift
    out = []
    extra = 0
    pos = 0
    for off in offsets:
        extra += sum(1 for ch in text[pos:off] if ch > "\uffff")
        pos = off
        out.append(off + extra)
    return out


@dataclass
class SentenceMap:
    """Sentence i covers document positions [starts[i], ends[i])."""

    starts: list[int]
    ends: list[int]

    def sentence_at(self, position: int) -> int | None:
        i = bisect_right(self.starts, position) - 1
        if i >= 0 and position <= self.ends[i]:
            return i
        return None

    def span(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def shift(self, position: int, delta: int) -> None:
        """Text was inserted (delta > 0) or removed at `position`, after any sentence end
        that equals it: move everything that lies beyond."""
        first = bisect_left(self.starts, position)
        for i in range(first, len(self.starts)):
            self.starts[i] += delta
        first_end = bisect_right(self.ends, position)
        for i in range(first_end, len(self.ends)):
            self.ends[i] += delta

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class PlacedImage:
    position: int  # document position of the image character
    width: float  # natural size in pixels
    height: float


@dataclass
class Rendered:
    document: QTextDocument
    sentences: SentenceMap
    images: list[PlacedImage]
    markers: dict[int, int] = field(default_factory=dict)  # sentence -> marker position
    unmarkable: set[int] = field(default_factory=set)  # sentences that take no marker
    header_end: int = 0  # end of the header's details line, where more can be said


ImageSource = Callable[[str], Image | None]


def build_document(
    article: Article,
    load_image: ImageSource,
    style: ReaderStyle | None = None,
    marks: dict[int, Verdict] | None = None,
) -> Rendered:
    style = style or ReaderStyle()
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)  # the reader is read-only; undo history only costs memory
    doc.setDefaultFont(reading_font(style.size, style.family))
    doc.setDocumentMargin(8)
    # Break lines between words only: the default also breaks inside a word that does not
    # fit, which cut narrow table columns into "Gene ral". A table too wide for the column
    # then overflows it, and the view scrolls sideways.
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    builder = _Builder(doc, article, load_image, style, marks or {})
    builder.build()
    return Rendered(
        doc,
        SentenceMap(builder.starts, builder.ends),
        builder.images,
        builder.markers,
        builder.unmarkable,
        builder.header_end,
    )


def marker_format(verdict: Verdict, theme: Theme, index: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(theme.verdict(verdict))
    fmt.setAnchor(True)
    fmt.setAnchorHref(f"{MARKER_SCHEME}:{index}")
    fmt.setToolTip(verdict.label)
    return fmt


def insert_marker(
    doc: QTextDocument, position: int, verdict: Verdict, theme: Theme, index: int
) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.insertText(VERDICT_LETTERS[verdict], marker_format(verdict, theme, index))


def remove_marker(doc: QTextDocument, position: int) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def fit_images(doc: QTextDocument, images: list[PlacedImage], column: float) -> None:
    """Scale pictures down to the text column (never up), keeping their proportions."""
    for placed in images:
        width = min(placed.width, max(column, 32.0))
        cursor = QTextCursor(doc)
        cursor.setPosition(placed.position)
        cursor.setPosition(placed.position + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = cursor.charFormat()
        if not fmt.isImageFormat():
            continue
        img = fmt.toImageFormat()
        img.setWidth(width)
        img.setHeight(placed.height * width / max(placed.width, 1.0))
        cursor.setCharFormat(img)


class _Builder:
    def __init__(
        self,
        doc: QTextDocument,
        article: Article,
        load_image: ImageSource,
        style: ReaderStyle,
        marks: dict[int, Verdict],
    ) -> None:
        self.doc = doc
        self.article = article
        self.load_image = load_image
        self.theme = style.theme
        self.base = style.size
        self.marks = marks
        self.cursor = QTextCursor(doc)
        self.starts: list[int] = [0] * len(article.sentences)
        self.ends: list[int] = [0] * len(article.sentences)
        self.markers: dict[int, int] = {}
        self.unmarkable: set[int] = set()
        self.images: list[PlacedImage] = []
        self._by_block: dict[int, list[Sentence]] = {}
        for s in article.sentences:
            self._by_block.setdefault(s.block, []).append(s)
        self._first = True
        self._list = None
        self._list_key: tuple[int, bool] | None = None
        self.header_end = 0

    def build(self) -> None:
        self._header()
        for index, block in enumerate(self.article.blocks):
            if block.kind is not BlockKind.LIST_ITEM:
                self._list = None
            if block.kind is BlockKind.TABLE:
                self._table(index, block)
            elif block.kind is BlockKind.FIGURE:
                self._figure(index, block)
            else:
                self._text_block(index, block)

    # -- pieces ---------------------------------------------------------------------------

    def _char(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(self.theme.ink))
        return fmt

    def _new_block(
        self, fmt: QTextBlockFormat, char: QTextCharFormat, leading: int = LINE_HEIGHT
    ) -> None:
        fmt.setLineHeight(leading, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def _header(self) -> None:
        meta = self.article.meta
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(6)
        title = self._char()
        title.setFontPointSize(self.base * 1.9)
        title.setFontWeight(QFont.Weight.Bold)
        self._new_block(fmt, title, HEADING_LINE_HEIGHT)
        untitled = QCoreApplication.translate("ArticleHeader", "Untitled")
        self.cursor.insertText(meta.title or untitled, title)
        words = sum(len(b.text.split()) for b in self.article.blocks)
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        published = short_date(meta.published) if meta.published else ""
        details = [p for p in (meta.byline, meta.site, published) if p]
        details.append(QCoreApplication.translate("ArticleHeader", "%Ln min read", "", minutes))
        line = QTextBlockFormat()
        line.setBottomMargin(18)
        grey = QTextCharFormat()
        grey.setForeground(QColor(self.theme.muted))
        grey.setFontPointSize(self.base * 0.9)
        self._new_block(line, grey)
        self.cursor.insertText("  ·  ".join(details), grey)
        self.header_end = self.cursor.position()

    def _text_block(self, index: int, block: Block) -> None:
        fmt = QTextBlockFormat()
        char = self._char()
        fmt.setBottomMargin(self.base * 0.9)
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            scale = {1: 1.6, 2: 1.4, 3: 1.2}.get(level, 1.05)
            char.setFontPointSize(self.base * scale)
            char.setFontWeight(QFont.Weight.Bold)
            fmt.setTopMargin(self.base * 0.8)
            fmt.setBottomMargin(self.base * 0.4)
            fmt.setHeadingLevel(level)
        elif block.kind is BlockKind.QUOTE:
            fmt.setLeftMargin(28)
            fmt.setRightMargin(12)
            char.setFontItalic(True)
            char.setForeground(QColor(self.theme.quote))
        elif block.kind is BlockKind.CODE:
            char.setFont(mono_font(self.base * 0.82))
            char.setForeground(QColor(self.theme.ink))
            fmt.setBackground(QColor(self.theme.code_background))
            fmt.setNonBreakableLines(True)
            fmt.setLeftMargin(12)
        elif block.kind is BlockKind.LIST_ITEM:
            fmt.setBottomMargin(self.base * 0.3)
        leading = HEADING_LINE_HEIGHT if block.kind is BlockKind.HEADING else LINE_HEIGHT
        self._new_block(fmt, char, leading)
        if block.kind is BlockKind.LIST_ITEM:
            self._join_list(block)
        self._insert_marked_text(index, block, char)

    def _join_list(self, block: Block) -> None:
        key = (block.level, block.ordered)
        if self._list is not None and self._list_key == key:
            self._list.add(self.cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(
            QTextListFormat.Style.ListDecimal if block.ordered else QTextListFormat.Style.ListDisc
        )
        fmt.setIndent(max(block.level, 1))
        if block.ordered and block.number:
            fmt.setStart(block.number)
        self._list = self.cursor.createList(fmt)
        self._list_key = key

    def _insert_marked_text(self, index: int, block: Block, base: QTextCharFormat) -> None:
        """Insert a block's text with its inline styles, recording sentence positions and
        putting a verdict marker after each noted sentence."""
        text = block.text
        sentences = self._by_block.get(index, [])
        noted = [s for s in sentences if s.index in self.marks]
        # Cut the text at every style edge and every marker spot.
        cuts = {0, len(text), *(s.end for s in noted)}
        for m in block.marks:
            cuts.update((m.start, m.end))
        edges = sorted(c for c in cuts if 0 <= c <= len(text))
        marker_after = {s.end: s for s in noted}
        block_start = self.cursor.position()
        shift = 0  # marker characters inserted so far in this block
        shifts: list[tuple[int, int]] = []  # (code-point offset, markers before it)
        for a, b in pairwise(edges):
            if a < b:
                fmt = QTextCharFormat(base)
                for m in block.marks:
                    if m.start <= a and b <= m.end:
                        _apply_mark(fmt, m.kind, m.href, self.base, self.theme)
                self.cursor.insertText(text[a:b], fmt)
            noted_here = marker_after.get(b)
            if noted_here is not None:
                self.markers[noted_here.index] = self.cursor.position()
                verdict = self.marks[noted_here.index]
                self.cursor.insertText(
                    VERDICT_LETTERS[verdict], marker_format(verdict, self.theme, noted_here.index)
                )
                shift += 1
                shifts.append((b, shift))
        self._record(sentences, text, block_start, shifts)

    def _record(
        self,
        sentences: list[Sentence],
        text: str,
        block_start: int,
        shifts: list[tuple[int, int]],
    ) -> None:
        if not sentences:
            return
        flat = [o for s in sentences for o in (s.start, s.end)]
        mapped = utf16_offsets(text, flat)
        cuts = [c for c, _ in shifts]

        def markers_before(offset: int, is_end: bool) -> int:
            # An end equal to a marker spot lies before that marker; a start after it.
            i = bisect_left(cuts, offset) if is_end else bisect_right(cuts, offset)
            return shifts[i - 1][1] if i else 0

        for k, s in enumerate(sentences):
            self.starts[s.index] = block_start + mapped[2 * k] + markers_before(s.start, False)
            self.ends[s.index] = block_start + mapped[2 * k + 1] + markers_before(s.end, True)

    def _table(self, index: int, block: Block) -> None:
        rows = block.rows or tuple((line,) for line in block.text.split("\n"))
        cols = max(len(r) for r in rows)
        self._new_block(QTextBlockFormat(), self._char())
        fmt = QTextTableFormat()
        fmt.setBorder(0.5)
        fmt.setBorderBrush(QBrush(QColor(self.theme.rule)))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellPadding(5)
        fmt.setCellSpacing(0)
        fmt.setBottomMargin(self.base)
        # No fixed width: a narrow table stays narrow, and a wide one keeps its words
        # whole and overflows the column (the view scrolls sideways).
        table = self.cursor.insertTable(len(rows), cols, fmt)
        row_spans: list[tuple[int, int]] = []
        for r, row in enumerate(rows):
            first = last = None
            for c in range(cols):
                cell_cursor = table.cellAt(r, c).firstCursorPosition()
                cell_text = row[c] if c < len(row) else ""
                char = self._char()
                if r == 0 and len(rows) > 1:
                    char.setFontWeight(QFont.Weight.Bold)
                start = cell_cursor.position()
                cell_cursor.insertText(cell_text, char)
                if cell_text:
                    first = start if first is None else first
                    last = start + len(cell_text.encode("utf-16-le")) // 2
            row_spans.append((first or 0, last or 0))
        # Table sentences are its rows (the splitter cuts table text by line).
        for s in self._by_block.get(index, ()):
            row = block.text.count("\n", 0, s.start)
            if row < len(row_spans):
                self.starts[s.index], self.ends[s.index] = row_spans[row]
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        # A marker inside a cell would need the cell's text rebuilt; rows are marked by
        # their tint and underline only.
        self.unmarkable.update(s.index for s in self._by_block.get(index, ()))
        self._list = None

    def _figure(self, index: int, block: Block) -> None:
        image = self.load_image(block.image) if block.image else None
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setTopMargin(self.base * 0.5)
        # Single leading: a proportional line height scales the picture's line, which
        # left about 100 px between a picture and its caption.
        self._new_block(fmt, self._char(), 100)
        qimage = QImage.fromData(image.data) if image is not None else QImage()
        if qimage.isNull() and block.text:
            # The page was saved without this picture: say so where it stood, or its
            # caption would describe nothing.
            note = self._char()
            note.setFontPointSize(self.base * 0.85)
            note.setFontItalic(True)
            note.setForeground(QColor(self.theme.muted))
            self.cursor.insertText(PICTURE_NOT_SAVED, note)
        if image is not None and not qimage.isNull():
            url = QUrl(f"{IMAGE_SCHEME}:{image.name}")
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, url, qimage)
            img = QTextImageFormat()
            img.setName(url.toString())
            img.setWidth(qimage.width())
            img.setHeight(qimage.height())
            if block.alt:
                img.setToolTip(block.alt)
            self.images.append(PlacedImage(self.cursor.position(), qimage.width(), qimage.height()))
            self.cursor.insertImage(img)
        if block.text:
            cap = QTextBlockFormat()
            cap.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            cap.setBottomMargin(self.base)
            char = self._char()
            char.setFontPointSize(self.base * 0.85)
            char.setForeground(QColor(self.theme.muted))
            self._new_block(cap, char)
            self._insert_marked_text(index, block, char)


def _apply_mark(
    fmt: QTextCharFormat, kind: str, href: str | None, base: float, theme: Theme
) -> None:
    if kind == "em":
        fmt.setFontItalic(True)
    elif kind == "strong":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif kind == "code":
        fmt.setFontFamilies(mono_font(base).families())
    elif kind == "link" and href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(QColor(theme.link))
        fmt.setFontUnderline(True)
        fmt.setToolTip(href)
