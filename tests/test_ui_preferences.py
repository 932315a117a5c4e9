"""The preferences dialog: its labels and which library it says is in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog


def test_library_row_has_a_real_mnemonic_and_names_the_library_in_use(
    qtbot, shown_window: MainWindow, library_path: Path
) -> None:
    dialog = PreferencesDialog(
        shown_window.prefs, shown_window, open_library=shown_window.library.path
    )
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(dialog.library.parentWidget())
    assert isinstance(label, QLabel)
    assert label.buddy() is dialog.library  # "&Library file" is Alt+L, not a literal "&"
    # The test library is not the default one: the dialog says which file is open.
    assert dialog.open_note.isVisibleTo(dialog)
    assert str(library_path) in dialog.open_note.text()
    assert "--library" in dialog.open_note.text()
    # As tall as its lines: no gap above or below the note (QFormLayout sized a wrapped
    # label for its narrowest width, leaving two empty lines).
    note = dialog.open_note
    qtbot.waitUntil(lambda: note.width() > 0)
    lines = (
        note.fontMetrics()
        .boundingRect(0, 0, note.width(), 100000, int(Qt.TextFlag.TextWordWrap), note.text())
        .height()
    )
    assert note.height() <= lines + note.fontMetrics().height() // 2


def test_the_disabled_note_form_stays_dark_in_the_dark_theme(
    qtbot, shown_window: MainWindow
) -> None:
    from PySide6.QtWidgets import QApplication

    shown_window.set_theme("dark")
    editor = shown_window.notes.editor
    shown_window.notes.show_article(None)
    QApplication.processEvents()  # the new application palette reaches widgets by event
    assert not editor.isEnabled()
    for field in (editor.text, editor.sources, editor.tags):
        image = field.grab().toImage()
        colour = image.pixelColor(image.width() // 2, image.height() // 2)
        assert colour.lightnessF() < 0.35, (field.accessibleName(), colour.name())
    shown_window.set_theme("light")
