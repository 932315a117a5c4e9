"""Property-based checks (hypothesis) of the sentence splitter and the importer.

Whatever the input, no exception escapes but `ImportFailed` with a one-line reason, and
never `UnexpectedFailure` (the wrapper a bug gets at the per-page boundary); what comes
out is consistent: sentence spans lie inside their block, in order, and only whitespace
is left between them. Bounded (max_examples, no database) so that they add seconds.
"""

from __future__ import annotations

import plistlib
import tempfile
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest import ImportFailed, UnexpectedFailure, article_from_html, load_file
from reader.core.ingest.markdown import markdown_blocks
from reader.core.model import Article
from reader.core.sentences import segment, split_spans

# A generated page can be tens of kilobytes; hypothesis warns when it prints one.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

BOUNDED = settings(
    max_examples=150,
    deadline=None,  # the first example pays for imports
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow],
)

# Text as pages have it: words, punctuation that ends or does not end sentences, quotes,
# abbreviations, numbers, every kind of space, non-Latin scripts, emoji, and controls.
_PIECES = st.sampled_from(
    [
        "Mr.", "Dr.", "e.g.", "U.S.", "3.14", "No.", "...", "?!", "!", "?", ".", "…", "\u3002",
        '"', "'", "\u201c", "\u201d", "(", ")", ":", ";", "-", "\u2014", "\n", "\n\n", "\t",
        " ", "  ", "\u00a0", "\u2028", "\u3000", "word", "Word", "WORD", "1.", "a)", "*",
        "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\U0001f600", "\x0b",
        "\x00", "\ufffe", "Sentence one.", "It ends here. Then", "www.example.org", "i.e.",
    ]
)  # fmt: skip
PROSE = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map(" ".join)


def assert_spans(text: str, spans: list[tuple[int, int]]) -> None:
    end = 0
    for s, e in spans:
        assert end <= s < e <= len(text), (spans, text)
        assert not text[end:s].strip(), f"text outside sentences: {text[end:s]!r}"
        assert not text[s].isspace() and not text[e - 1].isspace(), text[s:e]
        end = e
    assert not text[end:].strip(), f"text outside sentences: {text[end:]!r}"


@BOUNDED
@given(PROSE)
def test_sentence_spans_cover_the_text_in_order(text: str) -> None:
    assert_spans(text, split_spans(text))


def assert_article(article: Article) -> None:
    assert article.blocks and article.title
    by_block: dict[int, list[tuple[int, int]]] = {}
    for expected, s in enumerate(article.sentences):
        assert s.index == expected
        text = article.blocks[s.block].text
        assert s.text == text[s.start : s.end]
        by_block.setdefault(s.block, []).append((s.start, s.end))
    for i, block in enumerate(article.blocks):
        assert_spans(block.text, by_block.get(i, []))
        for mark in block.marks:
            assert 0 <= mark.start < mark.end <= len(block.text), (mark, block.text)
    assert segment(article.blocks) == article.sentences
    # Nothing lxml (or SQLite's FTS, or Qt) would choke on reaches the article.
    assert not any(ch in article.text for ch in "\x00\x0b\ufffe\uffff")
    for field in fields(article.meta):
        getattr(article.meta, field.name).encode("utf-8")  # no lone surrogate (JSON-LD)


# ----------------------------------------------------------------------------- HTML
_TAGS = [
    "p", "div", "span", "article", "main", "section", "header", "footer", "nav", "aside",
    "h1", "h2", "h3", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "em",
    "strong", "a", "br", "hr", "table", "tr", "td", "th", "caption", "figure", "figcaption",
    "img", "picture", "source", "script", "style", "noscript", "form", "button", "time",
    "template", "svg", "iframe", "b", "i", "sup", "body", "head", "title", "html", "frameset",
    "noframes",
]  # fmt: skip
_ATTRS = st.sampled_from(
    [
        'class="content"', 'class="share-bar"', 'id="comments"', 'class="article-body"',
        'hidden', 'aria-hidden="true"', 'style="display:none"', 'role="navigation"',
        'src="http://www.[ibs_variable type=localdomain /]/js/x.js"', 'href="http://[::1"',
        'src="page_files/a.png"', 'src="../../etc/passwd"', 'src="data:image/png;base64,iVBO"',
        'srcset="a.png 1x, b.png 2x"', 'data-src="x.jpg"', 'href="/relative"', 'start="x"',
        'start="3"', 'lang="en"', 'dir="rtl"', 'itemprop="articleBody"', "",
    ]
)  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: list[str], inner: list[str], closed: bool) -> str:
        attr_text = "".join(f" {a}" for a in attrs if a)
        return f"<{tag}{attr_text}>{''.join(inner)}" + (f"</{tag}>" if closed else "")

    return st.builds(
        build,
        st.sampled_from(_TAGS),
        st.lists(_ATTRS, max_size=3),
        st.lists(children, max_size=5),
        st.booleans(),
    )


_MARKUP_TEXT = st.one_of(
    PROSE,
    st.sampled_from(["&amp;", "&#11;", "&#0;", "&#xFFFE;", "&#xD800;", "&nbsp;", "<!-- c -->"]),
)
MARKUP = st.recursive(_MARKUP_TEXT, _element, max_leaves=40)
PREAMBLE = st.sampled_from(
    [
        "",
        "<!DOCTYPE html>",
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="',
        "<html><head><title>A title</title></head>",
        '<html><head><meta charset="utf-8"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "author": {"name": 3}}</script></head>',
        '<script type="application/ld+json">{"headline": "\\ud800", "author": "\\udfff\\u000b",'
        ' "datePublished": "9999-99-99T99:99", "url": "http://[::1"}</script>',
    ]
)


@BOUNDED
@given(PREAMBLE, st.lists(MARKUP, min_size=1, max_size=4))
def test_extraction_of_generated_html_fails_only_with_a_clear_reason(
    preamble: str, parts: list[str]
) -> None:
    try:
        article = article_from_html(preamble + "".join(parts), url="https://example.org/a/b")
    except ImportFailed as exc:
        assert not isinstance(exc, UnexpectedFailure), exc.trace
        assert str(exc) and "\n" not in str(exc)
        return
    assert_article(article)


# ----------------------------------------------------------------------------- bytes
@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="gloss-prop-") as folder:
        yield Path(folder)


_PREFIXES = st.sampled_from(
    [
        b"",
        b"<html><body><p>",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\xef\xbb\xbf",
        b"bplist00",
        b'<?xml version="1.0"?><plist version="1.0"><dict><key>WebMainResource</key>',
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n',
        b"<!-- Page saved with SingleFile \n url: http://[::1 \n-->",
        b"# Title\n\n| a | b |\n|---|---|\n",
    ]
)
_SUFFIXES = st.sampled_from([".html", ".txt", ".md", ".mhtml", ".webarchive", ".htm", ""])


def assert_loads_or_fails_clearly(path: Path) -> None:
    try:
        article = load_file(path)
    except UnexpectedFailure as exc:
        pytest.fail(f"a bug, not a clear reason: {exc}\n{exc.trace}")
    except ImportFailed as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert_article(article)


@BOUNDED
@given(_PREFIXES, st.binary(max_size=600), _SUFFIXES)
def test_random_bytes_load_or_fail_with_a_clear_reason(
    scratch: Path, prefix: bytes, data: bytes, suffix: str
) -> None:
    path = scratch / f"page{suffix}"
    path.write_bytes(prefix + data)
    assert_loads_or_fails_clearly(path)


_ARCHIVE_KEYS = st.sampled_from(
    [
        "WebMainResource", "WebSubresources", "WebResourceData", "WebResourceURL",
        "WebResourceMIMEType", "WebResourceTextEncodingName", "other",
    ]
)  # fmt: skip
_MARKDOWN_PIECES = st.sampled_from(
    [
        "# ", "## ", "- ", "* ", "1. ", "3) ", "> ", "```", "~~~", "    ", "|", "| a | b |",
        "|---|---|", "---", "***", "*", "_", "`", "[a](http://[::1)", "![i](x.png)", "[r]",
        "[r]: http://example.org", "<div>", "</div>", "<!--", "-->", "<script>", "\\", "\n",
        "\n\n", "\t", "&#11;", "\x0b", "Text.", "More text here.",
    ]
)  # fmt: skip
MARKDOWN = st.lists(st.one_of(_MARKDOWN_PIECES, PROSE), max_size=30).map("".join)


@BOUNDED
@given(MARKDOWN, st.sampled_from([".md", ".txt"]))
def test_generated_markdown_and_text_load_or_fail_clearly(
    scratch: Path, text: str, suffix: str
) -> None:
    path = scratch / f"notes{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_loads_or_fails_clearly(path)


@BOUNDED
@given(MARKDOWN)
def test_markdown_parsed_in_pieces_gives_the_same_blocks(text: str) -> None:
    # Large files are parsed in pieces cut at blank lines; 40 characters forces many.
    assert markdown_blocks(text, "t", chunk_chars=40) == markdown_blocks(text, "t", 10**9)


_PLIST_VALUES = st.recursive(
    st.one_of(
        st.binary(max_size=40),
        # Property lists cannot hold control characters in strings.
        st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20),
        st.integers(-(2**63), 2**63 - 1),
        st.booleans(),
        st.just(b"<html><body><p>An archived paragraph of text.</p></body></html>"),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(_ARCHIVE_KEYS, inner, max_size=4),
    ),
    max_leaves=12,
)


@BOUNDED
@given(_PLIST_VALUES, st.booleans())
def test_any_property_list_as_a_webarchive_loads_or_fails_clearly(
    scratch: Path, value: object, binary: bool
) -> None:
    path = scratch / "archive.webarchive"
    fmt = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    path.write_bytes(plistlib.dumps(value, fmt=fmt))
    assert_loads_or_fails_clearly(path)


@pytest.mark.parametrize(
    "text",
    [
        # Found by hypothesis: a definition cannot interrupt a paragraph, so it is text.
        "Mr. Mr. Mr. Mr. Mr.\n[r]: http://example.org",
        "```\n[r]: http://example.org\n```\n\nSee [r] here and there, again and again.",
    ],
)
def test_pieces_read_only_real_link_definitions(text: str) -> None:
    assert markdown_blocks(text, "t", chunk_chars=40) == markdown_blocks(text, "t", 10**9)
