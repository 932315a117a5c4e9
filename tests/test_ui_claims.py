"""Claims in the window: marks, c / Shift+C, the Claims tab, counts, the filter, languages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCharFormat

from reader.core import claim_store
from reader.core.listing import Show
from reader.ui.app import open_window
from reader.ui.claim_sweep import start_claim_sweep
from reader.ui.claims_panel import SHOW_CLAIMS_KEY
from reader.ui.main_window import MainWindow

FRENCH = (
    "Le conseil municipal a annoncé que la ville avait reçu 40 % de pluie en plus. "
    "Le chiffre venait d'un seul pluviomètre installé en 2019 sur le toit de la bibliothèque. "
    "Les habitants ont vérifié eux-mêmes les relevés pendant six semaines."
)


@pytest.fixture
def window(shown_window: MainWindow) -> MainWindow:
    """The window on the sample article, which states figures, records and comparisons."""
    assert shown_window.current_article_id is not None
    shown_window.reader.setFocus()
    return shown_window


def claim_underlines(window: MainWindow) -> list[int]:
    reader = window.reader
    starts = {reader.sentences.span(i)[0]: i for i in range(len(reader.sentences))}
    return sorted(
        starts[s.cursor.selectionStart()]
        for s in reader.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        and s.cursor.selectionStart() in starts
    )


def header_line(window: MainWindow) -> str:
    return window.reader.document().findBlockByNumber(1).text()


def test_claims_are_marked_listed_and_counted(window: MainWindow) -> None:
    article_id = window.current_article_id
    claims = claim_store.claims(window.library.db, article_id)
    assert len(claims) >= 3
    indices = [c.index for c in claims]
    assert claim_underlines(window) == indices
    assert header_line(window).endswith(f"  ·  {len(claims)} claims · 0 checked")
    panel = window.claims_view.panel
    assert window.notes.tabs.tabText(window.notes.tabs.indexOf(panel)) == "Claims"
    assert panel.list.count() == len(claims)
    assert panel.list.item(0).text().startswith(f"○ unchecked · sentence {indices[0] + 1} · ")
    assert f"{len(claims)} claims · 0 checked" in panel.heading.text()
    row = window.library_view.model_.rows[0]
    assert (row.claim_count, row.claims_checked) == (len(claims), 0)


def test_c_and_shift_c_visit_claims_without_notes(qtbot, window: MainWindow) -> None:
    article_id = window.current_article_id
    indices = [c.index for c in claim_store.claims(window.library.db, article_id)]
    qtbot.keyClick(window.reader, Qt.Key.Key_C)
    assert window.reader.current == indices[0]
    qtbot.keyClick(window.reader, Qt.Key.Key_C)
    assert window.reader.current == indices[1]
    qtbot.keyClick(window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.current == indices[0]
    # A note checks the claim: c passes it by, and the counts follow.
    window.library.add_note(article_id, indices[1], "Checked against the council minutes.")
    window.notes.notesChanged.emit(article_id)
    window.reader.select_sentence(indices[0])
    qtbot.keyClick(window.reader, Qt.Key.Key_C)
    assert window.reader.current == indices[2]
    assert header_line(window).endswith(f"{len(indices)} claims · 1 checked")
    panel = window.claims_view.panel
    assert panel.list.item(1).text().startswith("✓ checked")
    panel.only_unchecked.setChecked(True)
    assert panel.list.count() == len(indices) - 1
    # The header's words moved every sentence in the document: the marks still fit.
    assert claim_underlines(window) == indices
    row = window.library_view.model_.rows[0]
    assert row.claims_checked == 1


def test_clicking_a_claim_in_the_panel_goes_to_its_sentence(qtbot, window: MainWindow) -> None:
    panel = window.claims_view.panel
    window.notes.tabs.setCurrentWidget(panel)
    qtbot.waitExposed(panel.list)
    item = panel.list.item(2)
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    claims = claim_store.claims(window.library.db, window.current_article_id)
    assert window.reader.current == claims[2].index


def test_show_claims_toggles_the_marks_and_is_remembered(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    action = window.claims_view.show_action
    assert action.isChecked() and claim_underlines(window)
    action.trigger()
    assert claim_underlines(window) == []
    assert QSettings().value(SHOW_CLAIMS_KEY) in (False, "false")
    window.close()
    again = open_window(library_path)
    qtbot.addWidget(again)
    try:
        assert not again.claims_view.show_action.isChecked()
        assert claim_underlines(again) == []
        again.claims_view.show_action.trigger()
        assert claim_underlines(again)
    finally:
        again.close()


def test_library_filters_articles_with_unchecked_claims(qtbot, window: MainWindow) -> None:
    view = window.library_view
    box = view.show_box
    box.setCurrentIndex(box.findData(Show.UNCHECKED))
    assert [r.id for r in view.model_.rows] == [window.current_article_id]
    article_id = window.current_article_id
    for claim in claim_store.claims(window.library.db, article_id):
        window.library.add_note(article_id, claim.index, "ok")
    window.notes.notesChanged.emit(article_id)
    view.reload()
    assert view.model_.rows == []


def test_an_article_in_another_language_gets_no_marks(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    page = tmp_path / "pluie.txt"
    page.write_text(FRENCH, encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([page])
    article_id = window.current_article_id
    window.open_article(article_id)
    assert "pluviomètre" in window.library.article(article_id).text
    assert window.reader.claims == {}
    assert claim_underlines(window) == []
    assert "English articles only" in window.claims_view.panel.heading.text()
    assert window.claims_view.panel.list.isHidden()
    assert "claims" not in header_line(window)


def test_a_long_article_from_before_claims_is_spotted_in_the_background(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    article_id = window.current_article_id
    expected = [c.index for c in claim_store.claims(window.library.db, article_id)]
    # As an article stored before m008 looks, and long enough to leave the GUI thread.
    conn = sqlite3.connect(window.library.path)
    with conn:
        conn.execute("DELETE FROM claims")
        conn.execute("UPDATE articles SET claims_version = ''")
    conn.close()
    monkeypatch.setattr(claim_store, "SHORT_ARTICLE", 3)
    window.open_article(article_id)
    assert window.reader.claims == {}
    assert "Spotting claims" in window.claims_view.panel.heading.text()
    qtbot.waitUntil(lambda: sorted(window.reader.claims) == expected, timeout=10000)
    assert claim_underlines(window) == expected
    assert not claim_store.is_stale(window.library.db, article_id)


def test_marks_and_header_survive_a_new_theme(window: MainWindow) -> None:
    claims = claim_store.claims(window.library.db, window.current_article_id)
    window.set_theme("dark")
    assert header_line(window).endswith(f"  ·  {len(claims)} claims · 0 checked")
    assert claim_underlines(window) == [c.index for c in claims]


def test_a_note_written_in_another_process_checks_the_claim(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    article_id = window.current_article_id
    first = claim_store.claims(window.library.db, article_id)[0]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "reader.cli",
            "--library",
            str(library_path),
            "note",
            "add",
            str(article_id),
            str(first.index + 1),  # the command line takes the number people see
            "--text",
            "Checked from the command line.",
        ],
        check=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    panel = window.claims_view.panel
    qtbot.waitUntil(lambda: panel.list.item(0).text().startswith("✓ checked"), timeout=10000)
    assert window.reader.unchecked_claims()[0] != first.index
    assert header_line(window).endswith(" · 1 checked")


def test_articles_from_before_claims_are_spotted_at_start(
    qtbot, window: MainWindow, pages: Path
) -> None:
    """The sweep at start: the library's counts and the Unchecked filter see every article,
    not only those opened since the upgrade."""
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([pages])
    view = window.library_view
    view.show_box.setCurrentIndex(view.show_box.findData(Show.UNCHECKED))
    expected = sorted(r.id for r in view.model_.rows)
    assert len(expected) >= 2
    conn = sqlite3.connect(window.library.path)  # as a library from before m008
    with conn:
        conn.execute("DELETE FROM claims")
        conn.execute("UPDATE articles SET claims_version = ''")
    conn.close()
    path = window.library.path
    window.close()

    again = open_window(path)
    qtbot.addWidget(again)
    try:
        view = again.library_view
        view.show_box.setCurrentIndex(view.show_box.findData(Show.UNCHECKED))
        opened = again.current_article_id
        assert sorted(r.id for r in view.model_.rows) in ([], [opened])
        task = start_claim_sweep(again)
        assert task is not None
        qtbot.waitUntil(lambda: not again._tasks, timeout=20000)
        qtbot.waitUntil(lambda: sorted(r.id for r in view.model_.rows) == expected, timeout=5000)
        assert claim_store.stale_article_ids(again.library.db) == []
        assert start_claim_sweep(again) is None  # nothing left to do
    finally:
        again.close()
