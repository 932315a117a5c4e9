"""`gloss` without a command: hand the files to the library's window, or become it.

Handing over needs only QtCore and the settings, so a second `gloss FILE` exits in a
fraction of the time the window's widgets take to load; they load only once this
process is the library's window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .. import APP_NAME
from ..paths import resolve_library


def run(
    explicit_library: str | None,
    qt_args: Sequence[str] = (),
    open_paths: Sequence[Path] = (),
) -> int:
    from PySide6.QtCore import QCoreApplication

    from .settings import Preferences
    from .single_instance import SingleInstance, WindowBusy

    QCoreApplication.setApplicationName(APP_NAME)  # where the window's QSettings live
    library_path = resolve_library(explicit_library, Preferences.load().library)
    instance = SingleInstance(library_path)
    try:
        if not instance.claim(open_paths):
            return 0  # the window already open on this library took the files
    except (WindowBusy, OSError) as exc:
        print(f"gloss: {exc}", file=sys.stderr)
        return 1
    from .app import run_window

    return run_window(library_path, instance, qt_args, open_paths)
