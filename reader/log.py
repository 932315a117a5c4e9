"""The log file where unexpected errors (bugs) go with their traceback, for the window
and the command line alike; what the user sees is one line that points here."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .paths import data_dir


def log_path() -> Path:
    return data_dir() / "logs" / "gloss.log"


def write_log(text: str, path: Path | None = None) -> Path:
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {stamp} Gloss {__version__}\n{text}\n")
    return path
