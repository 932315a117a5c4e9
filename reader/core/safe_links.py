"""Which URLs Gloss lets a reader follow: one policy for the note cards, the tooltips and
the exports.

Notes come from the reader, but also from files other people wrote (a W3C or Hypothesis
export, a JSON backup), so a note's links and sources are untrusted. Only web pages and
e-mail addresses open, in the reader's browser or mail program: `http`, `https` and
`mailto`. Gloss's own article identifiers (`urn:x-gloss:article:…`, what its W3C export
writes for an article without a URL) are links too, but they open the article in the
window, never anything outside it. Every other scheme (`file:`, `smb:`, `javascript:`,
`data:`, custom protocol handlers registered by other programs) is shown as text and
never handed to the system: opening one can run a program, mount a share or leak a
password hash.

The check is on the exact string that would be opened: a URL with control characters or
whitespace around its scheme is not a link, so a scheme cannot hide from this check and
be found by a more tolerant parser later (Qt's tolerant `QUrl` strips such characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_SCHEMES = frozenset({"http", "https", "mailto"})
ARTICLE_URN = "urn:x-gloss:article:"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# C0 and C1 control characters and DEL, and any whitespace but a plain space (which
# browsers encode): none belongs in a URL a reader follows.
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\s]")
_ARTICLE_ID = re.compile(r"(?:sha256:(?P<hash>[0-9a-f]{64})|(?P<id>[1-9][0-9]{0,17}))")


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article named by Gloss's URN: its id in the library that wrote it, or the hash
    of its content (which names the same text in any library)."""

    article_id: int | None = None
    content_hash: str | None = None


def scheme(url: str) -> str:
    """The URL's scheme in lower case, or "" when it does not start with one."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def is_web_link(url: str) -> bool:
    """True for an http(s) URL with a host, or a mailto: with an address, with nothing
    in it that a tolerant parser would strip or reinterpret."""
    if not url or _UNSAFE_CHARS.search(url.replace(" ", "")):
        return False
    kind = scheme(url)
    if kind in ("http", "https"):
        rest = url[len(kind) + 1 :]
        return rest.startswith("//") and len(rest) > 2 and rest[2] not in "/?# "
    return kind == "mailto" and len(url.strip()) > len("mailto:")


def article_ref(url: str) -> ArticleRef | None:
    """The article a `urn:x-gloss:article:…` names, or None for any other string."""
    if url[: len(ARTICLE_URN)].lower() != ARTICLE_URN:
        return None
    match = _ARTICLE_ID.fullmatch(url[len(ARTICLE_URN) :])
    if match is None:
        return None
    if match.group("hash"):
        return ArticleRef(content_hash=match.group("hash"))
    return ArticleRef(article_id=int(match.group("id")))


def article_urn(content_hash: str) -> str:
    """The URN that names an article by its content hash."""
    return f"{ARTICLE_URN}sha256:{content_hash}"


def is_link(url: str) -> bool:
    """True when a note may show `url` as a link (a web link or a Gloss article)."""
    return is_web_link(url) or article_ref(url) is not None


__all__ = [
    "ARTICLE_URN",
    "OPEN_SCHEMES",
    "ArticleRef",
    "article_ref",
    "article_urn",
    "is_link",
    "is_web_link",
    "scheme",
]
