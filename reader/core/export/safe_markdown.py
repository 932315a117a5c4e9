"""Markdown written into an export that carries nothing that could run or load.

Renderers of exported notes (GitHub, Obsidian, a static site) render raw HTML and follow
any link scheme, so the export decides what its Markdown can do:

- `note_markdown`: a note's own Markdown. A note that holds only text, formatting and
  web links is kept exactly as written. Anything else (raw HTML, a link of another
  scheme, an image, a `<` that some renderer could read as a tag, an Obsidian embed
  `![[…]]`) makes the whole note written out again from its parse: raw HTML as
  escaped text, links of other schemes as their text followed by the target as text,
  images as a link to the picture (web) or their alt text, never as a picture.
- `autolink`, `link`: a URL as `<url>` or `[label](<url>)` when it is a web link,
  with the characters that would end the brackets or start HTML percent-encoded;
  otherwise the same words as plain, escaped text.

Parsing is markdown-it's CommonMark (with tables and strikethrough), whose nesting limit
keeps the recursive writer below shallow.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..safe_links import article_ref, is_web_link
from .escaping import could_be_math, escape, escape_line_start

# Inside <…>: what would end the destination, start a tag or break the line.
# A backtick too: with another one later on the line it would make a code span that
# swallows the link (code spans bind before links).
_LINK_UNSAFE = re.compile(r"[<>\\`\x00-\x1f\x7f]")
_LANGUAGE = re.compile(r"[\w+#.-]{1,30}")
# An autolink cannot hold spaces or quotes either.
_AUTOLINK_UNSAFE = re.compile(r"[<>\\\s\"`\x00-\x1f\x7f]")
# While a note is rewritten: whether its `$` must all be escaped (it holds math somewhere).
_DOLLARS: ContextVar[bool] = ContextVar("dollars", default=False)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode())


def autolink(url: str) -> str:
    """`<url>` for a web link (percent-encoded so it stays one autolink), else text."""
    if not is_web_link(url.strip()):
        return escape(url)
    return f"<{_AUTOLINK_UNSAFE.sub(_percent, url.strip())}>"


def link(url: str, label: str = "") -> str:
    """`[label](<url>)` for a web link; otherwise "label (url)" as plain text."""
    if is_web_link(url.strip()):
        return f"[{escape(label or url, label=True)}](<{_LINK_UNSAFE.sub(_percent, url.strip())}>)"
    if label and label != url:
        return f"{escape(label)} ({escape(url)})"
    return escape(url)


def note_markdown(text: str) -> str:
    """A note's Markdown, as written when it is harmless, else rewritten harmless.

    A note that holds `$…$` is rewritten too, with its `$` escaped: Gloss shows it as
    text (CommonMark has no math), and so must GitHub and Obsidian, which have."""
    tokens = _parser().parse(text)
    math = could_be_math(_text_of(tokens))
    if _harmless(tokens) and not math:
        return text
    reset = _DOLLARS.set(math)
    try:
        return "\n".join(_blocks(SyntaxTreeNode(tokens).children)).strip("\n")
    finally:
        _DOLLARS.reset(reset)


def _text_of(tokens: list) -> str:
    """The text a note's parse shows (code left out: `$` in code is never math)."""
    parts = []
    for token in tokens:
        if token.type == "text":
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        if token.children:
            parts.append(_text_of(token.children))
    return "".join(parts)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Every link is parsed as one, so that this module (not markdown-it's defaults)
    # decides what becomes of it.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    normalize = md.normalizeLink
    md.normalizeLink = lambda url: url if article_ref(url) else normalize(url)  # type: ignore[method-assign]
    return md


def _harmless(tokens: list) -> bool:
    for token in tokens:
        if token.type in ("html_block", "html_inline", "image"):
            return False
        if token.type == "link_open" and not is_web_link(str(token.attrs.get("href", ""))):
            return False
        if token.type == "text" and ("<" in token.content or "[[" in token.content):
            return False
        if token.children and not _harmless(token.children):
            return False
    return True


# -- writing a parse back out ------------------------------------------------------------


def _blocks(nodes: list[SyntaxTreeNode], tight: bool = False) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        if lines and not tight:
            lines.append("")
        lines += _block(node)
    return lines


def _block(node: SyntaxTreeNode) -> list[str]:
    kind = node.type
    if kind == "paragraph":
        return _text_lines(_inline_of(node))
    if kind == "heading":
        return [f"{node.markup} {' '.join(_inline_of(node).splitlines())}"]
    if kind == "blockquote":
        return [f"> {line}" if line else ">" for line in _blocks(node.children)]
    if kind in ("bullet_list", "ordered_list"):
        return _list(node)
    if kind in ("code_block", "fence"):
        language = node.info.strip().split(" ")[0] if kind == "fence" else ""
        return _fence(node.content, language if _LANGUAGE.fullmatch(language) else "")
    if kind == "hr":
        return ["---"]
    if kind == "table":
        return _table(node)
    if kind == "html_block":
        return _text_lines(escape_text(node.content.rstrip("\n")))
    return _blocks(node.children)


def escape_text(text: str) -> str:
    return "\n".join(_escape(line) for line in text.split("\n"))


def _escape(text: str, cell: bool = False) -> str:
    """Text of a rewritten note: strict, as a node cannot see what its neighbours hold."""
    return escape(text, strict=True, cell=cell, dollars=_DOLLARS.get())


def _text_lines(text: str) -> list[str]:
    return [escape_line_start(line.strip()) for line in text.split("\n")]


def _list(node: SyntaxTreeNode) -> list[str]:
    ordered = node.type == "ordered_list"
    number = int(node.attrs.get("start", 1)) if ordered else 0
    lines: list[str] = []
    tight = all(
        child.type != "paragraph" or child.hidden
        for item in node.children
        for child in item.children
    )
    for item in node.children:
        marker = f"{number}. " if ordered else "- "
        number += 1
        body = _blocks(item.children, tight=tight) or [""]
        pad = " " * len(marker)
        lines.append(marker + body[0])
        lines += [pad + line if line else "" for line in body[1:]]
        if not tight:
            lines.append("")
    return lines[:-1] if lines and not lines[-1] else lines


def _fence(content: str, language: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + language, *content.rstrip("\n").split("\n"), fence]


def _table(node: SyntaxTreeNode) -> list[str]:
    rows = [row for section in node.children for row in section.children]
    if not rows:
        return []
    cells = [
        [" ".join(_inline_of(cell, in_cell=True).splitlines()) for cell in row.children]
        for row in rows
    ]
    width = len(cells[0])
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join((r + [""] * width)[:width]) + " |" for r in cells[1:]]
    return out


def _inline_of(node: SyntaxTreeNode, in_cell: bool = False) -> str:
    return "".join(_inline(child, in_cell) for inline in node.children for child in inline.children)


def _inline(node: SyntaxTreeNode, in_cell: bool = False) -> str:
    kind = node.type
    if kind == "text":
        return _escape(node.content, in_cell)
    if kind == "softbreak":
        return "\n"
    if kind == "hardbreak":
        return "\\\n"
    if kind == "code_inline":
        return _code(node.content)
    if kind in ("em", "strong", "s"):
        inner = "".join(_inline(c, in_cell) for c in node.children)
        mark = {"em": "*", "strong": "**", "s": "~~"}[kind]
        return f"{mark}{inner}{mark}" if inner else ""
    if kind == "link":
        href = str(node.attrs.get("href", ""))
        label = "".join(_inline(c, in_cell) for c in node.children)
        if is_web_link(href):
            return f"[{label}](<{_LINK_UNSAFE.sub(_percent, href)}>)"
        return label if _plain(node) == href else f"{label} ({_escape(href, in_cell)})"
    if kind == "image":
        src = str(node.attrs.get("src", ""))
        alt = _plain(node)
        return link(src, alt) if is_web_link(src) else _escape(alt or src, in_cell)
    if kind == "html_inline":
        return _escape(node.content, in_cell)
    return "".join(_inline(c, in_cell) for c in node.children)


def _plain(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline"):
        return node.content
    return "".join(_plain(c) for c in node.children)


def _code(content: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if content.startswith(("`", " ")) or content.endswith(("`", " ")) else ""
    return f"{ticks}{pad}{content}{pad}{ticks}"
