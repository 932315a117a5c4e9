"""Find a note's quote again in an article's new text.

A first, strict placer: the exact quote where it is unique, or among several copies the
one whose context matches best and lies nearest the old position. Anything less certain
returns None, so the note becomes an orphan rather than land on the wrong sentence.
"""

from __future__ import annotations


def place_quote(
    quote: str, prefix: str, suffix: str, position: int | None, text: str
) -> int | None:
    if not quote:
        return None
    hits = _occurrences(quote, text)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return None

    def context_score(at: int) -> int:
        before = text[max(0, at - len(prefix)) : at]
        after = text[at + len(quote) : at + len(quote) + len(suffix)]
        return _common_suffix(before, prefix) + _common_prefix(after, suffix)

    scored = sorted(
        hits,
        key=lambda at: (-context_score(at), abs(at - position) if position is not None else 0),
    )
    best, runner_up = scored[0], scored[1]
    if context_score(best) > context_score(runner_up):
        return best
    if position is not None and abs(best - position) < abs(runner_up - position):
        return best
    return None  # two copies nothing tells apart: do not guess


def _occurrences(needle: str, hay: str) -> list[int]:
    found = []
    at = hay.find(needle)
    while at != -1:
        found.append(at)
        at = hay.find(needle, at + 1)
    return found


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
