"""Help ▸ Keyboard Shortcuts, built from the window's own menu actions so the list cannot
drift from what the keys do; the reader's single-key moves (handled in its key handler,
not by actions) are listed beside them."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Verdict
from .note_editor import verdict_key

# Keys the reader and the note editor handle themselves.
READING_KEYS: tuple[tuple[str, str], ...] = (
    ("J / ↓, K / ↑", "Next / previous sentence"),
    ("N, P", "Next / previous noted sentence"),
    ("Enter", "Write a note on the sentence, or on the words selected with the mouse"),
    ("Ctrl+Enter", "Save the note"),
    ("Esc", "Leave the note editor, or close the find bar"),
)


def verdict_keys_row() -> tuple[str, str]:
    """The note editor's verdict keys, as this platform writes them."""

    def native(verdict: Verdict) -> str:
        return verdict_key(verdict).toString(QKeySequence.SequenceFormat.NativeText)

    keys = f"{native(Verdict.FALSE)} … {native(Verdict.OPINION)}, {native(Verdict.NONE)}"
    return (
        keys,
        "In the note editor: False, Misleading, Mostly true, True, Unverified, Opinion; "
        "no verdict (the digits alone when the verdict list has focus)",
    )


def _label(text: str) -> str:
    """A menu text as a sentence: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def action_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {_label(sub.title())}")
                continue
            if not isinstance(action, QAction) or action.isSeparator():
                continue
            # dict.fromkeys: Redo's Ctrl+Shift+Z is also the platform's standard Redo.
            keys = ", ".join(
                dict.fromkeys(
                    s.toString(QKeySequence.SequenceFormat.NativeText)
                    for s in action.shortcuts()
                    if not s.isEmpty()
                )
            )
            if keys:
                rows.append((path, _label(action.text()), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _label(menu.title()))
    return rows


def shortcuts_html(window: QMainWindow) -> str:
    parts = ["<table cellpadding=3>"]

    def heading(text: str) -> None:
        parts.append(f"<tr><td colspan=2><br><b>{html.escape(text)}</b></td></tr>")

    def row(keys: str, what: str) -> None:
        parts.append(
            f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(what)}</td></tr>"
        )

    heading("Reading")
    for keys, what in (*READING_KEYS, verdict_keys_row()):
        row(keys, what)
    menu = None
    for path, text, keys in action_shortcuts(window):
        if path != menu:
            heading(path)
            menu = path
        row(keys, text)
    parts.append("</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.resize(520, 620)
        self.view = QTextBrowser()
        self.view.setObjectName("shortcutsList")
        self.view.setAccessibleName(
            QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts")
        )
        self.view.setHtml(shortcuts_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
