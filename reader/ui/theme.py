"""Reading themes, verdict colours and fonts shared by the widgets."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)

from ..core.model import Verdict
from .fallback_font import with_fallback

# A letter for each verdict, so a mark reads without colour (colour-blind readers,
# greyscale prints).
VERDICT_LETTERS: dict[Verdict, str] = {
    Verdict.FALSE: "F",
    Verdict.MISLEADING: "M",
    Verdict.MOSTLY_TRUE: "m",
    Verdict.TRUE: "T",
    Verdict.UNVERIFIED: "?",
    Verdict.OPINION: "O",
    Verdict.NONE: "•",
}

# Chosen to stay apart under the common colour-vision deficiencies (red/orange differ in
# lightness, true is a blue-green); the letter carries the meaning in any case.
_VERDICTS_LIGHT: dict[Verdict, str] = {
    Verdict.FALSE: "#c0392b",
    Verdict.MISLEADING: "#c25e00",
    Verdict.MOSTLY_TRUE: "#2e86c1",
    Verdict.TRUE: "#117a65",
    Verdict.UNVERIFIED: "#806600",
    Verdict.OPINION: "#7d3c98",
    Verdict.NONE: "#5d6d7e",
}
_VERDICTS_DARK: dict[Verdict, str] = {
    Verdict.FALSE: "#ff7b6e",
    Verdict.MISLEADING: "#ffa94d",
    Verdict.MOSTLY_TRUE: "#74b9ff",
    Verdict.TRUE: "#55d6b0",
    Verdict.UNVERIFIED: "#e3c75a",
    Verdict.OPINION: "#d29bf0",
    Verdict.NONE: "#aab7c4",
}


@dataclass(frozen=True)
class Theme:
    name: str
    paper: str
    ink: str
    muted: str
    quote: str
    link: str
    code_background: str
    rule: str
    selection: str
    find_hit: str
    dark: bool
    verdicts: dict[Verdict, str]

    def verdict(self, verdict: Verdict) -> QColor:
        return QColor(self.verdicts[verdict])


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        "#fdfcfa",
        "#1d1d1f",
        "#6b6b6b",
        "#45454a",
        "#1a5fb4",
        "#f1efea",
        "#d4d0c8",
        "#fff0a8",
        "#a8d8ff",
        False,
        _VERDICTS_LIGHT,
    ),
    "sepia": Theme(
        "sepia",
        "#f4ecd8",
        "#3b2f20",
        "#7a6a55",
        "#55452f",
        "#8a4b08",
        "#e9dec3",
        "#cdbf9f",
        "#f5d37a",
        "#b9d7e8",
        False,
        _VERDICTS_LIGHT,
    ),
    "dark": Theme(
        "dark",
        "#1c1d20",
        "#dedede",
        "#9c9c9c",
        "#bdbdbd",
        "#8ab4f8",
        "#2a2c31",
        "#45474d",
        "#6b5a16",
        "#1f5a8a",
        True,
        _VERDICTS_DARK,
    ),
}
THEME_CHOICES = ("system", "light", "sepia", "dark")


def resolve_theme(choice: str) -> Theme:
    """'system' follows the operating system's light or dark appearance."""
    if choice in THEMES:
        return THEMES[choice]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        scheme = app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            return THEMES["dark"]
    return THEMES["light"]


def application_palette(theme: Theme, base: QPalette) -> QPalette:
    """The window chrome in the theme's colours, so a dark reader is not framed in white."""
    if not theme.dark:
        return base
    p = QPalette(base)
    window, panel, text = QColor("#25262a"), QColor(theme.paper), QColor(theme.ink)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, panel)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#26282c"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#303236"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb4"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#303236"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
        p.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
    # Disabled fields keep the dark surfaces (a disabled note form was light grey).
    for role, colour in (
        (QPalette.ColorRole.Base, QColor("#232427")),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Button, QColor("#2a2b2f")),
        (QPalette.ColorRole.AlternateBase, QColor("#26282c")),
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, colour)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6d6d6d"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6d6d6d"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6d6d6d"))
    return p


def tint(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


_SERIFS = ("Literata", "Source Serif 4", "Georgia", "Charter", "Noto Serif", "DejaVu Serif")
_MONOS = ("JetBrains Mono", "Menlo", "Consolas", "DejaVu Sans Mono", "Noto Sans Mono")


def default_reading_family() -> str:
    return reading_font().family()


def reading_font(point_size: float = 13.0, family: str = "") -> QFont:
    if family and family in set(QFontDatabase.families()):
        font = QFont(family)
        font.setPointSizeF(point_size)
        return with_fallback(font)
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
    return with_fallback(font)


def verdict_icon(verdict: Verdict, size: int = 18, theme: Theme | None = None) -> QIcon:
    """A rounded chip in the verdict's colour carrying its letter."""
    colour = (theme or THEMES["light"]).verdict(verdict)
    ratio = 2  # drawn at twice the size so it stays crisp on high-DPI screens
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), 4, 4)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    painter.setPen(QColor("#1c1d20") if (theme and theme.dark) else QColor("white"))
    painter.drawText(
        QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, VERDICT_LETTERS[verdict]
    )
    painter.end()
    return QIcon(pixmap)


__all__ = [
    "THEMES",
    "THEME_CHOICES",
    "VERDICT_LETTERS",
    "Theme",
    "application_palette",
    "mono_font",
    "reading_font",
    "resolve_theme",
    "tint",
    "verdict_icon",
]
