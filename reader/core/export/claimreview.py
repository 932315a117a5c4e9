"""Notes with a verdict as schema.org ClaimReview JSON-LD (Google Fact Check markup).

Verdicts map to a 1-5 `reviewRating` (worst 1, best 5), with `alternateName` always the
verdict in words, which is what readers and the Fact Check tools show:

    false        1  "False"
    misleading   2  "Misleading"
    (3 is left unused: Gloss has no "half true" verdict)
    mostly true  4  "Mostly true"
    true         5  "True"
    unverified   -  "Unverified"  no ratingValue: a number would read as "half true",
                                  and "we could not check it" is not a position on the scale
    opinion      not exported     an opinion is not a factual claim to rate
    none         not exported     a plain comment, not a review

`claimReviewed` is the noted words as the verdict was written against them (the note's
original quote, which differs from its quote when the page changed since), `itemReviewed`
the claim as it appeared in the article (its author is the article's byline, else its
site), `url` the
address where the review itself is published: the caller's `review_url(note)`, or the
note's `urn:uuid:` when there is none yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..model import Note, Verdict
from .common import ArticleInfo, iso_date

CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
RATINGS: dict[Verdict, int | None] = {
    Verdict.FALSE: 1,
    Verdict.MISLEADING: 2,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.TRUE: 5,
    Verdict.UNVERIFIED: None,
}


def is_reviewable(note: Note) -> bool:
    return note.verdict in RATINGS


def claim_review(
    info: ArticleInfo,
    note: Note,
    reviewer: str = "",
    review_url: Callable[[Note], str] | None = None,
    reviewer_is_organization: bool = False,
) -> dict[str, Any]:
    """One ClaimReview; raises ValueError for a note whose verdict is not exported."""
    if not is_reviewable(note):
        raise ValueError(f"no ClaimReview for verdict {note.verdict.value!r}")
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": note.verdict.label}
    value = RATINGS[note.verdict]
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST, worstRating=WORST)

    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(note) if review_url else f"urn:uuid:{note.uuid}",
        "claimReviewed": note.original_quote,
    }
    if date := iso_date(note.updated) or iso_date(note.created):
        review["datePublished"] = date
    if reviewer:
        kind = "Organization" if reviewer_is_organization else "Person"
        review["author"] = {"@type": kind, "name": reviewer}
    review["reviewRating"] = rating
    if note.text:
        review["reviewBody"] = note.text
    if note.sources:
        review["citation"] = [_work(s.url, s.title) for s in note.sources]
    if note.tags:
        review["keywords"] = list(note.tags)
    review["itemReviewed"] = _claim(info)
    return review


def claim_reviews(
    items: Iterable[tuple[ArticleInfo, Iterable[Note]]],
    reviewer: str = "",
    review_url: Callable[[Note], str] | None = None,
    reviewer_is_organization: bool = False,
) -> list[dict[str, Any]]:
    """ClaimReviews for every exportable note (see the module docstring); others skipped."""
    return [
        claim_review(info, note, reviewer, review_url, reviewer_is_organization)
        for info, notes in items
        for note in notes
        if is_reviewable(note)
    ]


def _claim(info: ArticleInfo) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if info.byline:
        claim["author"] = {"@type": "Person", "name": info.byline}
    elif info.site:
        claim["author"] = {"@type": "Organization", "name": info.site}
    if date := iso_date(info.published):
        claim["datePublished"] = date
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": info.iri}
    if info.title:
        appearance["headline"] = info.title
    claim["appearance"] = appearance
    return claim


def _work(url: str, title: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if title:
        work["name"] = title
    return work
