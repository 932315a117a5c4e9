"""Page structures the extractor must read right on pages it has never seen.

Each test is a small page written for it, showing one structure: a comment thread whose
classes name nothing, teasers for other stories after the article, a tracking pixel in a
raw-text container, a picture saved under a file name with spaces.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from reader.core.ingest import article_from_html, load_file
from reader.core.model import Article, BlockKind

PROSE = (
    "The harbour board met on Tuesday evening, and after a long debate about dredging, "
    "mooring fees and the future of the old fish market, it agreed to publish its accounts."
)


def para(n: int) -> str:
    return f"<p>Paragraph {n}. {PROSE}</p>"


def page(body: str, title: str = "Harbour board opens its books") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


def read(body: str, title: str = "Harbour board opens its books") -> Article:
    return article_from_html(page(body, title))


def png(width: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x80" * width)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# Raw-text containers -----------------------------------------------------------------------


def test_tracking_pixels_never_reach_the_text_as_markup() -> None:
    pixel = '<img height="1" width="1" src="http://b.scorecardresearch.com/p?c1=2&amp;c2=6">'
    body = (
        "<article>"
        + para(1)
        + f"<noscript>{pixel}</noscript>"
        # <noembed> and <noframes> are raw text to the parser: their markup is a string.
        + f"<noembed>{pixel}</noembed><noframes>{pixel}</noframes>"
        + para(2)
        # A page that escaped its fallback: the text is nothing but a tag.
        + f"<p>{pixel.replace('<', '&lt;').replace('>', '&gt;')}</p>"
        + para(3)
        + '<p>Write <code>&lt;img src="otter.png"&gt;</code> to show a picture.</p>'
        + "</article>"
    )
    text = read(body).text
    assert "scorecardresearch" not in text
    assert "<img height" not in text
    assert "Paragraph 3." in text
    # Markup shown on purpose, in code, stays.
    assert '<img src="otter.png">' in text


# Web Page, Complete -------------------------------------------------------------------------


def test_complete_page_pictures_load_whatever_their_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "Harbour board opens its books_files"
    folder.mkdir()
    (folder / "the harbour at dawn.png").write_bytes(png(2))
    (folder / "fish market (1).png").write_bytes(png(3))
    html = tmp_path / "Harbour board opens its books.html"
    body = (
        "<article>"
        + para(1)
        # As Chrome saves it: spaces left in, a "./" in front.
        + "<figure><img src='./Harbour board opens its books_files/the harbour at dawn.png'>"
        "<figcaption>The harbour at dawn.</figcaption></figure>"
        + para(2)
        + "<p><img src='Harbour board opens its books_files/fish market (1).png'></p>"
        + para(3)
        + "</article>"
    )
    html.write_text(page(body), encoding="utf-8")
    article = load_file(html)
    assert article.source_format == "html-complete"
    assert [i.data for i in article.images] == [png(2), png(3)]
    figure = next(b for b in article.blocks if b.kind is BlockKind.FIGURE)
    assert figure.image == article.images[0].name
    assert figure.text == "The harbour at dawn."


# Pictures that were not saved ---------------------------------------------------------------


def test_caption_of_a_picture_not_saved_shows_a_placeholder(qtbot) -> None:
    from reader.ui.document import PICTURE_NOT_SAVED, build_document

    body = (
        "<article>" + para(1) + "<figure><img src='https://harbour.example/dawn.jpg'>"
        "<figcaption>The harbour at dawn, before the fleet went out.</figcaption></figure>"
        + para(2)
        + "</article>"
    )
    article = read(body)  # "HTML only": no pictures saved with the page
    figure = next(b for b in article.blocks if b.kind is BlockKind.FIGURE)
    assert figure.image is None
    assert figure.text == "The harbour at dawn, before the fleet went out."
    # The placeholder is shown, never part of the article's text or its sentences.
    assert PICTURE_NOT_SAVED not in article.text
    shown = build_document(article, lambda name: None).document.toPlainText()
    placeholder = shown.index(PICTURE_NOT_SAVED)
    assert placeholder < shown.index("The harbour at dawn") < shown.index("Paragraph 2.")
    assert shown.index("Paragraph 1.") < placeholder


# Comments ----------------------------------------------------------------------------------


def test_comment_thread_without_a_known_class_name_is_dropped() -> None:
    def comment(who: str, when: str, words: str) -> str:
        return (
            f"<div class='entry-reaction by-{who.lower()}'><div><p>{words}</p></div>"
            f"<p class='signed'>Posted by: {who} at <a href='#c1'>{when}</a></p></div>"
        )

    thread = "".join(
        comment(who, f"March 3, 2025 {h}:0{h} PM", f"I {verb} this, {PROSE.lower()}" * 3)
        for h, (who, verb) in enumerate(
            [("Ann", "liked"), ("Bob", "doubted"), ("Cy", "shared"), ("Di", "read")], start=1
        )
    )
    body = (
        "<div class='page'><div class='holder'>"
        + "<h1>Harbour board opens its books</h1>"
        + para(1)
        + para(2)
        + "</div><h2>4 Comments</h2>"
        + thread
        + "</div>"
    )
    text = read(body).text
    assert "Paragraph 1." in text and "Paragraph 2." in text
    assert "Posted by" not in text
    assert "I liked this" not in text and "I read this" not in text
    assert "4 Comments" not in text


def test_comments_written_as_the_articles_own_paragraphs_are_dropped() -> None:
    # Same tag, same class as the story's paragraphs: only the "Comments" line above them
    # and the signature in each tell them apart.
    comments = "".join(
        f"<p class='story'>I {verb} this. {PROSE}<br><b>Posted by {who} on January 6, 2008 "
        f"2:0{n} PM</b><br><a href='mailto:x@example.org'>Report this comment</a></p>"
        for n, (who, verb) in enumerate([("Paul", "liked"), ("Ann", "doubted"), ("Cy", "read")])
    )
    story = "".join(f"<p class='story'>Paragraph {n}. {PROSE}</p>" for n in range(1, 5))
    body = (
        "<div class='page'><h1>Harbour board opens its books</h1>"
        f"{story}<div class='hd'>Comments</div>{comments}</div>"
    )
    text = read(body).text
    assert all(f"Paragraph {n}." in text for n in range(1, 5))
    assert "Posted by" not in text and "I liked this" not in text and "I read this" not in text


def test_a_section_on_comments_that_is_not_a_thread_stays() -> None:
    # A heading-like "Comments" line over the article's own unsigned paragraphs.
    story = "".join(f"<p class='story'>Paragraph {n}. {PROSE}</p>" for n in range(1, 4))
    more = "".join(f"<p class='story'>Answer {n}. {PROSE}</p>" for n in range(1, 4))
    body = (
        "<div class='page'><h1>Harbour board opens its books</h1>"
        f"{story}<div class='hd'>Public comments</div>{more}</div>"
    )
    text = read(body).text
    assert all(f"Answer {n}." in text for n in range(1, 4))


def test_dated_entries_that_are_the_article_stay() -> None:
    # A live blog: signed, timed entries with no article prose above them are the story.
    entries = "".join(
        f"<div class='entry'><p class='when'>10:{m:02d} AM</p><p>Update {m}. {PROSE}</p></div>"
        for m in range(0, 50, 10)
    )
    text = read(f"<div class='live'>{entries}</div>").text
    assert all(f"Update {m}." in text for m in range(0, 50, 10))


# Titles ------------------------------------------------------------------------------------


def test_blog_name_before_the_title_goes_only_when_a_heading_confirms_it() -> None:
    body = "<div class='post'><h3>Stud Love</h3>" + para(1) + "</div>"
    assert read(body, title="Kingdom Of Style: Stud Love").meta.title == "Stud Love"
    # A colon inside a headline is part of it when no heading says otherwise.
    body = "<div class='post'><h1>Harbour board</h1>" + para(1) + "</div>"
    assert read(body, title="Brexit: what happens next").meta.title == "Brexit: what happens next"


# Names are weak evidence --------------------------------------------------------------------


def test_article_in_a_box_named_like_furniture_is_kept() -> None:
    # The page's one run of paragraphs sits in a "share" box; teasers and a menu around it
    # hold more text in all, so its share of the page does not protect it.
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/s{i}'>Story {i}</a></h3><p>Summary {i}. {PROSE}</p>"
        "</div>"
        for i in range(12)
    )
    body = (
        "<h1>Harbour board opens its books</h1>"
        "<div class='share_wrapper'>" + "".join(para(i) for i in range(1, 6)) + "</div>"
        "<div class='more'>" + teasers + "</div>"
    )
    text = read(body).text
    assert all(f"Paragraph {i}." in text for i in range(1, 6))


def test_post_in_a_box_named_as_its_byline_is_kept() -> None:
    # A blog template wraps the whole post, signature and all, in its byline's span; the
    # sidebar beside it holds more text than the post.
    lines = "<br><br>".join(f"Part {i}. {PROSE}" for i in range(1, 5))
    sidebar = "".join(f"<div class='widget'>{PROSE} Archive {i}.</div>" for i in range(12))
    body = (
        "<div id='main'><div class='post'><h3 class='post-title'>"
        "<a href='/p'>Harbour board opens its books</a></h3>"
        "<div class='post-body'><h2 class='date-header'>Thursday, May 3</h2>"
        f"<span class='byline-author'>Posted by Ann Lee<br>{lines}</span></div></div></div>"
        f"<div id='sidebar'>{sidebar}</div>"
        # A short byline elsewhere still goes.
        "<div class='byline'>By the harbour desk</div>"
    )
    text = read(body).text
    assert all(f"Part {i}." in text for i in range(1, 5))
    assert "Archive" not in text and "harbour desk" not in text


def test_short_post_wins_over_a_longer_sidebar() -> None:
    widgets = "".join(
        f"<li>About me, part {i}: I write about harbours, boats, tides and the "
        f"people who work on the water, from my desk by the window.</li>"
        for i in range(8)
    )
    body = (
        "<div id='wrap'><div id='content'><div class='post'>"
        "<h3 class='storytitle'>Harbour board opens its books</h3>"
        "<div class='storycontent'><p><img src='https://harbour.example/a.jpg'></p>"
        "<p>The accounts are out at last, and they make grim reading.</p></div></div></div>"
        f"<div id='sidebar'><ul>{widgets}</ul></div></div>"
    )
    text = read(body).text
    assert "grim reading" in text
    assert "About me" not in text


def test_paragraphs_the_template_boxed_apart_after_the_body_join_it() -> None:
    # A long body, then its methodology note in a plain box of its own: too little prose
    # to weigh in alone, but paragraphs, and right after the body.
    note = "".join(
        f"<p>Note {i}. The survey was taken by telephone among likely voters in the new "
        "districts this summer.</p>"
        for i in range(1, 3)
    )
    body = (
        "<table><tr><td><a href='/'>Home</a></td></tr><tr><td>"
        "<div>" + "".join(para(i) for i in range(1, 16)) + "</div>"
        f"<br><div><p>&nbsp;</p>{note}</div>"
        "<div class='links'><a href='/a'>Archive of older surveys</a></div>"
        "</td></tr></table>"
    )
    text = read(body).text
    assert "Paragraph 15." in text
    assert "Note 1." in text and "Note 2." in text
    assert "Archive of older surveys" not in text


def test_flat_thread_of_paragraphs_and_signature_lines_is_dropped() -> None:
    # Movable Type and TypePad: each comment is loose paragraphs followed by a signature
    # line, all siblings of the post under a "Comments" heading.
    comments = "".join(
        f"<a id='c{i}'></a><p>Reply {i}. I read this twice, {PROSE.lower()}</p>"
        f"<p class='posted'>Posted by: <a href='/u{i}'>reader{i}</a> | Mar 2{i}, 2007 "
        f"1{i}:5{i}:00 AM</p>"
        for i in range(1, 5)
    )
    body = (
        "<div class='blog'><h3>Harbour board opens its books</h3>"
        + para(1)
        + para(2)
        + "<p class='posted'>Posted by Kathy on March 21, 2007 | <a href='/p'>Permalink</a></p>"
        + "<h2>Comments</h2>"
        + comments
        + "</div>"
    )
    text = read(body).text
    assert "Paragraph 1." in text and "Paragraph 2." in text
    assert "Reply 1." not in text and "Reply 4." not in text
    assert "reader3" not in text


# What is left of removed boxes -------------------------------------------------------------


def test_labels_left_at_the_end_by_removed_boxes_go() -> None:
    body = (
        "<article><h1>Harbour board opens its books</h1>"
        + "".join(para(i) for i in range(1, 4))
        # Their share buttons and lists went with the furniture; their titles stayed.
        + "<p>Featured video:</p><iframe src='https://video.example/v/1'></iframe>"
        + "<h3>Most popular</h3><ul class='widget'><li><a href='/x'>Another story</a></li></ul>"
        + "</article>"
    )
    blocks = read(body).blocks
    assert blocks[-1].text.startswith("Paragraph 3.")


def test_headings_that_are_the_articles_own_stay() -> None:
    body = (
        "<article><h1>Harbour board opens its books</h1>"
        + para(1)
        + "<h2>What the accounts show</h2>"
        + para(2)
        + "<h4>Ann Reed contributed to this report.</h4></article>"
    )
    text = read(body).text
    assert "What the accounts show" in text
    assert "Ann Reed contributed to this report." in text


# Teasers for other stories -----------------------------------------------------------------


def test_teaser_list_after_the_article_is_dropped() -> None:
    teasers = "".join(
        f"<p><b>Story {i} headline</b><br>A summary of another story from the same paper, "
        f"with a comma, and a second clause. <a href='/s{i}'>Full Story</a></p>"
        for i in range(3)
    )
    body = (
        "<div class='col'>"
        + "<h1>Harbour board opens its books</h1>"
        + para(1)
        + para(2)
        + para(3)
        + f"<div><b>Also In The News</b>{teasers}</div>"
        + "</div>"
    )
    text = read(body).text
    assert "Paragraph 3." in text
    assert "Also In The News" not in text
    assert "Story 1 headline" not in text


def test_link_lists_inside_a_layout_cell_holding_the_article_are_dropped() -> None:
    tools = "".join(
        f"<li><a href='/t{i}'>{name}</a></li>"
        for i, name in enumerate(["Print Article", "Email Article", "Reprints", "RSS Feeds"])
    )
    body = (
        "<table><tr><td class='nav'><a href='/'>Home</a></td><td>"
        + "<h1>Harbour board opens its books</h1>"
        + para(1)
        + f"<ul>{tools}</ul>"
        + para(2)
        + para(3)
        + "</td></tr></table>"
    )
    text = read(body).text
    assert "Paragraph 1." in text and "Paragraph 3." in text
    assert "Email Article" not in text


def test_short_post_under_its_headline_wins_over_a_longer_profile() -> None:
    # No class here names anything: the post is what follows the heading that shows the
    # page's title; the longer, comma-rich profile is elsewhere.
    profile = (
        "<div class='about'><div class='block'><p>Ann Reed, harbour watcher, sailor, "
        "photographer, teacher, and, on weekends, a volunteer at the lifeboat station, "
        "writes about boats, tides, harbours, fish, gulls, and the people of the coast, "
        "here, there, and everywhere, since 2004.</p></div></div>"
    )
    body = (
        "<div id='page'>"
        + profile
        + "<div class='entry'><h2><a href='/p'>Harbour board opens its books</a></h2>"
        "<div class='body'><p><img src='https://harbour.example/a.jpg'></p>"
        "<p>The accounts are out at last, and they make grim reading.</p></div></div></div>"
    )
    text = read(body).text
    assert "grim reading" in text
    assert "lifeboat station" not in text


def test_a_post_of_links_under_its_headline_wins_over_the_authors_bio() -> None:
    # The post is a list of links with a word on each: no paragraph of it is a candidate,
    # while the author's bio beside it is all prose.
    items = "".join(
        f"<p><a href='https://news.example/{i}'>Harbour story number {i} of the week</a> "
        f"– worth a look, says the harbour master, for its pictures.</p>"
        for i in range(1, 7)
    )
    bio = (
        "<div class='about'><div class='block'>Ann Reed, harbour watcher, sailor, "
        "photographer, teacher, and, on weekends, a volunteer at the lifeboat station, "
        "writes about boats, tides, harbours, fish, gulls, and the people of the coast, "
        "here, there, and everywhere, since 2004.</div></div>"
    )
    body = (
        "<div id='content'><div class='post'><h2>Harbour board opens its books</h2>"
        f"{items}</div>{bio}</div>"
    )
    text = read(body).text
    assert "Harbour story number 1 of the week" in text
    assert "Harbour story number 6 of the week" in text
    assert "lifeboat station" not in text


def test_a_headline_over_a_kicker_does_not_outweigh_the_body_beside_it() -> None:
    body = (
        "<div id='content'><div class='head'><h1>Harbour board opens its books</h1>"
        "<p>The accounts are out, and the fish market is in them.</p></div>"
        "<div class='text'>" + "".join(para(i) for i in range(1, 8)) + "</div></div>"
    )
    text = read(body).text
    assert all(f"Paragraph {i}." in text for i in range(1, 8))


def test_site_name_after_a_guillemet_leaves_the_title() -> None:
    body = "<div class='post'><h2>Harbour board opens its books</h2>" + para(1) + "</div>"
    title = "Harbour board opens its books « Harbour Notes"
    assert read(body, title=title).meta.title == "Harbour board opens its books"


def test_column_beside_the_headlined_article_is_not_joined() -> None:
    column = (
        "<div class='c'><h3>About this blog</h3><p>Harbour Notes is a blog about boats, "
        "tides, harbours, and the people who work on the water, written by a retired pilot, "
        "a fisherman, and a schoolteacher, with help, advice, and pictures from readers.</p>"
        "<h3>From the archive</h3><p>The dredger that sank, and the three men who raised it "
        "again, one winter, with barrels, ropes, patience, and a borrowed crane.</p></div>"
    )
    body = (
        "<div class='w'><div class='a'><h1>Harbour board opens its books</h1>"
        + para(1)
        + para(2)
        + para(3)
        + "</div>"
        + column
        + "</div>"
    )
    text = read(body).text
    assert "Paragraph 3." in text
    assert "About this blog" not in text and "borrowed crane" not in text


def test_a_posts_own_header_outside_article_still_anchors_it() -> None:
    column = (
        "<div class='c'><h3>About this blog</h3><p>Harbour Notes is a blog about boats, "
        "tides, harbours, and the people who work on the water, written by a retired pilot, "
        "a fisherman, and a schoolteacher, with help, advice, and pictures from readers.</p>"
        "</div>"
    )
    body = (
        "<div class='w'><div class='post'><header class='postHeader'>"
        "<h1>Harbour board opens its books</h1></header>"
        + para(1)
        + para(2)
        + "</div>"
        + column
        + "</div>"
    )
    text = read(body).text
    assert "Paragraph 2." in text
    assert "About this blog" not in text


def test_what_a_removed_comment_form_leaves_behind_is_dropped() -> None:
    body = (
        "<div class='post'><h1>Harbour board opens its books</h1>"
        + para(1)
        + para(2)
        + "<p>No comments yet.</p><p>Leave a comment</p><p>Comments (0)</p></div>"
    )
    text = read(body).text
    assert "Paragraph 2." in text
    assert "No comments yet" not in text and "Leave a comment" not in text
    assert "Comments (0)" not in text
