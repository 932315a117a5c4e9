"""A note's Markdown as the HTML a note card shows: formatting and safe links only.

Qt's own Markdown support (`QLabel` with `MarkdownText`) follows every link scheme and
loads images from disk (`![x](file:///…)`), and its rich-text guesser renders raw HTML;
a note from someone else's file must do neither. So the card gets HTML built here with
markdown-it (already used to import Markdown pages), under rules that leave nothing to
Qt's judgement:

- raw HTML in the note is text (markdown-it's `html` option off);
- a link is a link only when `safe_links.is_link` allows its target; any other
  `[label](target)` or `<target>` stays as the characters the note holds;
- an image is never loaded: it becomes its alt text, as a link to the picture when the
  picture is on the web (clicking opens it in the browser), else as text;
- bare web addresses and e-mail addresses in the text are links, as they were with Qt's
  GitHub-flavoured Markdown (`_link_bare_urls`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .safe_links import article_ref, is_link, is_web_link


def note_html(text: str) -> str:
    """HTML for a note's Markdown `text` (no images, no raw HTML, only safe links)."""
    return _parser().render(text)


def link_html(url: str, label: str, shown_url: str | None = None) -> str:
    """`label` as a link to `url` when the policy allows it, else plain text that still
    shows where it points ("label (url)", the URL as `shown_url` when given), so the
    reader can judge it."""
    if is_link(url):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    shown = url if shown_url is None else shown_url
    if label and label != url and label != shown:
        return f"{html.escape(label)} ({html.escape(shown)})"
    return html.escape(shown)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # markdown-it asks validateLink for every link and image target; a refused target
    # leaves the whole construct as literal text.
    md.validateLink = _allowed  # type: ignore[method-assign]
    # markdown-it's URL normaliser reads "urn:x-gloss:article:12" as a host and port and
    # reorders it; Gloss's URNs are passed through untouched.
    normalize, normalize_text = md.normalizeLink, md.normalizeLinkText
    md.normalizeLink = lambda url: url if article_ref(url) else normalize(url)  # type: ignore[method-assign]
    md.normalizeLinkText = lambda url: url if article_ref(url) else normalize_text(url)  # type: ignore[method-assign]
    md.add_render_rule("image", _image)
    md.core.ruler.push("bare_urls", _link_bare_urls)
    return md


# GitHub's "extended autolinks", narrowed to what opens: http(s)://…, www.…, and e-mail
# addresses. Trailing punctuation belongs to the sentence, not the address.
_BARE = re.compile(
    r"(?<![\w/@.])(?:(?P<url>(?:https?://|www\.)[^\s<>]*[^\s<>.,:;\"')\]!?*_~])"
    r"|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+))"
)


def _link_bare_urls(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        out: list[Token] = []
        depth = 0  # inside an explicit link, text stays text
        for token in block.children:
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            if token.type != "text" or depth or not _BARE.search(token.content):
                out.append(token)
                continue
            out += _split(token.content)
        block.children = out


def _split(text: str) -> list[Token]:
    tokens: list[Token] = []
    last = 0
    for match in _BARE.finditer(text):
        found, end = match.group(), match.end()
        if match.start() < last:
            continue
        # A closing parenthesis that balances one in the address is part of it
        # (Wikipedia's "Name_(disambiguation)").
        while end < len(text) and text[end] == ")" and found.count("(") > found.count(")"):
            found, end = found + ")", end + 1
        if match.group("mail"):
            href = f"mailto:{found}"
        else:
            href = found if found.lower().startswith("http") else f"http://{found}"
        if not is_web_link(href):
            continue
        if match.start() > last:
            tokens.append(Token("text", "", 0, content=text[last : match.start()]))
        tokens.append(Token("link_open", "a", 1, attrs={"href": href}, markup="linkify"))
        tokens.append(Token("text", "", 0, content=found))
        tokens.append(Token("link_close", "a", -1, markup="linkify"))
        last = end
    if last < len(text):
        tokens.append(Token("text", "", 0, content=text[last:]))
    return tokens


def _allowed(url: str) -> bool:
    return is_link(url)


def _image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    src = str(token.attrs.get("src", ""))
    alt = "".join(child.content for child in token.children or ()) or src
    if is_web_link(src):
        return f'<a href="{html.escape(src, quote=True)}">{html.escape(alt)}</a>'
    return html.escape(alt)
