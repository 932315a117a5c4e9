"""Saved files in, `Article` values out. Nothing here writes anywhere.

`load_file` detects the format from the content (the extension only breaks ties), reads
it, extracts the article and splits it into sentences. Every failure is an
`ImportFailed` whose message is a one-line reason for the user.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..model import Article, Block, Image, Metadata, plain_text
from ..sentences import SPLITTER_VERSION, segment
from .errors import ImportFailed
from .extract import EXTRACTOR_VERSION, ImageLoader, extract
from .local_images import folder_image_loader
from .text import text_blocks

__all__ = ["MAX_FILE_BYTES", "ImportFailed", "article_from_html", "find_importable", "load_file"]

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real article; keeps memory bounded
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
SUPPORTED_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES


def load_file(path: Path) -> Article:
    data = _read(path)
    kind = sniff(data, path.suffix.lower())
    if kind == "html":
        from .decode import decode_html

        return article_from_html(
            decode_html(data), url=None, load_image=folder_image_loader(path.parent)
        )
    from .decode import decode_text

    text = decode_text(data)
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    meta, blocks = text_blocks(text, markdown=fmt == "markdown", fallback_title=path.stem)
    return _article(meta, blocks, [], fmt)


def article_from_html(
    markup: str,
    url: str | None = None,
    load_image: ImageLoader | None = None,
    source_format: str = "html",
) -> Article:
    found = extract(markup, url, load_image)
    meta = found.meta if found.meta.title else replace(found.meta, title="Untitled")
    return _article(meta, found.blocks, found.images, source_format)


def _article(
    meta: Metadata, blocks: list[Block], images: list[Image], source_format: str
) -> Article:
    blocks_t = tuple(blocks)
    return Article(
        meta=meta,
        blocks=blocks_t,
        sentences=segment(blocks_t),
        images=tuple(images),
        source_format=source_format,
        splitter_version=SPLITTER_VERSION,
        extractor_version=EXTRACTOR_VERSION,
    )


def sniff(data: bytes, suffix: str) -> str:
    """'html' or 'text'; raises for what is neither (images, archives, binaries)."""
    head = data[:2048]
    if not head.strip():
        raise ImportFailed("the file is empty")
    if _looks_binary(head):
        raise ImportFailed("not a text or HTML file (binary content)")
    lowered = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise ImportFailed(f"unsupported file type {suffix!r}")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs by design
    return b"\x00" in head or head.startswith(
        (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"%PDF")
    )


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportFailed("is a folder") from None
    except FileNotFoundError:
        raise ImportFailed("no such file") from None
    except PermissionError:
        raise ImportFailed("permission denied") from None
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None


def find_importable(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and every supported file under a folder, skipping `_files` folders."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(
                        part.endswith("_files") for part in child.relative_to(path).parts[:-1]
                    )
                ):
                    yield child
        else:
            yield path


def extract_text(html: bytes, url: str | None = None) -> str:
    """The article body as `Article.text` gives it, for the extraction scorer."""
    from .decode import decode_html

    return plain_text(extract(decode_html(html), url, None).blocks)


def metadata_from_html(html: bytes, url: str | None = None) -> Metadata:
    """Only the page's metadata, without extracting the body."""
    from .decode import decode_html
    from .extract import parse
    from .metadata import read_metadata

    return read_metadata(parse(decode_html(html)), url)
