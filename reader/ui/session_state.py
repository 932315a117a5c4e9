"""What a restart brings back besides the window's layout: how the library list was sorted
and filtered, and which article was being read (per library file, so switching libraries
does not reopen an id that means another article there).

Kept in QSettings under one group, `session`, so tests and a "reset" can drop it at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from .library_view import LibraryView

GROUP = "session"


def _library_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{GROUP}/last-article-{digest}"


def save_list_state(view: LibraryView) -> None:
    settings = QSettings()
    show = str(view.show_box.currentData())
    # A restart opens on the library, never on the Trash (whose rows do not open).
    settings.setValue(f"{GROUP}/show", "all" if show == "trash" else show)
    settings.setValue(f"{GROUP}/sort", str(view.sort_box.currentData()))
    settings.setValue(f"{GROUP}/reversed", view.order.isChecked())
    settings.setValue(f"{GROUP}/filter", view.filter_box.currentData() or "")


def restore_list_state(view: LibraryView) -> None:
    """Put back the list's controls; an entry that no longer exists (a tag since removed)
    leaves its control as it is."""
    settings = QSettings()
    for box, key in (
        (view.show_box, "show"),
        (view.sort_box, "sort"),
        (view.filter_box, "filter"),
    ):
        value = settings.value(f"{GROUP}/{key}")
        if isinstance(value, str) and (index := box.findData(value)) >= 0:
            box.setCurrentIndex(index)
    reverse = settings.value(f"{GROUP}/reversed")
    if reverse is not None:
        view.order.setChecked(reverse in (True, "true", 1, "1"))


def save_last_article(library_path: Path, article_id: int | None) -> None:
    settings = QSettings()
    if article_id is None:
        settings.remove(_library_key(library_path))
    else:
        settings.setValue(_library_key(library_path), article_id)


def last_article(library_path: Path) -> int | None:
    value = QSettings().value(_library_key(library_path))
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
