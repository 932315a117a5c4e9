"""The link policy shared by the note cards and the exports."""

from __future__ import annotations

import pytest

from reader.core.note_html import note_html
from reader.core.safe_links import ArticleRef, article_ref, article_urn, is_link, is_web_link

HASH = "ab" * 32


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1#c", "http://example.org", "HTTPS://Example.org/", "mailto:a@b.c"],
)
def test_web_links(url: str) -> None:
    assert is_web_link(url) and is_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "smb://host/share",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x01https://example.org",
        "https://exa\nmple.org",
        "data:text/html,<script>",
        "x-evil://launch",
        "ftp://example.org/f",
        "http:/example.org",
        "https:///path",
        "mailto:",
        "mailto: ",
        "https:// evil.example",
        "//example.org/x",
        "",
        "urn:x-gloss:article:",
        "urn:x-gloss:article:0",
        "urn:x-gloss:article:sha256:nothex",
    ],
)
def test_everything_else_is_not_a_link(url: str) -> None:
    assert not is_link(url)


def test_gloss_article_urns() -> None:
    assert article_ref("urn:x-gloss:article:12") == ArticleRef(article_id=12)
    assert article_ref(article_urn(HASH)) == ArticleRef(content_hash=HASH)
    assert is_link(article_urn(HASH)) and not is_web_link(article_urn(HASH))


def test_note_html_keeps_formatting_and_drops_the_rest() -> None:
    out = note_html(
        "**Bold** [ok](https://a.example/x) [no](file:///etc/passwd) "
        "![pic](file:///tmp/p.png) ![web](https://a.example/p.png) <b>raw</b> "
        "[art](urn:x-gloss:article:3)"
    )
    assert "<strong>Bold</strong>" in out
    assert '<a href="https://a.example/x">ok</a>' in out
    assert "[no](file:///etc/passwd)" in out
    assert "<img" not in out and "&lt;b&gt;raw&lt;/b&gt;" in out
    assert "pic" in out and 'href="file:' not in out
    assert '<a href="https://a.example/p.png">web</a>' in out
    assert '<a href="urn:x-gloss:article:3">art</a>' in out


def test_bare_web_and_mail_addresses_are_links_and_nothing_else_is() -> None:
    out = note_html(
        "See https://en.example.org/wiki/Bridge_(structure). Or www.example.com, "
        "write to me@example.org; not javascript:alert(1) nor file:///etc/passwd, "
        "nor `https://code.example` or [named](https://named.example/x)."
    )
    assert '<a href="https://en.example.org/wiki/Bridge_(structure)">' in out
    assert '<a href="http://www.example.com">www.example.com</a>,' in out
    assert '<a href="mailto:me@example.org">me@example.org</a>;' in out
    assert out.count("<a ") == 4  # the three above and the named link, once
    assert "javascript:alert(1)" in out and 'href="javascript' not in out
    assert "<code>https://code.example</code>" in out
