"""Flows across the note editor: a draft holding a picked citation and a claimant
survives live reloads (its own article re-imported by another process, the cited one
re-imported or deleted), is saved on the words it was written for with its citation
placed where the cited words are now; undo and redo of such a note, and of an edit of
its claimant, bring back the citation and the claimant with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import (
    CITED,
    REPORT_PARAGRAPHS,
    SHOWS_WITHIN_MS,
    card_text,
    gloss,
    index_of,
    only_card,
    report_page,
)
from PySide6.QtCore import Qt

from reader.core.citations import cite
from reader.core.library import Library
from reader.ui.main_window import MainWindow

NOTED = "Buses and bicycles can still cross on a temporary lane."
UPDATE = "<p>Update: the council met again on Friday. Nothing changed.</p>"
CLAIMANT = "The council's press office"


def changed_news(pages: Path, folder: Path) -> Path:
    """news.html with a paragraph added at the top (the same article, moved sentences)."""
    html = (pages / "news.html").read_text(encoding="utf-8")
    marker = "</div>\n<p>The old river bridge"
    assert marker in html
    path = folder / "news-updated.html"
    path.write_text(html.replace(marker, f"</div>\n{UPDATE}\n<p>The old river bridge"), "utf-8")
    return path


@pytest.fixture
def ids(qtbot, news_window: MainWindow, tmp_path: Path) -> dict[str, int]:
    win = news_window
    news = win.current_article_id
    assert news is not None
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths([report_page(tmp_path)])
    report = next(s.id for s in win.library.summaries() if s.title == "Flood report")
    win.open_article(news)
    win.reader.setFocus()
    return {"news": news, "report": report}


def cited_index(library: Library, report: int) -> int:
    return next(s.index for s in library.article(report).sentences if s.text == CITED)


def start_draft(qtbot, win: MainWindow, report: int) -> None:
    """A new note on NOTED with text, a citation of CITED and a claimant, not saved."""
    win.select_sentence(index_of(win, NOTED))
    qtbot.keyClick(win.reader, Qt.Key.Key_Return)
    editor = win.notes.editor
    qtbot.keyClicks(editor.text, "The agency says nobody was hurt.")
    editor.add_citation(cite(win.library, report, cited_index(win.library, report)))
    editor.publishing_toggle.setChecked(True)
    editor.claimant.setText(CLAIMANT)


def save(qtbot, win: MainWindow) -> None:
    qtbot.keyClick(win.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.slow
def test_a_draft_with_a_citation_survives_both_articles_changing_elsewhere(
    qtbot,
    news_window: MainWindow,
    ids: dict[str, int],
    library_path: Path,
    pages: Path,
    tmp_path: Path,
) -> None:
    win = news_window
    start_draft(qtbot, win, ids["report"])
    editor = win.notes.editor
    before = win.live.refresh_count
    # Its own article re-imported with a paragraph on top: reloaded in place.
    gloss(library_path, "import", str(changed_news(pages, tmp_path)))
    qtbot.waitUntil(
        lambda: win.reader.article.sentences[0].text.startswith("Update:"),
        timeout=SHOWS_WITHIN_MS,
    )
    # The cited article re-imported with a sentence on top: its words move.
    moved = tmp_path / "moved"
    moved.mkdir()
    gloss(library_path, "import", str(report_page(moved, ("The levee held.", *REPORT_PARAGRAPHS))))
    qtbot.waitUntil(lambda: win.live.refresh_count >= before + 2, timeout=SHOWS_WITHIN_MS)
    editor = win.notes.editor
    assert editor.text.toPlainText() == "The agency says nobody was hurt."
    assert [s.quote for s in editor.citation_sources()] == [CITED]
    assert editor.claimant.text() == CLAIMANT
    assert win.notes.sentence_text == NOTED
    save(qtbot, win)
    with Library(library_path) as lib:
        (note,) = lib.notes(ids["news"])
        assert lib.article(ids["news"]).sentences[note.sentence].text == NOTED
        assert note.claimant == CLAIMANT
        (source,) = note.sources
        # Placed where the cited words are now, not where they were when picked.
        assert source.citation.sentence == cited_index(lib, ids["report"])
        assert source.quote == CITED
    assert only_card(win).note.text == "The agency says nobody was hurt."
    assert CITED in card_text(only_card(win)) and "words no longer" not in card_text(only_card(win))


@pytest.mark.slow
def test_a_draft_citing_an_article_deleted_elsewhere_saves_the_quote_as_gone(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    start_draft(qtbot, win, ids["report"])
    before = win.live.refresh_count
    with Library(library_path) as other:
        other.trash_article(ids["report"])
    gloss(library_path, "trash", "delete", str(ids["report"]))
    qtbot.waitUntil(lambda: win.live.refresh_count > before, timeout=SHOWS_WITHIN_MS)
    assert [s.quote for s in win.notes.editor.citation_sources()] == [CITED]
    save(qtbot, win)
    assert win.notes.editor.error.isHidden()
    assert "no longer in the library" in card_text(only_card(win))
    assert CITED in card_text(only_card(win))


@pytest.mark.slow
def test_undo_and_redo_of_a_note_with_a_citation_and_a_claimant(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    win = news_window
    start_draft(qtbot, win, ids["report"])
    save(qtbot, win)

    def stored() -> list[tuple[str, str, list[str]]]:
        with Library(library_path) as lib:
            return [
                (n.text, n.claimant, [s.quote for s in n.sources if s.citation is not None])
                for n in lib.notes(ids["news"])
            ]

    written = [("The agency says nobody was hurt.", CLAIMANT, [CITED])]
    assert stored() == written
    win.undo.undo()
    assert stored() == []
    assert win.notes.note_cards() == []
    win.undo.redo()
    assert stored() == written
    assert CITED in card_text(only_card(win))
    assert only_card(win).note.sources[0].citation.article_id == ids["report"]

    # An edit of the claimant, undone and redone: the citation stays through both.
    card = only_card(win)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    card.editor.claimant.setText("The minister")
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    assert stored() == [("The agency says nobody was hurt.", "The minister", [CITED])]
    win.undo.undo()
    assert stored() == written
    assert CITED in card_text(only_card(win))
    win.undo.redo()
    assert stored() == [("The agency says nobody was hurt.", "The minister", [CITED])]
    with Library(library_path) as lib:
        (note,) = lib.notes(ids["news"])
        assert note.sources[0].citation.sentence == cited_index(lib, ids["report"])


@pytest.mark.slow
def test_an_edit_in_the_window_keeps_a_review_url_another_process_set_meanwhile(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    """The checker rewrites a note's text in its card while a publishing script gives the
    same note its review URL (`gloss note edit --review-url`): both changes stand."""
    win = news_window
    start_draft(qtbot, win, ids["report"])
    save(qtbot, win)
    card = only_card(win)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    card.editor.text.setPlainText("The agency's report says nobody was hurt.")
    review = "https://factdesk.example.org/checks/mill-street"
    before = win.live.refresh_count
    gloss(library_path, "note", "edit", card.note.uuid, "--review-url", review)
    qtbot.waitUntil(lambda: win.live.refresh_count > before, timeout=SHOWS_WITHIN_MS)
    card = only_card(win)
    assert card.editing()
    assert card.editor.text.toPlainText() == "The agency's report says nobody was hurt."
    # What the reader did not touch shows the note as it is now.
    assert card.editor.review_url.text() == review
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    assert not only_card(win).editing()  # saved: the card shows the note again
    assert only_card(win).note.review_url == review
    with Library(library_path) as lib:
        (note,) = lib.notes(ids["news"])
        assert note.text == "The agency's report says nobody was hurt."
        assert note.review_url == review
        assert note.claimant == CLAIMANT
        assert [s.quote for s in note.sources] == [CITED]
    # Undo takes back the window's edit, not the review URL set elsewhere.
    win.undo.undo()
    with Library(library_path) as lib:
        (note,) = lib.notes(ids["news"])
        assert note.text == "The agency says nobody was hurt."
        assert note.review_url == review


@pytest.mark.slow
def test_undo_of_an_edit_keeps_what_another_process_changed_after_it(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path
) -> None:
    """The checker edits a note's text, a publishing script then gives the note its
    review URL, the checker presses Undo and Redo: only the text goes back and forth."""
    win = news_window
    start_draft(qtbot, win, ids["report"])
    save(qtbot, win)
    card = only_card(win)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    card.editor.text.setPlainText("Rewritten.")
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    review = "https://factdesk.example.org/checks/mill-street"
    before = win.live.refresh_count
    gloss(library_path, "note", "edit", card.note.uuid, "--review-url", review)
    qtbot.waitUntil(lambda: win.live.refresh_count > before, timeout=SHOWS_WITHIN_MS)

    def stored() -> tuple[str, str, str, list[str]]:
        with Library(library_path) as lib:
            (note,) = lib.notes(ids["news"])
            return note.text, note.review_url, note.claimant, [s.quote for s in note.sources]

    win.undo.undo()
    assert stored() == ("The agency says nobody was hurt.", review, CLAIMANT, [CITED])
    assert only_card(win).note.review_url == review
    win.undo.redo()
    assert stored() == ("Rewritten.", review, CLAIMANT, [CITED])
    # Deleted elsewhere meanwhile: undo puts the note back as it was before the edit.
    with Library(library_path) as other:
        other.delete_note(only_card(win).note.uuid)
    win.undo.undo()
    assert stored()[0] == "The agency says nobody was hurt."


@pytest.mark.slow
def test_undo_of_a_delete_puts_the_citation_on_its_words_moved_meanwhile(
    qtbot, news_window: MainWindow, ids: dict[str, int], library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    start_draft(qtbot, win, ids["report"])
    save(qtbot, win)
    qtbot.mouseClick(only_card(win).delete_button, Qt.MouseButton.LeftButton)
    assert win.notes.note_cards() == []
    moved = tmp_path / "moved"
    moved.mkdir()
    before = win.live.refresh_count
    gloss(library_path, "import", str(report_page(moved, ("The levee held.", *REPORT_PARAGRAPHS))))
    qtbot.waitUntil(lambda: win.live.refresh_count > before, timeout=SHOWS_WITHIN_MS)
    win.undo.undo()
    (source,) = only_card(win).note.sources
    assert source.quote == CITED and "words no longer" not in card_text(only_card(win))
    with Library(library_path) as lib:
        (note,) = lib.notes(ids["news"])
        assert note.claimant == CLAIMANT
        (stored,) = note.sources
        assert stored.citation.sentence == cited_index(lib, ids["report"])
