"""Helpers for the flows across the fact-check workbench (tests/test_flows_*.py): the real
command line in another process, pages written by the test, the cards the window shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from reader.core.model import Source
from reader.ui.main_window import MainWindow
from reader.ui.note_card import CITATION_LINK, NoteCard

SHOWS_WITHIN_MS = 1000  # the promise: a change made elsewhere shows within a second

REPORT_URL = "https://agency.example/flood-report"
CITED = "Nobody on Mill Street was hurt in the flood."
REPORT_PARAGRAPHS = (
    "The river rose two metres overnight. " + CITED,
    "Sandbags arrived at 6 a.m. on Wednesday. By noon the water had begun to fall.",
)


def gloss(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command line, in another process, on the window's library."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def page(
    folder: Path,
    name: str,
    title: str,
    paragraphs: tuple[str, ...] | list[str],
    url: str,
) -> Path:
    """A saved page with a canonical address, so a later copy of it is the same article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path = folder / f"{name}.html"
    path.write_text(
        f'<html><head><title>{title}</title><link rel="canonical" href="{url}"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


def report_page(folder: Path, paragraphs: tuple[str, ...] = REPORT_PARAGRAPHS) -> Path:
    return page(folder, "report", "Flood report", paragraphs, REPORT_URL)


def card_text(card: NoteCard) -> str:
    shown = QTextDocument()
    shown.setHtml(card.findChild(QLabel, "noteSourcesView").text())
    return shown.toPlainText()


def only_card(win: MainWindow) -> NoteCard:
    (card,) = win.notes.note_cards()
    return card


def shown_citation(win: MainWindow) -> Source:
    """The citation the shown card holds (its first source)."""
    (source,) = [s for s in only_card(win).note.sources if s.citation is not None]
    return source


def follow_citation(win: MainWindow) -> None:
    """What clicking the card's citation link does (the link, as Qt hands it over)."""
    card = only_card(win)
    index = next(i for i, s in enumerate(card.note.sources) if s.citation is not None)
    view = card.findChild(QLabel, "noteSourcesView")
    assert f'href="{CITATION_LINK}{index}"' in view.text()
    view.linkActivated.emit(f"{CITATION_LINK}{index}")


def index_of(win: MainWindow, words: str) -> int:
    assert win.reader.article is not None
    return next(s.index for s in win.reader.article.sentences if s.text == words)
