"""A note's Markdown as plain text, for the places that show a line of it (the reader's
hover tooltip, the All-notes list, search snippets): "**2019**" reads "2019" there, as it
does on the note's card.

Whole notes go through markdown-it (the parser `note_html` uses), so what counts as
formatting is the same in both. A search snippet is a cut-out of a note whose ends may
fall inside a link or an emphasis, which a parser would misread; its markers are removed
by pattern instead (`strip_inline_markdown`).
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def note_plain_text(text: str) -> str:
    """The note's words without Markdown syntax: one line per paragraph, list item,
    heading or code line; link labels and image alt texts stay, their targets go."""
    lines: list[str] = []
    for token in _parser().parse(text):
        if token.type == "inline":
            lines.extend(_inline_text(token.children or []).splitlines())
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").splitlines())
    return "\n".join(line for line in lines if line.strip())


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")  # kept: "the note's first line" means the line as written
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "\n".join(line.strip() for line in "".join(parts).splitlines())


_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`+([^`\n]+)`+")
_LINE_MARKERS = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_LEFTOVER = re.compile(r"\*\*|__|~~|`")


def strip_inline_markdown(fragment: str) -> str:
    """A cut-out of a note with its Markdown markers removed; any other character (a
    search snippet's match marks included) is kept as it is."""
    text = _LINK.sub(r"\1", fragment)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _LINE_MARKERS.sub("", text)
    # A marker whose partner the cut left outside the snippet.
    return _LEFTOVER.sub("", text)
