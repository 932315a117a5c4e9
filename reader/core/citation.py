""" "Copy as citation": a passage of a saved article as people quote it, in plain text and
as HTML with a link, without Qt (the window puts both on the clipboard).

    “Footfall has fallen by a third since the closure began.” — Bridge repairs will
    take two more years, Tom Ellery, Riverside Herald, 2025-10-14.
    https://herald.example/bridge#:~:text=Footfall%20has%20fallen…

The URL carries a text fragment, so a browser opens the page scrolled to the quoted
words and highlights them. A page without a web address is cited without one.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .model import Metadata
from .safe_links import is_web_link
from .text_fragment import with_text_fragment


@dataclass(frozen=True, slots=True)
class Citation:
    text: str  # plain text: quote, where it is from, the URL
    html: str  # the same with the title linked to the URL


def cite(quote: str, meta: Metadata, page: int | None = None) -> Citation:
    """The citation of `quote` (the words as selected; whitespace collapsed) from an
    article with metadata `meta`: title, author, site, date, the printed page (`page`,
    for a PDF), then the URL."""
    words = " ".join(quote.split())
    quoted = f"“{words}”"
    link = with_text_fragment(meta.url, words) if is_web_link(meta.url) else ""
    title = meta.title.strip()
    details = [p.strip() for p in (meta.byline, meta.site, meta.published[:10]) if p.strip()]
    if page is not None:
        details.append(f"p. {page}")

    parts = [p for p in (title, *details) if p]
    text = quoted + (" — " + ", ".join(parts) + "." if parts else "")
    if link:
        text += f" {link}"

    esc = html.escape
    # The title carries the link; without a title, the site or the address itself does.
    site = meta.site.strip()
    label = title or site or link
    linked = f'<a href="{esc(link, quote=True)}">{esc(label)}</a>' if link else esc(title)
    rest = [esc(d) for d in details if not (link and not title and d == site)]
    html_parts = [p for p in (linked, *rest) if p]
    body = esc(quoted) + (" — " + ", ".join(html_parts) + "." if html_parts else "")
    return Citation(text, f"<p>{body}</p>")
