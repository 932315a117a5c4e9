"""Notes with a verdict as schema.org ClaimReview JSON-LD that a fact-check aggregator
(Google Fact Check Tools, the markup fact-checkers put in their pages) can publish.

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

Per review:

- `url`: the note's review URL, the page that publishes the fact check. A note without
  one is not published yet: it is left out and counted, unless drafts are asked for, in
  which case its `url` is its `urn:uuid:` and `creativeWorkStatus` says "Draft";
- `author`: the reviewing organisation from the library's settings (an Organization with
  its url), else the reviewer's name as a Person; with neither the export is refused
  (`MissingReviewer`) rather than written without a publisher;
- `datePublished`: the note's last change; `claimReviewed`: the words the verdict was
  written against (the note's original quote); `reviewBody`: the note as plain text
  (its Markdown stripped, link texts kept);
- `itemReviewed`: a Claim whose `author` is the note's claimant (default the article's
  site), `datePublished` the article's date, and `appearance` the article's URL with a
  text fragment (`URL#:~:text=…`) that points at the words. An article without an
  http(s) URL has no appearance a reader could open: its notes are left out and named
  (drafts keep them, with the article's URN).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Note, Source, Verdict
from ..note_plain import note_plain_text
from ..note_publication import claimant_of
from ..safe_links import is_web_link
from ..sources import link_target, what_it_is
from ..text_fragment import with_text_fragment
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
HOW_TO_SET_REVIEWER = (
    "set it with `gloss settings reviewer.organisation NAME` (and "
    "`gloss settings reviewer.organisation_url URL`), or in Preferences ▸ Fact-check publishing"
)


class MissingReviewer(ValueError):
    """No organisation and no reviewer name: a ClaimReview needs its publisher."""

    def __init__(self) -> None:
        super().__init__(
            "ClaimReview needs who publishes the fact checks, and this library names no "
            f"reviewing organisation: {HOW_TO_SET_REVIEWER}"
        )


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who publishes the reviews (the library's `reviewer.*` settings)."""

    organisation: str = ""
    organisation_url: str = ""
    name: str = ""

    @property
    def author(self) -> dict[str, Any] | None:
        if self.organisation:
            org: dict[str, Any] = {"@type": "Organization", "name": self.organisation}
            if self.organisation_url:
                org["url"] = self.organisation_url
            return org
        if self.name:
            return {"@type": "Person", "name": self.name}
        return None


@dataclass(frozen=True, slots=True)
class ReviewBatch:
    """The reviews written, and what was left out and why."""

    reviews: list[dict[str, Any]]
    drafts: int = 0  # reviews written as drafts (no review URL yet)
    unpublished: int = 0  # reviewable notes left out: no review URL
    # Articles whose notes were left out for want of an http(s) URL, with how many.
    no_web_address: list[tuple[ArticleInfo, int]] = field(default_factory=list)
    # Reviews were written for an organisation whose web site is not set.
    organisation_without_url: bool = False

    def notices(self) -> list[str]:
        """One line for each thing the reader should know about this export."""
        lines = []
        if self.unpublished:
            lines.append(
                f"{_count(self.unpublished)} not yet published (no review URL): left out; "
                "give each its URL (`gloss note edit UUID --review-url URL`, or Publishing "
                "in the note editor), or export them as drafts (--drafts)"
            )
        if self.drafts:
            lines.append(
                f"{_count(self.drafts)} exported as drafts: their url is a urn:uuid: and "
                'they say "creativeWorkStatus": "Draft"; do not publish them as they are'
            )
        if self.organisation_without_url:
            lines.append(
                "the reviewing organisation has no web site in the settings, so its author "
                "entry has no url; set it with `gloss settings reviewer.organisation_url URL`"
            )
        for info, n in self.no_web_address:
            lines.append(
                f"{_count(n)} of article {info.id} ({info.title or 'untitled'}) left out: "
                "the article has no web address for the claim's appearance; import the page "
                "from its URL to give it one"
            )
        return lines


def is_reviewable(note: Note) -> bool:
    return note.verdict in RATINGS


def claim_review(
    info: ArticleInfo, note: Note, reviewer: Reviewer, *, draft: bool = False
) -> dict[str, Any]:
    """One ClaimReview; ValueError for a note whose verdict is not exported or that has
    no review URL (unless `draft`), MissingReviewer without a publisher."""
    if not is_reviewable(note):
        raise ValueError(f"no ClaimReview for verdict {note.verdict.value!r}")
    author = reviewer.author
    if author is None:
        raise MissingReviewer
    if not note.review_url and not draft:
        raise ValueError(f"note {note.uuid} has no review URL: it is not published yet")
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": note.verdict.label}
    value = RATINGS[note.verdict]
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST, worstRating=WORST)

    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": note.review_url or f"urn:uuid:{note.uuid}",
    }
    if not note.review_url:
        review["creativeWorkStatus"] = "Draft"
    review["author"] = author
    if date := iso_date(note.updated) or iso_date(note.created):
        review["datePublished"] = date
    review["claimReviewed"] = " ".join(note.original_quote.split())
    review["reviewRating"] = rating
    if body := note_plain_text(note.text):
        review["reviewBody"] = body
    if note.sources:
        review["citation"] = [citation(s) for s in note.sources]
    if note.tags:
        review["keywords"] = list(note.tags)
    review["itemReviewed"] = _claim(info, note)
    return review


def claim_reviews(
    items: Iterable[tuple[ArticleInfo, Iterable[Note]]],
    reviewer: Reviewer,
    *,
    drafts: bool = False,
) -> ReviewBatch:
    """ClaimReviews for every published note with a rated verdict (see the module
    docstring); with `drafts`, the notes not published yet too."""
    reviews: list[dict[str, Any]] = []
    draft_count = unpublished = 0
    no_address: list[tuple[ArticleInfo, int]] = []
    for info, notes in items:
        chosen = [n for n in notes if is_reviewable(n)]
        if not drafts:
            unpublished += sum(not n.review_url for n in chosen)
            chosen = [n for n in chosen if n.review_url]
            if chosen and not _has_web_address(info):
                no_address.append((info, len(chosen)))
                continue
        for note in chosen:
            reviews.append(claim_review(info, note, reviewer, draft=drafts))
            draft_count += not note.review_url
    bare = bool(reviews) and bool(reviewer.organisation) and not reviewer.organisation_url
    return ReviewBatch(reviews, draft_count, unpublished, no_address, bare)


def unpublished_count(items: Iterable[tuple[ArticleInfo, Iterable[Note]]]) -> int:
    """Notes with a rated verdict and no review URL yet."""
    return sum(is_reviewable(n) and not n.review_url for _info, notes in items for n in notes)


def citation(source: Source) -> dict[str, Any]:
    """A note's source as the review's `citation`: the one place sources are written. A
    link (a web page, a DOI through doi.org, a saved article's URL with a text fragment)
    is the work's `url`; a source that is words (a phone call, a letter) is its `name`."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if target := link_target(source):
        work["url"] = target
        if source.title:
            work["name"] = source.title
    else:
        work["name"] = source.title or what_it_is(source)
        if source.title:
            work["description"] = what_it_is(source)
    if source.quote:
        work["text"] = source.quote
    return work


def _has_web_address(info: ArticleInfo) -> bool:
    return info.url.lower().startswith(("http://", "https://")) and is_web_link(info.url)


def _claim(info: ArticleInfo, note: Note) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if who := claimant_of(note.claimant, info.site, info.url):
        claim["author"] = {"@type": "Organization" if not note.claimant else "Person", "name": who}
    if date := iso_date(info.published):
        claim["datePublished"] = date
    url = with_text_fragment(info.url, note.quote) if _has_web_address(info) else info.iri
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if info.title:
        appearance["headline"] = info.title
    claim["appearance"] = appearance
    return claim


def _count(n: int) -> str:
    return f"{n} note{'s' if n != 1 else ''}"
