"""Images saved beside a page ("Web Page, Complete"), read only from its resource folder.

Browsers name that folder after the page in the user's language (`Page_files`,
`Page-Dateien`, `Page_archivos`, `Page.fld`...), so the folder is found from the page's
own relative references rather than from a list of names: the folder beside the page that
most of them point into.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..model import Image
from .images import MAX_IMAGE_BYTES, ImageLoader, image_from_bytes

# src="..." and href="..." values; enough to see which folder the page points into.
_REFERENCE = re.compile(rb"""(src|href|srcset|data-src)\s*=\s*["']([^"'#?]+)""", re.I)
# What a browser appends to the page's name to name its folder: a separator and one word.
_RESOURCE_SUFFIX = re.compile(r"^[-_. ](files|fld|[^\W\d_]{3,20})$", re.I)


def _relative_parts(src: str) -> tuple[str, ...] | None:
    """The path parts of a reference that stays local; None for URLs, absolute paths and
    anything that climbs with `..`."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return None  # not a URL at all ("http://www.[ibs_variable /]/x": a bad IPv6 host)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    rel = PurePosixPath(unquote(parts.path).replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or len(rel.parts) < 2:
        return None
    return rel.parts


def resource_folder(page: Path, data: bytes) -> Path | None:
    """The folder beside `page` that its relative references point into, if any."""
    counts: Counter[str] = Counter()
    for match in _REFERENCE.finditer(data):
        ref = match.group(2).decode("utf-8", "replace").strip()
        if match.group(1).lower() == b"srcset":
            # "a.jpg 1x, b.jpg 2x": the first candidate's URL. Elsewhere the whole value is
            # the file name: browsers save "My Page_files/photo 1.jpg" with its spaces.
            ref = ref.split(",")[0].strip()
            ref = ref.rsplit(None, 1)[0] if re.search(r"\s\d+(\.\d+)?[wx]$", ref) else ref
        parts = _relative_parts(ref) if ref else None
        if parts:
            counts[parts[0]] += 1
    for name, _ in counts.most_common():
        folder = page.parent / name
        if folder.is_dir() and not folder.is_symlink():
            return folder
    return None


def is_resource_folder(folder: Path) -> bool:
    """Whether `folder` is the resource folder of an HTML page saved beside it."""
    for suffix in (".html", ".htm", ".xhtml", ".shtml"):
        for page in folder.parent.glob(f"*{suffix}"):
            stem = page.stem
            if folder.name.startswith(stem) and _RESOURCE_SUFFIX.match(folder.name[len(stem) :]):
                return True
    return False


def folder_image_loader(folder: Path) -> ImageLoader:
    """Loads `src`s that point into `folder` (as `folder.name/...`), nothing else."""
    root = folder.resolve()

    def load(src: str) -> Image | None:
        parts = _relative_parts(src)
        if parts is None or parts[0] != folder.name:
            return None  # never follow a reference out of the page's resource folder
        target = (root / Path(*parts[1:])).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None  # a symlink inside the folder that points elsewhere
        try:
            if target.stat().st_size > MAX_IMAGE_BYTES:
                return None
            return image_from_bytes(target.read_bytes())
        except OSError:
            return None  # an unreadable picture costs the picture, not the article

    return load
