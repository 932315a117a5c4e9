"""Claims for the articles stored before the spotter (or by an older one), at start.

The claim spotter runs when an article is imported; an article stored earlier is spotted
when it is opened. Until then the library's claim counts and its "Unchecked claims" filter
cannot see it, so at start the window spots every such article in a background task: no
dialog (it is housekeeping the reader did not ask for), a count in the status bar, stopped
when the window closes. The task writes through its own connection, so the list's counts
follow through the window's usual watch on the library file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core import claim_store
from ..core.library import Library
from .tasks import Task


def start_claim_sweep(window: Any) -> Task | None:
    """Spot the articles that need it in the background; None when none do."""
    library: Library = window.library
    if library.writes_refused or not claim_store.stale_article_ids(library.db):
        return None
    status = window.statusBar()

    def progress(done: int, total: int) -> None:
        status.showMessage(
            QCoreApplication.translate(
                "ClaimSweep", "Spotting claims in older articles: {0} of {1}"
            ).format(done, total),
            3000,
        )

    def done(spotted: list[int]) -> None:
        if spotted:
            status.showMessage(
                QCoreApplication.translate(
                    "ClaimSweep", "Spotted claims in {0} older articles"
                ).format(len(spotted)),
                5000,
            )

    return window.run_task(
        lambda lib, report, cancelled: claim_store.ensure_all(lib, report, cancelled),
        done,
        # The sweep is a convenience: a failure (a busy or read-only file) leaves the
        # articles to be spotted when opened, so it says so in passing, not in a dialog.
        on_error=lambda message: status.showMessage(message, 5000),
        on_progress=progress,
    )
