"""Saved files in, `Article` values out. Nothing here writes anywhere.

`load_file` detects the format from the content (the extension only breaks ties), reads
it into a `SavedPage` (HTML plus a way to load its images), extracts the article and
splits it into sentences. Every failure is an `ImportFailed` whose message is a one-line
reason for the user; an unexpected error (a bug) in one page becomes that page's
`UnexpectedFailure`, with its traceback kept for the log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

from ..model import Article, Block, Image, Metadata, plain_text
from ..sentences import SPLITTER_VERSION, segment
from .decode import clean_field, decode_html, decode_text
from .epub import epub_blocks
from .errors import ImportFailed, UnexpectedFailure
from .extract import EXTRACTOR_VERSION, extract, parse
from .html_file import read_html_file
from .images import ImageLoader, with_data_uris
from .local_images import is_resource_folder
from .markdown import markdown_blocks
from .metadata import read_metadata
from .mhtml import read_mhtml
from .page import SavedPage
from .pdf import pdf_blocks
from .sniff import sniff
from .text import text_blocks
from .webarchive import read_webarchive

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_FILE_BYTES",
    "ImportFailed",
    "UnexpectedFailure",
    "article_from_bytes",
    "article_from_html",
    "extract_text",
    "find_importable",
    "load_file",
    "metadata_from_html",
    "sniff",
]

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real saved page; keeps memory bounded
SUPPORTED_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".webarchive",
    ".txt", ".text", ".md", ".markdown", ".pdf", ".epub",
)  # fmt: skip


def load_file(path: Path) -> Article:
    try:
        return _load(path)
    except ImportFailed:
        raise
    except RecursionError:
        raise ImportFailed("the page is nested too deeply to read") from None
    except Exception as exc:  # one page's bug must cost that page, never the batch
        raise UnexpectedFailure(exc) from exc


def _load(path: Path) -> Article:
    data = _read(path)
    kind = sniff(data, path.suffix.lower())
    if kind == "text":
        meta, blocks = text_blocks(decode_text(data), fallback_title=path.stem)
        return _article(meta, blocks, [], "text")
    if kind in ("pdf", "epub"):
        return article_from_bytes(data, kind, fallback_title=path.stem)
    if kind == "markdown":
        meta, blocks = markdown_blocks(decode_text(data), fallback_title=path.stem)
        return _article(meta, blocks, [], "markdown")
    if kind == "mhtml":
        page = read_mhtml(data)
    elif kind == "webarchive":
        page = read_webarchive(data)
    else:
        page = read_html_file(path, data)
    return article_from_page(page, fallback_title=path.stem)


def article_from_bytes(data: bytes, kind: str, fallback_title: str = "Untitled") -> Article:
    """A document that is not a web page: text, markdown, pdf or epub (as `sniff` names
    them), from a file or a download."""
    images: list[Image] = []
    if kind == "text":
        meta, blocks = text_blocks(decode_text(data), fallback_title=fallback_title)
    elif kind == "markdown":
        meta, blocks = markdown_blocks(decode_text(data), fallback_title=fallback_title)
    elif kind == "pdf":
        meta, blocks = pdf_blocks(data)
    elif kind == "epub":
        meta, blocks, images = epub_blocks(data)
    else:
        raise ValueError(kind)
    # Document properties can hold lone surrogates too, which no database can store.
    meta = Metadata(**{f.name: clean_field(getattr(meta, f.name)) for f in fields(Metadata)})
    meta = meta if meta.title else replace(meta, title=fallback_title)
    return _article(meta, blocks, images, kind)


def article_from_page(page: SavedPage, fallback_title: str = "Untitled") -> Article:
    return article_from_html(
        decode_html(page.html, page.charset),
        url=page.url,
        load_image=page.load_image,
        source_format=page.source_format,
        fallback_title=fallback_title,
    )


def article_from_html(
    markup: str,
    url: str | None = None,
    load_image: ImageLoader | None = None,
    source_format: str = "html",
    fallback_title: str = "Untitled",
) -> Article:
    found = extract(markup, url, with_data_uris(load_image))
    # JSON-LD can spell lone surrogates ("\\ud800"), which no database can store.
    meta = Metadata(**{f.name: clean_field(getattr(found.meta, f.name)) for f in fields(Metadata)})
    meta = meta if meta.title else replace(meta, title=fallback_title)
    return _article(meta, found.blocks, found.images, source_format)


def extract_text(html: bytes, url: str | None = None) -> str:
    """The article body as `Article.text` gives it, for the extraction scorer."""
    return plain_text(extract(decode_html(html), url, None).blocks)


def metadata_from_html(html: bytes, url: str | None = None) -> Metadata:
    """Only the page's metadata, without extracting the body."""
    return read_metadata(parse(decode_html(html)), url)


def _article(
    meta: Metadata, blocks: list[Block], images: list[Image], source_format: str
) -> Article:
    if not any(b.text or b.image for b in blocks):
        raise ImportFailed("the file has no text")
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


def _read(path: Path) -> bytes:
    if path.is_dir():
        raise ImportFailed(_folder_reason(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
            )
        with path.open("rb") as f:
            # Read one byte past the limit: a file that grew since stat() is still caught.
            data = f.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise ImportFailed("is a folder") from None
    except FileNotFoundError:
        raise ImportFailed("no such file") from None
    except PermissionError:
        raise ImportFailed("permission denied") from None
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed("the file is too large")
    return data


def find_importable(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and every supported file under a folder, skipping the resource
    folders of saved pages (`Page_files/` and its localised names). A folder that cannot
    be read is yielded itself: loading it fails with the reason, so it is reported like a
    file that failed instead of being passed over in silence."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    # Depth first in name order, with a stack of listings rather than recursion: a
    # folder tree deeper than Python's recursion limit is only unusual, not an error.
    stack: list[Iterator[tuple[Path, bool, bool]]] = []
    folder: Path | None = root
    while True:
        if folder is not None:
            listing = _listing(folder)
            if listing is None:
                yield folder  # unreadable: loading it reports why
            else:
                stack.append(iter(listing))
            folder = None
        if not stack:
            return
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path, is_link, is_dir = entry
        if is_link:
            continue  # a link may loop back up the tree
        if is_dir:
            if not is_resource_folder(path):
                folder = path
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def _listing(folder: Path) -> list[tuple[Path, bool, bool]] | None:
    """(path, is a link, is a folder) for each entry, sorted by name; None when the
    folder cannot be read."""
    try:
        with os.scandir(folder) as scan:
            # DirEntry tells folders from files from the listing alone, so a folder that
            # can be listed but not searched (r--) still shows its subfolders.
            return sorted((Path(e.path), e.is_symlink(), e.is_dir()) for e in scan)
    except OSError:
        return None


def _folder_reason(folder: Path) -> str:
    try:
        with os.scandir(folder):
            return "is a folder"
    except OSError as exc:
        return f"cannot read the folder ({(exc.strerror or str(exc)).lower()})"
