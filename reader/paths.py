"""Where things live on disk, resolved the same way by the CLI and the GUI."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from . import APP_NAME

ENV_LIBRARY = "GLOSS_LIBRARY"


def data_dir() -> Path:
    # Matches Qt's QStandardPaths.AppDataLocation for an app named "Gloss" with no
    # organisation: ~/.local/share/Gloss, %APPDATA%\Gloss, ~/Library/Application Support/Gloss.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_library() -> Path:
    return data_dir() / "library.db"


def resolve_library(
    explicit: str | os.PathLike[str] | None = None, preferred: str | None = None
) -> Path:
    """--library wins, then $GLOSS_LIBRARY, then the location chosen in the preferences,
    then the per-user default."""
    for choice in (explicit, os.environ.get(ENV_LIBRARY), preferred):
        if choice:
            return Path(choice).expanduser()
    return default_library()


def resources_dir() -> Path:
    """`resources/` from a source tree, or `reader/resources` inside a wheel or bundle."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Gloss's resources folder is missing from this installation")
