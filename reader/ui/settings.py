"""User preferences, stored with QSettings (never pickled)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from .document import ReaderStyle
from .theme import THEME_CHOICES, resolve_theme

DEFAULT_SIZE = 13.0
DEFAULT_MEASURE = 68


@dataclass
class Preferences:
    theme: str = "system"
    family: str = ""
    size: float = DEFAULT_SIZE
    measure: int = DEFAULT_MEASURE
    library: str = ""  # "" = the default location

    @classmethod
    def load(cls) -> Preferences:
        s = QSettings()
        theme = str(s.value("reader/theme", "system"))
        try:
            size = float(s.value("reader/size", DEFAULT_SIZE))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            size = DEFAULT_SIZE
        try:
            measure = int(s.value("reader/measure", DEFAULT_MEASURE))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            measure = DEFAULT_MEASURE
        return cls(
            theme=theme if theme in THEME_CHOICES else "system",
            family=str(s.value("reader/family", "")),
            size=min(max(size, 8.0), 40.0),
            measure=min(max(measure, 40), 120),
            library=str(s.value("library/path", "")),
        )

    def save(self) -> None:
        s = QSettings()
        s.setValue("reader/theme", self.theme)
        s.setValue("reader/family", self.family)
        s.setValue("reader/size", self.size)
        s.setValue("reader/measure", self.measure)
        s.setValue("library/path", self.library)

    def reader_style(self) -> ReaderStyle:
        return ReaderStyle(
            theme=resolve_theme(self.theme),
            family=self.family,
            size=self.size,
            measure=self.measure,
        )
