"""Help ▸ Keyboard Shortcuts lists every shortcut the menus have."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from reader.ui.main_window import MainWindow


def test_the_shortcuts_list_names_every_menu_shortcut(qtbot, shown_window: MainWindow) -> None:
    shown_window._shortcuts_help()
    dialog = shown_window.shortcuts_dialog
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()
    for keys in ("Ctrl+K", "Ctrl+O", "Ctrl+T", "Ctrl+N", "Ctrl+Shift+E", "Ctrl+0", "F1"):
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert native in text, keys
    assert "Search Library" in text and "&" not in text.replace("&&", "")
    dialog.close()


def test_each_key_is_listed_once_per_action(shown_window: MainWindow) -> None:
    from reader.ui.shortcuts_help import action_shortcuts

    for _menu, _text, keys in action_shortcuts(shown_window):
        listed = keys.split(", ")
        assert len(listed) == len(set(listed)), keys


def test_no_two_menu_actions_share_a_key(shown_window: MainWindow) -> None:
    from collections import Counter

    from reader.ui.shortcuts_help import action_shortcuts

    keys = Counter(k for _m, _t, ks in action_shortcuts(shown_window) for k in ks.split(", "))
    assert [k for k, n in keys.items() if n > 1] == []
