"""What a note needs to be published as a fact check: who made the claim (its claimant)
and the address of the page that publishes the review.

- The claimant defaults to the article's site (the outlet that printed the claim), else
  the host of its URL: a byline is the reporter, who is rarely the one who made a claim
  they quote. A note stores "" for "the default", so it follows the article.
- The review URL is where the fact check is (or will be) published, an absolute http(s)
  address; "" means not published yet, and the ClaimReview export leaves the note out
  (or writes it as a draft).
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_CLAIMANT = 300


def check_review_url(url: str) -> str:
    """`url` trimmed, or ValueError naming what is wrong; "" clears it."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in url)
    ):
        raise ValueError(
            f"the review URL must be an absolute http(s) address (got {url!r}), "
            "such as https://factcheck.example.org/2026/claim"
        )
    return url


def check_claimant(name: str) -> str:
    """`name` trimmed to one line, or ValueError; "" means the article's site."""
    name = " ".join(name.split())
    if len(name) > MAX_CLAIMANT:
        raise ValueError(f"the claimant is longer than {MAX_CLAIMANT} characters")
    return name


def default_claimant(site: str, url: str) -> str:
    """Who made a claim when the note does not say: the article's site, else the host
    of its URL ("" when it has neither)."""
    if site.strip():
        return site.strip()
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def claimant_of(claimant: str, site: str, url: str) -> str:
    """The note's claimant, or the article's default one."""
    return claimant or default_claimant(site, url)
