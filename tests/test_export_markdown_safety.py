"""The Markdown export carries nothing that could run or load: raw HTML in notes is text,
links of other schemes are text, pictures are not embedded, and a page URL cannot break
out of its autolink. Checked by rendering the export with markdown-it, as a reader's
Markdown viewer would (raw HTML on)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.export import ArticleInfo, article_markdown
from reader.core.export.safe_markdown import note_markdown
from reader.core.model import Note, Source, Verdict
from reader.core.safe_links import is_web_link

VIEWER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
VIEWER.validateLink = lambda url: True  # a lax viewer: every link is a link


def note(text: str = "", sources: tuple[Source, ...] = ()) -> Note:
    return Note(
        uuid="n1",
        article_id=1,
        sentence=0,
        quote="The quote.",
        prefix="",
        suffix="",
        position=0,
        text=text,
        verdict=Verdict.FALSE,
        sources=sources,
        tags=(),
        created="2026-03-02T10:00:00Z",
        updated="2026-03-02T10:00:00Z",
    )


def tokens(markdown: str) -> list:
    out = []
    for token in VIEWER.parse(markdown):
        out.append(token)
        out += token.children or []
    return out


def assert_harmless(markdown: str) -> None:
    found = tokens(markdown)
    assert [t.content for t in found if t.type in ("html_block", "html_inline")] == []
    assert [t.attrs.get("src") for t in found if t.type == "image"] == []
    hrefs = [str(t.attrs.get("href")) for t in found if t.type == "link_open"]
    assert all(is_web_link(h) for h in hrefs), hrefs
    html = VIEWER.render(markdown)
    for tag in ("<script", "<img", "<iframe", "<div", "<b>"):
        assert tag not in html


def plain(markdown: str) -> str:
    return "".join(t.content for t in tokens(markdown) if t.type in ("text", "code_inline"))


HOSTILE = """Hello <b>bold</b> <script>alert(1)</script>
[ok](https://example.org/ok) [bad](javascript:alert(1)) <smb://host/share> [f](file:///etc/passwd)
![pic](file:///etc/p.png) ![web](http://example.org/i.png) ![[vault.png]] `code <b>`

<div onclick="steal()">block</div>

[ref]: x-evil://launch
[use it][ref]

| a | b |
|---|---|
| <img src=x onerror=alert(1)> | [x](data:text/html,hi) |
"""


def test_hostile_note_text_is_exported_harmless_and_readable() -> None:
    md = article_markdown(ArticleInfo(1, "T", "https://example.org/page"), [note(HOSTILE)])
    assert_harmless(md)
    text = plain(md)
    # What the note said is still there to read, as text.
    for words in ("<b>bold</b>", "<script>alert(1)</script>", "javascript:alert(1)", "block"):
        assert words in text
    assert "smb://host/share" in text and "file:///etc/passwd" in text
    assert "pic" in text and "vault.png" in text
    links = {t.attrs["href"] for t in tokens(md) if t.type == "link_open"}
    assert links == {
        "https://example.org/page",
        "https://example.org/ok",
        "http://example.org/i.png",
    }


def test_a_harmless_note_is_kept_exactly() -> None:
    text = "A **note** with [a link](https://example.org/a) and `code`.\n\n- one\n- two"
    assert note_markdown(text) == text


def test_a_page_url_cannot_break_out_of_its_autolink() -> None:
    for url in (
        "https://example.org/a>b<img src=x onerror=alert(1)>",
        "https://example.org/a><b>no-space</b>",
        "https://example.org/a b<script>alert(1)</script>",
        'https://example.org/"quoted"\\back`tick`',
    ):
        md = article_markdown(ArticleInfo(1, "T", url), [])
        assert_harmless(md)
        [href] = [t.attrs["href"] for t in tokens(md) if t.type == "link_open"]
        assert href.startswith("https://example.org/a") or href.startswith("https://example.org/")
        assert "<" not in href and ">" not in href and " " not in href


def test_page_and_source_urls_of_other_schemes_are_text() -> None:
    sources = (
        Source("https://example.org/s", "Good"),
        Source("file:///etc/passwd", "Local"),
        Source("javascript:alert(1)", ""),
        Source("https://example.org/x>y", "Angle"),
    )
    md = article_markdown(ArticleInfo(1, "T", "file:///home/me/page.html"), [note("", sources)])
    assert_harmless(md)
    assert "file:///home/me/page.html" in plain(md)
    assert "Local (file:///etc/passwd)" in plain(md)
    assert "javascript:alert(1)" in plain(md)
    links = [t.attrs["href"] for t in tokens(md) if t.type == "link_open"]
    assert links == ["https://example.org/s", "https://example.org/x%3Ey"]


FRAGMENTS = st.sampled_from(
    [
        *["<", ">", "<b>", "</b>", "<img src=x>", "](", "[", "]", "(", ")", "!", "![", "`"],
        *["javascript:", "file:///", "http://e.org", "https://e.org/a", "mailto:a@b", "smb://h"],
        *["\n", "\n\n", "- ", "1. ", "> ", "    ", "|", "---", "*", "_", "&lt;", "&#60;", "\\"],
        *["<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "<div>", "x", " ", "é", "``"],
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_any_note_text_exports_harmless(text: str) -> None:
    assert_harmless(note_markdown(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(FRAGMENTS, max_size=20).map("".join))
def test_any_page_or_source_url_exports_harmless(url: str) -> None:
    md = article_markdown(
        ArticleInfo(1, "T", "https://e.org/" + url), [note("x", (Source(url, url),))]
    )
    assert_harmless(md)
