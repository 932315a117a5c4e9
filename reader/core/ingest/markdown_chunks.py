"""Large Markdown in pieces, so that markdown-it's tokens never all exist at once.

markdown-it-py keeps a few Python objects per word of markup: a 30 MB file dense with
links and emphasis made 1.4 GB of tokens and a minute of garbage collection. Parsed in
pieces of about `CHUNK_CHARS`, cut only at blank lines where CommonMark starts a new
block anyway, memory stays flat and the blocks are the same. A piece never ends inside
fenced code or an HTML block, nor before an indented line (a list item's continuation,
indented code). Link reference definitions apply to the whole file: markdown.py reads them first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK_CHARS = 256 * 1024
# One paragraph longer than this is kept as typed, without inline markup: markdown-it's
# bracket and emphasis matching is slow enough on hostile input ("![a](" repeated) to
# take minutes over a few megabytes.
MAX_INLINE_CHARS = 100_000

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# HTML blocks that CommonMark lets run across blank lines: kind 1 by its tag...
_HTML_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.I)
# ...and kinds 2 to 5: comments, processing instructions, declarations, CDATA.
_OTHER_HTML = ((re.compile(r" {0,3}<!--"), "-->"), (re.compile(r" {0,3}<\?"), "?>"))
_OTHER_HTML += ((re.compile(r" {0,3}<![A-Za-z]"), ">"), (re.compile(r" {0,3}<!\[CDATA\["), "]]>"))
# A list item: splitting before one would make a list two (and restart "1." numbering).
_LIST_ITEM = re.compile(r"[-*+]([ \t]|$)|\d{1,9}[.)]([ \t]|$)")


def markdown_lines(text: str) -> list[str]:
    """Lines as CommonMark counts them (only CR and LF end one), with their ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _blank(line: str) -> bool:
    return not line.strip(" \t\n")


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """`text` in pieces of about `size` characters, each a run of whole blocks."""
    if len(text) <= size:
        yield text
        return
    lines = markdown_lines(text)
    start = 0  # first line of the current piece
    length = 0
    fence = ""
    closing = ""  # what ends the open HTML block
    for i, line in enumerate(lines):
        length += len(line)
        if fence:
            marker = _FENCE.match(line)
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            continue
        if closing:
            if closing in line.lower():
                closing = ""
            continue
        if (marker := _FENCE.match(line)) is not None:
            fence = marker.group(1)
            continue
        if (html := _HTML_OPEN.match(line)) is not None:
            closing = f"</{html.group(1).lower()}>"
            closing = "" if closing in line.lower() else closing
            continue
        for opening, end in _OTHER_HTML:
            if (found := opening.match(line)) is not None:
                closing = "" if end in line[found.end() :] else end
                break
        if closing:
            continue
        if length < size or not _blank(line) or i + 1 >= len(lines):
            continue
        following = lines[i + 1]
        if _blank(following) or following.startswith((" ", "\t")):
            continue  # an indented line may continue a list item across the blank
        if _LIST_ITEM.match(following):
            continue
        yield "".join(lines[start : i + 1])
        start = i + 1
        length = 0
    if start < len(lines):
        yield "".join(lines[start:])
