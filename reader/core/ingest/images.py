"""Pictures: recognise image bytes, name them, and read them from `data:` URIs."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from urllib.parse import unquote_to_bytes, urldefrag, urljoin

from ..model import Image

ImageLoader = Callable[[str], Image | None]

# A picture larger than this is not an article illustration worth storing in the library.
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
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "image/avif"
    head = data[:256].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:1024].lower()):
        return "image/svg+xml"
    return None


def image_name(data: bytes, mime: str) -> str:
    """Content-addressed, so the same picture twice is stored once."""
    ext = mime.split("/")[1].split("+")[0]
    return f"{hashlib.sha256(data).hexdigest()[:16]}.{ext}"


def image_from_bytes(data: bytes) -> Image | None:
    """An `Image` when the bytes are a picture we can show; the type comes from the bytes,
    never from a declared MIME type or a file name, which may lie."""
    if not data or len(data) > MAX_IMAGE_BYTES:
        return None
    mime = image_mime(data)
    return Image(image_name(data, mime), mime, data) if mime else None


def data_uri_image(src: str) -> Image | None:
    """The picture inlined in a `data:` URI (SingleFile pages, small icons anywhere)."""
    if not src.startswith("data:"):
        return None
    header, sep, payload = src[5:].partition(",")
    if not sep or len(payload) > MAX_IMAGE_BYTES * 2:
        return None
    try:
        if header.endswith(";base64"):
            data = base64.b64decode("".join(payload.split()), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return image_from_bytes(data)


def with_data_uris(loader: ImageLoader | None) -> ImageLoader:
    """A loader that reads `data:` URIs itself and hands every other source to `loader`."""

    def load(src: str) -> Image | None:
        if src.startswith("data:"):
            return data_uri_image(src)
        return loader(src) if loader is not None else None

    return load


def url_map_loader(resources: dict[str, bytes], base: str) -> ImageLoader:
    """Looks `src`s up among resources saved inside an archive, keyed by absolute URL.

    Only ever a dictionary look-up: an archive that names a resource `../../x` or
    `file:///etc/passwd` can make us read nothing but its own bytes.
    """

    def load(src: str) -> Image | None:
        try:
            key = urldefrag(src.strip())[0]
            data = resources.get(key)
            if data is None and base:
                data = resources.get(urljoin(base, key))
        except ValueError:
            return None  # a malformed URL (a bad IPv6 host) names no resource
        return image_from_bytes(data) if data else None

    return load
