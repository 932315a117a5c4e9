"""Flows across the same claim elsewhere: while the window shows an article, another
process notes the same claim in another article (`gloss note add`), changes that note's
verdict (`gloss note edit`), and re-imports that article with the claim's figure changed
(`gloss import`); the ↗ mark, its tooltip and the notes panel's Elsewhere section follow
each within a second."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import SHOWS_WITHIN_MS, gloss, index_of, page
from windows import open_shown

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.ui.elsewhere_marks import ARROW
from reader.ui.main_window import MainWindow

CLAIM = "The government spent $6 billion on the new railway line in 2023, officials said."
QUOTED = "The government spent “$6bn” on the new railway line — in 2023 — officials said."
WIRE_URL = "https://wire.example/rail"
WIRE = ("Other news first.", CLAIM, "Critics disagreed.")


@pytest.fixture
def window(qtbot, library_path: Path, tmp_path: Path) -> MainWindow:
    """The window on a library of two articles, the one quoting the claim open."""
    with Library(library_path) as lib:
        for name, title, paragraphs, url in (
            ("minister", "Minister speaks", ("The minister spoke.", QUOTED), "https://a.example/m"),
            ("wire", "Wire copy", WIRE, WIRE_URL),
        ):
            lib.add_article(load_file(page(tmp_path, name, title, paragraphs, url)))
    return open_shown(qtbot, library_path)


def article_id(win: MainWindow, title: str) -> int:
    return next(s.id for s in win.library.summaries() if s.title == title)


def section_text(win: MainWindow) -> str:
    section = win.notes.elsewhere
    return section.label.text() if section.isVisible() else ""


@pytest.mark.slow
def test_a_claim_noted_edited_and_changed_in_another_article_by_other_processes(
    qtbot, window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    win = window
    minister, wire = article_id(win, "Minister speaks"), article_id(win, "Wire copy")
    before = win.elsewhere.answered
    win.open_article(minister)
    qtbot.waitUntil(lambda: win.elsewhere.answered > before, timeout=SHOWS_WITHIN_MS)
    quoted = index_of(win, QUOTED)
    win.select_sentence(quoted)
    assert win.reader.elsewhere == {}

    # Noted in the other article: the mark and the section come.
    with Library(library_path) as lib:
        claim = next(s.index for s in lib.article(wire).sentences if s.text == CLAIM)
    added = gloss(
        library_path,
        "note",
        "add",
        str(wire),
        str(claim + 1),
        "--text",
        "The budget says $6 million.",
        "--verdict",
        "false",
    )
    uuid = added.stdout.split()[-1]
    qtbot.waitUntil(lambda: win.reader.elsewhere == {quoted: 1}, timeout=SHOWS_WITHIN_MS)
    qtbot.waitUntil(lambda: "noted in 1 other article: False" in section_text(win), timeout=1000)
    assert "Wire copy" in section_text(win)
    assert "noted in 1 other article: False" in win.elsewhere.tooltip(quoted)

    # Its verdict changed: the verdicts listed follow.
    gloss(library_path, "note", "edit", uuid, "--verdict", "mostly-true")
    qtbot.waitUntil(
        lambda: "noted in 1 other article: Mostly true" in section_text(win),
        timeout=SHOWS_WITHIN_MS,
    )
    assert "False" not in win.elsewhere.tooltip(quoted)
    assert win.current_article_id == minister and win.reader.current == quoted

    # The other article re-imported with another figure: a different claim, no mark.
    changed = tmp_path / "changed"
    changed.mkdir()
    seven = CLAIM.replace("$6 billion", "$7 billion")
    gloss(
        library_path,
        "import",
        str(page(changed, "wire", "Wire copy", (WIRE[0], seven, WIRE[2]), WIRE_URL)),
    )
    qtbot.waitUntil(lambda: win.reader.elsewhere == {}, timeout=SHOWS_WITHIN_MS)
    assert ARROW not in win.reader.document().toPlainText()
    assert section_text(win) == ""
    assert win.current_article_id == minister and win.reader.current == quoted
    with Library(library_path) as lib:  # the note itself is kept, with the words it checked
        (kept,) = lib.notes(wire)
        assert kept.uuid == uuid and kept.quote == CLAIM


@pytest.mark.slow
def test_the_other_article_opens_on_the_claim_it_moved_before_the_window_looked(
    qtbot, window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    """The other article is re-imported with a paragraph on top after the window's last
    look at the file: the Elsewhere link still opens it on the claim's words."""
    win = window
    minister, wire = article_id(win, "Minister speaks"), article_id(win, "Wire copy")
    with Library(library_path) as lib:
        claim = next(s.index for s in lib.article(wire).sentences if s.text == CLAIM)
    win.library.add_note(wire, claim, "The budget says $6 million.", Verdict.FALSE)
    before = win.elsewhere.answered
    win.open_article(minister)
    qtbot.waitUntil(lambda: win.elsewhere.answered > before, timeout=SHOWS_WITHIN_MS)
    win.select_sentence(index_of(win, QUOTED))
    win.live.stop()
    moved = tmp_path / "moved"
    moved.mkdir()
    top = ("Correction appended on Monday.", "An earlier version misnamed the line.")
    gloss(library_path, "import", str(page(moved, "wire", "Wire copy", top + WIRE, WIRE_URL)))
    section = win.notes.elsewhere
    section.label.linkActivated.emit(section.links()[0])
    assert win.current_article_id == wire
    assert win.reader.article.sentences[0].text == top[0]
    assert win.notes.sentence_text == CLAIM


@pytest.mark.slow
def test_the_mark_goes_with_the_other_article_to_the_trash_and_comes_back(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    win = window
    minister, wire = article_id(win, "Minister speaks"), article_id(win, "Wire copy")
    with Library(library_path) as lib:
        claim = next(s.index for s in lib.article(wire).sentences if s.text == CLAIM)
    win.library.add_note(wire, claim, "The budget says $6 million.", Verdict.FALSE)
    before = win.elsewhere.answered
    win.open_article(minister)
    qtbot.waitUntil(lambda: win.elsewhere.answered > before, timeout=SHOWS_WITHIN_MS)
    quoted = index_of(win, QUOTED)
    win.select_sentence(quoted)
    assert win.reader.elsewhere == {quoted: 1}
    with Library(library_path) as other:  # the command line has no "move to the Trash"
        other.trash_article(wire)
    qtbot.waitUntil(lambda: win.reader.elsewhere == {}, timeout=SHOWS_WITHIN_MS)
    assert section_text(win) == ""
    gloss(library_path, "trash", "restore", str(wire))
    qtbot.waitUntil(lambda: win.reader.elsewhere == {quoted: 1}, timeout=SHOWS_WITHIN_MS)
    assert "Wire copy" in section_text(win)
