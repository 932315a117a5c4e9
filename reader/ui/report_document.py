"""The fact-check report laid out with Qt: one `QTextDocument`, written as a PDF through
`QPdfWriter` or as a self-contained HTML file. No browser, no display (the offscreen
platform will do), and safe to run on a worker thread (only `QImage`, never `QPixmap`).

The article is the window's own reading document (`document.build_document`), in the
light theme: each noted passage is tinted and underlined in its verdict's colour and
followed by its verdict letter and footnote number, which link to the numbered note at
the end. The summary goes under the article's header; the notes start on a new page.

The report's own words are English whatever the window's language, like the other
exports and the command line, so a report reads the same wherever it was made; only the
progress labels, which the window shows, are translated.
"""

from __future__ import annotations

import base64
import html
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from ..core.fact_check_report import (
    FactCheckReport,
    ReportNote,
    ReportSource,
    report_format,
)
from ..core.model import Verdict
from ..core.note_html import note_html
from ..core.numbering import sentence_number
from ..core.pages import note_pages
from ..core.safe_links import is_web_link
from .document import (
    IMAGE_SCHEME,
    ImageSource,
    PlacedImage,
    ReaderStyle,
    build_document,
    fit_images,
)
from .span_marks import SpanMapper
from .theme import THEMES, VERDICT_LETTERS

Progress = Callable[..., None]
Cancelled = Callable[[], bool]

THEME = THEMES["light"]  # paper is white in print whatever the window's theme
STYLE = ReaderStyle(theme=THEME, size=11.0)
# The HTML's reading column in CSS pixels; pictures are fitted to it.
HTML_COLUMN = 680.0
PAGE_MARGIN_MM = 18.0
FOOTER_MM = 9.0  # where the footer's baseline sits above the page's bottom edge
PDF_DPI = 300
# A picture takes at most this share of a page's height, so it never runs off a page.
PICTURE_PAGE_SHARE = 0.6


def _blend(colour: QColor, share: float) -> QColor:
    """`colour` mixed into white paper: an opaque tint that prints and exports alike."""
    return QColor(
        round(255 + (colour.red() - 255) * share),
        round(255 + (colour.green() - 255) * share),
        round(255 + (colour.blue() - 255) * share),
    )


# -- the document ------------------------------------------------------------------------


def report_document(
    report: FactCheckReport,
    load_image: ImageSource,
    column: float = HTML_COLUMN,
    picture_height: float | None = None,
) -> QTextDocument:
    """The report as a document; pictures are fitted to `column` (and `picture_height`)."""
    article = report.article
    rendered = build_document(article, load_image, STYLE)
    doc = rendered.document
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _title(report))
    _fit_pictures(doc, rendered.images, column, picture_height)
    mapper = SpanMapper(article, rendered.sentences, rendered.unmarkable)
    spans = []
    for item in report.placed:
        where = mapper.to_document(item.note.position or 0, item.note.end or 0)
        if where is not None:
            spans.append((item, where))
    # Tints first (they move nothing), worst verdict last so it shows where spans overlap.
    for item, (start, end) in sorted(spans, key=lambda s: -s[0].note.verdict.severity):
        _tint(doc, start, end, item.note.verdict)
    # Marks from the last to the first: inserting one moves only what comes after it.
    for item, (_start, end) in sorted(spans, key=lambda s: (s[1][1], s[0].number), reverse=True):
        _insert_mark(doc, end, item)
    _insert_summary(doc, rendered.header_end, report)
    _append_notes(doc, report)
    return doc


def _title(report: FactCheckReport) -> str:
    title = report.article.meta.title or "Untitled"
    return f"Fact-check: {title}"


def _fit_pictures(
    doc: QTextDocument, images: list[PlacedImage], column: float, picture_height: float | None
) -> None:
    if picture_height is None:
        fit_images(doc, images, column)
        return
    # Fit the width, then shrink again any picture still taller than its share of a page.
    for placed in images:
        scale = min(1.0, column / max(placed.width, 1.0), picture_height / max(placed.height, 1))
        cursor = QTextCursor(doc)
        cursor.setPosition(placed.position)
        cursor.setPosition(placed.position + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = cursor.charFormat()
        if fmt.isImageFormat():
            image = fmt.toImageFormat()
            image.setWidth(placed.width * scale)
            image.setHeight(placed.height * scale)
            cursor.setCharFormat(image)


def _tint(doc: QTextDocument, start: int, end: int, verdict: Verdict) -> None:
    colour = THEME.verdict(verdict)
    fmt = QTextCharFormat()
    fmt.setBackground(_blend(colour, 0.16))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(colour)
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def _insert_mark(doc: QTextDocument, position: int, item: ReportNote) -> None:
    """The verdict letter and note number after the noted words, linking to the note."""
    verdict = item.note.verdict
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(THEME.verdict(verdict))
    fmt.setAnchor(True)
    fmt.setAnchorHref(f"#note-{item.number}")
    fmt.setAnchorNames([f"mark-{item.number}"])
    fmt.setToolTip(verdict.label)
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.insertText(f"{VERDICT_LETTERS[verdict]}{item.number}", fmt)


def _char(
    size: float = STYLE.size, colour: str | None = None, bold: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(size)
    fmt.setForeground(QColor(colour or THEME.ink))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _block(top: float = 0, bottom: float = 4, indent: float = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(indent)
    fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def _link(fmt: QTextCharFormat, href: str) -> QTextCharFormat:
    linked = QTextCharFormat(fmt)
    linked.setAnchor(True)
    linked.setAnchorHref(href)
    linked.setForeground(QColor(THEME.link))
    linked.setFontUnderline(True)
    return linked


def _insert_summary(doc: QTextDocument, position: int, report: FactCheckReport) -> None:
    """A boxed summary under the article's header: what was claimed and found."""
    small = STYLE.size * 0.9
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    frame = QTextFrameFormat()
    frame.setBorder(0.8)
    frame.setBorderBrush(QColor(THEME.rule))
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    frame.setPadding(10)
    frame.setBackground(QColor("#f6f6f3"))
    frame.setBottomMargin(STYLE.size * 1.5)
    frame.setTopMargin(4)
    cursor.insertFrame(frame)
    cursor.setBlockFormat(_block(bottom=4))
    cursor.insertText("Fact-check report", _char(STYLE.size * 1.1, bold=True))
    # The verdicts line is drawn as chips below, with the letters the text uses.
    for line in report.summary.lines()[:-1] if report.summary.verdicts else report.summary.lines():
        cursor.insertBlock(_block(bottom=2), _char(small))
        cursor.insertText(line, _char(small))
    if report.summary.verdicts:
        cursor.insertBlock(_block(top=4, bottom=2), _char(small))
        for verdict, count in report.summary.verdicts:
            cursor.insertText(f" {VERDICT_LETTERS[verdict]} ", _chip(verdict, small))
            cursor.insertText(f" {verdict.label} {count}    ", _char(small))
    url = report.article.meta.url
    made = f"Made with Gloss on {report.made}"
    cursor.insertBlock(_block(top=6, bottom=0), _char(small * 0.95, THEME.muted))
    if url:
        plain = _char(small * 0.95, THEME.muted)
        link = report.article_link
        cursor.insertText(url, _link(plain, link) if link else plain)
        cursor.insertText("  ·  ", plain)
    cursor.insertText(made, _char(small * 0.95, THEME.muted))


def _chip(verdict: Verdict, size: float) -> QTextCharFormat:
    """The verdict letter in white on its colour, as the legend and the notes show it."""
    fmt = _char(size, "#ffffff", bold=True)
    fmt.setBackground(THEME.verdict(verdict))
    return fmt


def _append_notes(doc: QTextDocument, report: FactCheckReport) -> None:
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    heading = _block(top=0, bottom=STYLE.size * 0.8)
    heading.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    heading.setHeadingLevel(2)
    cursor.insertBlock(heading, _char(STYLE.size * 1.4, bold=True))
    cursor.insertText("Notes", _char(STYLE.size * 1.4, bold=True))
    if not report.notes:
        muted = _char(colour=THEME.muted)
        cursor.insertBlock(_block(), muted)
        cursor.insertText("This article has no notes yet.", muted)
        return
    for item in report.placed:
        _note(cursor, report, item)
    unplaced = report.unplaced
    if unplaced:
        heading = _block(top=STYLE.size, bottom=STYLE.size * 0.4)
        heading.setHeadingLevel(3)
        cursor.insertBlock(heading, _char(STYLE.size * 1.15, bold=True))
        cursor.insertText("Unplaced notes", _char(STYLE.size * 1.15, bold=True))
        cursor.insertBlock(_block(bottom=8), _char(STYLE.size * 0.9, THEME.muted))
        cursor.insertText(
            (
                "These notes lost their words when the page changed; they are shown with "
                "the words they were written against."
            ),
            _char(STYLE.size * 0.9, THEME.muted),
        )
        for item in unplaced:
            _note(cursor, report, item)


def _note(cursor: QTextCursor, report: FactCheckReport, item: ReportNote) -> None:
    note = item.note
    small = STYLE.size * 0.88
    head = _block(top=STYLE.size * 0.9, bottom=3)
    head.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    cursor.insertBlock(head, _char())
    number = _char(bold=True)
    number.setAnchor(True)
    number.setAnchorNames([f"note-{item.number}"])
    if item.placed:
        number = _link(number, f"#mark-{item.number}")
        number.setFontUnderline(False)
        number.setForeground(QColor(THEME.ink))
    cursor.insertText(f"{item.number}.", number)
    cursor.insertText(" ", _char())
    cursor.insertText(f" {VERDICT_LETTERS[note.verdict]} ", _chip(note.verdict, STYLE.size * 0.9))
    cursor.insertText(f" {note.verdict.label}", _char(bold=True, colour=_ink(note.verdict)))
    if item.placed and note.sentence is not None:
        first, last = sentence_number(note.sentence), sentence_number(note.last_sentence or 0)
        where = (
            f"sentence {first}"
            if note.last_sentence in (None, note.sentence)
            else f"sentences {first}–{last}"
        )
        if page := note_pages(report.pages, note):
            where += f", {page}"
        cursor.insertText(f"  ·  {where}", _char(small, THEME.muted))
    quote = note.quote if item.placed else note.original_quote
    quoted = _char(STYLE.size * 0.95, THEME.quote)
    quoted.setFontItalic(True)
    cursor.insertBlock(_block(bottom=4, indent=18), quoted)
    passage = report.passage_link(item) if item.placed else None
    cursor.insertText(f"“{' '.join(quote.split())}”", _link(quoted, passage) if passage else quoted)
    if item.placed and note.words_differ:
        cursor.insertBlock(_block(bottom=4, indent=18), _char(small, THEME.muted))
        cursor.insertText(
            "Written against: “{}”".format(" ".join(note.original_quote.split())),
            _char(small, THEME.muted),
        )
    _note_text(cursor, note.text)
    for letter, source in zip(_letters(len(item.sources)), item.sources, strict=True):
        cursor.insertBlock(_block(bottom=2, indent=30), _char(small))
        _source(cursor, letter, source, small)
    details = [f"Noted {note.created[:10]}"]
    if note.updated[:10] and note.updated[:10] != note.created[:10]:
        details.append(f"updated {note.updated[:10]}")
    if note.claimant.strip():
        details.append(f"claim by {' '.join(note.claimant.split())}")
    if note.tags:
        details.append(" ".join(f"#{t}" for t in note.tags))
    muted = _char(small * 0.95, THEME.muted)
    cursor.insertBlock(_block(top=1, bottom=2, indent=18), muted)
    cursor.insertText("  ·  ".join(details), muted)
    if is_web_link(note.review_url):  # where the fact check is published
        cursor.insertText("  ·  published at ", muted)
        cursor.insertText(note.review_url, _link(muted, note.review_url))


def _note_text(cursor: QTextCursor, markdown: str) -> None:
    """The note's Markdown as its card shows it (emphasis, lists, safe links only),
    indented under the note's heading."""
    if not markdown.strip():
        return
    cursor.insertBlock(_block(bottom=3, indent=18), _char())
    colour = THEME.ink
    cursor.insertHtml(f'<div style="margin-left:18px; color:{colour}">{note_html(markdown)}</div>')


def _ink(verdict: Verdict) -> str:
    return THEME.verdict(verdict).name()


def _letters(count: int) -> list[str]:
    """a, b, …, z, aa, ab, …: the sources' labels under one note."""
    out = []
    for i in range(count):
        label = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            label = chr(ord("a") + r) + label
        out.append(label)
    return out


def _source(cursor: QTextCursor, letter: str, source: ReportSource, size: float) -> None:
    """One source under its note; the only place a `ReportSource` becomes document text."""
    plain = _char(size)
    cursor.insertText(f"{letter}. ", _char(size, THEME.muted))
    if source.link and source.anchor:
        cursor.insertText(source.text[: -len(source.anchor)], plain)
        # The readable address is what the page shows; the link goes to the quoted words.
        cursor.insertText(source.anchor, _link(plain, source.link))
    else:
        cursor.insertText(source.text, plain)


# -- PDF ---------------------------------------------------------------------------------


def write_pdf(
    report: FactCheckReport,
    load_image: ImageSource,
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> bool:
    """Write the report as A4 pages with margins and page numbers. False when cancelled
    (nothing is left behind); the file appears whole or not at all."""
    tmp = _temporary(path)
    try:
        done = _paint_pdf(report, load_image, tmp, progress, cancelled)
        if done:
            os.replace(tmp, path)
        return done
    finally:
        tmp.unlink(missing_ok=True)


def _paint_pdf(
    report: FactCheckReport,
    load_image: ImageSource,
    tmp: Path,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> bool:
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setTitle(_title(report))
    writer.setCreator("Gloss")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().fullRectPixels(PDF_DPI)
    margin = PAGE_MARGIN_MM / 25.4 * PDF_DPI
    # Pictures are sized in 96-dpi pixels and scaled to the printer by the layout.
    to_css = 96 / PDF_DPI
    column = (page.width() - 2 * margin) * to_css
    tall = (page.height() - 2 * margin) * to_css * PICTURE_PAGE_SHARE
    doc = report_document(report, load_image, column, tall)
    doc.documentLayout().setPaintDevice(writer)
    # The layout scales frame lengths to the printer as it does pictures.
    root = doc.rootFrame().frameFormat()
    root.setMargin(margin * to_css)
    root.setBottomMargin(margin * to_css * 1.2)  # room for the footer
    doc.rootFrame().setFrameFormat(root)
    _full_width_tables(doc)
    doc.setPageSize(QSizeF(page.width(), page.height()))
    if not _lay_out(doc, progress, cancelled):
        return False
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{tmp.parent}: the PDF cannot be written there")
    try:
        for index in range(pages):
            if cancelled is not None and cancelled():
                return False
            if index:
                writer.newPage()
            _paint_page(painter, doc, index, QRectF(0, 0, page.width(), page.height()))
            _footer(painter, report, index + 1, pages, page.width(), page.height(), margin)
            if progress is not None:
                label = QCoreApplication.translate("FactCheckReport", "Writing page {0} of {1}…")
                progress(index + 1, pages, label.format(index + 1, pages))
    finally:
        painter.end()
    return True


# Blocks laid out at a time (a few milliseconds of work).
LAYOUT_STEP = 50


def _lay_out(doc: QTextDocument, progress: Progress | None, cancelled: Cancelled | None) -> bool:
    """Lay the document out a few blocks at a time. PySide holds the GIL through a Qt
    call, so one `pageCount()` on a book would stop the window for a second or more;
    `blockBoundingRect` lays out only up to its block, and Python hands the GIL over
    between the steps. False when cancelled."""
    layout = doc.documentLayout()
    total = doc.blockCount()
    label = QCoreApplication.translate("FactCheckReport", "Laying out the pages…")
    block = doc.begin()
    number = 0
    while block.isValid():
        if number % LAYOUT_STEP == 0:
            if cancelled is not None and cancelled():
                return False
            layout.blockBoundingRect(block)
            if progress is not None:
                progress(number, total, label)
        block = block.next()
        number += 1
    return True


def _full_width_tables(doc: QTextDocument) -> None:
    """Tables take the text width on paper: a page cannot scroll sideways as the window
    does, so a wide table wraps its cells instead of running off the page."""
    for frame in doc.rootFrame().childFrames():
        fmt = frame.frameFormat()
        if fmt.isTableFormat():
            table: QTextTableFormat = fmt.toTableFormat()
            table.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            frame.setFrameFormat(table)
    option = doc.defaultTextOption()
    # On paper a word too long for its cell is broken rather than clipped at the edge.
    option.setWrapMode(option.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)


def _paint_page(painter: QPainter, doc: QTextDocument, index: int, page: QRectF) -> None:
    painter.save()
    view = QRectF(0, index * page.height(), page.width(), page.height())
    painter.translate(0, -view.top())
    painter.setClipRect(view)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = view
    context.palette.setColor(QPalette.ColorRole.Text, QColor(THEME.ink))
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _footer(
    painter: QPainter,
    report: FactCheckReport,
    number: int,
    pages: int,
    width: float,
    height: float,
    margin: float,
) -> None:
    painter.save()
    font = QFont(STYLE.family or "DejaVu Sans")
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor(THEME.muted))
    baseline = height - FOOTER_MM / 25.4 * PDF_DPI
    box = QRectF(margin, baseline - PDF_DPI * 0.2, width - 2 * margin, PDF_DPI * 0.2)
    title = painter.fontMetrics().elidedText(
        _title(report), Qt.TextElideMode.ElideRight, int(box.width() * 0.7)
    )
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
        f"Page {number} of {pages}",
    )
    painter.restore()


# -- HTML --------------------------------------------------------------------------------

_PRINT_CSS = """
body { max-width: 44em; margin: 2em auto; padding: 0 1.2em; background: #ffffff; }
img { max-width: 100%; height: auto; }
table { max-width: 100%; }
a { color: inherit; }
@page { margin: 18mm; }
@media print { body { margin: 0 auto; } h2 { page-break-before: always; } }
"""
_IMAGE_SRC = re.compile(r'src="(' + IMAGE_SCHEME + r':[^"]*)"')


def report_html(report: FactCheckReport, load_image: ImageSource) -> str:
    """The report as one HTML file: its pictures embedded as data URIs, nothing fetched."""
    doc = report_document(report, load_image)
    text = doc.toHtml()
    embedded: dict[str, str] = {}
    for block in report.article.blocks:
        if block.image and block.image not in embedded:
            image = load_image(block.image)
            if image is not None:
                data = base64.b64encode(image.data).decode("ascii")
                key = QUrl(f"{IMAGE_SCHEME}:{image.name}").toString()
                embedded[key] = f"data:{image.mime or 'image/png'};base64,{data}"

    def embed(match: re.Match[str]) -> str:
        return f'src="{embedded.get(html.unescape(match.group(1)), "")}"'

    text = _IMAGE_SRC.sub(embed, text)
    head = f"<style>{_PRINT_CSS}</style>"
    if report.article.meta.lang:
        text = text.replace("<html>", f'<html lang="{html.escape(report.article.meta.lang)}">', 1)
    return text.replace("</head>", f"{head}</head>", 1)


def write_html(report: FactCheckReport, load_image: ImageSource, path: Path) -> None:
    text = report_html(report, load_image)
    tmp = _temporary(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    # mkstemp's file is private; the report keeps the mode of the file it replaces, or
    # gets an ordinary file's.
    os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    return Path(name)


# -- both --------------------------------------------------------------------------------


def write_report(
    report: FactCheckReport,
    load_image: ImageSource,
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> bool:
    """Write `report` to `path` as HTML or PDF by its suffix; False when cancelled."""
    if report_format(path) == "pdf":
        return write_pdf(report, load_image, path, progress, cancelled)
    if progress is not None:
        progress(0, 0, QCoreApplication.translate("FactCheckReport", "Writing the report…"))
    write_html(report, load_image, path)
    return True
