r"""Backslash escapes that make text render literally in Markdown (GitHub, Obsidian), and
only where a renderer would otherwise misread it.

One policy for every piece of text the export writes (titles, bylines, quotes, note
text rewritten from its parse, source titles): a character is escaped only when, where it
stands, it could start or end markup; otherwise it is left alone, so the raw file reads
as the words do ("$6 billion", "AT&T", "5 * 3", "snake_case", "40%"):

- `$`: GitHub and Obsidian render `$…$` as math. A `$` can open math only when the next
  character is not a space, and close it only when the previous one is not a space and
  the next is not a digit (pandoc's rule, which both follow closely enough). Money
  ("$6 billion, up from $5 billion") has no closer, so it is written as it is; a text
  that holds an opener and a later closer, or `$$`, gets every `$` escaped.
- `*` and `_`: emphasis needs a delimiter that touches a word; a `*` between spaces
  ("5 * 3") or a `_` inside a word ("snake_case") cannot be one.
- `~` (strikethrough, single or double on GitHub), `` ` `` (code spans): only when the
  text holds two, which could pair up.
- `<`: only before a letter, `/`, `!` or `?`, which could start HTML or an autolink
  ("a < b" stays). `&`: only when it starts an entity ("&amp;", "&#60;").
- `[`: before a `]` that is followed by `(`, `[` or `:` (a link or reference), and `[[`
  (an Obsidian link or embed), `[^` (a footnote) and `![`. Link labels escape every
  bracket and backtick (`label=True`), table cells every `|` (`cell=True`).
- `#`: where it makes an Obsidian tag (`#word` after a space or at the start).
- `\`: before punctuation (which it would escape) or at the end of a line (a hard break).
- `==` and `%%` (Obsidian highlight and comment) when two of them could wrap words.
- At the start of a line (`escape_line_start`): list markers, `>`, `#` headings, and
  lines that are only `=` or `-` (setext underlines, rules).
"""

from __future__ import annotations

import re

_PUNCT = r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"""
_BACKSLASH = re.compile(rf"\\(?=[{_PUNCT}]|$)", re.M)
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_DOUBLED = re.compile(r"==|%%")
# A link's label may run over lines, so the closing bracket is looked for anywhere after.
_LINK_BRACKET = re.compile(r"\[(?=[\s\S]*?\][(\[:])|\[(?=[\[^])|(?<=!)\[")
_OBSIDIAN_TAG = re.compile(r"(?:(?<=\s)|^)#(?=\d*[^\W\d])", re.M)
_DOLLAR_OPENER = re.compile(r"\$(?=\S)")
_DOLLAR_CLOSER = re.compile(r"(?<=\S)\$(?!\d)")
# At the start of a line these make lists, quotes, headings, rules or setext headings.
_LINE_START = re.compile(r"^([-+*]|\d+[.)])(?=\s|$)|^(>)|^(#{1,6})(?=\s|$)|^([=-])(?=[=\s-]*$)")


def escape(
    text: str,
    *,
    label: bool = False,
    cell: bool = False,
    dollars: bool = False,
    strict: bool = False,
) -> str:
    """`text` with the escapes it needs to render literally inline (see the module
    docstring). `dollars` escapes every `$` (the caller found math elsewhere); `strict`
    every bracket, `<`, `~` and backtick, for a piece of text whose neighbours the
    caller cannot see (a text node between two formatted ones)."""
    spots: set[int] = set()

    def mark(pattern: re.Pattern[str]) -> None:
        spots.update(m.start() for m in pattern.finditer(text))

    mark(_BACKSLASH)
    mark(_ENTITY)
    mark(_TAG_START)
    mark(_OBSIDIAN_TAG)
    doubled = list(_DOUBLED.finditer(text))
    for m in doubled:
        if sum(d.group() == m.group() for d in doubled) >= 2:  # a pair could wrap words
            spots.update((m.start(), m.start() + 1))
    if strict:
        spots.update(i for i, c in enumerate(text) if c in "[]<~`")
    if label:  # a label is followed by its destination, which this text cannot see
        spots.update(i for i, c in enumerate(text) if c in "[]`")
    else:
        mark(_LINK_BRACKET)
    if cell:
        spots.update(i for i, c in enumerate(text) if c == "|")
    for char in "~`":
        if text.count(char) >= 2:
            spots.update(i for i, c in enumerate(text) if c == char)
    if dollars or could_be_math(text):
        spots.update(i for i, c in enumerate(text) if c == "$")
    spots.update(_emphasis_delimiters(text))
    if not spots:
        return text
    return "".join("\\" + c if i in spots else c for i, c in enumerate(text))


def could_be_math(text: str) -> bool:
    """True when some `$` could open math that a later `$` closes, or for `$$`."""
    if "$$" in text:
        return True
    opener = _DOLLAR_OPENER.search(text)
    return opener is not None and any(
        m.start() > opener.start() for m in _DOLLAR_CLOSER.finditer(text)
    )


def _emphasis_delimiters(text: str) -> list[int]:
    """`*` and `_` that touch a word on one side (so they can open or close emphasis);
    a `_` with a word on both sides is inside the word, which never emphasises."""
    found = []
    for i, c in enumerate(text):
        if c not in "*_":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() and after.isspace():
            continue
        if c == "_" and before.isalnum() and after.isalnum():
            continue
        found.append(i)
    return found


def escape_line_start(line: str) -> str:
    """An escaped line whose start cannot make a list item, quote, heading or rule."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    end = len(match.group(match.lastindex or 0))
    return line[: end - 1] + "\\" + line[end - 1 :]
