"""A bundled monochrome font for emoji and symbols the reading fonts lack.

Without a colour emoji font (a bare Linux desktop, a minimal container) Qt draws every emoji
as a box. Symbola (subset to its symbol and emoji blocks, see
`packaging/subset_symbol_font.py`) gives each one a black-and-white glyph instead. It is
registered once per process and appended after the primary families, so Qt reaches it only
for characters the primary font does not have; a colour emoji font installed on the system
still comes first through the platform's own fallback where the platform prefers it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..paths import resources_dir

FONT_FILE = "Symbola-subset.ttf"

_family: str | None = None
_tried = False


def fallback_family() -> str | None:
    """The bundled fallback's family name, registering the font on first use."""
    global _family, _tried
    if not _tried:
        _tried = True
        path = resources_dir() / "fonts" / FONT_FILE
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else None
    return _family


def with_fallback(font: QFont) -> QFont:
    """`font` with the bundled fallback as its last family."""
    family = fallback_family()
    families = list(font.families()) or [font.family()]
    if family and family not in families:
        font.setFamilies([*families, family])
    return font
