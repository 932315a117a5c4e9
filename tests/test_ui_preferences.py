"""The preferences dialog: its labels and which library it says is in use."""

from __future__ import annotations

from pathlib import Path

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
