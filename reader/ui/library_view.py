"""The library list: a lazy model over the database, drawn two lines per article.

Rows are fetched a page at a time (`fetchMore`), so a library of 10,000 articles opens as
fast as one of ten; filtering and ordering happen in SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.library import Library, NotFound
from ..core.listing import ListQuery, Show, SortBy, filter_tags
from ..core.model import ArticleSummary, Verdict
from .locale_format import claim_summary, percent, short_date
from .theme import THEMES, Theme, verdict_icon

ARTICLE_ID = Qt.ItemDataRole.UserRole
SUMMARY = Qt.ItemDataRole.UserRole + 1
PAGE = 200
_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.query = ListQuery()
        self.rows: list[ArticleSummary] = []
        self.total = 0

    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self, at_least: int = PAGE) -> None:
        """Read the rows again; `at_least` rows, so a list scrolled far keeps its place."""
        self.beginResetModel()
        self.total = self.library.count_articles(self.query)
        self.rows = self.library.list_articles(self.query, 0, max(at_least, PAGE))
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self.library.list_articles(self.query, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def refresh_article(self, article_id: int) -> None:
        """Re-read one row in place (its notes or progress changed)."""
        row = self.row_of(article_id)
        if row is None:
            return
        try:
            self.rows[row] = self.library.summary(article_id)
        except NotFound:  # deleted meanwhile (by another window or the command line)
            self.reload()
            return
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def row_of(self, article_id: int) -> int | None:
        while True:
            for i, r in enumerate(self.rows):
                if r.id == article_id:
                    return i
            if not self.canFetchMore():
                return None
            self.fetchMore()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ARTICLE_ID:
            return row.id
        if role == SUMMARY:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return ". ".join(p for p in (row.title, _details(row), row.verdict_summary) if p)
        return None


def _details(row: ArticleSummary) -> str:
    tr = QCoreApplication.translate
    parts = [row.site, short_date(row.published) if row.published else ""]
    if row.tags:
        parts.append(" ".join(f"#{t}" for t in row.tags))
    if not row.opened:
        parts.append(tr("ArticleList", "unread"))
    elif row.progress >= 0.98:
        parts.append(tr("ArticleList", "finished"))
    elif row.progress > 0:
        parts.append(tr("ArticleList", "{0} read").format(percent(row.progress)))
    parts.append(claim_summary(row.claim_count, row.claims_checked))
    return "  ·  ".join(p for p in parts if p)


class ArticleDelegate(QStyledItemDelegate):
    """Title across the whole first line; site, date, tags and progress on the second, with
    the verdict chips at its right end; a thin reading-progress bar along the bottom.

    The chips share the second line, not the title's: the title is what a reader scans for,
    and four chips beside it left room for three words. On a selected row the chips sit on a
    plate of the list's base colour, so a blue chip stays visible on a blue highlight."""

    PADDING = 8
    CHIP = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + self.PADDING * 2 + 6)

    def layout(
        self, rect: QRect, fm: QFontMetrics, row: ArticleSummary
    ) -> tuple[QRect, QRect, list[tuple[Verdict, str, QRect]]]:
        """Where the title, the details and each chip (verdict, label, chip square) go."""
        inner = rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        title = QRect(inner.left(), inner.top(), inner.width(), fm.height())
        line2 = inner.top() + fm.height() + 2
        # The chips take at most half the line; past that the rest fold into "+N".
        budget = inner.width() // 2
        chips: list[tuple[Verdict, str, int]] = []
        used = 0
        counts = list(row.verdict_counts)
        for i, (verdict, count) in enumerate(counts):
            label = str(count)
            width = self.CHIP + 2 + fm.horizontalAdvance(label) + 6
            rest = len(counts) - i - 1
            reserve = fm.horizontalAdvance(f"+{rest}") + 6 if rest else 0
            if used + width + reserve > budget:
                chips.append((Verdict.NONE, f"+{len(counts) - i}", 0))
                used += fm.horizontalAdvance(f"+{len(counts) - i}") + 6
                break
            chips.append((verdict, label, width))
            used += width
        x = inner.right() - used + 1
        placed: list[tuple[Verdict, str, QRect]] = []
        for verdict, label, width in chips:
            if width == 0:  # the overflow count, drawn as text only
                w = fm.horizontalAdvance(label) + 6
                placed.append((verdict, label, QRect(x, line2, w, fm.height())))
                x += w
                continue
            top = line2 + (fm.height() - self.CHIP) // 2
            placed.append((verdict, label, QRect(x, top, self.CHIP, self.CHIP)))
            x += width
        details = QRect(inner.left(), line2, max(0, inner.width() - used - 6), fm.height())
        return title, details, placed

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: ArticleSummary | None = index.data(SUMMARY)
        if row is None:
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_colour)
        muted.setAlpha(160)
        fm = QFontMetrics(option.font)
        title_rect, details_rect, chips = self.layout(option.rect, fm, row)

        title_font = QFont(option.font)
        title_font.setBold(not row.opened)
        title_font.setWeight(QFont.Weight.Bold if not row.opened else QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title = QFontMetrics(title_font).elidedText(
            row.title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )

        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(
            details_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(_details(row), Qt.TextElideMode.ElideRight, details_rect.width()),
        )

        chip_text = text_colour
        if chips and selected:
            left = chips[0][2].left() - 3
            plate = QRect(left, details_rect.top() - 1, option.rect.right() - 4 - left, 0)
            plate.setHeight(fm.height() + 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(plate, 4, 4)
            chip_text = palette.color(QPalette.ColorRole.Text)
        for verdict, label, square in chips:
            painter.setPen(chip_text)
            if label.startswith("+"):  # more verdicts than fit
                painter.drawText(square, Qt.AlignmentFlag.AlignCenter, label)
                continue
            verdict_icon(verdict, self.CHIP, self.theme).paint(painter, square)
            painter.drawText(
                QRect(
                    square.right() + 3,
                    details_rect.top(),
                    fm.horizontalAdvance(label) + 2,
                    fm.height(),
                ),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )

        if row.opened and row.progress > 0:
            bar = QRect(
                option.rect.left() + self.PADDING,
                option.rect.bottom() - 3,
                int((option.rect.width() - 2 * self.PADDING) * row.progress),
                2,
            )
            painter.fillRect(
                bar, palette.color(QPalette.ColorRole.Highlight) if not selected else text_colour
            )
        painter.restore()


class LibraryView(QWidget):
    """The list with its filter and sort controls."""

    articleSelected = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.library = library
        self.model_ = LibraryModel(library, self)

        self.show_box = QComboBox()
        self.show_box.setObjectName("libraryShow")
        self.show_box.setAccessibleName(QCoreApplication.translate("LibraryView", "Show"))
        for label, show in (
            ("All", Show.ALL),
            ("Unread", Show.UNREAD),
            ("Noted", Show.NOTED),
            ("Notes to review", Show.REVIEW),
            ("Unchecked claims", Show.UNCHECKED),
            ("Archived", Show.ARCHIVED),
            ("Trash", Show.TRASH),
        ):
            self.show_box.addItem(label, show)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("librarySort")
        self.sort_box.setAccessibleName(QCoreApplication.translate("LibraryView", "Sort by"))
        for label, sort in (
            ("Recent", SortBy.RECENT),
            ("Title", SortBy.TITLE),
            ("Site", SortBy.SITE),
            ("Date", SortBy.DATE),
            ("Notes", SortBy.NOTES),
        ):
            self.sort_box.addItem(label, sort)
        self.order = QToolButton()
        self.order.setObjectName("librarySortOrder")
        self.order.setCheckable(True)
        self.order.setAccessibleName(QCoreApplication.translate("LibraryView", "Reverse order"))
        self.order.setToolTip(QCoreApplication.translate("LibraryView", "Reverse the order"))
        self.order.setText("↓")
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("libraryFilter")
        self.filter_box.setAccessibleName(
            QCoreApplication.translate("LibraryView", "Filter by tag or verdict")
        )
        self.filter_box.setMinimumContentsLength(8)
        self.filter_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.list = QListView()
        self.list.setObjectName("library")
        self.list.setAccessibleName(QCoreApplication.translate("LibraryView", "Library"))
        self.list.setModel(self.model_)
        self.delegate = ArticleDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        # Shift/Ctrl-click select several rows for the right-click menu's bulk actions.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.show_box)
        bar.addWidget(self.sort_box)
        bar.addWidget(self.order)
        bar.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)

        self.refresh_filters()
        for box in (self.show_box, self.sort_box, self.filter_box):
            box.currentIndexChanged.connect(self._query_changed)
        self.order.toggled.connect(self._query_changed)
        self.model_.reload()

    # -- public ----------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_id()
        self.refresh_filters()
        self.model_.reload()
        if current is not None:
            self.select_article(current, emit=False)

    def refresh(self) -> None:
        """The library changed: show what it holds now, keeping the selected article, the
        filters and the scroll position."""
        current = self.current_id()
        value = self.list.verticalScrollBar().value()
        self.refresh_filters()
        self.model_.query = self.query()  # a filter whose tag is gone falls back to "Any"
        self.model_.reload(at_least=len(self.model_.rows))
        if current is not None:
            self.select_article(current, emit=False, scroll=False)
        self.list.verticalScrollBar().setValue(value)

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ARTICLE_ID) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected rows' articles, in list order."""
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [self.model_.rows[r].id for r in rows if r < len(self.model_.rows)]

    def neighbour_of(self, article_id: int) -> int | None:
        """The article listed after this one (before it, if it is the last)."""
        row = self.model_.row_of(article_id)
        if row is None:
            return None
        if row + 1 >= self.model_.rowCount() and self.model_.canFetchMore():
            self.model_.fetchMore()
        for other in (row + 1, row - 1):
            if 0 <= other < self.model_.rowCount():
                return self.model_.rows[other].id
        return None

    def select_article(self, article_id: int, emit: bool = True, scroll: bool = True) -> None:
        """Select an article's row; one the list does not show (archived, filtered out)
        leaves no row selected rather than another article's."""
        row = self.model_.row_of(article_id)
        selection = self.list.selectionModel()
        selection.blockSignals(not emit)
        if row is None:
            selection.clear()
        else:
            self.list.setCurrentIndex(self.model_.index(row, 0))
        selection.blockSignals(False)
        if row is not None and scroll:
            self.list.scrollTo(self.model_.index(row, 0))

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.list.viewport().update()

    def query(self) -> ListQuery:
        sort = SortBy(self.sort_box.currentData())
        # Recent, date and notes read best newest/most first; title and site A to Z.
        natural_desc = sort in (SortBy.RECENT, SortBy.DATE, SortBy.NOTES)
        # Filter items carry "verdict:<value>" or "tag:<name>" (strings compare reliably
        # through QVariant, tuples do not).
        kind, _, value = (self.filter_box.currentData() or "").partition(":")
        return ListQuery(
            show=Show(self.show_box.currentData()),
            sort=sort,
            descending=natural_desc != self.order.isChecked(),
            tag=value if kind == "tag" else "",
            verdict=value if kind == "verdict" else "",
        )

    # -- internals -------------------------------------------------------------------------

    def refresh_filters(self) -> None:
        current = self.filter_box.currentData()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(QCoreApplication.translate("LibraryView", "Any tag or verdict"), "")
        for verdict in Verdict:
            if verdict is not Verdict.NONE:
                self.filter_box.addItem(
                    verdict_icon(verdict, 14), verdict.label, f"verdict:{verdict.value}"
                )
        for tag in filter_tags(self.library.db):
            self.filter_box.addItem(f"#{tag}", f"tag:{tag}")
        index = self.filter_box.findData(current)
        self.filter_box.setCurrentIndex(max(index, 0))
        self.filter_box.blockSignals(False)

    def _query_changed(self, *_args: object) -> None:
        self.order.setText("↑" if self.order.isChecked() else "↓")
        current = self.current_id()
        self.model_.set_query(self.query())
        if current is not None:
            self.select_article(current, emit=False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A deleted article does not open: it is restored first (the Trash's bar and menu).
        if current.isValid() and self.query().show != Show.TRASH:
            self.articleSelected.emit(current.data(ARTICLE_ID))
