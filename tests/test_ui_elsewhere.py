"""The same claim elsewhere in the window (pytest-qt): the ↗ marker on a sentence other
articles noted, its tooltip, clicking it, the notes panel's Elsewhere section, and live
updates when another process notes or deletes; `gloss related` as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip
from windows import open_shown

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.ui.elsewhere_marks import ARROW
from reader.ui.main_window import MainWindow

CLAIM = "The government spent $6 billion on the new railway line in 2023, officials said."
QUOTED = "The government spent “$6bn” on the new railway line — in 2023 — officials said."
MILLION = "The government spent $6 million on the new railway line in 2023, officials said."
SHOWS_WITHIN_MS = 5000


def _article(library: Library, folder: Path, name: str, title: str, body: str) -> int:
    path = folder / f"{name}.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return library.add_article(load_file(path)).article_id


@pytest.fixture
def ids(library_path: Path, tmp_path: Path) -> dict[str, int]:
    with Library(library_path) as lib:
        out = {
            "noted": _article(lib, tmp_path, "a", "Rail budget", f"{CLAIM} Critics disagreed."),
            "open": _article(
                lib, tmp_path, "b", "Minister speaks", f"The minister spoke. {QUOTED} Then lunch."
            ),
            "million": _article(lib, tmp_path, "c", "Small sums", f"{MILLION} Then lunch."),
            "second": _article(lib, tmp_path, "d", "Wire copy", f"Other news. {CLAIM}"),
        }
        lib.add_note(out["noted"], 0, "Wrong figure.", Verdict.FALSE)
        lib.add_note(out["noted"], 0, "Context.", Verdict.MISLEADING)
    return out


@pytest.fixture
def window(qtbot, library_path: Path, ids: dict[str, int]) -> MainWindow:
    return open_shown(qtbot, library_path)


def _open(qtbot, window: MainWindow, article_id: int) -> None:
    before = window.elsewhere.answered
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.elsewhere.answered > before, timeout=SHOWS_WITHIN_MS)


def _marker_point(window: MainWindow, index: int) -> QPoint:
    where = window.reader.elsewhere_marker(index)
    assert where is not None
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(where[0])
    rect = window.reader.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


def test_a_sentence_noted_elsewhere_carries_a_mark_with_a_tooltip(
    qtbot, window: MainWindow, ids: dict[str, int]
) -> None:
    _open(qtbot, window, ids["open"])
    reader = window.reader
    assert reader.elsewhere == {1: 1}
    position, length = reader.elsewhere_marker(1) or (0, 0)
    text = reader.document().toPlainText()
    assert text[position : position + length] == f"{ARROW}1"
    # The marker stands after the sentence, outside its span.
    start, end = reader.sentences.span(1)
    assert text[start:end] == QUOTED and end == position
    # Hovering the marker lists the other article, its verdicts and its sentence.
    point = _marker_point(window, 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    reader.viewportEvent(event)
    tip = QToolTip.text()
    assert "noted in 1 other article: False, Misleading" in tip
    assert "Rail budget" in tip and "$6 billion on the new railway line" in tip
    QToolTip.hideText()


def test_clicking_the_mark_opens_the_other_article_at_that_sentence(
    qtbot, window: MainWindow, ids: dict[str, int]
) -> None:
    _open(qtbot, window, ids["open"])
    qtbot.mouseClick(
        window.reader.viewport(), Qt.MouseButton.LeftButton, pos=_marker_point(window, 1)
    )
    qtbot.waitUntil(lambda: window.current_article_id == ids["noted"], timeout=SHOWS_WITHIN_MS)
    assert window.reader.current == 0
    assert window.notes.sentence == 0 and window.notes.sentence_text == CLAIM


def test_the_elsewhere_section_lists_them_and_opens_one(
    qtbot, window: MainWindow, ids: dict[str, int]
) -> None:
    _open(qtbot, window, ids["open"])
    section = window.notes.elsewhere
    window.select_sentence(0)  # "The minister spoke." has no match
    assert section.isHidden()
    window.select_sentence(1)
    assert section.isVisible()
    shown = section.label.text()
    assert "Elsewhere" in shown and "noted in 1 other article: False, Misleading" in shown
    assert "Rail budget" in shown and "(sentence 1)" in shown
    section.label.linkActivated.emit(section.links()[0])
    assert window.current_article_id == ids["noted"] and window.reader.current == 0


def test_a_different_figure_is_no_match(qtbot, window: MainWindow, ids: dict[str, int]) -> None:
    _open(qtbot, window, ids["million"])
    assert window.reader.elsewhere == {}
    assert ARROW not in window.reader.document().toPlainText()
    window.select_sentence(0)
    assert window.notes.elsewhere.isHidden()


def test_several_articles_offer_a_choice(
    qtbot, window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    window.library.add_note(ids["second"], 1, "Checked.", Verdict.TRUE)
    _open(qtbot, window, ids["open"])
    assert window.reader.elsewhere == {1: 2}
    assert window.elsewhere.tooltip(1).count("Click to open") == 1
    assert "noted in 2 other articles: False, Misleading, True" in window.elsewhere.tooltip(1)
    window.elsewhere.marker_clicked(1)
    menu = window.elsewhere.menu
    assert menu is not None
    actions = menu.actions()
    assert [a.text().split(" — ")[0] for a in actions] == ["Rail budget", "Wire copy"]
    actions[1].trigger()
    menu.hide()
    assert window.current_article_id == ids["second"] and window.reader.current == 1


def test_marks_survive_a_new_theme_and_verdict_marks_coming_and_going(
    qtbot, window: MainWindow, ids: dict[str, int]
) -> None:
    _open(qtbot, window, ids["open"])
    reader = window.reader
    note = window.library.add_note(ids["open"], 1, "Same here.", Verdict.FALSE)
    window._notes_changed(ids["open"])  # what the notes panel's save does
    text = reader.document().toPlainText()
    position, length = reader.elsewhere_marker(1) or (0, 0)
    end = reader.sentences.ends[1]
    assert text[end:position] == "F" and text[position : position + length] == f"{ARROW}1"
    window.library.delete_note(note.uuid)
    window._notes_changed(ids["open"])
    text = reader.document().toPlainText()
    position, length = reader.elsewhere_marker(1) or (0, 0)
    assert reader.sentences.ends[1] == position
    assert text[reader.sentences.starts[2] : reader.sentences.ends[2]] == "Then lunch."
    window.set_theme("dark")  # the document is built again, the marker with it
    text = reader.document().toPlainText()
    position, length = reader.elsewhere_marker(1) or (0, 0)
    assert reader.sentences.ends[1] == position and text[position:].startswith(f"{ARROW}1")
    assert text[reader.sentences.starts[2] : reader.sentences.ends[2]] == "Then lunch."
    window.set_theme("light")  # settings outlive the test


def _gloss(library_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library_path), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


@pytest.mark.slow
def test_notes_added_and_deleted_by_another_process_update_the_mark(
    qtbot, window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    _open(qtbot, window, ids["open"])
    assert window.reader.elsewhere == {1: 1}
    _gloss(
        library_path,
        "note",
        "add",
        str(ids["second"]),
        "2",
        "--text",
        "Checked.",
        "--verdict",
        "true",
    )
    qtbot.waitUntil(lambda: window.reader.elsewhere == {1: 2}, timeout=SHOWS_WITHIN_MS)
    window.select_sentence(1)
    assert "Wire copy" in window.notes.elsewhere.label.text()
    with Library(library_path) as other:  # another connection: deletes everything noted
        for note in other.notes(ids["noted"]) + other.notes(ids["second"]):
            other.delete_note(note.uuid)
    qtbot.waitUntil(lambda: window.reader.elsewhere == {}, timeout=SHOWS_WITHIN_MS)
    assert ARROW not in window.reader.document().toPlainText()
    assert window.notes.elsewhere.isHidden()


def test_gloss_related_text_and_json(library_path: Path, ids: dict[str, int]) -> None:
    result = _gloss(library_path, "related", str(ids["open"]), "--json")
    data = json.loads(result.stdout)
    assert data == [
        {
            "sentence": 1,
            "number": 2,
            "text": QUOTED,
            "article": ids["noted"],
            "title": "Rail budget",
            "site": "",
            "other_sentence": 0,
            "other_number": 1,
            "other_text": CLAIM,
            "verdicts": ["false", "misleading"],
            "similarity": 1.0,
        }
    ]
    text = _gloss(library_path, "related", str(ids["open"])).stdout.splitlines()
    assert text[0] == f"2\t{QUOTED}"
    assert text[1] == "\tnoted in 1 other article: False, Misleading"
    assert text[2].startswith(f"\t- article {ids['noted']}, sentence 1: Rail budget")
    none = _gloss(library_path, "related", str(ids["million"]), "--json")
    assert json.loads(none.stdout) == []
    missing = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library_path), "related", "99"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode != 0 and "99" in missing.stderr
