"""Backslash escapes that make text render literally in Markdown (GitHub, Obsidian)."""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# can start markup in running text on GitHub or in Obsidian ($ math, ~~ strike, | tables,
# & entities). "==" (highlight) and "%%" (comment) only matter doubled.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$&])|(==|%%)")
# At the start of a line these make lists, rules or setext headings.
_LINE_START = re.compile(r"^([-+]|\d+[.)](?=\s|$))")


def escape(text: str) -> str:
    """Text that renders literally (inline)."""
    return _INLINE_SPECIAL.sub(_escape_match, text)


def _escape_match(m: re.Match[str]) -> str:
    return "".join("\\" + c for c in m.group())


def escape_line_start(line: str) -> str:
    """An escaped line whose start cannot make a list item or a rule."""
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line)
