"""Sentence numbers for people: 1-based everywhere a person reads or types one.

Stored indices (and the JSON `index`/`sentence` fields) stay 0-based; the window, the
text output of the command line and the numbers it takes are 1-based. These two
functions are the only place the two meet.
"""

from __future__ import annotations


def sentence_number(index: int) -> int:
    """The number a person sees for the sentence at `index`."""
    return index + 1


def sentence_index(number: int) -> int:
    """The stored index of the sentence a person calls `number`; ValueError below 1."""
    if number < 1:
        raise ValueError(f"sentence numbers start at 1 (got {number})")
    return number - 1
