"""Each saved-page format: Web Page Complete, MHTML, webarchive, SingleFile."""

from __future__ import annotations

import base64
import plistlib
import struct
import zlib
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from reader.core.ingest import ImportFailed, load_file
from reader.core.model import BlockKind

PAGE_URL = "https://news.example/2025/otters"
BODY = (
    "<p>Otters have returned to the river for the first time in forty years, "
    "surveyors said on Monday, after a long clean-up of the water upstream.</p>"
    "<figure><img src='{src}' alt='An otter'><figcaption>An otter near the weir.</figcaption>"
    "</figure><p>The survey counted seven animals, including two cubs, between the weir "
    "and the old railway bridge.</p>"
)


def png(width: int = 1) -> bytes:
    """A valid PNG of `width` x 1 pixels, so different widths give different bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x80" * width)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def page(src: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Otters return</title>{head}</head>"
        f"<body><article>{BODY.format(src=src)}</article></body></html>"
    )


def figure(article):
    return next(b for b in article.blocks if b.kind is BlockKind.FIGURE)


# Web Page, Complete ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "folder", ["Otters_files", "Otters-Dateien", "Otters_archivos", "Otters.fld"]
)
def test_complete_page_reads_images_from_its_folder(tmp_path: Path, folder: str) -> None:
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "otter.png").write_bytes(png())
    html = tmp_path / "Otters.html"
    html.write_text(page(f"{folder}/otter.png"))
    article = load_file(html)
    assert article.source_format == "html-complete"
    assert len(article.images) == 1
    assert article.images[0].mime == "image/png"
    assert article.images[0].data == png()
    fig = figure(article)
    assert fig.image == article.images[0].name
    assert fig.text == "An otter near the weir."
    assert fig.alt == "An otter"


@pytest.mark.parametrize(
    "src",
    [
        "Otters_files/../secret.png",  # climbs out of the folder
        "Otters_files/../../secret.png",
        "/tmp/secret.png",  # absolute
        "file:///tmp/secret.png",
        "secret.png",  # beside the page, not in its folder
    ],
)
def test_complete_page_never_leaves_its_folder(tmp_path: Path, src: str) -> None:
    (tmp_path / "Otters_files").mkdir()
    (tmp_path / "Otters_files" / "ok.png").write_bytes(png(2))
    (tmp_path / "secret.png").write_bytes(png(3))
    html = tmp_path / "Otters.html"
    html.write_text(page(src).replace("</article>", "<img src='Otters_files/ok.png'></article>"))
    article = load_file(html)
    assert [i.data for i in article.images] == [png(2)]


def test_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "Otters_files").mkdir()
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(4))
    (tmp_path / "Otters_files" / "link.png").symlink_to(outside)
    html = tmp_path / "Otters.html"
    html.write_text(page("Otters_files/link.png"))
    assert load_file(html).images == ()


def test_html_only_page_keeps_caption_without_image(tmp_path: Path) -> None:
    html = tmp_path / "Otters.html"
    html.write_text(page("https://news.example/otter.jpg"))
    article = load_file(html)
    assert article.source_format == "html"
    assert article.images == ()
    assert figure(article).text == "An otter near the weir."


# MHTML ----------------------------------------------------------------------------------


def mhtml(src: str = "https://news.example/img/otter.png", location: str | None = None) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    message["Snapshot-Content-Location"] = PAGE_URL
    message["Subject"] = "Otters return"
    html = MIMEText(page(src), "html", "utf-8")
    html["Content-Location"] = PAGE_URL
    message.attach(html)
    image = MIMEImage(png(), "png")  # base64-encoded by default
    image["Content-Location"] = location or "https://news.example/img/otter.png"
    message.attach(image)
    return message.as_bytes()


def test_mhtml(tmp_path: Path) -> None:
    path = tmp_path / "otters.mhtml"
    path.write_bytes(mhtml())
    article = load_file(path)
    assert article.source_format == "mhtml"
    assert article.meta.url == PAGE_URL
    assert article.meta.title == "Otters return"
    assert [i.data for i in article.images] == [png()]
    assert figure(article).image == article.images[0].name
    assert "seven animals" in article.text


def test_mhtml_quoted_printable_and_relative_src(tmp_path: Path) -> None:
    import quopri

    html = page("img/otter.png").replace("Otters have", "Otters – have")
    body = quopri.encodestring(html.encode()).decode()
    image = base64.encodebytes(png()).decode()
    raw = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/2025/otters\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: https://news.example/2025/otters\r\n\r\n{body}\r\n"
        "------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://news.example/2025/img/otter.png\r\n\r\n{image}\r\n"
        "------B--\r\n"
    )
    path = tmp_path / "otters.mht"
    path.write_bytes(raw.encode())
    article = load_file(path)
    assert "Otters – have returned" in article.text
    assert [i.data for i in article.images] == [png()]


def test_mhtml_detected_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "otters.html"
    path.write_bytes(mhtml())
    assert load_file(path).source_format == "mhtml"


def test_mhtml_content_location_traversal_reads_nothing_from_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(5))
    data = mhtml(src=f"file://{secret}", location="../../secret.png")
    path = tmp_path / "evil.mhtml"
    path.write_bytes(data)
    article = load_file(path)
    assert article.images == ()
    assert set(tmp_path.iterdir()) == {secret, path}  # and nothing was written


def test_truncated_mhtml_fails(tmp_path: Path) -> None:
    data = mhtml()
    path = tmp_path / "cut.mhtml"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailed, match="truncated"):
        load_file(path)


# Safari webarchive ----------------------------------------------------------------------


def webarchive(src: str, sub_url: str = "https://news.example/img/otter.png") -> bytes:
    return plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": page(src).encode("utf-8"),
                "WebResourceURL": PAGE_URL,
                "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": "UTF-8",
                "WebResourceFrameName": "",
            },
            "WebSubresources": [
                {
                    "WebResourceData": png(),
                    "WebResourceURL": sub_url,
                    "WebResourceMIMEType": "image/png",
                }
            ],
        },
        fmt=plistlib.FMT_BINARY,
    )


def test_webarchive(tmp_path: Path) -> None:
    path = tmp_path / "otters.webarchive"
    path.write_bytes(webarchive("/img/otter.png"))  # resolved against the page's URL
    article = load_file(path)
    assert article.source_format == "webarchive"
    assert article.meta.url == PAGE_URL
    assert [i.data for i in article.images] == [png()]
    assert "seven animals" in article.text


def test_webarchive_path_traversal_urls_read_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(6))
    path = tmp_path / "evil.webarchive"
    path.write_bytes(webarchive(f"file://{secret}", sub_url="../../secret.png"))
    assert load_file(path).images == ()


def test_webarchive_that_is_not_a_plist_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.webarchive"
    path.write_bytes(b"bplist00 this is not really a property list at all")
    with pytest.raises(ImportFailed, match="web archive"):
        load_file(path)
    other = tmp_path / "plain.webarchive"
    other.write_text("just some words")
    with pytest.raises(ImportFailed, match="property list"):
        load_file(other)


# SingleFile -----------------------------------------------------------------------------


def test_singlefile_data_uri_images(tmp_path: Path) -> None:
    uri = "data:image/png;base64," + base64.b64encode(png()).decode()
    html = page(uri).replace(
        "<html>",
        f"<html><!--\n Page saved with SingleFile \n url: {PAGE_URL} \n"
        " saved date: Mon Mar 17 2025 10:00:00 GMT+0000\n-->",
        1,
    )
    path = tmp_path / "otters.html"
    path.write_text(html)
    article = load_file(path)
    assert article.source_format == "singlefile"
    assert article.meta.url == PAGE_URL
    assert [i.data for i in article.images] == [png()]
    assert figure(article).image == article.images[0].name


def test_data_uri_that_is_not_an_image_is_ignored(tmp_path: Path) -> None:
    uri = "data:image/png;base64," + base64.b64encode(b"<script>alert(1)</script>").decode()
    path = tmp_path / "otters.html"
    path.write_text(page(uri))
    assert load_file(path).images == ()


def test_complete_page_with_dot_slash_and_encoded_folder_name(tmp_path: Path) -> None:
    folder = tmp_path / "Otters return_files"
    folder.mkdir()
    (folder / "otter.png").write_bytes(png(7))
    html = tmp_path / "Otters return.html"
    html.write_text(page("./Otters%20return_files/otter.png"))
    article = load_file(html)
    assert article.source_format == "html-complete"
    assert [i.data for i in article.images] == [png(7)]
