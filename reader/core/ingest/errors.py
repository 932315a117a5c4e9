"""The one error an import raises: its message is the one-line reason shown to the user."""

from __future__ import annotations

import traceback


class ImportFailed(Exception):
    """The file could not be imported; nothing was written."""


class UnexpectedFailure(ImportFailed):
    """A bug met while reading one page. It fails that page only, like any other
    `ImportFailed`; the traceback is kept for the log, never shown as the reason."""

    def __init__(self, error: BaseException) -> None:
        first_line = (str(error) or "").strip().splitlines()
        detail = f"{type(error).__name__}: {first_line[0]}" if first_line else type(error).__name__
        if len(detail) > 200:
            detail = detail[:199] + "…"
        super().__init__(f"unexpected error while reading the page ({detail})")
        self.trace = "".join(traceback.format_exception(error))
