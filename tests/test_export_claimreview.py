from __future__ import annotations

import jsonschema
import pytest

from reader.core.export import ArticleInfo, Reviewer, claim_review, claim_reviews
from reader.core.export.claimreview import MissingReviewer
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
    "required": [
        "@context",
        "@type",
        "url",
        "author",
        "datePublished",
        "claimReviewed",
        "reviewRating",
        "itemReviewed",
    ],
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


DESK = Reviewer("Fact Desk", "https://factdesk.example.org", "Jane Doe")


def note(verdict: Verdict, uuid: str = "u1", **changes) -> Note:
    fields = dict(
        uuid=uuid,
        article_id=7,
        sentence=2,
        quote="Unemployment fell by 40% last year.",
        prefix="",
        suffix="",
        position=12,
        text="It was **4%**, see [the table](https://stats.example/t).\n\n- one\n- two",
        verdict=verdict,
        sources=(Source("https://stats.example", "Stats", "4.1% in March"),),
        tags=("economy",),
        created="2026-03-02T10:15:00Z",
        updated="2026-03-03T09:00:00+01:00",
        review_url=f"https://factdesk.example.org/checks/{uuid}",
    )
    fields.update(changes)
    return Note(**fields)


@pytest.mark.parametrize(
    ("verdict", "value"),
    [(Verdict.FALSE, 1), (Verdict.MISLEADING, 2), (Verdict.MOSTLY_TRUE, 4), (Verdict.TRUE, 5)],
)
def test_rated_verdicts(verdict: Verdict, value: int) -> None:
    review = claim_review(INFO, note(verdict), DESK)
    jsonschema.validate(review, CLAIM_REVIEW)
    assert review["url"] == "https://factdesk.example.org/checks/u1"
    assert "creativeWorkStatus" not in review
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"] == verdict.label
    assert review["claimReviewed"] == "Unemployment fell by 40% last year."
    assert review["author"] == {
        "@type": "Organization",
        "name": "Fact Desk",
        "url": "https://factdesk.example.org",
    }
    assert review["datePublished"] == "2026-03-03"
    assert review["reviewBody"] == "It was 4%, see the table.\none\ntwo"
    claim = review["itemReviewed"]
    assert claim["author"] == {"@type": "Organization", "name": "News"}  # the site, not byline
    assert claim["datePublished"] == "2026-03-01"
    assert claim["appearance"]["url"] == (
        "https://news.example.com/jobs#:~:text=Unemployment%20fell%20by%2040%25%20last%20year."
    )
    assert review["citation"] == [
        {
            "@type": "CreativeWork",
            "url": "https://stats.example",
            "name": "Stats",
            "text": "4.1% in March",
        }
    ]


def test_unverified_has_words_but_no_number() -> None:
    review = claim_review(INFO, note(Verdict.UNVERIFIED), DESK)
    jsonschema.validate(review, CLAIM_REVIEW)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverified"}


def test_opinion_and_none_are_not_exported() -> None:
    notes = [note(v, str(i)) for i, v in enumerate(Verdict)]
    batch = claim_reviews([(INFO, notes)], DESK)
    assert [r["reviewRating"]["alternateName"] for r in batch.reviews] == [
        "False",
        "Misleading",
        "Mostly true",
        "True",
        "Unverified",
    ]
    with pytest.raises(ValueError):
        claim_review(INFO, note(Verdict.OPINION), DESK)


def test_named_claimant_and_the_reviewer_as_a_person() -> None:
    review = claim_review(
        INFO, note(Verdict.FALSE, claimant="Sen. A. Person"), Reviewer(name="Jane Doe")
    )
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Sen. A. Person"}
    assert review["author"] == {"@type": "Person", "name": "Jane Doe"}


def test_no_reviewer_is_refused_with_how_to_set_it() -> None:
    with pytest.raises(MissingReviewer, match=r"gloss settings reviewer\.organisation"):
        claim_reviews([(INFO, [note(Verdict.FALSE)])], Reviewer())


def test_unpublished_notes_are_left_out_and_counted_unless_drafts() -> None:
    notes = [
        note(Verdict.FALSE, "a"),
        note(Verdict.TRUE, "b", review_url=""),
        note(Verdict.MISLEADING, "c", review_url=""),
        note(Verdict.OPINION, "d", review_url=""),  # never reviewed: not counted
    ]
    batch = claim_reviews([(INFO, notes)], DESK)
    assert [r["url"] for r in batch.reviews] == ["https://factdesk.example.org/checks/a"]
    assert batch.unpublished == 2
    assert "2 notes not yet published" in batch.notices()[0]
    drafts = claim_reviews([(INFO, notes)], DESK, drafts=True)
    assert [r["url"] for r in drafts.reviews] == [
        "https://factdesk.example.org/checks/a",
        "urn:uuid:b",
        "urn:uuid:c",
    ]
    assert [r.get("creativeWorkStatus") for r in drafts.reviews] == [None, "Draft", "Draft"]
    assert drafts.unpublished == 0 and drafts.drafts == 2
    assert "2 notes exported as drafts" in drafts.notices()[0]


def test_article_without_a_web_address_is_named_not_exported() -> None:
    info = ArticleInfo(9, "Saved PDF", site="Some Site")
    batch = claim_reviews([(info, [note(Verdict.FALSE)])], DESK)
    assert batch.reviews == []
    [line] = batch.notices()
    assert "article 9 (Saved PDF)" in line and "no web address" in line
    draft = claim_reviews([(info, [note(Verdict.FALSE)])], DESK, drafts=True).reviews[0]
    assert draft["itemReviewed"]["author"] == {"@type": "Organization", "name": "Some Site"}
    assert draft["itemReviewed"]["appearance"]["url"] == "urn:x-gloss:article:9"


def test_sources_of_every_kind_are_citations() -> None:
    sources = (
        Source("https://stats.example/t", "Stats"),
        Source(doi="10.1234/abc.5", title="The study"),
        Source(text="Phone interview with the lab, 3 Feb 2025"),
    )
    review = claim_review(INFO, note(Verdict.FALSE, sources=sources), DESK)
    assert review["citation"] == [
        {"@type": "CreativeWork", "url": "https://stats.example/t", "name": "Stats"},
        {"@type": "CreativeWork", "url": "https://doi.org/10.1234/abc.5", "name": "The study"},
        {"@type": "CreativeWork", "name": "Phone interview with the lab, 3 Feb 2025"},
    ]


def test_an_organisation_without_its_web_site_is_said() -> None:
    batch = claim_reviews([(INFO, [note(Verdict.FALSE)])], Reviewer("Fact Desk"))
    assert batch.reviews[0]["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert any("reviewer.organisation_url" in line for line in batch.notices())
    assert claim_reviews([(INFO, [note(Verdict.FALSE)])], DESK).notices() == []
