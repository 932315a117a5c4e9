"""Sources in the window: every form the editor takes, a plain-text source written by the
command line saved again, and a citation picked from the library, shown and followed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from reader.core.citations import cite
from reader.core.model import Source, SourceKind, Verdict
from reader.ui.cite_picker import CitePicker
from reader.ui.main_window import MainWindow
from reader.ui.note_card import NoteCard


def import_and_wait(qtbot, win: MainWindow, *paths: Path) -> None:
    with qtbot.waitSignal(win.importFinished, timeout=20000):
        win.import_paths(list(paths))


def article_id(win: MainWindow, title: str) -> int:
    return next(s.id for s in win.library.summaries() if s.title == title)


def card_sources(card: NoteCard) -> str:
    shown = QTextDocument()
    shown.setHtml(card.findChild(QLabel, "noteSourcesView").text())
    return shown.toPlainText()


def click_until(qtbot, label: QLabel, done) -> None:
    """Click the label all over (its links among the rest) until `done()`."""
    width, height = label.width(), label.height()
    for y in range(2, height, 4):
        for x in range(2, width, 4):
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
            if done():
                return


def test_every_source_form_is_saved_from_the_editor(qtbot, news_window: MainWindow) -> None:
    win = news_window
    win.select_sentence(1)
    editor = win.notes.editor
    editor.text.setPlainText("Checked.")
    editor.sources.setPlainText(
        "https://council.example/minutes Minutes > reopen this autumn\n"
        "doi:10.1000/182 Handbook\n"
        "Phone interview with the council, 3 Feb 2025\n"
        "ftp://files.example/x\n"
    )
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert editor.error.isHidden()
    (note,) = win.notes.notes()
    assert [s.kind for s in note.sources] == [
        SourceKind.URL,
        SourceKind.DOI,
        SourceKind.TEXT,
        SourceKind.TEXT,
    ]
    (card,) = win.notes.note_cards()
    view = card.findChild(QLabel, "noteSourcesView").text()
    # Links only for the link kinds: the web address and the DOI (through doi.org).
    assert view.count("<a href=") == 2
    assert 'href="https://doi.org/10.1000/182"' in view
    assert "Phone interview with the council, 3 Feb 2025" in card_sources(card)


def test_a_plain_text_source_from_the_command_line_is_saved_again(
    qtbot, news_window: MainWindow
) -> None:
    """The command line stored any text as a source's url; the editor used to refuse to
    save such a note again ("Not a web address")."""
    win = news_window
    news = article_id(win, win.reader.article.title)
    old = Source.from_json({"url": "Phone interview with the lab, 3 Feb 2025", "title": "Lab"})
    note = win.library.add_note(news, 1, "From the lab.", Verdict.TRUE, [old])
    win.notes.reload()
    win.select_sentence(1)
    (card,) = win.notes.note_cards()
    assert "<a " not in card.findChild(QLabel, "noteSourcesView").text()
    assert "Lab (Phone interview with the lab, 3 Feb 2025)" in card_sources(card)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    card.editor.text.setPlainText("From the lab, confirmed.")
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    assert card.editor.error.isHidden()
    saved = win.library.note(note.uuid)
    assert saved.text == "From the lab, confirmed."
    assert saved.sources == (old,)


def test_a_citation_picked_shown_and_followed(qtbot, news_window: MainWindow, pages: Path) -> None:
    win = news_window
    news = article_id(win, win.reader.article.title)
    import_and_wait(qtbot, win, pages / "plain.txt")
    field = article_id(win, "Notes from the field")
    win.open_article(news)
    win.select_sentence(1)
    editor = win.notes.editor
    editor.text.setPlainText("The field notes say nobody was hurt.")
    qtbot.mouseClick(editor.cite, Qt.MouseButton.LeftButton)
    picker = win.notes.picker
    assert isinstance(picker, CitePicker) and picker.isVisible()
    qtbot.keyClicks(picker.field, "Mill Street")
    # The search runs in the background; the list fills when it answers.
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=10000)
    assert [(c.article_id, c.sentence) for c in picker.found] == [(field, 1)]
    qtbot.keyClick(picker.field, Qt.Key.Key_Down)
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    assert not picker.isVisible()
    (picked,) = editor.citation_sources()
    assert picked.quote == "Nobody on Mill Street was hurt."
    assert "Notes from the field" in editor.citations.item(0).text()
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    (note,) = win.notes.notes()
    (source,) = note.sources
    assert source.citation is not None and source.citation.article_id == field
    (card,) = win.notes.note_cards()
    view = card.findChild(QLabel, "noteSourcesView")
    assert "“Nobody on Mill Street was hurt.” — Notes from the field" in card_sources(card)
    # Clicking the article's title opens it at the cited sentence, selected.
    click_until(qtbot, view, lambda: win.current_article_id == field)
    assert win.current_article_id == field
    assert win.reader.current == 1
    assert win.notes.sentence_text == "Nobody on Mill Street was hurt."


def test_picker_leaves_out_the_notes_own_article(qtbot, news_window: MainWindow) -> None:
    win = news_window
    news = article_id(win, win.reader.article.title)
    picker = CitePicker(win.library.path, news, "bridge")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: "passage" in picker.status.text(), timeout=10000)
    assert picker.found == []
    assert "No passage of another saved article" in picker.status.text()


def test_a_citation_of_a_deleted_article_is_text(
    qtbot, news_window: MainWindow, pages: Path
) -> None:
    win = news_window
    news = article_id(win, win.reader.article.title)
    import_and_wait(qtbot, win, pages / "plain.txt")
    field = article_id(win, "Notes from the field")
    win.library.add_note(news, 1, "", Verdict.FALSE, [cite(win.library, field, 0)])
    win.library.trash_article(field)
    win.library.purge_trash()
    win.open_article(news)
    win.select_sentence(1)
    (card,) = win.notes.note_cards()
    view = card.findChild(QLabel, "noteSourcesView")
    assert "<a " not in view.text()
    assert "no longer in the library" in card_sources(card)
    assert "The river rose two metres overnight." in card_sources(card)


def test_a_citation_is_removed_with_the_delete_key(
    qtbot, news_window: MainWindow, pages: Path
) -> None:
    win = news_window
    import_and_wait(qtbot, win, pages / "plain.txt")
    field = article_id(win, "Notes from the field")
    win.open_article(article_id(win, "Bridge repairs will take two more years, council admits"))
    win.select_sentence(1)
    editor = win.notes.editor
    editor.add_citation(cite(win.library, field, 0))
    editor.add_citation(cite(win.library, field, 0))  # the same words twice: listed once
    assert editor.citations.count() == 1 and editor.citations.isVisibleTo(editor)
    editor.citations.setFocus()
    qtbot.keyClick(editor.citations, Qt.Key.Key_Delete)
    assert editor.citations.count() == 0
    assert not editor.citations.isVisibleTo(editor)
