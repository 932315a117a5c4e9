"""Images saved beside a page ("Web Page, Complete"), read only from inside its folder."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..model import Image
from .extract import ImageLoader

MAX_IMAGE_BYTES = 20 * 1024 * 1024

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"RIFF", "image/webp"),  # checked further below
    (b"BM", "image/bmp"),
)


def image_mime(data: bytes) -> str | None:
    """The image type from its first bytes; None for anything that is not an image."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            if mime == "image/webp" and data[8:12] != b"WEBP":
                return None
            return mime
    head = data[:256].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:1024].lower()):
        return "image/svg+xml"
    return None


def image_name(data: bytes, mime: str) -> str:
    """Content-addressed, so the same picture twice is stored once."""
    ext = mime.split("/")[1].split("+")[0]
    return f"{hashlib.sha256(data).hexdigest()[:16]}.{ext}"


def folder_image_loader(folder: Path) -> ImageLoader:
    root = folder.resolve()

    def load(src: str) -> Image | None:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None  # remote, data: and other schemes are not local files
        rel = PurePosixPath(unquote(parts.path))
        if rel.is_absolute() or ".." in rel.parts:
            return None  # never follow a reference out of the page's folder
        target = (root / Path(*rel.parts)).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = target.read_bytes()
        mime = image_mime(data)
        if mime is None:
            return None
        return Image(image_name(data, mime), mime, data)

    return load
