"""PDF reports and EPUB books: generated here (Qt typesets the PDFs, zipfile packs the
EPUBs), imported through the same `load_file` as every other format."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pdf_maker import Para, make_pdf

from reader.core.ingest import ImportFailed, load_file
from reader.core.library import Library
from reader.core.model import BlockKind

LONG = (
    "The committee examined the quarterly figures in considerable detail before publishing "
    "its conclusions. Revenue from the northern region grew by twelve percent, while costs "
    "remained broadly unchanged across the reporting period. "
)


def report_paras(n: int = 8) -> list[Para]:
    paras = [
        Para(f"Section {i + 1} summary {LONG * 3}Paragraph number {i + 1} ends here.")
        for i in range(n)
    ]
    paras.insert(3, Para("Regional results", heading=True))
    return paras


def fails(path: Path) -> str:
    before = set(path.parent.rglob("*"))
    with pytest.raises(ImportFailed) as caught:
        load_file(path)
    reason = str(caught.value)
    assert reason and "\n" not in reason
    assert set(path.parent.rglob("*")) == before
    return reason


@pytest.mark.parametrize("columns", [1, 2])
def test_pdf_report_reads_as_an_article(tmp_path: Path, columns: int) -> None:
    path = tmp_path / "report.pdf"
    pages = make_pdf(
        path,
        report_paras(),
        title="Annual Review of the Northern Region",
        author="Jane Auditor",
        columns=columns,
        header="Northern Region — Annual Review",
    )
    assert pages >= 3
    article = load_file(path)
    assert article.source_format == "pdf"
    assert article.title == "Annual Review of the Northern Region"
    assert article.meta.byline == "Jane Auditor"
    paragraphs = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    # Every paragraph comes back whole and in order, across columns and pages.
    assert [p.text.split()[:3] for p in paragraphs] == [
        ["Section", str(i + 1), "summary"] for i in range(8)
    ]
    assert all(
        p.text.endswith(f"Paragraph number {i + 1} ends here.") for i, p in enumerate(paragraphs)
    )
    headings = [(b.text, b.level) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Regional results", 2)]
    text = article.text
    assert "Northern Region — Annual Review" not in text  # the running header
    assert not any(line.strip().isdigit() for line in text.splitlines())  # page numbers
    assert "-" not in text.replace("—", "")  # every hyphenated line end was undone
    assert "  " not in text
    assert LONG.strip() in text
    # Page numbers per sentence: the first on page 1, the last on the last page.
    first, last = article.sentences[0], article.sentences[-1]
    assert article.blocks[first.block].page_at(first.start) == 1
    assert article.blocks[last.block].page_at(last.start) == pages


def test_pdf_pages_survive_the_library(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    pages = make_pdf(path, report_paras(), title="Stored report")
    lib = Library(tmp_path / "lib.db")
    try:
        result = lib.add_article(load_file(path))
        stored = lib.article(result.article_id)
    finally:
        lib.close()
    last = stored.sentences[-1]
    assert stored.blocks[last.block].page_at(last.start) == pages
    assert stored.source_format == "pdf"


def test_scanned_pdf_says_so(tmp_path: Path) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("gray"))
    painter.drawImage(QPointF(10, 10), image)
    painter.end()
    assert "scanned" in fails(path)


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def test_encrypted_truncated_and_empty_pdfs(tmp_path: Path) -> None:
    pages = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        # The standard security handler with a user password: nothing opens without it.
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ]
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(
        _pdf(
            pages,
            b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
            b"<00112233445566778899aabbccddeeff>] ",
        )
    )
    assert "encrypted" in fails(locked)

    good = tmp_path / "good.pdf"
    make_pdf(good, report_paras(2), title="Whole")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "truncated" in fails(cut)

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert "empty" in fails(empty)
    fake = tmp_path / "fake.pdf"
    fake.write_text("just some words, not a PDF at all")
    assert "not a PDF" in fails(fake)


# ------------------------------------------------------------------------------ EPUB
def _png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


CONTAINER = (
    b'<?xml version="1.0"?><container version="1.0" '
    b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    b'<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    b"</rootfiles></container>"
)


def make_epub(
    chapters: dict[str, str], extra: dict[str, bytes] | None = None, spine: list[str] | None = None
) -> bytes:
    manifest = "".join(
        f'<item id="{name}" href="text/{name}.xhtml" media-type="application/xhtml+xml"/>'
        for name in chapters
    )
    manifest += (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    )
    manifest += '<item id="pic" href="images/pic.png" media-type="image/png"/>'
    order = spine or list(chapters)
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>The Tides of Home</dc:title><dc:creator>Ann Writer</dc:creator>"
        "<dc:language>en</dc:language><dc:date>2021-04-05</dc:date></metadata>"
        f"<manifest>{manifest}</manifest><spine>"
        + "".join(f'<itemref idref="{n}"/>' for n in order)
        + "</spine></package>"
    )
    nav = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><nav epub:type="toc"><ol>'
        + "".join(f'<li><a href="text/{n}.xhtml">Chapter {n}</a></li>' for n in chapters)
        + "</ol></nav></body></html>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER)
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml", nav)
        z.writestr("OEBPS/images/pic.png", _png())
        for name, body in chapters.items():
            z.writestr(
                f"OEBPS/text/{name}.xhtml",
                f'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>x</title></head><body>{body}</body></html>",
            )
        for name, data in (extra or {}).items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_epub_chapters_in_spine_order_with_pictures(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(
        make_epub(
            {
                "one": "<h1>The Harbour</h1><p>The boats came in at dawn.</p>"
                '<img src="../images/pic.png" alt="a red square"/>',
                "two": "<p>Without a heading, this chapter is titled by the contents.</p>",
                "three": "<h1>The Lighthouse</h1><p>Its keeper counted the ships.</p>",
            },
            spine=["one", "three", "two"],
        )
    )
    article = load_file(path)
    assert article.source_format == "epub"
    assert article.title == "The Tides of Home"
    assert article.meta.byline == "Ann Writer"
    assert article.meta.published == "2021-04-05"
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["The Harbour", "The Lighthouse", "Chapter two"]
    figure = next(b for b in article.blocks if b.image)
    assert figure.alt == "a red square"
    assert [i.mime for i in article.images] == ["image/png"]
    assert article.images[0].name == figure.image


def test_epub_reads_nothing_outside_itself(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(_png(3, 3))
    outside = Path("..") / ".." / ".." / secret.name
    path = tmp_path / "sub" / "book.epub"
    path.parent.mkdir()
    path.write_bytes(
        make_epub(
            {
                "one": f'<h1>Escape</h1><p>Plain words here.</p><img src="{outside.as_posix()}"/>'
                f'<img src="file://{secret}"/><img src="/{secret}"/>'
            },
            extra={"../../evil.png": _png(4, 4)},
        )
    )
    before = set(tmp_path.rglob("*"))
    article = load_file(path)
    assert set(tmp_path.rglob("*")) == before  # nothing unpacked anywhere
    assert article.images == ()  # no picture from outside the book's own folder tree
    assert "Plain words here." in article.text


def test_bad_epubs(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.epub"
    bomb.write_bytes(
        make_epub(
            {"one": "<p>Tiny book.</p>"}, extra={"OEBPS/zeros.bin": b"\0" * (40 * 1024 * 1024)}
        )
    )
    assert bomb.stat().st_size < 1024 * 1024
    assert "zip bomb" in fails(bomb)

    good = make_epub({"one": "<p>A whole book.</p>"})
    cut = tmp_path / "cut.epub"
    cut.write_bytes(good[: len(good) // 2])
    assert "EPUB" in fails(cut)

    empty = tmp_path / "empty.epub"
    empty.write_bytes(b"")
    assert "empty" in fails(empty)

    plain_zip = tmp_path / "archive.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    plain_zip.write_bytes(buf.getvalue())
    assert "ZIP archive" in fails(plain_zip)

    no_text = tmp_path / "blank.epub"
    no_text.write_bytes(make_epub({"one": "<div></div>"}))
    assert "no chapters" in fails(no_text)
