"""The article pane: a read-only text view whose unit of selection is the sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from ..core.model import Article, Verdict
from ..core.spans import NoteSpan, Span
from .document import (
    MARKER_SCHEME,
    ImageSource,
    ReaderStyle,
    Rendered,
    SentenceMap,
    build_document,
    fit_images,
    insert_marker,
    remove_marker,
)
from .elsewhere_marks import insert_elsewhere, marker_index, remove_elsewhere
from .links import open_external
from .span_marks import (
    SpanMapper,
    covered_sentences,
    drawing_order,
    selected_span_format,
    span_format,
)
from .theme import tint

SAFE_SCHEMES = ("http", "https", "mailto")
MAX_FIND_HITS = 2000  # highlighting more than this many matches helps nobody

NoteSummary = Callable[[int], str]


_PLAIN_OR_SHIFT = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.KeypadModifier,
)


class ReaderView(QTextBrowser):
    sentenceClicked = Signal(int)
    noteRequested = Signal(int)
    spanRequested = Signal(object)  # Span: note the words selected with the mouse
    spanSelected = Signal(object)  # Span: words were just selected with the mouse
    zoomChanged = Signal(float)
    elsewhereClicked = Signal(int)  # the "noted elsewhere" marker after sentence i

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName(QCoreApplication.translate("ReaderView", "Article"))
        self.setReadOnly(True)
        self.setOpenLinks(False)  # the reader never navigates away from the article
        self.setOpenExternalLinks(False)
        self.extend_menu: Callable[[QMenu, int | None], None] | None = None
        # Words stay whole (Qt's default also breaks inside a word, "Gene ral" in a narrow
        # table column); the view applies this to every document it is given.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        # No keyboard selection: the keys move sentence by sentence, and without it Qt
        # draws no text caret (cursorWidth 0 still left a 1-pixel one).
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.anchorClicked.connect(self._anchor_clicked)
        self.style_ = ReaderStyle()
        self.article: Article | None = None
        self.rendered: Rendered | None = None
        self.sentences = SentenceMap([], [])
        self.current: int | None = None
        self.marks: dict[int, Verdict] = {}
        # Placed notes' spans: what the marks cover. The verdict letters (`marks`) sit
        # after each span's last sentence; n/p go to each span's first.
        self.note_spans: list[NoteSpan] = []
        self._covered: set[int] = set()
        # Check-worthy sentences (index -> kinds of evidence), marked when `show_claims`.
        self.claims: dict[int, tuple[str, ...]] = {}
        self.show_claims = True
        self._header_note = ""  # said after the header's details ("7 claims · 3 checked")
        self._header_note_len = 0  # its UTF-16 length in the document
        self.mapper: SpanMapper | None = None
        self.current_span: Span | None = None  # words chosen for a note, drawn as selected
        # Each span's document range, worked out once per layout (markers move them).
        self._span_ranges: list[tuple[NoteSpan, tuple[int, int]]] | None = None
        self.note_summary: NoteSummary | None = None
        # Sentences other articles noted (index -> how many articles), their markers'
        # (position, length) in the document, and what hovering one says.
        self.elsewhere: dict[int, int] = {}
        self._elsewhere_at: dict[int, tuple[int, int]] = {}
        self.elsewhere_summary: NoteSummary | None = None
        self._load_image: ImageSource = lambda _name: None
        self._find_hits: list[QTextCursor] = []
        self._find_current = -1
        self._press: QPoint | None = None
        self._laid_out_width = -1
        self._pending_top: int | None = None
        self._furthest_selected = -1  # the furthest sentence chosen (j/k, clicks)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "ReaderView", "Choose an article from the library, or import a saved page."
            )
        )

    # -- content ---------------------------------------------------------------------------

    def show_article(
        self,
        article: Article,
        load_image: ImageSource,
        marks: dict[int, Verdict],
        top_sentence: int | None = None,
    ) -> None:
        self.article = article
        self._load_image = load_image
        self.marks = dict(marks)
        self.note_spans, self._covered = [], set()
        self.claims = {}
        self.elsewhere = {}
        self._header_note = ""
        self.current = None
        self.current_span = None
        self._furthest_selected = -1
        self._render()
        self.verticalScrollBar().setValue(0)
        # Scrolling to a sentence needs the real layout width: wait until shown if hidden.
        self._pending_top = top_sentence or None
        self._apply_pending_top()

    def _apply_pending_top(self) -> None:
        if self._pending_top is None or not self.isVisible() or self.viewport().width() < 50:
            return
        top, self._pending_top = self._pending_top, None
        self.scroll_to_sentence(top)

    def set_style(self, style: ReaderStyle) -> None:
        """New theme or font: rebuild, keeping the sentence at the top where it was."""
        if style == self.style_:
            return
        self.style_ = style
        self._apply_palette()
        if self.article is None:
            return
        top = self.top_sentence()
        self._render()
        if top:
            self.scroll_to_sentence(top)

    def clear_article(self) -> None:
        self.article = None
        self.rendered = None
        self.sentences = SentenceMap([], [])
        self.current = None
        self.current_span = None
        self._furthest_selected = -1
        self.marks = {}
        self.note_spans, self._covered, self.mapper = [], set(), None
        self.claims = {}
        self.elsewhere, self._elsewhere_at = {}, {}
        self._header_note, self._header_note_len = "", 0
        self._span_ranges = None
        self.clear()
        self.setExtraSelections([])

    def _render(self) -> None:
        assert self.article is not None
        rendered = build_document(self.article, self._load_image, self.style_, self.marks)
        # Set before the document: swapping it can resize the view, which reads them.
        self.rendered = rendered
        self.sentences = rendered.sentences
        self.mapper = SpanMapper(self.article, rendered.sentences, rendered.unmarkable)
        self._span_ranges = None
        self._header_note_len = 0
        if self._header_note:
            self._insert_header_note(self._header_note)
        self._elsewhere_at = {}
        for index, count in sorted(self.elsewhere.items()):
            self._insert_elsewhere(index, count)
        # Parented to the view, so Qt deletes it when the next article replaces it.
        rendered.document.setParent(self)
        self.setDocument(rendered.document)
        self._find_hits = []
        self._laid_out_width = -1
        self._apply_palette()
        self._centre_column()
        self._refresh()

    def set_marks(self, marks: dict[int, Verdict]) -> None:
        """Update verdict marks in place: only changed markers touch the document."""
        rendered = self.rendered
        if rendered is None:
            self.marks = dict(marks)
            return
        doc = self.document()
        for index in sorted(set(self.marks) | set(marks), reverse=True):
            old, new = self.marks.get(index), marks.get(index)
            if old == new or index in rendered.unmarkable or index >= len(self.sentences):
                continue
            if index in rendered.markers:
                position = rendered.markers.pop(index)
                remove_marker(doc, position)
                self._shift(position, -1)
            if new is not None:
                position = self.sentences.ends[index]
                insert_marker(doc, position, new, self.style_.theme, index)
                self._shift(position, 1)
                rendered.markers[index] = position
        self.marks = dict(marks)
        self._find_hits = []
        self._refresh()

    def set_elsewhere(self, counts: dict[int, int]) -> None:
        """Mark the sentences other articles noted (index -> how many articles); only
        changed markers touch the document."""
        if self.rendered is None:
            self.elsewhere = dict(counts)
            return
        for index in sorted(set(self.elsewhere) | set(counts), reverse=True):
            old, new = self.elsewhere.get(index), counts.get(index)
            if old == new:
                continue
            if index in self._elsewhere_at:
                position, length = self._elsewhere_at.pop(index)
                remove_elsewhere(self.document(), position, length)
                self._shift(position, -length)
            if new:
                self._insert_elsewhere(index, new)
        self.elsewhere = {i: n for i, n in counts.items() if n}
        self._find_hits = []
        self._refresh()

    def _insert_elsewhere(self, index: int, count: int) -> None:
        rendered = self.rendered
        if rendered is None or index in rendered.unmarkable or index >= len(self.sentences):
            return
        # After the sentence's verdict letter, if it has one.
        at = rendered.markers.get(index)
        position = at + 1 if at is not None else self.sentences.ends[index]
        length = insert_elsewhere(rendered.document, position, count, self.style_.theme, index)
        self._shift(position, length)
        self._elsewhere_at[index] = (position, length)

    def elsewhere_marker(self, index: int) -> tuple[int, int] | None:
        """The document (position, length) of sentence `index`'s "noted elsewhere"
        marker, if it has one."""
        return self._elsewhere_at.get(index)

    def _shift(self, position: int, delta: int) -> None:
        assert self.rendered is not None
        self.sentences.shift(position, delta)
        self._span_ranges = None
        markers = self.rendered.markers
        for k, at in markers.items():
            if at >= position:
                markers[k] = at + delta
        for k, (at, length) in self._elsewhere_at.items():
            if at >= position:
                self._elsewhere_at[k] = (at + delta, length)
        self.rendered.images = [
            type(i)(i.position + delta, i.width, i.height) if i.position >= position else i
            for i in self.rendered.images
        ]

    def set_header_note(self, text: str) -> None:
        """Words after the header's details line, e.g. "7 claims · 3 checked"."""
        if text == self._header_note:
            return
        self._header_note = text
        if self.rendered is None:
            return
        at = self.rendered.header_end
        if self._header_note_len:
            cursor = QTextCursor(self.document())
            cursor.setPosition(at)
            cursor.setPosition(at + self._header_note_len, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self._shift(at, -self._header_note_len)
            self._header_note_len = 0
        if text:
            self._insert_header_note(text)
        self._find_hits = []
        self._refresh()

    def _insert_header_note(self, text: str) -> None:
        assert self.rendered is not None
        at = self.rendered.header_end
        cursor = QTextCursor(self.rendered.document)
        cursor.setPosition(at)
        before = self.rendered.document.characterCount()
        cursor.insertText("  ·  " + text, cursor.charFormat())
        self._header_note_len = self.rendered.document.characterCount() - before
        self._shift(at, self._header_note_len)

    def set_claims(self, claims: dict[int, tuple[str, ...]]) -> None:
        """The check-worthy sentences and their kinds of evidence."""
        self.claims = dict(claims)
        self._refresh()

    def set_show_claims(self, show: bool) -> None:
        self.show_claims = show
        self._refresh()

    def unchecked_claims(self) -> list[int]:
        """Claims no note covers yet, in reading order."""
        checked = self._covered if self.note_spans else set(self.marks)
        return sorted(i for i in self.claims if i not in checked)

    def move_claim(self, step: int) -> bool:
        """c / Shift+C: the next or previous claim without a note; False when none is left."""
        targets = self.unchecked_claims()
        if not targets:
            return False
        here = self.current if self.current is not None else -1
        if step > 0:
            later = [i for i in targets if i > here]
            target = later[0] if later else targets[0]
        else:
            earlier = [i for i in targets if i < here] if here >= 0 else []
            target = earlier[-1] if earlier else targets[-1]
        self.select_sentence(target)
        self.sentenceClicked.emit(target)
        return True

    def set_note_spans(self, spans: list[NoteSpan]) -> None:
        """The placed notes' spans, which the marks cover exactly."""
        self.note_spans = list(spans)
        self._covered = covered_sentences(self.note_spans)
        self._span_ranges = None
        self._refresh()

    def _ranges(self) -> list[tuple[NoteSpan, tuple[int, int]]]:
        """The note spans' document ranges, worst verdict last."""
        if self._span_ranges is None:
            ranges = []
            for span in drawing_order(self.note_spans):
                where = self.mapper.to_document(span.start, span.end) if self.mapper else None
                if where is not None:
                    ranges.append((span, where))
            self._span_ranges = ranges
        return self._span_ranges

    # -- sentences -------------------------------------------------------------------------

    def selected_span(self) -> Span | None:
        """The words selected with the mouse, as a span of the article (None: nothing)."""
        cursor = self.textCursor()
        if self.mapper is None or not cursor.hasSelection():
            return None
        return self.mapper.from_document(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, span: Span) -> None:
        """Show chosen words as the selection (the mouse's highlight gives way to it)."""
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.current = span.first
        self.current_span = span
        self._refresh()

    def note_selection(self) -> bool:
        """Start a note on the selected words; False when nothing is selected."""
        span = self.selected_span()
        if span is None:
            return False
        self.select_span(span)
        self.spanRequested.emit(span)
        return True

    def select_sentence(self, index: int | None, scroll: bool = True) -> None:
        if index is not None and not 0 <= index < len(self.sentences):
            index = None
        self.current = index
        self.current_span = None
        if index is not None:
            self._furthest_selected = max(self._furthest_selected, index)
        self._refresh()
        if index is not None and scroll:
            self._ensure_visible(index)

    def move_sentence(self, step: int) -> None:
        """j/k: the next or previous sentence, from the selection or the top of the page."""
        if not len(self.sentences):
            return
        if self.current is None:
            start = self.top_sentence() or 0
            target = start if step > 0 else max(start - 1, 0)
        else:
            target = min(max(self.current + step, 0), len(self.sentences) - 1)
        self.select_sentence(target)
        self.sentenceClicked.emit(target)

    def move_noted(self, step: int) -> None:
        """n/p: the next or previous sentence that carries a note."""
        noted = sorted({s.first for s in self.note_spans} or self.marks)
        if not noted:
            return
        here = self.current if self.current is not None else -1
        if step > 0:
            later = [i for i in noted if i > here]
            target = later[0] if later else noted[0]
        else:
            earlier = [i for i in noted if i < here] if here >= 0 else []
            target = earlier[-1] if earlier else noted[-1]
        self.select_sentence(target)
        self.sentenceClicked.emit(target)

    def sentence_at(self, point: QPoint) -> int | None:
        """The sentence under a point of the viewport, if any."""
        position = self.cursorForPosition(point).position()
        return self.sentences.sentence_at(position)

    def sentence_rect(self, index: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.sentences.starts[index])
        return self.cursorRect(cursor)

    def top_sentence(self) -> int | None:
        """The first sentence visible at the top of the pane (for remembering the place)."""
        if not len(self.sentences):
            return None
        return self._first_sentence_below(self.verticalScrollBar().value())

    def progress(self) -> float:
        """How much of the article has been on screen, from the bottom visible sentence."""
        if not len(self.sentences):
            return 0.0
        bar = self.verticalScrollBar()
        # Reading is scrolling or moving through the sentences. Opening an article puts
        # its first screen in view, and calling that "70% read" (a short article) is
        # wrong; an article that fits on one screen is read as far as the reader went.
        chosen = (self._furthest_selected + 1) / len(self.sentences)
        if bar.value() == 0:
            return chosen
        if bar.value() >= bar.maximum():
            return 1.0
        bottom = self._first_sentence_below(bar.value() + self.viewport().height())
        return max(chosen, bottom / len(self.sentences))

    def sentence_y(self, index: int) -> float:
        """The top of a sentence's first line, in document coordinates.

        Asks the layout for the block's rectangle, which lays the document out up to that
        block on demand; cursorRect() and cursorForPosition() read a layout that Qt may
        not have finished yet on a long article.
        """
        doc = self.document()
        position = self.sentences.starts[index]
        block = doc.findBlock(position)
        top = doc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return top + line.y() if line.isValid() else top

    def _first_sentence_below(self, y: float) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentence_y(mid) < y:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def scroll_to_sentence(self, index: int) -> None:
        if not 0 <= index < len(self.sentences):
            return
        # The (hidden) text cursor goes there too: Qt scrolls back to it on focus.
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.sentences.starts[index])
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(int(self.sentence_y(index)) - 8)

    def _ensure_visible(self, index: int) -> None:
        bar = self.verticalScrollBar()
        top = self.sentence_y(index) - bar.value()  # from the layout, as scrolling does
        height = self.viewport().height()
        if top < 0 or top > height - 2 * self.fontMetrics().height():
            bar.setValue(int(bar.value() + top - height // 3))

    # -- find in page ----------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        """Highlight every match; returns how many there are."""
        self._find_hits = []
        self._find_current = -1
        if text:
            doc = self.document()
            cursor = QTextCursor(doc)
            while len(self._find_hits) < MAX_FIND_HITS:
                cursor = doc.find(text, cursor)
                if cursor.isNull():
                    break
                self._find_hits.append(QTextCursor(cursor))
        self._refresh()
        return len(self._find_hits)

    def find_step(self, step: int) -> tuple[int, int]:
        """Go to the next (1) or previous (-1) match: (match number from 1, total)."""
        if not self._find_hits:
            return 0, 0
        self._find_current = (self._find_current + step) % len(self._find_hits)
        hit = self._find_hits[self._find_current]
        self.setTextCursor(hit)
        self.ensureCursorVisible()
        self._refresh()
        return self._find_current + 1, len(self._find_hits)

    def find_again(self, text: str) -> tuple[int, int]:
        """Find `text` again in new text (a live reload) without moving the view: the
        current match keeps its number where it still exists. (match number, total)."""
        was = self._find_current
        total = self.find_all(text)
        if total and was >= 0:
            self._find_current = min(was, total - 1)
            self._refresh()
        return self._find_current + 1, total

    def clear_find(self) -> None:
        self._find_hits = []
        self._find_current = -1
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._refresh()

    # -- zoom ------------------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        size = min(max(self.style_.size + steps, 8.0), 40.0)
        if size != self.style_.size:
            self.set_style(replace(self.style_, size=size))
            self.zoomChanged.emit(size)

    # -- events ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not (mods & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and key in (Qt.Key.Key_J, Qt.Key.Key_Down):
            self.move_sentence(1)
        elif plain and key in (Qt.Key.Key_K, Qt.Key.Key_Up):
            self.move_sentence(-1)
        elif plain and key == Qt.Key.Key_N:
            self.move_noted(1)
        elif plain and key == Qt.Key.Key_P:
            self.move_noted(-1)
        elif key == Qt.Key.Key_C and mods in _PLAIN_OR_SHIFT:
            self.move_claim(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.note_selection() and self.current is not None:
                self.noteRequested.emit(self.current)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        dragged = self._press is not None and (point - self._press).manhattanLength() > 4
        self._press = None
        if dragged and event.button() == Qt.MouseButton.LeftButton:
            span = self.selected_span()
            if span is not None:
                self.spanSelected.emit(span)  # to copy, or to note with Enter
        if event.button() != Qt.MouseButton.LeftButton or dragged or self.anchorAt(point):
            return  # a drag selects text to copy; a link opens in the browser
        index = self.sentence_at(point)
        if index is not None:
            self.select_sentence(index, scroll=False)
            self.sentenceClicked.emit(index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        span = self.selected_span()
        if span is not None:
            action = menu.addAction("Note the Selection")
            action.triggered.connect(self.note_selection)
        else:
            index = self.sentence_at(event.pos())
            if index is None:
                action = None
            else:
                action = menu.addAction("Note This Sentence")
                action.triggered.connect(lambda: self._note_sentence(index))
        if action is not None:
            menu.removeAction(action)
            menu.insertAction(first, action)
            menu.insertSeparator(first)
        if self.extend_menu is not None:  # the window's items (copy, cite, search)
            self.extend_menu(menu, self.sentence_at(event.pos()))
        self.context_menu = menu  # kept for tests and so it outlives exec()
        menu.exec(event.globalPos())

    def _note_sentence(self, index: int) -> None:
        self.select_sentence(index, scroll=False)
        self.sentenceClicked.emit(index)
        self.noteRequested.emit(index)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            marked = marker_index(self.anchorAt(event.pos()))
            if marked is not None and self.elsewhere_summary is not None:
                QToolTip.showText(event.globalPos(), self.elsewhere_summary(marked), self)
                return True
            index = self.sentence_at(event.pos())
            noted = self._covered or self.marks
            if index is not None and index in noted and self.note_summary is not None:
                QToolTip.showText(event.globalPos(), self.note_summary(index), self)
                return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A new width reflows every line: keep the sentence at the top where it was.
        keep = None
        resized = event.oldSize().width() != event.size().width()
        if resized and self._pending_top is None and self.is_placed():
            keep = self.top_sentence()
        super().resizeEvent(event)
        self._centre_column()
        if keep:
            self.scroll_to_sentence(keep)
        self._apply_pending_top()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The splitter gives the view its final size only after it is shown.
        QTimer.singleShot(0, self._apply_pending_top)

    def is_placed(self) -> bool:
        """True once the article is shown at its place; before that there is no place
        worth saving (a hidden view reads as scrolled to the top)."""
        return self.article is not None and self.isVisible() and self._pending_top is None

    def _centre_column(self) -> None:
        """Centre a readable column instead of letting lines run the full window width.

        Margins on the document's root frame (not the viewport) keep the whole pane one
        paper colour and the scroll bar at the window's edge.
        """
        width = self.viewport().width()
        if width == self._laid_out_width:
            return  # a relayout costs real time on a long article
        self._laid_out_width = width
        doc: QTextDocument = self.document()
        measure = doc.defaultFont()
        column = QFontMetricsF(measure).averageCharWidth() * self.style_.measure
        side = max(16, int((width - column) // 2))
        root = doc.rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)
        if self.rendered is not None:
            text_width = width - 2 * side - 2 * doc.documentMargin()
            fit_images(doc, self.rendered.images, text_width)

    def _apply_palette(self) -> None:
        theme = self.style_.theme
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.paper))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.ink))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.find_hit))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.ink))
        self.setPalette(palette)

    # -- drawing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        theme = self.style_.theme
        selections = []
        if self.show_claims and self.claims:
            # A dotted underline: a shape, so it reads without colour, and quiet enough
            # to read through; notes drawn after it take over their sentences.
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(theme.muted))
            for index in sorted(self.claims):
                if index < len(self.sentences):
                    selections.append(self._selection(*self.sentences.span(index), fmt))
        if self.note_spans and self.mapper is not None:
            for span, where in self._ranges():
                selections.append(self._selection(*where, span_format(span.verdict, theme)))
        else:
            for index, verdict in sorted(self.marks.items()):
                if index < len(self.sentences):
                    fmt = span_format(verdict, theme)
                    selections.append(self._selection(*self.sentences.span(index), fmt))
        if self.current is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(theme.selection))
            if theme.dark:
                fmt.setForeground(QColor("#ffffff"))
            worst = self._worst_at(self.current)
            if worst is not None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(theme.verdict(worst))
            where = self.sentences.span(self.current)
            if self.current_span is not None and self.mapper is not None:
                where = (
                    self.mapper.to_document(self.current_span.start, self.current_span.end) or where
                )
            selections.append(self._selection(*where, fmt))
            # Noted words inside the selection stay visible in it.
            for span, mark in self._ranges() if self.note_spans else ():
                if mark == where or mark[1] <= where[0] or mark[0] >= where[1]:
                    continue
                inside = (max(mark[0], where[0]), min(mark[1], where[1]))
                selections.append(
                    self._selection(*inside, selected_span_format(span.verdict, theme))
                )
        for k, hit in enumerate(self._find_hits):
            fmt = QTextCharFormat()
            colour = QColor(theme.find_hit)
            fmt.setBackground(colour if k == self._find_current else tint(colour, 110))
            selections.append(self._selection(hit.selectionStart(), hit.selectionEnd(), fmt))
        self.setExtraSelections(selections)

    def _worst_at(self, index: int) -> Verdict | None:
        """The worst verdict among the notes covering a sentence."""
        verdicts = [s.verdict for s in self.note_spans if s.first <= index <= s.last]
        if not self.note_spans and index in self.marks:
            verdicts.append(self.marks[index])
        return min(verdicts, key=lambda v: v.severity) if verdicts else None

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _anchor_clicked(self, url: QUrl) -> None:
        if (marked := marker_index(url.toString())) is not None:
            # After the click is done with: it opens another document, and the release
            # must not then select whatever sentence lies under the pointer in it.
            QTimer.singleShot(0, lambda: self.elsewhereClicked.emit(marked))
        elif url.scheme() == MARKER_SCHEME:
            index = int(url.path()) if url.path().isdigit() else None
            if index is not None:
                self.select_sentence(index, scroll=False)
                self.sentenceClicked.emit(index)
        elif url.scheme() in SAFE_SCHEMES:
            open_external(url, self.window())
