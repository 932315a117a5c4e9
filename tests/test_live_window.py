"""The window follows the library file: another process writes, the window shows it.

Every two-process test runs a real `python -m reader.cli` on the library the window has
open, then gives the window one second to show the change, and checks what is stored
through a connection of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from flow_helpers import SHOWS_WITHIN_MS, gloss
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.library import Library
from reader.core.model import Verdict
from reader.ui.main_window import MainWindow

UPDATE = "<p>Update: the council met again on Friday. Nothing changed.</p>"
TRADERS = "Traders on Mill Street say footfall has fallen by a third since the closure began."
TRADERS_HTML = TRADERS.replace("footfall ", "footfall\n")  # as news.html wraps it
BUSES = "Buses and bicycles can still cross on a temporary lane."


def changed_page(pages: Path, tmp_path: Path, old: str = "", new: str = "") -> Path:
    """news.html with a paragraph added at the top (and `old` replaced by `new`)."""
    html = (pages / "news.html").read_text(encoding="utf-8")
    html = html.replace(
        "</div>\n<p>The old river bridge", f"</div>\n{UPDATE}\n<p>The old river bridge"
    )
    if old:
        assert old in html
        html = html.replace(old, new)
    path = tmp_path / "news-updated.html"
    path.write_text(html, encoding="utf-8")
    return path


def index_of(win: MainWindow, words: str) -> int:
    assert win.reader.article is not None
    return next(s.index for s in win.reader.article.sentences if s.text == words)


def click(qtbot, win: MainWindow, index: int) -> None:
    """Scroll the sentence into view as a reader would, then click it."""
    reader = win.reader
    reader.scroll_to_sentence(index)
    rect = reader.sentence_rect(index)
    qtbot.mouseClick(
        reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 4, rect.center().y())
    )


def write_note(qtbot, win: MainWindow, text: str) -> None:
    qtbot.keyClick(win.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(win.notes.editor.text, text)
    qtbot.keyClick(win.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def stored_notes(path: Path, article_id: int) -> list[tuple[str, int | None, str, str]]:
    """(text, sentence, quote, the sentence's words now) of every note, from the file."""
    with Library(path) as lib:
        article = lib.article(article_id)
        return [
            (
                n.text,
                n.sentence,
                n.quote,
                article.sentences[n.sentence].text if n.sentence is not None else "",
            )
            for n in lib.notes(article_id)
        ]


def shows_update(win: MainWindow) -> bool:
    article = win.reader.article
    return article is not None and article.sentences[0].text.startswith("Update:")


@pytest.fixture
def window(news_window: MainWindow) -> MainWindow:
    news_window.reader.setFocus()
    return news_window


@pytest.mark.slow
def test_the_issue_a_changed_page_imported_elsewhere_then_a_note_below_the_change(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    click(qtbot, window, index_of(window, BUSES))
    before_top = window.reader.top_sentence()
    gloss(library_path, "import", str(changed_page(pages, tmp_path)))
    qtbot.waitUntil(lambda: shows_update(window), timeout=SHOWS_WITHIN_MS)
    # Reloaded in place: the same sentence still selected, by its words, and in view.
    buses = index_of(window, BUSES)
    assert window.reader.current == buses
    assert window.notes.sentence == buses and window.notes.sentence_text == BUSES
    assert window.reader.top_sentence() is not None and before_top is not None
    assert window.current_article_id == article_id
    # The reader clicks a sentence below the change and notes it.
    click(qtbot, window, index_of(window, TRADERS))
    write_note(qtbot, window, "A third is the traders' own estimate.")
    assert stored_notes(library_path, article_id) == [
        ("A third is the traders' own estimate.", index_of(window, TRADERS), TRADERS, TRADERS)
    ]
    assert window.reader.marks == {index_of(window, TRADERS): Verdict.NONE}
    traders = index_of(window, TRADERS)
    assert [(n.first, n.last) for n in window.reader.note_spans] == [(traders, traders)]


@pytest.mark.slow
def test_a_note_saved_on_a_text_that_changed_meanwhile_goes_to_the_same_words(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    """The change lands after the last look at the file and before Ctrl+Enter."""
    article_id = window.current_article_id
    assert article_id is not None
    traders_before = index_of(window, TRADERS)
    click(qtbot, window, traders_before)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Seen on the old text.")
    window.live.stop()  # the window has not looked at the file since
    gloss(library_path, "import", str(changed_page(pages, tmp_path)))
    editor = window.notes.editor.text
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = stored_notes(library_path, article_id)
    assert notes == [("Seen on the old text.", traders_before + 2, TRADERS, TRADERS)]
    assert shows_update(window)  # the window now shows the text the note went on
    assert window.notes.sentence == traders_before + 2
    assert window.notes.editor.text.toPlainText() == ""
    # One step to undo: the refused write left nothing on the undo stack.
    assert window.undo.count() == 1
    window.undo.undo()
    assert stored_notes(library_path, article_id) == []


@pytest.mark.slow
def test_a_draft_whose_sentence_is_gone_is_kept_and_the_reader_asked(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    click(qtbot, window, index_of(window, TRADERS))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Who measured it?")
    window.live.stop()
    rewritten = "Shops on Mill Street report fewer customers."
    gloss(
        library_path,
        "import",
        str(
            changed_page(
                pages,
                tmp_path,
                TRADERS_HTML,
                rewritten,
            )
        ),
    )
    qtbot.keyClick(window.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored_notes(library_path, article_id) == []  # nothing stored on other words
    assert window.undo.count() == 0
    box = window.live.changed_box
    assert box.isVisible() and "not in its new text" in box.text()
    box.accept()
    assert window.notes.detached
    assert window.notes.editor.text.toPlainText() == "Who measured it?"
    # The reader says where it belongs: the draft goes there.
    click(qtbot, window, index_of(window, rewritten))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert window.notes.editor.text.toPlainText() == "Who measured it?"
    qtbot.keyClick(window.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    index = index_of(window, rewritten)
    assert stored_notes(library_path, article_id) == [
        ("Who measured it?", index, rewritten, rewritten)
    ]


@pytest.mark.slow
def test_a_note_added_by_another_process_shows_and_the_draft_survives(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    buses = index_of(window, BUSES)
    click(qtbot, window, buses)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "half-written")
    number = str(buses + 1)  # what the window shows and the command line takes
    gloss(
        library_path,
        "note",
        "add",
        str(article_id),
        number,
        "--text",
        "From the CLI.",
        "--verdict",
        "false",
    )
    qtbot.waitUntil(lambda: buses in window.reader.marks, timeout=SHOWS_WITHIN_MS)
    assert window.reader.marks[buses] is Verdict.FALSE
    assert [(n.first, n.last) for n in window.reader.note_spans] == [(buses, buses)]
    assert [c.note.text for c in window.notes.note_cards()] == ["From the CLI."]
    assert window.notes.editor.text.toPlainText() == "half-written"
    assert window.notes.outline.item(0).text().startswith(f"Sentence {number}: “{BUSES}”")
    assert f"Sentence {number}</b>" in window.notes.heading.text()
    row = window.library_view.model_.rows[window.library_view.model_.row_of(article_id)]
    assert row.note_count == 1  # the list's counts follow too
    shown = gloss(library_path, "show", str(article_id)).stdout.splitlines()
    assert f"{number}\t{BUSES}" in shown


@pytest.mark.slow
def test_a_card_being_edited_keeps_its_draft_when_the_file_changes(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    buses = index_of(window, BUSES)
    click(qtbot, window, buses)
    write_note(qtbot, window, "first")
    card = window.notes.note_cards()[0]
    card.start_edit()
    card.editor.text.setPlainText("first, edited")
    gloss(library_path, "note", "add", str(article_id), str(buses + 1), "--text", "second")
    qtbot.waitUntil(lambda: len(window.notes.note_cards()) == 2, timeout=SHOWS_WITHIN_MS)
    editing = [c for c in window.notes.note_cards() if c.editing()]
    assert [c.editor.text.toPlainText() for c in editing] == ["first, edited"]


@pytest.mark.slow
def test_the_list_shows_articles_imported_elsewhere_and_keeps_its_selection(
    qtbot, window: MainWindow, library_path: Path, pages: Path
) -> None:
    article_id = window.current_article_id
    view = window.library_view
    before = view.model_.total
    gloss(library_path, "import", str(pages / "plain.txt"))
    qtbot.waitUntil(lambda: view.model_.total == before + 1, timeout=SHOWS_WITHIN_MS)
    assert "Notes from the field" in [r.title for r in view.model_.rows]
    assert view.current_id() == article_id
    assert window.current_article_id == article_id


def test_an_article_opened_from_search_leaves_no_other_row_selected(
    qtbot, window: MainWindow
) -> None:
    from reader.core.search import SearchHit

    news = window.current_article_id
    assert news is not None
    window.library.set_archived(news, True)  # not in the list any more
    sample = next(i for i in window.library.article_ids() if i != news)
    window.library_view.reload()
    window.library_view.select_article(sample)
    assert window.current_article_id == sample
    window.open_hit(SearchHit("article", news, 0, "Bridge", "", 0.0))
    assert window.current_article_id == news
    assert window.library_view.current_id() is None
    assert not window.library_view.list.selectionModel().hasSelection()


def test_a_re_import_that_unplaces_notes_says_so_and_offers_to_show_them(
    qtbot, window: MainWindow, pages: Path, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, index_of(window, TRADERS), "gone soon", Verdict.FALSE)
    window.library.add_note(article_id, index_of(window, BUSES), "stays", Verdict.TRUE)
    page = changed_page(
        pages,
        tmp_path,
        TRADERS_HTML,
        "",
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([page])
    assert window.statusBar().currentMessage() == (
        "Import: 0 added, 1 updated (1 note moved, 1 unplaced), 0 unchanged, 0 failed"
    )
    box = window.unplaced_box
    assert box.isVisible() and "1 note could not be placed" in box.text()
    show = next(b for b in box.buttons() if b.text() == "Show Unplaced Notes")
    show.click()
    assert window.current_article_id == article_id
    unplaced = [c for c in window.notes.note_cards() if c.note.sentence is None]
    assert [c.note.text for c in unplaced] == ["gone soon"]
    assert window.notes.tabs.currentIndex() == 0


def test_an_import_summary_counts_added_and_unchanged(
    qtbot, window: MainWindow, pages: Path
) -> None:
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([pages / "news.html", pages / "plain.txt"])
    assert window.statusBar().currentMessage() == (
        "Import: 1 added, 0 updated, 1 unchanged, 0 failed"
    )
    assert not isinstance(getattr(window, "unplaced_box", None), QMessageBox)


def test_an_import_while_a_note_is_being_written_does_not_take_the_article_away(
    qtbot, window: MainWindow, pages: Path
) -> None:
    article_id = window.current_article_id
    click(qtbot, window, index_of(window, BUSES))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "not finished")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([pages / "plain.txt"])  # as a `gloss FILE` hand-over does
    assert window.current_article_id == article_id
    assert window.notes.editor.text.toPlainText() == "not finished"
    assert "Notes from the field" in [r.title for r in window.library_view.model_.rows]
    assert window.statusBar().currentMessage().endswith("the new article is in the list")


@pytest.mark.slow
def test_a_draft_whose_sentence_vanishes_in_a_live_reload_waits_for_the_reader(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    click(qtbot, window, index_of(window, TRADERS))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Who counted?")
    page = changed_page(pages, tmp_path, TRADERS_HTML, "Shops report fewer customers.")
    gloss(library_path, "import", str(page))
    qtbot.waitUntil(lambda: shows_update(window), timeout=SHOWS_WITHIN_MS)
    assert window.notes.detached and "not in its new text" in window.notes.quote.text()
    assert window.notes.editor.text.toPlainText() == "Who counted?"
    assert window.reader.current is None  # nothing is selected for it by a guess
    # The words come back with the next version: the draft is theirs again.
    gloss(library_path, "import", str(pages / "news.html"))
    qtbot.waitUntil(lambda: not shows_update(window), timeout=SHOWS_WITHIN_MS)
    assert not window.notes.detached
    assert window.notes.sentence == index_of(window, TRADERS) == window.reader.current
    assert window.notes.editor.text.toPlainText() == "Who counted?"


def in_another_process(library: Path, statement: str, *args: str) -> None:
    """Run `statement` with `lib`, a Library on the window's file, in a new process."""
    script = (
        "import sys; from reader.core.library import Library\n"
        "with Library(sys.argv[1]) as lib:\n"
        f"    {statement}\n"
    )
    subprocess.run([sys.executable, "-c", script, str(library), *args], check=True, timeout=60)


@pytest.mark.slow
def test_tags_and_deletions_made_elsewhere_show(
    qtbot, window: MainWindow, library_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    view = window.library_view
    in_another_process(
        library_path, "lib.set_article_tags(int(sys.argv[2]), ['roads'])", str(article_id)
    )
    qtbot.waitUntil(lambda: view.filter_box.findData("tag:roads") >= 0, timeout=SHOWS_WITHIN_MS)
    view.filter_box.setCurrentIndex(view.filter_box.findData("tag:roads"))
    assert [r.id for r in view.model_.rows] == [article_id]
    # The tag goes away elsewhere: the filter falls back to everything, not to nothing.
    in_another_process(library_path, "lib.set_article_tags(int(sys.argv[2]), [])", str(article_id))
    qtbot.waitUntil(lambda: view.filter_box.findData("tag:roads") < 0, timeout=SHOWS_WITHIN_MS)
    assert view.query().tag == "" and article_id in [r.id for r in view.model_.rows]
    assert view.current_id() == article_id
    in_another_process(library_path, "lib.trash_article(int(sys.argv[2]))", str(article_id))
    qtbot.waitUntil(lambda: window.current_article_id is None, timeout=SHOWS_WITHIN_MS)
    assert window.reader.article is None
    assert article_id not in [r.id for r in view.model_.rows]


@pytest.mark.slow
def test_attaching_an_unplaced_note_to_a_text_that_changed_meanwhile_is_refused(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QToolButton

    article_id = window.current_article_id
    assert article_id is not None
    note = window.library.add_note(article_id, index_of(window, TRADERS), "orphan to be")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([changed_page(pages, tmp_path, TRADERS_HTML, "Shops shut.")])
    assert window.library.note(note.uuid).sentence is None
    click(qtbot, window, index_of(window, BUSES))
    window.live.stop()
    again = changed_page(pages, tmp_path, TRADERS_HTML, "Shops shut. Cafés too.")
    again.rename(tmp_path / "again.html")
    gloss(library_path, "import", str(tmp_path / "again.html"))
    card = next(c for c in window.notes.note_cards() if c.note.uuid == note.uuid)
    card.findChild(QToolButton, "attachNote").click()
    with Library(library_path) as lib:
        assert lib.note(note.uuid).sentence is None  # not attached blindly
    assert "not attached" in window.statusBar().currentMessage()
    assert window.reader.article is not None
    assert "Cafés too." in window.reader.toPlainText()  # the new text is shown
    assert window.reader.current == index_of(window, BUSES)


def long_page(path: Path, extra: str = "") -> Path:
    paragraphs = "\n".join(
        f"<p>Paragraph {i} says the river was {i} centimetres higher than the day before. "
        f"Witness {i} agreed.</p>"
        for i in range(120)
    )
    path.write_text(
        "<html><head><title>River log</title>"
        '<link rel="canonical" href="https://log.example/river"></head>'
        f"<body><article><h1>River log</h1>{extra}{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_a_long_article_reloads_at_the_same_place(
    qtbot, window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([long_page(tmp_path / "log.html")])
    reader = window.reader
    words = "Paragraph 60 says the river was 60 centimetres higher than the day before."
    reader.scroll_to_sentence(index_of(window, words))
    bar = reader.verticalScrollBar()
    bar.setValue(bar.value() + 5)  # a little into the sentence, as a reader leaves it
    selected = "Witness 63 agreed."
    click(qtbot, window, index_of(window, selected))
    reader.scroll_to_sentence(index_of(window, words))
    bar.setValue(bar.value() + 5)
    offset = bar.value() - reader.sentence_y(index_of(window, words))
    top = reader.top_sentence()
    assert top is not None
    top_words = reader.article.sentences[top].text
    long_page(tmp_path / "log2.html", "<p>Correction: the gauge was moved in May.</p>")
    gloss(library_path, "import", str(tmp_path / "log2.html"))
    qtbot.waitUntil(
        lambda: "Correction" in reader.article.sentences[0].text, timeout=SHOWS_WITHIN_MS
    )
    assert reader.article.sentences[reader.top_sentence()].text == top_words
    assert bar.value() - reader.sentence_y(index_of(window, words)) == pytest.approx(offset, abs=1)
    assert reader.current == index_of(window, selected)


@pytest.mark.slow
def test_a_draft_follows_its_words_when_the_text_changes_above_it(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    click(qtbot, window, index_of(window, BUSES))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Only until 8 pm.")
    gloss(library_path, "import", str(changed_page(pages, tmp_path)))
    qtbot.waitUntil(lambda: shows_update(window), timeout=SHOWS_WITHIN_MS)
    buses = index_of(window, BUSES)
    assert (window.notes.sentence, window.reader.current) == (buses, buses)
    assert window.notes.editor.text.hasFocus()
    qtbot.keyClick(window.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored_notes(library_path, article_id) == [("Only until 8 pm.", buses, BUSES, BUSES)]


@pytest.mark.slow
def test_a_draft_on_chosen_words_keeps_those_words_across_a_reload(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    from tests.test_ui_spans import document_range, drag, point_at

    article_id = window.current_article_id
    assert article_id is not None
    start, end = document_range(window, "a temporary lane")
    drag(window, point_at(window, start), point_at(window, end))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Temporary since 2023.")
    gloss(library_path, "import", str(changed_page(pages, tmp_path)))
    qtbot.waitUntil(lambda: shows_update(window), timeout=SHOWS_WITHIN_MS)
    assert window.notes.span is not None and window.notes.words == "a temporary lane"
    qtbot.keyClick(window.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (note,) = window.library.notes(article_id)
    assert note.quote == "a temporary lane" and note.sentence == index_of(window, BUSES)


def test_a_change_that_could_not_be_applied_is_tried_again(window: MainWindow) -> None:
    watcher = window.live.watcher
    watcher.poll()  # whatever the window's own import left to notice
    assert watcher.poll() is False  # nothing changed since
    applied = window.live.refresh_count
    watcher.retry()  # what a refresh that hit a locked file asks for
    assert watcher.poll() is True
    assert window.live.refresh_count == applied + 1
    assert watcher.poll() is False


@pytest.mark.slow
def test_notes_imported_by_another_process_show(
    qtbot, window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    url = "https://herald.example/news/bridge-repairs"
    annotations = tmp_path / "hypothesis.json"
    annotations.write_text(
        json.dumps(
            {
                "total": 1,
                "rows": [
                    {
                        "id": "hyp-lane",
                        "created": "2025-11-02T09:00:00+00:00",
                        "uri": url,
                        "text": "Closed at night.",
                        "target": [
                            {
                                "source": url,
                                "selector": [{"type": "TextQuoteSelector", "exact": BUSES}],
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    gloss(library_path, "import-notes", str(annotations))
    buses = index_of(window, BUSES)
    qtbot.waitUntil(lambda: buses in window.reader.marks, timeout=SHOWS_WITHIN_MS)
    assert [window.notes.outline.item(i).text() for i in range(window.notes.outline.count())] == [
        f"Sentence {buses + 1}: “{BUSES}”\nClosed at night."
    ]


@pytest.mark.slow
def test_a_re_import_in_the_window_keeps_the_draft_on_its_words(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    article_id = window.current_article_id
    click(qtbot, window, index_of(window, BUSES))
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    qtbot.keyClicks(window.notes.editor.text, "Kept through File, Import.")
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_paths([changed_page(pages, tmp_path)])
    assert shows_update(window) and window.current_article_id == article_id
    assert window.notes.sentence == index_of(window, BUSES)
    assert window.notes.editor.text.toPlainText() == "Kept through File, Import."


def test_the_find_bar_counts_again_when_the_text_changes(
    qtbot, window: MainWindow, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    """The update another process imports adds one "council": the open find bar says so."""
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "council")
    window.find_bar.next()  # on the second match, as a reader stepping through them
    before = len(window.reader._find_hits)
    assert before >= 2
    assert window.find_bar.count.text() == f"2 of {before}"
    gloss(library_path, "import", str(changed_page(pages, tmp_path)))
    qtbot.waitUntil(lambda: shows_update(window), timeout=SHOWS_WITHIN_MS)
    assert window.find_bar.count.text() == f"2 of {before + 1}"
