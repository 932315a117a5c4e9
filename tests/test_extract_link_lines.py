"""Menus and headline lists written as bare lines of links beside the story.

Old layout-table pages put them loose in the story's table cell, between <br>s, where no
block of their own gives them away."""

from __future__ import annotations

from reader.core.ingest import article_from_html
from reader.core.model import Article

STORY = (
    "The harbour board met on Tuesday evening, and after a long debate about dredging, "
    "mooring fees and the future of the old fish market, it agreed to publish its accounts."
)


def read(cell: str) -> Article:
    """A story in a layout table's cell, with whatever `cell` adds around it."""
    story = "<br><br>".join(f"Part {n}. {STORY}" for n in range(1, 5))
    return article_from_html(
        "<html><head><title>Harbour board opens its books</title></head><body>"
        "<table><tr><td><a href='/'>Logo</a></td></tr><tr>"
        f"<td>{story}<br><br>{cell}</td>"
        "</tr></table></body></html>"
    )


def text(article: Article) -> str:
    return "\n".join(b.text for b in article.blocks)


def test_a_list_of_headline_links_between_breaks_goes() -> None:
    headlines = "".join(
        f"<span class='x'><img src='arrow.gif'>&nbsp;<a href='/n/{i}'>Headline {i} of the day</a>"
        "</span><br>"
        for i in range(5)
    )
    found = text(read(headlines))
    assert "Part 4." in found
    assert "Headline" not in found


def test_a_menu_bar_of_links_goes_with_its_label() -> None:
    bar = "<font>News: </font><a href='/a'>Front page</a> | <a href='/b'>National</a> | "
    bar += "<a href='/c'>Business</a> | <a href='/d'>Sport</a><br>"
    found = text(read(bar))
    assert "Part 4." in found
    assert "National" not in found and "News:" not in found


def test_links_that_are_part_of_the_story_stay() -> None:
    cell = (
        # One source on its own line, a web address, links inside a sentence, a phrase
        # made of links with nothing but spaces between them.
        "<a href='/report'>Read the full report</a><br>"
        "<a href='http://example.org'>http://example.org/accounts</a><br>"
        "<b><a href='/x'>Pandora</a> / <a href='/y'>Spotify</a> / <a href='/z'>Last.fm</a></b>"
        " all stream the board's meetings.<br>"
        "<a href='/u'>Unitary</a> <a href='/p'>parliamentary</a> <a href='/m'>monarchy</a>"
    )
    found = text(read(cell))
    for words in ("Read the full report", "http://example.org/accounts", "Pandora / Spotify"):
        assert words in found
    assert "Unitary parliamentary monarchy" in found


def test_a_paragraph_of_links_the_author_wrote_stays() -> None:
    # Inside a <p> the author chose these links: a reading list is part of the post.
    links = "<br>".join(f"<a href='/day/{i}'>Day {i} of the trip</a>" for i in range(1, 5))
    found = text(read(f"<p><strong>Earlier days</strong>:<br>{links}</p>"))
    assert "Day 3 of the trip" in found
