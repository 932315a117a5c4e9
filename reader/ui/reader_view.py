"""The article pane: a read-only text view whose unit of selection is the sentence."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from ..core.model import Article, Verdict
from .document import PlacedImage, SentenceMap, build_document, fit_images
from .theme import SELECTION_BACKGROUND, tint, verdict_colour

MAX_COLUMN = 760  # pixels: with a 13 pt serif this is about 70 characters a line
SAFE_SCHEMES = ("http", "https", "mailto")


class ReaderView(QTextBrowser):
    sentenceClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article")
        self.setReadOnly(True)
        self.setOpenLinks(False)  # the reader never navigates away from the article
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.anchorClicked.connect(self._open_link)
        self.setCursorWidth(0)  # a reader, not an editor: the highlight shows where you are
        self.article: Article | None = None
        self.sentences = SentenceMap([], [])
        self.current: int | None = None
        self.marks: dict[int, Verdict] = {}
        self._press: QPoint | None = None
        self._laid_out_width = -1
        self._images: list[PlacedImage] = []
        self.setPlaceholderText("Choose an article from the library, or import a saved page.")

    def show_article(self, article: Article, load_image, marks: dict[int, Verdict]) -> None:
        doc, self.sentences, self._images = build_document(article, load_image)
        # Parented to the view, so Qt deletes it when the next article replaces it.
        doc.setParent(self)
        self.setDocument(doc)
        self._laid_out_width = -1
        self._centre_column()
        self.article = article
        self.current = None
        self.marks = dict(marks)
        self._refresh()
        self.verticalScrollBar().setValue(0)

    def clear_article(self) -> None:
        self.article = None
        self.sentences = SentenceMap([], [])
        self.current = None
        self.marks = {}
        self._images = []
        self.clear()
        self.setExtraSelections([])

    def set_marks(self, marks: dict[int, Verdict]) -> None:
        self.marks = dict(marks)
        self._refresh()

    def select_sentence(self, index: int | None, scroll: bool = True) -> None:
        if index is not None and not 0 <= index < len(self.sentences):
            index = None
        self.current = index
        self._refresh()
        if index is not None and scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.sentences.starts[index])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def sentence_at(self, point: QPoint) -> int | None:
        """The sentence under a point of the viewport, if any."""
        position = self.cursorForPosition(point).position()
        return self.sentences.sentence_at(position)

    def sentence_rect(self, index: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.sentences.starts[index])
        return self.cursorRect(cursor)

    # -- events ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        dragged = self._press is not None and (point - self._press).manhattanLength() > 4
        self._press = None
        if event.button() != Qt.MouseButton.LeftButton or dragged or self.anchorAt(point):
            return  # a drag selects text to copy; a link opens in the browser
        index = self.sentence_at(point)
        if index is not None:
            self.select_sentence(index, scroll=False)
            self.sentenceClicked.emit(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._centre_column()

    def _centre_column(self) -> None:
        """Centre a readable column instead of letting lines run the full window width.

        Margins on the document's root frame (not the viewport) keep the whole pane one
        paper colour and the scroll bar at the window's edge.
        """
        width = self.viewport().width()
        if width == self._laid_out_width:
            return  # a relayout costs real time on a long article
        self._laid_out_width = width
        side = max(16, (width - MAX_COLUMN) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)
        column = self.viewport().width() - 2 * side - 2 * self.document().documentMargin()
        fit_images(self.document(), self._images, column)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh()

    # -- drawing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        selections = []
        for index, verdict in sorted(self.marks.items()):
            if index >= len(self.sentences):
                continue
            colour = verdict_colour(verdict)
            fmt = QTextCharFormat()
            fmt.setBackground(tint(colour, 38))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            selections.append(self._selection(index, fmt))
        if self.current is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(SELECTION_BACKGROUND))
            if self.current in self.marks:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(verdict_colour(self.marks[self.current]))
            selections.append(self._selection(self.current, fmt))
        self.setExtraSelections(selections)

    def _selection(self, index: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        start, end = self.sentences.span(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
