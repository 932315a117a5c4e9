"""Extraction from a hand-written news page: what is kept, what is dropped, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.ingest import extract_text, load_file
from reader.core.model import BlockKind

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def article():
    return load_file(FIXTURES / "news-article.html")


def test_metadata(article) -> None:
    meta = article.meta
    assert meta.title == "Harbour town votes to restore its tidal mill"
    assert meta.byline == "Mara Quill"
    assert meta.published.startswith("2025-03-14")
    assert meta.site == "The Coastal Gazette"
    assert meta.lang == "en-GB"
    assert meta.url == "https://gazette.example/news/tidal-mill"  # canonical wins over og:url
    assert meta.excerpt.startswith("Councillors back a plan")
    assert article.source_format == "html"


def test_keeps_the_article_structure(article) -> None:
    kinds = [b.kind for b in article.blocks]
    for kind in (
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.QUOTE,
        BlockKind.LIST_ITEM,
        BlockKind.TABLE,
        BlockKind.CODE,
        BlockKind.FIGURE,
    ):
        assert kind in kinds
    items = [b for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.ordered, b.number) for b in items] == [(True, 1), (True, 2), (True, 3)]
    table = next(b for b in article.blocks if b.kind is BlockKind.TABLE)
    assert table.rows[1] == ("Sluice gates", "£120,000")
    code = next(b for b in article.blocks if b.kind is BlockKind.CODE)
    assert code.text == "for tide in tides:\n    print(tide.height)"
    figure = next(b for b in article.blocks if b.kind is BlockKind.FIGURE)
    assert figure.text == "The mill at low tide, photographed in February."


def test_title_heading_not_repeated(article) -> None:
    assert article.blocks[0].text.startswith("Councillors in Saltmarsh")


def test_inline_marks(article) -> None:
    first = article.blocks[0]
    marked = {(first.text[m.start : m.end], m.kind) for m in first.marks}
    assert ("tidal mill", "em") in marked
    assert ("two-year campaign", "strong") in marked
    link = next(m for m in article.blocks[1].marks if m.kind == "link")
    assert article.blocks[1].text[link.start : link.end] == "Mills Heritage Trust"
    assert link.href == "https://trust.example/mills"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",  # cookie banner
        "Opinion",  # navigation
        "Share on Social",  # share bar
        "Boot Barn",  # advert
        "Sign up for our newsletter",
        "lived in Saltmarsh for twenty years",  # author bio box
        "Old bridge reopens",  # "Related:" line
        "Lifeboat crew",  # read-more links
        "waste of money",  # comments
        "Storm warning",  # sidebar
        "All rights reserved",  # footer
        "hidden from readers",  # hidden attribute
        "Neither should this",  # display:none
        "decorative line",  # aria-hidden
    ],
)
def test_drops_boilerplate(article, boilerplate: str) -> None:
    assert boilerplate not in article.text


def test_keeps_the_last_paragraph(article) -> None:
    assert article.text.endswith("wading birds is over.")


def test_extract_text_is_article_text(article) -> None:
    html = (FIXTURES / "news-article.html").read_bytes()
    assert extract_text(html) == article.text


def test_sentences_are_split(article) -> None:
    assert len(article.sentences) >= 12


def test_lazy_image_uses_data_src_and_srcset() -> None:
    from lxml import html as lxml_html

    from reader.core.ingest.blocks import image_source

    lazy = lxml_html.fragment_fromstring('<img src="blank.gif" data-src="real.jpg">')
    assert image_source(lazy) == "real.jpg"
    sized = lxml_html.fragment_fromstring(
        '<img src="data:image/gif;base64,R0lGOD==" srcset="s.jpg 320w, l.jpg 1280w, m.jpg 640w">'
    )
    assert image_source(sized) == "l.jpg"


def test_lying_charset_declaration_gives_no_mojibake(tmp_path: Path) -> None:
    body = "<p>Zürich’s café served crème brûlée to the délégation, said the ministère.</p>"

    def html(charset: str) -> str:
        head = f'<meta charset="{charset}"><title>Café</title>'
        return f"<html><head>{head}</head><body>{body}</body></html>"

    page = tmp_path / "liar.html"  # says gb2312, is UTF-8
    page.write_bytes(html("gb2312").encode())
    assert "Zürich’s café" in load_file(page).text
    latin = tmp_path / "latin.html"  # says UTF-8, is windows-1252
    latin.write_bytes(html("utf-8").encode("windows-1252"))
    assert "Zürich’s café" in load_file(latin).text


def test_bom_wins(tmp_path: Path) -> None:
    page = tmp_path / "bom.html"
    text = (
        "<html><head><meta charset='windows-1252'></head><body><p>Ĳssel – naïve</p></body></html>"
    )
    page.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert "Ĳssel – naïve" in load_file(page).text


def test_title_loses_site_suffix(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text(
        "<html><head><title>Tide tables explained | Coastal Gazette</title></head><body>"
        "<h1>Tide tables explained</h1><p>Tides rise and fall twice a day, mostly.</p>"
        "</body></html>"
    )
    assert load_file(page).meta.title == "Tide tables explained"


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    page = tmp_path / "x.xhtml"
    page.write_bytes(
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Quay</title></head>'
        b"<body><p>The quay was rebuilt in stone after the storm of 1881.</p></body></html>"
    )
    assert load_file(page).text == "The quay was rebuilt in stone after the storm of 1881."
