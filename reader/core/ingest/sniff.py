"""Which format a file is, from its first bytes; the extension only breaks ties."""

from __future__ import annotations

from .decode import utf16_without_bom
from .epub import is_epub
from .errors import ImportFailed
from .mhtml import looks_like_mhtml
from .webarchive import MAGIC as WEBARCHIVE_MAGIC

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", "")

_BINARY = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF file (image or audio)"),
    (b"\x7fELF", "a program"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<!--", b"<head", b"<meta")


def sniff(data: bytes, suffix: str) -> str:
    """One of html, mhtml, webarchive, markdown, text, pdf, epub; raises for anything else."""
    head = data[:4096]
    if not head.strip():
        raise ImportFailed("the file is empty")
    if head.startswith(WEBARCHIVE_MAGIC) or (suffix == ".webarchive" and b"<plist" in head):
        return "webarchive"
    if suffix == ".webarchive":
        raise ImportFailed("not a Safari web archive (the file is not a property list)")
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if suffix == ".pdf":
        raise ImportFailed("not a PDF document (no %PDF header)")
    if head.startswith(b"PK\x03\x04") and is_epub(data):
        return "epub"
    if suffix == ".epub":
        raise ImportFailed("not an EPUB book (not a ZIP archive with an EPUB mimetype)")
    if looks_like_mhtml(head):
        return "mhtml"
    if suffix in (".mhtml", ".mht"):
        raise ImportFailed("not an MHTML file (no multipart/related header)")
    for magic, what in _BINARY:
        if head.startswith(magic):
            raise ImportFailed(f"not a web page or text: the file is {what}")
    head = _as_utf8(head)
    if b"\x00" in head:
        raise ImportFailed("not a web page or text (binary content)")
    lowered = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if lowered.startswith(_HTML_STARTS) or b"<body" in lowered or b"<html" in lowered:
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise ImportFailed(f"unsupported file type {suffix!r}")


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\xfe\xff", "utf-16-be", 2),
)


def _as_utf8(head: bytes) -> bytes:
    """UTF-16 and UTF-32 text re-encoded, so that its markup can be recognised and its
    zero bytes are not taken for binary content."""
    for bom, encoding, unit in _WIDE_BOMS:
        if head.startswith(bom):
            body = head[len(bom) :]
            return body[: len(body) // unit * unit].decode(encoding, "replace").encode()
    utf16 = utf16_without_bom(head)
    if utf16 is None:
        return head
    return head[: len(head) // 2 * 2].decode(utf16, "replace").encode()
