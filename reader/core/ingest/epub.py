"""EPUB books to blocks: chapters in spine order, each under its heading, with pictures.

An EPUB is a ZIP archive: `META-INF/container.xml` names the package document (OPF),
whose metadata gives title and author, whose manifest lists the files and whose spine gives
the reading order. Every file is read from the archive by name and only by name, so a
member called `../../etc/passwd` is a key that matches nothing; the archive's declared
sizes are checked before anything is inflated, so a zip bomb costs a look at its directory.
"""

from __future__ import annotations

import io
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urldefrag

from lxml import etree
from lxml import html as lxml_html

from ..model import Block, BlockKind, Image, Metadata
from .blocks import BlockBuilder
from .clean import check_depth
from .decode import decode_html
from .errors import ImportFailed
from .images import MAX_IMAGE_BYTES, image_from_bytes

if TYPE_CHECKING:
    import zipfile

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all members together, as the archive declares
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # a member inflating more than this is a bomb, not a book
_MIMETYPE = b"application/epub+zip"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def is_epub(data: bytes) -> bool:
    """A ZIP archive whose `mimetype` member says EPUB (or that holds an OPF container)."""
    if data[30:38] == b"mimetype" and _MIMETYPE in data[38:100]:
        return True  # the spec puts the uncompressed mimetype first
    import zipfile  # here, not at the top: the window's start-up need not pay for it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "META-INF/container.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def epub_blocks(data: bytes) -> tuple[Metadata, list[Block], list[Image]]:
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFailed(
            "the EPUB is damaged or truncated (not a readable ZIP archive)"
        ) from None
    with archive:
        book = _Book(archive)
        return book.read()


class _Book:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(f"the EPUB has too many files ({len(infos)})")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES or any(
            i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
            for i in infos
        ):
            raise ImportFailed("the EPUB unpacks to far more than its size (a zip bomb?)")
        if any(i.flag_bits & 0x1 for i in infos):
            raise ImportFailed("the EPUB is encrypted")
        self._archive = archive
        self._names = {i.filename for i in infos}

    def _member(self, name: str, limit: int = MAX_UNPACKED_BYTES) -> bytes | None:
        import zipfile

        if name not in self._names:
            return None
        try:
            with self._archive.open(name) as f:
                data = f.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
            raise ImportFailed("the EPUB is damaged or truncated") from None
        return data if len(data) <= limit else None

    def _xml(self, name: str) -> etree._Element:
        data = self._member(name)
        if data is None:
            raise ImportFailed(f"the EPUB lacks {name}")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise ImportFailed(f"the EPUB's {name} is not readable XML")
        return root

    def read(self) -> tuple[Metadata, list[Block], list[Image]]:
        container = self._xml("META-INF/container.xml")
        rootfile = container.find(".//c:rootfile", _NS)
        opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
        if not opf_path:
            raise ImportFailed("the EPUB names no package document")
        opf = self._xml(opf_path)
        base = posixpath.dirname(opf_path)
        manifest = {
            item.get("id"): (_resolve(base, item.get("href", "")), item.get("media-type", ""))
            for item in opf.iterfind(".//opf:manifest/opf:item", _NS)
        }
        meta = Metadata(
            title=_first(opf, "title"),
            byline=", ".join(_all(opf, "creator")),
            published=_date(_first(opf, "date")),
            lang=_first(opf, "language"),
        )
        toc = self._toc(opf, manifest)
        blocks: list[Block] = []
        builder_images: list[Image] = []
        seen: set[str] = set()
        names: set[str] = set()
        for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS):
            path, mime = manifest.get(ref.get("idref"), ("", ""))
            if not path or path in seen or ("html" not in mime and not path.endswith("htm")):
                continue
            seen.add(path)
            chapter, images = self._chapter(path)
            heading = toc.get(path)
            if heading and chapter and chapter[0].kind is not BlockKind.HEADING:
                chapter.insert(0, Block(BlockKind.HEADING, heading, level=2))
            blocks.extend(chapter)
            for image in images:
                if image.name not in names:
                    names.add(image.name)
                    builder_images.append(image)
        if not blocks:
            raise ImportFailed("the EPUB has no chapters with text")
        return meta, blocks, builder_images

    def _chapter(self, path: str) -> tuple[list[Block], list[Image]]:
        data = self._member(path)
        if not data or not data.strip():
            return [], []
        markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_html(data), count=1)
        try:
            doc = lxml_html.document_fromstring(markup)
        except (etree.ParserError, ValueError):
            return [], []  # one unreadable chapter costs that chapter, not the book
        check_depth(doc)
        body = doc.find("body")
        if body is None:
            return [], []
        for el in body.iter("script", "style", "nav"):
            el.drop_tree()
        folder = posixpath.dirname(path)

        def load(src: str) -> Image | None:
            name = _resolve(folder, src)
            raw = self._member(name, MAX_IMAGE_BYTES) if name else None
            return image_from_bytes(raw) if raw else None

        builder = BlockBuilder(load)
        # SVG-wrapped cover pictures (<svg><image xlink:href>) become plain <img>s.
        for image in body.iter("{http://www.w3.org/2000/svg}image", "image"):
            href = image.get("{http://www.w3.org/1999/xlink}href") or image.get("href")
            if href:
                image.tag = "img"
                image.set("src", href)
        builder.walk(body)
        return builder.blocks, builder.images

    def _toc(self, opf: etree._Element, manifest: dict) -> dict[str, str]:
        """Chapter titles by file, from the EPUB 3 nav document or the EPUB 2 NCX."""
        titles: dict[str, str] = {}
        for item in opf.iterfind(".//opf:manifest/opf:item", _NS):
            path = manifest.get(item.get("id"), ("", ""))[0]
            if "nav" in (item.get("properties") or "").split():
                data = self._member(path)
                if data:
                    nav = lxml_html.document_fromstring(decode_html(data))
                    folder = posixpath.dirname(path)
                    for a in nav.iter("a"):
                        target = _resolve(folder, a.get("href", ""))
                        if target and target not in titles and a.text_content().strip():
                            titles[target] = " ".join(a.text_content().split())
            elif item.get("media-type") == "application/x-dtbncx+xml":
                ncx = self._xml(path)
                folder = posixpath.dirname(path)
                for point in ncx.iterfind(".//ncx:navPoint", _NS):
                    label = point.findtext("ncx:navLabel/ncx:text", "", _NS).strip()
                    content = point.find("ncx:content", _NS)
                    target = _resolve(folder, content.get("src", "")) if content is not None else ""
                    if target and label and target not in titles:
                        titles[target] = " ".join(label.split())
        return titles


def _resolve(folder: str, href: str) -> str:
    """A member name from a reference relative to `folder`; "" for anything that leaves
    the archive (absolute URLs, `..` above the root)."""
    href = unquote(urldefrag(href.strip())[0])
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("/"):
        return ""
    path = posixpath.normpath(posixpath.join(folder, href))
    return "" if path.startswith("../") or path == ".." else path


def _all(opf: etree._Element, name: str) -> list[str]:
    return [
        " ".join(el.text.split())
        for el in opf.iterfind(f".//opf:metadata/dc:{name}", _NS)
        if el.text and el.text.strip()
    ]


def _first(opf: etree._Element, name: str) -> str:
    values = _all(opf, name)
    return values[0] if values else ""


def _date(value: str) -> str:
    match = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value)
    return match.group(0) if match else ""
