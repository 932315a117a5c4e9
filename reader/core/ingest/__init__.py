"""Saved files in, `Article` values out. Nothing here writes anywhere.

`load_file` detects the format from the content (the extension only breaks ties), reads
it into a `SavedPage` (HTML plus a way to load its images), extracts the article and
splits it into sentences. Every failure is an `ImportFailed` whose message is a one-line
reason for the user.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..model import Article, Block, Image, Metadata, plain_text
from ..sentences import SPLITTER_VERSION, segment
from .decode import decode_html, decode_text
from .epub import epub_blocks
from .errors import ImportFailed
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
    data = _read(path)
    kind = sniff(data, path.suffix.lower())
    try:
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
    except RecursionError:
        raise ImportFailed("the page is nested too deeply to read") from None


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
    meta = found.meta if found.meta.title else replace(found.meta, title=fallback_title)
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
    folders of saved pages (`Page_files/` and its localised names)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return  # an unreadable folder holds nothing we can import
    for entry in entries:
        if entry.is_symlink():
            continue  # a link may loop back up the tree
        if entry.is_dir():
            if not is_resource_folder(entry):
                yield from _walk(entry)
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry
