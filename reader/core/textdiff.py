"""The words a note was written against beside the words it covers now, changes marked.

`word_diff` compares word by word (whitespace and punctuation are their own tokens, so
"6 billion" -> "6.5 billion" marks "6" -> "6.5", a number being one token, not the
whole phrase) and returns runs
of equal, deleted and inserted text that put back together give either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKEN = re.compile(r"\s+|\d+(?:[.,]\d+)*|\w+|[^\w\s]")

Kind = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Run:
    kind: Kind  # "delete": only in the old words; "insert": only in the new ones
    text: str


def word_diff(old: str, new: str) -> list[Run]:
    a, b = _TOKEN.findall(_spaces(old)), _TOKEN.findall(_spaces(new))
    runs: list[Run] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(runs, "equal", "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _add(runs, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _add(runs, "insert", "".join(b[j1:j2]))
    return runs


def side(runs: list[Run], which: Literal["old", "new"]) -> list[Run]:
    """The runs that make one side: equal ones and the deleted (old) or inserted (new)."""
    skip = "insert" if which == "old" else "delete"
    return [r for r in runs if r.kind != skip]


def _spaces(text: str) -> str:
    # Line breaks and runs of spaces are layout, not words.
    return " ".join(text.split())


def _add(runs: list[Run], kind: Kind, text: str) -> None:
    if not text:
        return
    if runs and runs[-1].kind == kind:
        runs[-1] = Run(kind, runs[-1].text + text)
    else:
        runs.append(Run(kind, text))
