"""Flows across publishing: the export dialog open on ClaimReview while another process
publishes a note (`gloss note edit --review-url`) or sets who publishes
(`gloss settings`); what the dialog then shows is what Export writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flow_helpers import SHOWS_WITHIN_MS, gloss

from reader.core.library import Library
from reader.core.model import Verdict
from reader.ui.main_window import MainWindow

REVIEW = "https://factdesk.example.org/checks/bridge"


def reviews(dialog) -> list[dict]:
    text = dialog.preview.toPlainText()
    return json.loads(text) if text.strip() else []


@pytest.mark.slow
def test_the_claimreview_dialog_follows_publishing_done_in_another_process(
    qtbot, news_window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    news = win.current_article_id
    assert news is not None
    note = win.library.add_note(news, 0, "Not until 2028.", Verdict.FALSE)
    dialog = win.open_export_dialog(selected=[news])
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    with qtbot.waitSignal(dialog.previewShown, timeout=10000):
        dialog.update_preview()
    assert "1 note not yet published" in dialog.publishing.text()
    assert reviews(dialog) == []

    gloss(library_path, "note", "edit", note.uuid, "--review-url", REVIEW)
    # Published, but nobody to publish it as yet: said, with where to set it.
    qtbot.waitUntil(
        lambda: "Fact-check publishing" in dialog.summary.text(), timeout=SHOWS_WITHIN_MS
    )
    assert not dialog.export_button.isEnabled()

    gloss(library_path, "settings", "reviewer.organisation", "Fact Desk")
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=SHOWS_WITHIN_MS)
    assert "Every reviewed note is published." in dialog.publishing.text()
    assert "no web site yet" in dialog.publishing.text()
    (review,) = reviews(dialog)
    assert review["url"] == REVIEW and review["author"]["name"] == "Fact Desk"

    gloss(library_path, "settings", "reviewer.organisation_url", "https://factdesk.example.org")
    qtbot.waitUntil(lambda: "no web site" not in dialog.publishing.text(), timeout=SHOWS_WITHIN_MS)
    (review,) = reviews(dialog)
    assert review["author"]["url"] == "https://factdesk.example.org"

    # What Export writes is what the dialog showed.
    out = tmp_path / "reviews.json"
    dialog.destination.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: out.exists() and not win._tasks, timeout=20000)
    assert json.loads(out.read_text(encoding="utf-8")) == [review]


@pytest.mark.slow
def test_the_dialog_says_when_its_article_was_deleted_meanwhile(
    qtbot, news_window: MainWindow, library_path: Path
) -> None:
    win = news_window
    news = win.current_article_id
    assert news is not None
    win.library.add_note(news, 0, "Not until 2028.", Verdict.FALSE)
    dialog = win.open_export_dialog(selected=[news])
    dialog.wait_for_preview()
    assert "Not until 2028." in dialog.preview.toPlainText()
    assert dialog.export_button.isEnabled()
    with Library(library_path) as other:  # the command line deletes only from the Trash
        other.trash_article(news)
    gloss(library_path, "trash", "delete", str(news))
    # Said where the preview was, and nothing to export, rather than a preview of
    # notes that are gone and an export that fails.
    qtbot.waitUntil(lambda: str(news) in dialog.summary.text(), timeout=SHOWS_WITHIN_MS)
    assert dialog.preview.toPlainText() == ""
    assert not dialog.export_button.isEnabled()


@pytest.mark.slow
def test_preferences_keep_a_setting_another_process_wrote_while_they_were_open(
    qtbot, news_window: MainWindow, library_path: Path
) -> None:
    """Preferences opened, `gloss settings` sets the organisation's web site meanwhile,
    the reader changes only their name and presses OK: the web site stays."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core import library_settings
    from reader.ui.preferences_dialog import PreferencesDialog

    win = news_window
    library_settings.set_value(win.library, "reviewer.organisation", "Fact Desk")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        try:
            gloss(library_path, "settings", "reviewer.organisation_url", "https://fd.example")
            dialog.publishing.fields["reviewer.name"].setText("Jane Doe")
        finally:
            dialog.accept()

    QTimer.singleShot(0, answer)
    win._open_preferences()
    assert library_settings.values(win.library) == {
        "reviewer.organisation": "Fact Desk",
        "reviewer.organisation_url": "https://fd.example",
        "reviewer.name": "Jane Doe",
    }
