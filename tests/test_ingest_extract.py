"""Kinds of page structure and boilerplate, each on a small hand-written page."""

from __future__ import annotations

from reader.core.ingest import article_from_html, metadata_from_html
from reader.core.ingest.dates import iso_date
from reader.core.model import BlockKind

PROSE = (
    "The harbour board met on Tuesday evening, and after a long debate about dredging, "
    "mooring fees and the future of the old fish market, it agreed to publish its accounts."
)


def para(n: int) -> str:
    return f"<p>Paragraph {n}. {PROSE}</p>"


def page(body: str, head: str = "<title>Harbour board</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def text_of(body: str, head: str = "<title>Harbour board</title>") -> str:
    return article_from_html(page(body, head)).text


def test_sections_in_sibling_boxes_are_all_kept() -> None:
    body = (
        "<div class='sidebar-links'><a href='/a'>Weather</a> <a href='/b'>Tides</a></div>"
        "<div class='doc'>"
        + "".join(
            f"<div class='section' id='part-{i}'><h2>Part {i}</h2>{para(i * 10)}{para(i * 10 + 1)}"
            "</div>"
            for i in range(1, 4)
        )
        + "</div>"
    )
    text = text_of(body)
    for n in (10, 11, 20, 21, 30, 31):
        assert f"Paragraph {n}." in text
    assert "Part 2" in text
    assert "Weather" not in text


def test_standfirst_above_the_body_is_kept_and_byline_box_dropped() -> None:
    body = (
        "<div class='story'>"
        "<div class='byline'>By Ann Reed, harbour correspondent</div>"
        "<div class='standfirst'>The board will open its books to the public for the first "
        "time, after years of complaints from the town's fishermen.</div>"
        f"<div class='story-text'>{para(1)}{para(2)}{para(3)}</div>"
        "</div>"
    )
    text = text_of(body)
    assert text.startswith("The board will open its books")
    assert "Ann Reed" not in text


def test_related_teasers_under_a_label_are_dropped() -> None:
    teaser = (
        "<li><a href='/x{0}'>Story {0}</a><p>A summary of story {0} that is long enough.</p></li>"
    )
    body = (
        f"<article>{para(1)}{para(2)}{para(3)}"
        "<div class='box'><h3>More stories</h3><ul>"
        + "".join(teaser.format(i) for i in range(3))
        + "</ul></div><p>Related: <a href='/old'>Board elected last year</a></p></article>"
    )
    text = text_of(body)
    assert "Paragraph 3." in text
    assert "summary of story" not in text
    assert "Board elected" not in text


def test_reference_list_after_the_article_is_kept() -> None:
    ref = (
        "<li>Reed, Ann (2024). <a href='/r{0}'>Harbour accounts, volume {0}</a>. "
        "Coastal Gazette, pp. 4-6.</li>"
    )
    body = (
        f"<div class='main'>{para(1)}{para(2)}{para(3)}{para(4)}</div>"
        "<div class='references'><ol>" + "".join(ref.format(i) for i in range(5)) + "</ol></div>"
    )
    assert "Harbour accounts, volume 3" in text_of(body)


def test_names_in_camel_case_roles_and_screen_reader_labels() -> None:
    body = (
        f"<article>{para(1)}"
        "<div class='socialShareBar'><a href='/s'>Share this</a> on every network</div>"
        "<div role='note'>Main article: Harbour</div>"
        "<p><span class='visually-hidden'>Image caption</span>The quay at dawn.</p>"
        f"{para(2)}</article>"
    )
    text = text_of(body)
    assert "every network" not in text
    assert "Main article" not in text
    assert "Image caption" not in text
    assert "The quay at dawn." in text


def test_inline_words_survive_cleaning() -> None:
    body = (
        "<article><p>Tom<!-- x --> <a class='popup' href='/g'>Reed</a> and "
        "<span class='hidden-mobile'>Ann</span> contributed to this report, which took "
        f"many weeks.</p>{para(1)}</article>"
    )
    assert "Tom Reed and Ann contributed" in text_of(body)


def test_data_table_with_div_cells_and_layout_table() -> None:
    data = (
        "<table><tr><th>Boat</th><th>Fee</th></tr>"
        "<tr><td><div><a href='/b1'>Sea Swift</a></div></td><td><div>£120</div></td></tr>"
        "<tr><td><div><a href='/b2'>Marigold</a></div></td><td><div>£95</div></td></tr></table>"
    )
    blocks = article_from_html(page(f"<article>{para(1)}{data}{para(2)}</article>")).blocks
    table = next(b for b in blocks if b.kind is BlockKind.TABLE)
    assert table.rows[1] == ("Sea Swift", "£120")
    layout = f"<table><tr><td>{para(1)}{para(2)}</td><td>{para(3)}</td></tr></table>"
    blocks = article_from_html(page(layout)).blocks
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] * 3


def test_double_line_breaks_separate_paragraphs() -> None:
    body = f"<div class='post'>First part. {PROSE}<br><br>Second part. {PROSE}</div>"
    blocks = article_from_html(page(body)).blocks
    assert [b.text[:12] for b in blocks] == ["First part. ", "Second part."]


def test_metadata_from_cdata_json_ld_and_rdfa_precedence() -> None:
    head = (
        "<title>Harbour board opens its books - Gazette</title>"
        '<meta name="dc.title" content="Name title"><meta property="dc:title" content="Board">'
        '<script type="application/ld+json"><![CDATA[{"@type": "NewsArticle", '
        '"headline": "Harbour board opens its books", "datePublished": "2024-05-02T08:00:00+0100",'
        ' "author": [{"name": "Ann Reed"}, {"name": "Tom Bell"}]}]]></script>'
    )
    meta = metadata_from_html(page(para(1), head).encode())
    assert meta.title == "Harbour board opens its books"
    assert meta.byline == "Ann Reed, Tom Bell"
    assert meta.published == "2024-05-02T08:00:00+01:00"


def test_title_suffix_rules() -> None:
    def title(t: str, h1: str = "") -> str:
        return metadata_from_html(
            page(f"<h1>{h1}</h1>{para(1)}", f"<title>{t}</title>").encode()
        ).title

    assert title("Boats return to the harbour | Coastal Gazette") == "Boats return to the harbour"
    assert title("How we built it - an async task framework") == (
        "How we built it - an async task framework"
    )
    assert title("A | B | Gazette", h1="A | B") == "A | B"


def test_title_is_the_span_its_headline_confirms() -> None:
    def title(t: str, headings: str) -> str:
        return metadata_from_html(
            page(f"{headings}{para(1)}", f"<title>{t}</title>").encode()
        ).title

    # Section and site parts on either side, whatever separators: the heading tells.
    assert (
        title(
            "Boats return to the harbour | Technology | Reuters",
            "<h1>Boats return to the harbour</h1>",
        )
        == "Boats return to the harbour"
    )
    assert (
        title(
            "The Gazette : Sport / Sailing : Boats return to the harbour",
            "<h3>Boats return to the harbour</h3>",
        )
        == "Boats return to the harbour"
    )
    # A heading that reads as a shorter part is a section's, not the headline.
    assert (
        title(
            "Premier League - Warnock wins on his return to the Lane",
            "<h2>Premier League</h2>",
        )
        == "Premier League - Warnock wins on his return to the Lane"
    )
    # A kicker joined by a colon is part of the headline.
    assert (
        title("US elections: Turnout appears high across the country", "<h2>US elections</h2>")
        == "US elections: Turnout appears high across the country"
    )


def test_dates_to_iso() -> None:
    assert iso_date("2024-05-02") == "2024-05-02"
    assert iso_date("2024-05-02 12:55:00") == "2024-05-02T12:55:00"
    assert iso_date("2024-05-02T12:55:00.000Z") == "2024-05-02T12:55:00Z"
    assert iso_date("Published March 9, 2017 at 10am") == "2017-03-09"
    assert iso_date("9. März 2017") == "2017-03-09"
    assert iso_date("2017/3/9") == "2017-03-09"
    assert iso_date("not a date") == ""
    assert iso_date("2017-02-30") == ""


def test_date_from_time_element_and_byline_from_markup() -> None:
    body = (
        "<article><p class='byline'>By Ann Reed</p>"
        f"<time datetime='2023-11-05T09:00:00Z'>5 Nov</time>{para(1)}</article>"
    )
    meta = metadata_from_html(page(body).encode())
    assert meta.published == "2023-11-05T09:00:00Z"
    assert meta.byline == "Ann Reed"


def test_comments_longer_than_the_article_are_still_dropped() -> None:
    comment = (
        "<div class='c'><p>I disagree, strongly, because the fees were fair "
        "and the board was right.</p></div>"
    )
    body = f"<article>{para(1)}{para(2)}</article><section id='comments'>{comment * 30}</section>"
    text = text_of(body)
    assert "Paragraph 2." in text
    assert "I disagree" not in text


def test_page_hidden_until_scripts_run_is_still_read() -> None:
    body = f"<div style='display:none' class='app'>{para(1)}{para(2)}{para(3)}</div>"
    assert "Paragraph 3." in text_of(body)


def test_page_furniture_lines_between_paragraphs_are_dropped() -> None:
    body = (
        f"<article>{para(1)}<p>Advertisement</p><div>Story continues below advertisement</div>"
        f"{para(2)}<p><strong>SIGN UP FOR OUR NEWSLETTER</strong></p>"
        f"<p>Share this article</p>{para(3)}</article>"
    )
    text = text_of(body)
    assert "Paragraph 3." in text
    for furniture in ("Advertisement", "continues below", "NEWSLETTER", "Share this"):
        assert furniture not in text


def test_a_blog_templates_filed_under_line_is_dropped() -> None:
    filed = (
        "<p class='postmetadata'>This entry was posted on Thursday, August 9th, 2012 at "
        "12:04 am and is filed under <a href='/c/harbours'>Harbours</a>, <a href='/c/boats'>"
        "Boats</a>. You can follow any responses to this entry through the RSS 2.0 feed. "
        "You can leave a response, or trackback from your own site.</p>"
    )
    text = text_of(f"<div class='post'>{para(1)}{para(2)}{filed}</div>")
    assert "Paragraph 2." in text
    assert "filed under" not in text and "RSS 2.0" not in text


def test_page_wrapped_in_one_form_is_read_but_small_forms_go() -> None:
    signup = "<form><p>Get our daily briefing in your inbox.</p><input type='email'></form>"
    body = f"<form id='aspnetForm'><div class='main'>{para(1)}{signup}{para(2)}</div></form>"
    text = text_of(body)
    assert "Paragraph 2." in text
    assert "daily briefing" not in text


def test_intro_paragraph_beside_the_body_survives_the_climb() -> None:
    intro = (
        "<p class='intro'>The harbour board has agreed, after a year of argument, to open "
        "its accounts to anyone who asks.</p>"
    )
    body = (
        f"<div class='story'><div class='top'><h1>Harbour board</h1>{intro}"
        f"<div class='text'>{para(1)}{para(2)}{para(3)}</div></div>"
        f"<div class='more'>{para(4)}{para(5)}</div></div>"
    )
    text = text_of(body)
    assert "open its accounts to anyone" in text
    assert "Paragraph 5." in text


def test_video_placeholder_captions_go_but_image_placeholders_stay() -> None:
    body = (
        "<article><div class='media-placeholder lead-video-placeholder'>"
        "<span>Media caption</span> The minister speaks to reporters</div>"
        f"{para(1)}<figure><div class='aspect-ratio-placeholder'>"
        "<img src='data:image/gif;base64,R0lGOD==' alt=''></div>"
        f"<figcaption>The quay at dawn.</figcaption></figure>{para(2)}</article>"
    )
    text = text_of(body)
    assert "minister speaks" not in text
    assert "The quay at dawn." in text


def test_site_and_language_fallbacks() -> None:
    head = (
        "<title>Boats return to the harbour | Coastal Gazette</title>"
        '<meta http-equiv="Content-Language" content="en-GB">'
    )
    meta = metadata_from_html(page(para(1), head).encode())
    assert meta.site == "Coastal Gazette"
    assert meta.lang == "en-GB"


def test_relative_links_are_made_absolute_from_the_canonical_url() -> None:
    head = '<title>Harbour</title><link rel="canonical" href="https://gazette.example/news/a">'
    body = f"<article><p>See <a href='/b'>the accounts</a> online. {PROSE}</p></article>"
    block = article_from_html(page(body, head)).blocks[0]
    link = next(m for m in block.marks if m.kind == "link")
    assert link.href == "https://gazette.example/b"


def test_second_copy_of_the_story_in_another_box_is_dropped() -> None:
    # A print version beside the shown text: the same paragraphs in a second box.
    body = (
        "<div class='article'>"
        f"<div class='shown'>{para(1)}{para(2)}{para(3)}</div>"
        f"<div class='printable'>{para(1)}{para(2)}{para(3)}</div>"
        "</div>"
    )
    text = text_of(body)
    for n in (1, 2, 3):
        assert text.count(f"Paragraph {n}.") == 1


def test_one_paragraph_said_again_in_a_later_section_stays() -> None:
    body = (
        f"<article><h1>Harbour</h1><div>{para(1)}{para(2)}</div>"
        f"<h2>Again</h2><div>{para(3)}{para(2)}</div></article>"
    )
    text = text_of(body)
    assert text.count("Paragraph 2.") == 2
    assert "Paragraph 3." in text
