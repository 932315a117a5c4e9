"""What every saved-page format module hands to extraction: HTML bytes and resources."""

from __future__ import annotations

from dataclasses import dataclass

from .images import ImageLoader


@dataclass(frozen=True)
class SavedPage:
    html: bytes
    url: str | None  # where the page was saved from, when the file records it
    charset: str | None  # the container's declared charset (MHTML part, webarchive)
    load_image: ImageLoader | None
    source_format: str
