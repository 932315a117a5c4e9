"""The article a new library starts with, so the first window is never empty."""

from __future__ import annotations

from pathlib import Path

from ..paths import resources_dir
from .library import Library

_SEEDED = "sample_seeded"


def sample_path() -> Path:
    return resources_dir() / "sample" / "welcome.html"


def ensure_sample(library: Library) -> int | None:
    """Import the sample into a library that has never had one; returns its id.

    Recorded in the library, so a user who deletes the sample does not get it back.
    """
    if library.writes_refused or library.setting(_SEEDED) or library.article_count():
        return None
    from .ingest import load_file  # only a new library needs the importer at start-up

    result = library.add_article(load_file(sample_path()), source_path="")
    library.set_setting(_SEEDED, "1")
    return result.article_id
