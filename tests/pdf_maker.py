"""Typesets text into a PDF with Qt, as a report would look: one or two columns, a running
header, a page number in the footer, headings set larger, long words hyphenated at the end
of a line. Used by the PDF tests and by bench/pdf.py, so no binary fixture is committed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 64.0
GUTTER = 24.0


@dataclass(frozen=True)
class Para:
    text: str
    heading: bool = False


def paras_from_text(text: str) -> list[Para]:
    """Paragraphs at blank lines; a short line without end punctuation is a heading."""
    out = []
    for chunk in text.split("\n\n"):
        chunk = " ".join(chunk.split())
        if not chunk:
            continue
        heading = len(chunk) < 60 and not chunk.endswith((".", "!", "?", ":", ",", ";", ")"))
        out.append(Para(chunk, heading and len(out) > 0))
    return out


def make_pdf(
    path: Path,
    paras: list[Para],
    *,
    title: str = "",
    author: str = "",
    columns: int = 1,
    header: str = "",
    page_numbers: bool = True,
    hyphenate: bool = True,
    body_pt: float = 10.0,
) -> int:
    """Writes the PDF and returns its page count."""
    # A QApplication, not a QGuiApplication: widget tests in the same process need one.
    QApplication.instance() or QApplication([])
    writer = QPdfWriter(str(path))
    writer.setResolution(72)  # one unit is one point
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0))
    )  # fmt: skip
    writer.setTitle(title)
    writer.setCreator("gloss tests")
    if author:
        writer.setAuthor(author)
    painter = QPainter(writer)
    body = QFont("DejaVu Serif")
    body.setPointSizeF(body_pt)
    head = QFont("DejaVu Sans")
    head.setPointSizeF(body_pt * 1.6)
    head.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(body_pt * 0.8)
    col_w = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    top, bottom = MARGIN + 10, PAGE_H - MARGIN
    state = {"page": 1, "col": 0, "y": top, "first_top": top}

    def furniture() -> None:
        painter.setFont(small)
        if header:
            painter.drawText(QPointF(MARGIN, MARGIN - 20), header)
        if page_numbers:
            label = str(state["page"])
            w = QFontMetricsF(small).horizontalAdvance(label)
            painter.drawText(QPointF((PAGE_W - w) / 2, PAGE_H - MARGIN + 30), label)

    def advance(height: float) -> None:
        if state["y"] + height > bottom:
            state["col"] += 1
            if state["col"] >= columns:
                writer.newPage()
                state["page"] += 1
                state["col"] = 0
                furniture()
            # Columns of the first page start below the title.
            state["y"] = state["first_top"] if state["page"] == 1 else top

    furniture()
    if title:
        tfont = QFont("DejaVu Sans")
        tfont.setPointSizeF(body_pt * 2.2)
        tfont.setBold(True)
        painter.setFont(tfont)
        fm = QFontMetricsF(tfont)
        for line in _break(title, fm, PAGE_W - 2 * MARGIN, False):
            state["y"] += fm.height()
            painter.drawText(QPointF(MARGIN, state["y"]), line)
        state["y"] += fm.height() * 0.8
        state["first_top"] = state["y"]
    for para in paras:
        font = head if para.heading else body
        fm = QFontMetricsF(font)
        painter.setFont(font)
        if para.heading:
            advance(fm.height() * 3)  # keep a heading with what follows
            state["y"] += fm.height() * 0.4
        for line in _break(para.text, fm, col_w, hyphenate and not para.heading):
            advance(fm.height())
            painter.setFont(font)
            state["y"] += fm.height()
            x = MARGIN + state["col"] * (col_w + GUTTER)
            painter.drawText(QPointF(x, state["y"]), line)
        state["y"] += fm.height() * 0.7
    painter.end()
    return state["page"]


def _break(text: str, fm: QFontMetricsF, width: float, hyphenate: bool) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if fm.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if hyphenate and len(word) >= 8 and word.isalpha():
            # Split the word so its first part (with a hyphen) still fits on this line.
            for cut in range(len(word) - 3, 2, -1):
                piece = f"{line} {word[:cut]}-" if line else f"{word[:cut]}-"
                if fm.horizontalAdvance(piece) <= width:
                    lines.append(piece)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
            continue
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines
