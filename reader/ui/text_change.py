"""The part of a note card that shows a note's words changed: "The text changed since
this note", the old and the new words with the changes marked, Accept and Move here."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..core.model import Note, Verdict
from ..core.textdiff import Run, side, word_diff
from .theme import Theme, tint

CHANGED = "The text changed since this note"


def diff_html(runs: list[Run], theme: Theme) -> str:
    """One side of a word diff as rich text: removed words struck through, added words
    underlined, each on a tint (the line and the weight carry it without colour)."""
    alpha = 70 if theme.dark else 45
    removed = _rgba(tint(theme.verdict(Verdict.FALSE), alpha))
    added = _rgba(tint(theme.verdict(Verdict.TRUE), alpha))
    parts = []
    for run in runs:
        text = html.escape(run.text)
        if run.kind == "delete":
            parts.append(
                f"<span style='background-color:{removed}; "
                f"text-decoration: line-through'>{text}</span>"
            )
        elif run.kind == "insert":
            parts.append(
                f"<span style='background-color:{added}; font-weight:600; "
                f"text-decoration: underline'>{text}</span>"
            )
        else:
            parts.append(text)
    return "".join(parts)


def _rgba(colour: QColor) -> str:
    return f"rgba({colour.red()},{colour.green()},{colour.blue()},{colour.alpha()})"


class TextChange(QFrame):
    """Old words beside new ones; with `review`, the banner and the two choices."""

    acceptRequested = Signal()
    moveRequested = Signal()

    def __init__(
        self,
        note: Note,
        theme: Theme,
        review: bool,
        can_move: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textChange")
        runs = word_diff(note.original_quote, note.quote)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        if review:
            colour = theme.verdicts[Verdict.MISLEADING]
            self.setStyleSheet(
                f"QFrame#textChange {{ border: 1px solid {colour}; border-radius: 3px; }}"
            )
            changed = QCoreApplication.translate("TextChange", CHANGED)
            banner = QLabel(f"<b style='color:{colour}'>⚠ {html.escape(changed)}</b>")
            banner.setObjectName("textChangedBanner")
            banner.setAccessibleName(changed)
            layout.addWidget(banner)
        self.old = self._line(
            QCoreApplication.translate("TextChange", "Written against"),
            diff_html(side(runs, "old"), theme),
        )
        self.old.setObjectName("originalWords")
        layout.addWidget(self.old)
        if review:
            self.new = self._line(
                QCoreApplication.translate("TextChange", "Now"), diff_html(side(runs, "new"), theme)
            )
            self.new.setObjectName("currentWords")
            layout.addWidget(self.new)
            buttons = QHBoxLayout()
            buttons.setContentsMargins(0, 0, 0, 0)
            accept = _button(
                "Accept",
                "acceptChange",
                "Keep the note on the new words (the old words stay on the note)",
            )
            accept.clicked.connect(self.acceptRequested)
            buttons.addWidget(accept)
            move = _button(
                "Move here",
                "moveChangedNote",
                "Move the note to the selected sentence or words",
            )
            move.setEnabled(can_move)
            move.clicked.connect(self.moveRequested)
            buttons.addWidget(move)
            buttons.addStretch(1)
            layout.addLayout(buttons)
            self.accept_button, self.move_button = accept, move

    @staticmethod
    def _line(label: str, body: str) -> QLabel:
        line = QLabel(f"<span style='color: palette(placeholder-text)'>{label}:</span> “{body}”")
        line.setTextFormat(Qt.TextFormat.RichText)
        line.setWordWrap(True)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return line


def _button(text: str, name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
