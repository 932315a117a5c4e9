"""Side panels that give way to the text: View ▸ Library (Ctrl+Shift+L), View ▸ Notes
(Ctrl+Shift+N) and Focus Mode (Ctrl+Shift+F, both at once).

A window too narrow for the panels and a readable line (MIN_CHARS characters) folds the
notes panel, then the library, by itself, and unfolds them when it is wide enough again;
a panel the reader folded by hand stays folded until they unfold it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QFontMetricsF, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QWidget

from .reader_view import ReaderView

MIN_CHARS = 55  # below this a line is too short to read comfortably


def chars_per_line(reader: ReaderView, width: float | None = None) -> float:
    """How many average characters a line of the reader holds at `width` (its viewport's
    width by default), its column being capped at the chosen measure."""
    doc = reader.document()
    average = QFontMetricsF(doc.defaultFont()).averageCharWidth() or 1.0
    available = (reader.viewport().width() if width is None else width) - 2 * 16
    available -= 2 * doc.documentMargin()
    return min(float(reader.style_.measure), available / average)


class PanelToggles(QObject):
    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        library: QWidget,
        reader: ReaderView,
        notes: QWidget,
        menu: QMenu,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = splitter
        self.library, self.reader, self.notes = library, reader, notes
        self._hidden_by_hand: set[QWidget] = set()
        self._folded: set[QWidget] = set()  # folded by the window being narrow
        self._pinned: set[QWidget] = set()  # shown by hand: the other panel folds first
        self.library_action = self._toggle(menu, "Show &Library", "Ctrl+Shift+L", library)
        self.notes_action = self._toggle(menu, "Show &Notes", "Ctrl+Shift+N", notes)
        self.focus_action = QAction(
            QCoreApplication.translate("PanelToggles", "&Focus Mode"), window
        )
        self.focus_action.setCheckable(True)
        self.focus_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.focus_action.toggled.connect(self.set_focus_mode)
        menu.addAction(self.focus_action)
        window.installEventFilter(self)

    def _toggle(self, menu: QMenu, text: str, keys: str, panel: QWidget) -> QAction:
        action = QAction(text, self.window)
        action.setCheckable(True)
        action.setChecked(True)
        action.setShortcut(QKeySequence(keys))
        action.toggled.connect(lambda shown: self.show_panel(panel, shown))
        menu.addAction(action)
        return action

    def show_panel(self, panel: QWidget, shown: bool) -> None:
        self._folded.discard(panel)
        if shown:
            self._hidden_by_hand.discard(panel)
            self._pinned.add(panel)
        else:
            self._hidden_by_hand.add(panel)
            self._pinned.discard(panel)
        panel.setVisible(shown)
        self._sync()
        if shown:
            self.fit()

    def set_focus_mode(self, on: bool) -> None:
        for panel in (self.library, self.notes):
            self.show_panel(panel, not on)

    def reveal(self, panel: QWidget) -> None:
        """Show a folded panel the reader needs now (writing a note shows the notes)."""
        if not panel.isVisible():
            self.show_panel(panel, True)

    def in_focus_mode(self) -> bool:
        return not self.library.isVisible() and not self.notes.isVisible()

    def fit(self) -> None:
        """Fold panels (notes first) while the text would get fewer than MIN_CHARS
        characters a line; unfold those folded this way once there is room again."""
        if not self.window.isVisible():
            return
        total = self.splitter.width()
        handle = self.splitter.handleWidth()

        def reader_width(shown: list[QWidget]) -> float:
            side = sum(max(p.width(), p.minimumSizeHint().width()) + handle for p in shown)
            # The reader's frame and scroll bar take about 20 pixels of its width.
            return total - side - 20

        shown = [p for p in (self.library, self.notes) if p not in self._hidden_by_hand]
        for panel in (self.notes, self.library):  # the notes fold first
            if panel in self._pinned:
                continue
            if panel in shown and chars_per_line(self.reader, reader_width(shown)) < MIN_CHARS:
                shown.remove(panel)
                self._folded.add(panel)
        for panel in (self.library, self.notes):
            if panel in self._folded and panel not in shown:
                trial = [*shown, panel]
                if chars_per_line(self.reader, reader_width(trial)) >= MIN_CHARS:
                    shown.append(panel)
                    self._folded.discard(panel)
        for panel in (self.library, self.notes):
            panel.setVisible(panel in shown)
        self._sync()

    def _sync(self) -> None:
        for action, panel in ((self.library_action, self.library), (self.notes_action, self.notes)):
            action.blockSignals(True)
            action.setChecked(panel not in self._hidden_by_hand and panel not in self._folded)
            action.blockSignals(False)
        self.focus_action.blockSignals(True)
        self.focus_action.setChecked(self.in_focus_mode())
        self.focus_action.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False
