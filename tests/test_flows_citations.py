"""Flows across library citations: the cited article changes in another process while the
citing note's card is on screen (re-imported, its words changed, trashed, restored,
deleted for good), and while the Cite from Library picker shows it among its results.

The window is the real one (pytest-qt); the other process is the real `gloss` command,
or another connection to the same file where the command line has no such action."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import (
    CITED,
    REPORT_PARAGRAPHS,
    SHOWS_WITHIN_MS,
    card_text,
    follow_citation,
    gloss,
    index_of,
    only_card,
    report_page,
    shown_citation,
)
from PySide6.QtCore import Qt

from reader.core.citations import cite
from reader.core.library import Library
from reader.core.model import Verdict
from reader.ui.cite_picker import CitePicker
from reader.ui.main_window import MainWindow

NOTED = "Buses and bicycles can still cross on a temporary lane."


def sentence_of(library: Library, article_id: int, words: str) -> int:
    return next(s.index for s in library.article(article_id).sentences if s.text == words)


@pytest.fixture
def ids(qtbot, news_window: MainWindow, tmp_path: Path) -> dict[str, int]:
    """The news article open, its sentence NOTED selected, with a note citing CITED in
    the flood report (imported through the window)."""
    win = news_window
    news = win.current_article_id
    assert news is not None
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths([report_page(tmp_path)])
    report = next(s.id for s in win.library.summaries() if s.title == "Flood report")
    source = cite(win.library, report, sentence_of(win.library, report, CITED))
    win.open_article(news)
    noted = index_of(win, NOTED)
    win.library.add_note(news, noted, "The agency says nobody was hurt.", Verdict.TRUE, [source])
    win.select_sentence(noted)
    assert shown_citation(win).citation.article_id == report
    win.reader.setFocus()
    return {"news": news, "report": report}


@pytest.mark.slow
def test_a_cited_article_reimported_elsewhere_moves_the_shown_citation(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    before = shown_citation(win).citation.sentence
    update = "Update: the levee held on Thursday."
    moved = tmp_path / "moved"
    moved.mkdir()
    gloss(library_path, "import", str(report_page(moved, (update, *REPORT_PARAGRAPHS))))
    qtbot.waitUntil(
        lambda: shown_citation(win).citation.sentence == before + 1, timeout=SHOWS_WITHIN_MS
    )
    assert shown_citation(win).quote == CITED
    assert "words no longer" not in card_text(only_card(win))
    # The link opens the article on the cited words, where they are now.
    follow_citation(win)
    assert win.current_article_id == ids["report"]
    assert win.reader.article.sentences[0].text == update
    assert win.notes.sentence_text == CITED
    assert win.reader.current == index_of(win, CITED)


@pytest.mark.slow
def test_cited_words_changed_elsewhere_are_said_gone_and_the_link_opens_the_article(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    changed = tmp_path / "changed"
    changed.mkdir()
    injured = REPORT_PARAGRAPHS[0].replace("hurt", "injured")
    gloss(library_path, "import", str(report_page(changed, (injured, REPORT_PARAGRAPHS[1]))))
    qtbot.waitUntil(
        lambda: "words no longer in the article" in card_text(only_card(win)),
        timeout=SHOWS_WITHIN_MS,
    )
    # The citation still quotes what the checker cited, not the new words.
    assert shown_citation(win).quote == CITED
    assert CITED in card_text(only_card(win))
    follow_citation(win)
    assert win.current_article_id == ids["report"]
    # The words the citation named are not there: said, and no sentence picked for them.
    assert "cited words are no longer in the article" in win.statusBar().currentMessage()
    assert win.notes.sentence is None or win.notes.sentence_text != CITED


@pytest.mark.slow
def test_a_cited_article_trashed_restored_and_deleted_elsewhere(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    with Library(library_path) as other:  # the command line has no "move to the Trash"
        other.trash_article(ids["report"])
    qtbot.waitUntil(lambda: "in the Trash" in card_text(only_card(win)), timeout=SHOWS_WITHIN_MS)
    follow_citation(win)
    assert win.current_article_id == ids["news"]  # a trashed article is not opened
    assert "Trash" in win.statusBar().currentMessage()

    gloss(library_path, "trash", "restore", str(ids["report"]))
    qtbot.waitUntil(
        lambda: "in the Trash" not in card_text(only_card(win)), timeout=SHOWS_WITHIN_MS
    )
    follow_citation(win)
    assert win.current_article_id == ids["report"]
    assert win.notes.sentence_text == CITED

    win.open_article(ids["news"])
    win.select_sentence(index_of(win, NOTED))
    with Library(library_path) as other:
        other.trash_article(ids["report"])
    gloss(library_path, "trash", "delete", str(ids["report"]))
    qtbot.waitUntil(
        lambda: "no longer in the library" in card_text(only_card(win)), timeout=SHOWS_WITHIN_MS
    )
    assert CITED in card_text(only_card(win))
    assert shown_citation(win).citation.article_id is None


@pytest.mark.slow
def test_the_cite_picker_follows_an_article_trashed_and_restored_elsewhere(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    win.select_sentence(1)
    editor = win.notes.editor
    qtbot.mouseClick(editor.cite, Qt.MouseButton.LeftButton)
    picker = win.notes.picker
    assert isinstance(picker, CitePicker) and picker.isVisible()
    qtbot.keyClicks(picker.field, "Sandbags")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=10000)
    assert [c.article_id for c in picker.found] == [ids["report"]]
    with Library(library_path) as other:
        other.trash_article(ids["report"])
    # The results follow the library: a trashed article cannot be cited.
    qtbot.waitUntil(lambda: picker.found == [], timeout=SHOWS_WITHIN_MS)
    assert picker.results.count() == 0
    assert not picker.cite_button.isEnabled()
    gloss(library_path, "trash", "restore", str(ids["report"]))
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=SHOWS_WITHIN_MS)
    assert picker.field.text() == "Sandbags"  # what the reader typed is kept
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    (picked,) = editor.citation_sources()
    assert picked.quote == "Sandbags arrived at 6 a.m. on Wednesday."
    assert editor.error.isHidden()


@pytest.mark.slow
def test_a_result_trashed_before_the_picker_looked_again_is_refused_with_a_reason(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    win.select_sentence(1)
    editor = win.notes.editor
    qtbot.mouseClick(editor.cite, Qt.MouseButton.LeftButton)
    picker = win.notes.picker
    qtbot.keyClicks(picker.field, "Sandbags")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=10000)
    win.live.stop()  # the window has not looked at the file since
    with Library(library_path) as other:
        other.trash_article(ids["report"])
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    assert editor.citation_sources() == []
    assert editor.error.isVisible() and "Trash" in editor.error.text()


@pytest.mark.slow
def test_a_citation_clicked_before_the_window_saw_its_article_move_opens_its_words(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path, tmp_path: Path
) -> None:
    """The re-import lands after the window's last look at the file and before the click:
    the card still holds the old place, the article opens with the new text."""
    win = news_window
    win.live.stop()
    moved = tmp_path / "moved"
    moved.mkdir()
    update = ("Update: the levee held on Thursday. Crews stayed overnight.",)
    gloss(library_path, "import", str(report_page(moved, update + REPORT_PARAGRAPHS)))
    follow_citation(win)
    assert win.current_article_id == ids["report"]
    assert win.reader.article.sentences[0].text.startswith("Update:")
    assert win.notes.sentence_text == CITED
    assert win.reader.current == index_of(win, CITED)


@pytest.mark.slow
def test_a_result_whose_article_moved_before_the_picker_looked_again_cites_its_words(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    win.select_sentence(1)
    editor = win.notes.editor
    qtbot.mouseClick(editor.cite, Qt.MouseButton.LeftButton)
    picker = win.notes.picker
    qtbot.keyClicks(picker.field, "Sandbags")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=10000)
    win.live.stop()  # the window (and its picker) have not looked at the file since
    moved = tmp_path / "moved"
    moved.mkdir()
    update = ("Update: the levee held on Thursday. Crews stayed overnight.",)
    gloss(library_path, "import", str(report_page(moved, update + REPORT_PARAGRAPHS)))
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    (picked,) = editor.citation_sources()
    assert picked.quote == "Sandbags arrived at 6 a.m. on Wednesday."
    with Library(library_path) as lib:
        sentences = lib.article(ids["report"]).sentences
        assert sentences[picked.citation.sentence].text == picked.quote


@pytest.mark.slow
def test_the_picker_closes_when_its_notes_article_is_trashed_elsewhere(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    win.select_sentence(1)
    qtbot.mouseClick(win.notes.editor.cite, Qt.MouseButton.LeftButton)
    picker = win.notes.picker
    qtbot.keyClicks(picker.field, "Sandbags")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=10000)
    with Library(library_path) as other:
        other.trash_article(ids["news"])
    # The article closes; a passage picked now would be for a note nobody can save.
    qtbot.waitUntil(lambda: win.current_article_id is None, timeout=SHOWS_WITHIN_MS)
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=SHOWS_WITHIN_MS)
    assert win.notes.editor.citation_sources() == []
