"""Publishing in the window: Preferences ▸ Fact-check publishing (written to the library),
a note's claimant and review URL in the note editor (through undo), and the one export
dialog with its scopes, preview and ClaimReview count."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from reader.core import library_settings
from reader.core.model import Verdict
from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "claimreview_check.py"
REVIEW = "https://factdesk.example.org/checks/bridge"


@pytest.fixture
def window(news_window: MainWindow) -> MainWindow:
    return news_window


def refresh(qtbot, dialog) -> None:
    """Make the preview for the dialog's current choices and wait until it is shown."""
    with qtbot.waitSignal(dialog.previewShown, timeout=10000):
        dialog.update_preview()


def wait_tasks(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win._tasks, timeout=20000)


def test_preferences_write_the_publishing_settings_to_the_library(
    qtbot, window: MainWindow
) -> None:
    library_settings.set_value(window.library, "reviewer.name", "Jane Doe")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        try:
            answer(dialog)
        except BaseException:  # a failed check must not leave the modal dialog waiting
            dialog.reject()
            raise

    def answer(dialog: PreferencesDialog) -> None:
        fields = dialog.publishing.fields
        assert fields["reviewer.name"].text() == "Jane Doe"  # read from the library
        fields["reviewer.organisation"].setText("Fact Desk")
        fields["reviewer.organisation_url"].setText("factdesk.example.org")
        dialog.accept()  # refused: the address is not absolute
        assert dialog.isVisible() and dialog.publishing.error.isVisible()
        assert "https://" in dialog.publishing.error.text()
        assert dialog.focusWidget() is fields["reviewer.organisation_url"]
        fields["reviewer.organisation_url"].setText("https://factdesk.example.org")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window._open_preferences()
    assert library_settings.values(window.library) == {
        "reviewer.organisation": "Fact Desk",
        "reviewer.organisation_url": "https://factdesk.example.org",
        "reviewer.name": "Jane Doe",
    }


def test_the_note_editor_sets_claimant_and_review_url_through_undo(
    qtbot, window: MainWindow
) -> None:
    window.select_sentence(0)
    editor = window.notes.editor
    assert not editor.publishing.isVisibleTo(editor)  # folded: the editor stays compact
    assert "Riverside Herald" in editor.claimant.placeholderText()  # the default claimant
    editor.text.setPlainText("Not until 2028.")
    editor.verdict.setCurrentIndex(editor.verdict.findData(Verdict.FALSE))
    qtbot.mouseClick(editor.publishing_toggle, Qt.MouseButton.LeftButton)
    assert editor.publishing.isVisibleTo(editor)
    editor.claimant.setText("Cllr. A. Patel")
    editor.review_url.setText("factdesk.example.org/checks/bridge")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert editor.error.isVisibleTo(editor) and "review URL" in editor.error.text()
    assert window.notes.notes() == []
    editor.review_url.setText(REVIEW)
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    (note,) = window.library.notes(window.current_article_id)
    assert (note.claimant, note.review_url) == ("Cllr. A. Patel", REVIEW)
    line = window.notes.note_cards()[0].findChild(QLabel, "notePublication")
    assert "Claim by Cllr. A. Patel" in line.text() and f'href="{REVIEW}"' in line.text()
    assert not editor.publishing.isVisibleTo(editor) and editor.review_url.text() == ""

    # Edit on the card: a new review URL, then undo and redo.
    (card,) = window.notes.note_cards()
    card.start_edit()
    assert card.editor.review_url.text() == REVIEW
    assert card.editor.claimant.text() == "Cllr. A. Patel"
    card.editor.review_url.setText(REVIEW + "-2")
    card.editor.claimant.clear()  # back to the article's site
    qtbot.mouseClick(card.editor.save, Qt.MouseButton.LeftButton)
    edited = window.library.note(note.uuid)
    assert (edited.claimant, edited.review_url) == ("", REVIEW + "-2")
    window.undo.undo()
    assert window.library.note(note.uuid).review_url == REVIEW
    assert window.library.note(note.uuid).claimant == "Cllr. A. Patel"
    window.undo.redo()
    assert window.library.note(note.uuid).review_url == REVIEW + "-2"
    window.undo.undo()
    window.undo.undo()  # the add itself
    assert window.library.notes(window.current_article_id) == []
    window.undo.redo()
    assert window.library.note(note.uuid).review_url == REVIEW


def notes_on_two_articles(window: MainWindow) -> tuple[int, int]:
    news = window.current_article_id
    assert news is not None
    sample = next(i for i in window.library.article_ids() if i != news)
    lib = window.library
    lib.add_note(news, 0, "Not until **2028**.", Verdict.FALSE, review_url=REVIEW)
    lib.add_note(news, 2, "Two cables only.", Verdict.MISLEADING)  # not yet published
    lib.add_note(sample, 0, "Costs $6 billion, not $6 million.", Verdict.TRUE)
    return news, sample


def test_the_export_dialog_previews_each_scope(qtbot, window: MainWindow, tmp_path) -> None:
    news, sample = notes_on_two_articles(window)
    dialog = window.open_export_dialog(selected=[news, sample])
    qtbot.waitExposed(dialog)
    assert dialog.scope == "selected"  # several rows selected: those
    dialog.scope_buttons["this"].setChecked(True)
    refresh(qtbot, dialog)
    text = dialog.preview.toPlainText()
    assert text.startswith("# Bridge repairs") and "Not until **2028**." in text
    assert "Costs $6 billion" not in text
    dialog.scope_buttons["selected"].setChecked(True)
    refresh(qtbot, dialog)
    assert "Costs $6 billion, not $6 million." in dialog.preview.toPlainText()  # no "\$"
    assert "Not until" in dialog.preview.toPlainText()
    dialog.scope_buttons["all"].setChecked(True)
    refresh(qtbot, dialog)
    assert dialog.preview.toPlainText().startswith("# Gloss notes")
    assert "(2 articles)" in dialog.summary.text()
    dialog.format.setCurrentIndex(dialog.format.findData("w3c"))
    refresh(qtbot, dialog)
    assert json.loads(dialog.preview.toPlainText())["total"] == 3
    assert dialog.destination.text().endswith(".jsonld")  # the name follows the format
    assert not dialog.drafts.isVisibleTo(dialog)
    dialog.reject()


def test_claimreview_in_the_dialog_counts_unpublished_notes_and_exports(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    news, _sample = notes_on_two_articles(window)
    dialog = window.open_export_dialog(selected=[news])
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    refresh(qtbot, dialog)
    # No reviewing organisation yet: said, with how to set it, and nothing to export.
    assert "Fact-check publishing" in dialog.summary.text()
    assert not dialog.export_button.isEnabled()
    dialog.reject()
    library_settings.set_value(window.library, "reviewer.organisation", "Fact Desk")

    dialog = window.open_export_dialog(selected=[news])
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    dialog.scope_buttons["all"].setChecked(True)
    refresh(qtbot, dialog)
    assert "no web site yet" in dialog.publishing.text()
    library_settings.set_value(
        window.library, "reviewer.organisation_url", "https://factdesk.example.org"
    )
    refresh(qtbot, dialog)
    assert "no web site" not in dialog.publishing.text()
    assert dialog.drafts.isVisibleTo(dialog)
    assert "2 notes not yet published" in dialog.publishing.text()
    assert [r["url"] for r in json.loads(dialog.preview.toPlainText())] == [REVIEW]
    dialog.drafts.setChecked(True)
    refresh(qtbot, dialog)
    assert len(json.loads(dialog.preview.toPlainText())) == 3
    assert "included as drafts" in dialog.publishing.text()
    dialog.drafts.setChecked(False)
    out = tmp_path / "reviews.json"
    dialog.destination.setText(str(out))
    dialog.accept()
    wait_tasks(qtbot, window)
    assert [r["url"] for r in json.loads(out.read_text())] == [REVIEW]
    assert "2 notes not yet published were left out" in window.statusBar().currentMessage()
    if CHECKER.exists():
        checked = subprocess.run(
            [sys.executable, str(CHECKER), str(out)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout


def test_the_row_menu_opens_the_dialog_on_the_selected_articles(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from reader.ui import context_menus

    news, _sample = notes_on_two_articles(window)
    context_menus.export_many(window, [news])
    dialog = window.export_dialog
    assert dialog.scope == "selected" and dialog.ids() == [news]
    out = tmp_path / "picked.md"
    dialog.findChild(QLineEdit, "exportDestination").setText(str(out))
    dialog.accept()
    wait_tasks(qtbot, window)
    assert "Not until **2028**." in out.read_text()


def test_a_read_only_library_shows_its_publishing_settings_but_keeps_them(
    qtbot, window: MainWindow
) -> None:
    library_settings.set_value(window.library, "reviewer.name", "Jane Doe")
    window.library.refuse_writes("the library is read-only: nothing was changed")
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        field = dialog.publishing.fields["reviewer.name"]
        seen.append(field.text())
        if field.isReadOnly() and "read-only" in dialog.publishing.error.text():
            seen.append("read-only")
        dialog.accept()  # the rest of Preferences still saves

    QTimer.singleShot(0, look)
    window._open_preferences()
    assert seen == ["Jane Doe", "read-only"]


def test_a_claimreview_with_nothing_to_publish_cannot_be_exported(
    qtbot, window: MainWindow
) -> None:
    """Reviewed notes, none published yet: the file would be "[]". Export waits until a
    note has its review URL (or drafts are included)."""
    _news, sample = notes_on_two_articles(window)
    library_settings.set_value(window.library, "reviewer.organisation", "Fact Desk")
    dialog = window.open_export_dialog(selected=[sample])
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    dialog.scope_buttons["selected"].setChecked(True)  # the sample: nothing published
    refresh(qtbot, dialog)
    assert json.loads(dialog.preview.toPlainText()) == []
    assert not dialog.export_button.isEnabled()
    assert "Nothing to publish in these articles yet." in dialog.publishing.text()
    dialog.drafts.setChecked(True)
    refresh(qtbot, dialog)
    assert dialog.export_button.isEnabled()
    dialog.drafts.setChecked(False)
    dialog.scope_buttons["all"].setChecked(True)  # the news article has a published note
    refresh(qtbot, dialog)
    assert dialog.export_button.isEnabled()
    assert "Nothing to publish" not in dialog.publishing.text()
    dialog.reject()
