"""Colours and fonts shared by the widgets."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap

from ..core.model import Verdict

# Chosen to stay apart for the common colour-vision deficiencies; the notes panel also
# spells the verdict out, so colour is never the only cue.
VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.FALSE: "#c0392b",
    Verdict.MISLEADING: "#d35400",
    Verdict.MOSTLY_TRUE: "#2e86c1",
    Verdict.TRUE: "#1e8449",
    Verdict.UNVERIFIED: "#7d6608",
    Verdict.OPINION: "#7d3c98",
    Verdict.NONE: "#5d6d7e",
}

# A letter for each verdict, so the mark reads without colour.
VERDICT_LETTERS: dict[Verdict, str] = {
    Verdict.FALSE: "F",
    Verdict.MISLEADING: "M",
    Verdict.MOSTLY_TRUE: "m",
    Verdict.TRUE: "T",
    Verdict.UNVERIFIED: "?",
    Verdict.OPINION: "O",
    Verdict.NONE: "•",
}

SELECTION_BACKGROUND = "#fff3b0"

_SERIFS = ("Literata", "Source Serif 4", "Georgia", "Charter", "Noto Serif", "DejaVu Serif")
_MONOS = ("JetBrains Mono", "Menlo", "Consolas", "DejaVu Sans Mono", "Noto Sans Mono")


def verdict_colour(verdict: Verdict) -> QColor:
    return QColor(VERDICT_COLOURS[verdict])


def tint(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def reading_font(point_size: float = 13.0) -> QFont:
    return _first_available(_SERIFS, QFont.StyleHint.Serif, point_size)


def mono_font(point_size: float = 11.0) -> QFont:
    return _first_available(_MONOS, QFont.StyleHint.Monospace, point_size)


def _first_available(names: tuple[str, ...], hint: QFont.StyleHint, size: float) -> QFont:
    families = set(QFontDatabase.families())
    font = QFont()
    for name in names:
        if name in families:
            font = QFont(name)
            break
    font.setStyleHint(hint)
    font.setPointSizeF(size)
    return font


def verdict_icon(verdict: Verdict, size: int = 18) -> QIcon:
    """A rounded chip in the verdict's colour carrying its letter."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(verdict_colour(verdict))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), 4, 4)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(
        QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, VERDICT_LETTERS[verdict]
    )
    painter.end()
    return QIcon(pixmap)
