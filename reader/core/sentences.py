"""Rule-based sentence splitting: block text in, exact `[start, end)` spans out.

Spans index the text as given (code points), so no character is lost or altered; the
whitespace between sentences belongs to no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Block, BlockKind, Sentence

# Bump when a change can move a boundary: stored articles record the version that cut
# them, and a different one triggers a re-split and re-anchoring of their notes.
SPLITTER_VERSION = "1"

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "rev",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "pres",
        "hon",
        "inc",
        "corp",
        "ltd",
        "co",
        "llc",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "fig",
        "no",
        "nos",
        "vol",
        "vols",
        "pp",
        "ed",
        "eds",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "v",
        "etc",
        "al",
        "approx",
        "ca",
        "cf",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_CANDIDATE = re.compile(r"""[.!?…]+['"’”)\]]*(?=\s+|$)""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start or not _is_boundary(text, start, match):
            continue
        spans.append((start, end))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    # Hard line breaks inside a block (poems, addresses, code) also separate sentences.
    return [piece for span in spans for piece in _split_lines(text, span)]


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def segment(blocks: Iterable[Block]) -> tuple[Sentence, ...]:
    """Cut every block into sentences, numbering them through the whole article."""
    out: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        if not block.text.strip():
            continue
        if block.kind in (BlockKind.CODE, BlockKind.TABLE):
            spans = _line_spans(block.text, 0, len(block.text))
        else:
            spans = split_spans(block.text)
        for s, e in spans:
            out.append(Sentence(len(out), block_index, s, e, block.text[s:e]))
    return tuple(out)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, start: int, match: re.Match[str]) -> bool:
    punct = match.group()
    following = text[match.end() :].lstrip()
    if not following:
        return True
    if punct[0] == "." and len(punct.rstrip("'\"’”)]")) == 1:
        word = _WORD_BEFORE.search(text, start, match.start())
        token = word.group(1).lower() if word else ""
        if token in _ABBREVIATIONS or token.rstrip(".") in _ABBREVIATIONS:
            # "Inc." or "U.S." can end a sentence; a capitalised common word after it
            # cannot be told apart from a name here, so only split before "The"-like starts.
            return following[:4] in ("The ", "She ", "He ", "It ", "We ", "In ")
        if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
            return False
        if token.replace(".", "").isdigit() and following[:1].isdigit():
            return False
    first = following[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘([" or not first.isalpha()


def _split_lines(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    if "\n" not in text[s:e]:
        return [span]
    return _line_spans(text, s, e)


def _line_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[s:e]):
        a, b = s + m.start(), s + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out
