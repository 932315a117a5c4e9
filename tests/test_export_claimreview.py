from __future__ import annotations

import jsonschema
import pytest

from reader.core.export import ArticleInfo, claim_review, claim_reviews
from reader.core.model import Note, Source, Verdict

INFO = ArticleInfo(7, "Jobs", "https://news.example.com/jobs", "A. Writer", "News", "2026-03-01")

# What Google's Fact Check tools require, plus the shape Gloss promises.
RATING = {
    "type": "object",
    "required": ["@type", "alternateName"],
    "properties": {
        "@type": {"const": "Rating"},
        "alternateName": {"type": "string", "minLength": 1},
        "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
        "bestRating": {"const": 5},
        "worstRating": {"const": 1},
    },
    "dependentRequired": {"ratingValue": ["bestRating", "worstRating"]},
}
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "url": {"type": "string", "minLength": 1},
        "claimReviewed": {"type": "string", "minLength": 1},
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"},
        "reviewRating": RATING,
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"const": "Claim"},
                "appearance": {
                    "type": "object",
                    "required": ["@type", "url"],
                    "properties": {"@type": {"const": "CreativeWork"}},
                },
            },
        },
    },
}


def note(verdict: Verdict, uuid: str = "u1") -> Note:
    return Note(
        uuid,
        7,
        2,
        "Unemployment fell by 40% last year.",
        "",
        "",
        12,
        "It was 4%.",
        verdict,
        (Source("https://stats.example", "Stats"),),
        ("economy",),
        "2026-03-02T10:15:00Z",
        "2026-03-03T09:00:00+01:00",
    )


@pytest.mark.parametrize(
    ("verdict", "value"),
    [(Verdict.FALSE, 1), (Verdict.MISLEADING, 2), (Verdict.MOSTLY_TRUE, 4), (Verdict.TRUE, 5)],
)
def test_rated_verdicts(verdict: Verdict, value: int) -> None:
    review = claim_review(INFO, note(verdict), reviewer="Fact Desk", reviewer_is_organization=True)
    jsonschema.validate(review, CLAIM_REVIEW)
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"] == verdict.label
    assert review["claimReviewed"] == "Unemployment fell by 40% last year."
    assert review["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert review["datePublished"] == "2026-03-03"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "A. Writer"}
    assert review["itemReviewed"]["appearance"]["url"] == INFO.url
    assert review["citation"] == [
        {"@type": "CreativeWork", "url": "https://stats.example", "name": "Stats"}
    ]


def test_unverified_has_words_but_no_number() -> None:
    review = claim_review(INFO, note(Verdict.UNVERIFIED))
    jsonschema.validate(review, CLAIM_REVIEW)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverified"}


def test_opinion_and_none_are_not_exported() -> None:
    notes = [note(v, str(i)) for i, v in enumerate(Verdict)]
    reviews = claim_reviews([(INFO, notes)], review_url=lambda n: f"https://me.example/r/{n.uuid}")
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [
        "False",
        "Misleading",
        "Mostly true",
        "True",
        "Unverified",
    ]
    assert reviews[0]["url"] == "https://me.example/r/0"
    with pytest.raises(ValueError):
        claim_review(INFO, note(Verdict.OPINION))


def test_article_without_byline_or_url() -> None:
    info = ArticleInfo(9, "", site="Some Site")
    review = claim_review(info, note(Verdict.FALSE))
    jsonschema.validate(review, CLAIM_REVIEW)
    assert review["url"] == "urn:uuid:u1"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Some Site"}
    assert review["itemReviewed"]["appearance"]["url"] == "urn:x-gloss:article:9"
