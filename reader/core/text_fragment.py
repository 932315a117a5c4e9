"""Links to words in a web page: URL text fragments (`URL#:~:text=…`).

Browsers (Chrome, Edge, Safari 16.1+, Firefox 131+) scroll to and highlight the words a
text fragment names. Gloss writes them wherever it points at a passage of a saved page: a
claim's appearance in ClaimReview, a citation of another saved article, "copy as citation".

A short passage is named whole (`text=words`); a long one by its first and last words
(`text=start,end`), which keeps the link short and still matches when the page reflows
the middle. Characters the syntax uses (`,` `-` `&`) and everything outside the unreserved
set are percent-encoded, as the WICG spec requires.
"""

from __future__ import annotations

from urllib.parse import quote as _percent

# A passage of up to this many words goes in whole; longer ones as start,end.
WHOLE_WORDS = 10
# Words kept at each end of a long passage: enough to be unique in a normal article.
EDGE_WORDS = 5
_DIRECTIVE = ":~:text="
_SAFE = ""  # percent-encode every reserved character, including "/" and ","


def _encode(words: str) -> str:
    # quote() leaves "-" alone (it is unreserved in URLs), but in a text directive it
    # marks a prefix or suffix, so a dash inside the words must be encoded too.
    return _percent(words, safe=_SAFE).replace("-", "%2D")


def text_directive(passage: str) -> str:
    """`text=…` for `passage` (whitespace collapsed); "" for a passage with no words."""
    words = passage.split()
    if not words:
        return ""
    if len(words) <= WHOLE_WORDS:
        return "text=" + _encode(" ".join(words))
    start = " ".join(words[:EDGE_WORDS])
    end = " ".join(words[-EDGE_WORDS:])
    return f"text={_encode(start)},{_encode(end)}"


def with_text_fragment(url: str, passage: str) -> str:
    """`url` pointing at `passage`; `url` unchanged when it is not an http(s) address or
    the passage is empty. An existing `#fragment` is kept in front of the directive, and
    an existing text directive is replaced."""
    directive = text_directive(passage)
    if not directive or not url.lower().startswith(("http://", "https://")):
        return url
    base, sep, fragment = url.partition("#")
    if sep:
        fragment = fragment.split(_DIRECTIVE[:3], 1)[0]  # drop any earlier ":~:" part
    return f"{base}#{fragment}:~:{directive}"
