"""Source kinds: the text form the editor and the CLI share, the JSON stored in a note,
and the link and one-line text every export writes."""

from __future__ import annotations

import json

import pytest

from reader.core.model import Citation, Source, SourceKind
from reader.core.sources import (
    format_source,
    format_sources,
    link_target,
    parse_doi,
    parse_source,
    parse_sources,
    plain_text,
)

FORMS = [
    (
        "https://example.org/report Annual report 2024 > Revenue fell 3%.",
        Source(
            url="https://example.org/report", title="Annual report 2024", quote="Revenue fell 3%."
        ),
    ),
    ("http://example.org/a", Source(url="http://example.org/a")),
    (
        "mailto:press@example.org Press office",
        Source(url="mailto:press@example.org", title="Press office"),
    ),
    (
        "doi:10.1038/nature12373 Thermometry > a passage",
        Source(doi="10.1038/nature12373", title="Thermometry", quote="a passage"),
    ),
    ("https://doi.org/10.1000/182", Source(doi="10.1000/182")),
    ("https://dx.doi.org/10.1000/a%2Fb Title", Source(doi="10.1000/a/b", title="Title")),
    ("http://dx.doi.org/10.1000/182", Source(doi="10.1000/182")),
    ("10.5555/12345678 Bare DOI", Source(doi="10.5555/12345678", title="Bare DOI")),
    (
        "Phone interview with the lab, 3 Feb 2025",
        Source(text="Phone interview with the lab, 3 Feb 2025"),
    ),
    (
        'Phone interview with the lab | Lab notes > "we never said that"',
        Source(text="Phone interview with the lab", title="Lab notes", quote="we never said that"),
    ),
    ("ftp://files.example.org/report.pdf", Source(text="ftp://files.example.org/report.pdf")),
    ("javascript:alert(1) Click me", Source(text="javascript:alert(1) Click me")),
    ("file:///etc/passwd", Source(text="file:///etc/passwd")),
    (
        "https://e.org/a | Title | with a bar",
        Source(url="https://e.org/a", title="Title | with a bar"),
    ),
    ("https://e.org/a A | B > q", Source(url="https://e.org/a", title="A | B", quote="q")),
]


@pytest.mark.parametrize(("line", "expected"), FORMS)
def test_every_form_parses_and_reads_back(line: str, expected: Source) -> None:
    source = parse_source(line)
    assert source == expected
    assert parse_source(format_source(source)) == source
    assert Source.from_json(json.loads(json.dumps(source.to_json()))) == source


def test_kinds_and_links() -> None:
    assert parse_source("https://example.org").kind is SourceKind.URL
    doi = parse_source("doi:10.1038/nature12373")
    assert doi.kind is SourceKind.DOI
    assert link_target(doi) == "https://doi.org/10.1038/nature12373"
    assert parse_source("10.1000/a b c").kind is SourceKind.DOI  # title "b c"
    text = parse_source("Phone interview with the lab, 3 Feb 2025")
    assert text.kind is SourceKind.TEXT and link_target(text) == ""
    assert link_target(parse_source("javascript:alert(1)")) == ""
    assert link_target(parse_source("mailto:a@example.org")) == "mailto:a@example.org"
    assert parse_doi("doi:10.12/x") is None  # a registrant code has 4 to 9 digits
    assert link_target(Source(doi="10.1000/a b#c")) == "https://doi.org/10.1000/a%20b%23c"


def test_plain_text_names_title_quote_and_what_it_is() -> None:
    assert plain_text(parse_source("https://e.org/r Report > Revenue fell.")) == (
        "Report — “Revenue fell.” — https://e.org/r"
    )
    assert plain_text(parse_source("doi:10.1000/182")) == "doi:10.1000/182"
    assert plain_text(parse_source("Phone call | Lab > it is fine")) == (
        "Lab — “it is fine” — Phone call"
    )


def test_citation_links_to_the_article_with_a_text_fragment() -> None:
    cited = Source(
        url="https://example.org/report",
        title="Annual report",
        quote="Revenue fell 3% in 2024.",
        citation=Citation(article_id=4, sentence=2, site="example.org"),
    )
    assert cited.kind is SourceKind.CITATION
    assert (
        link_target(cited)
        == "https://example.org/report#:~:text=Revenue%20fell%203%25%20in%202024."
    )
    assert plain_text(cited) == (
        "Annual report — “Revenue fell 3% in 2024.” — "
        "https://example.org/report#:~:text=Revenue%20fell%203%25%20in%202024."
    )
    gone = Source(title="Annual report", quote="Revenue fell.", citation=Citation(None, None))
    assert link_target(gone) == ""
    assert plain_text(gone).endswith("saved article (no longer in the library)")
    assert Source.from_json(cited.to_json()) == cited
    assert format_sources([cited, parse_source("Phone call")]) == "Phone call"


def test_old_sources_read_back() -> None:
    """Every JSON a library or backup held so far: a bare string, or {url, title, quote}
    where the command line let any text be the url."""
    assert Source.from_json("https://example.org") == Source(url="https://example.org")
    assert Source.from_json({"url": "https://e.org", "title": "T", "quote": "q"}) == Source(
        url="https://e.org", title="T", quote="q"
    )
    old = Source.from_json({"url": "Phone interview with the lab", "title": "Lab"})
    assert old.kind is SourceKind.TEXT
    assert (old.text, old.title) == ("Phone interview with the lab", "Lab")
    assert link_target(old) == ""
    # Written back, it keeps a "url" an older Gloss reads as the text it used to be.
    assert old.to_json()["url"] == "Phone interview with the lab"
    assert parse_source(format_source(old)) == old


def test_every_line_is_a_source() -> None:
    text = "https://e.org A\n\n  Phone call, 3 Feb  \n> just words\n"
    assert [s.kind for s in parse_sources(text)] == [
        SourceKind.URL,
        SourceKind.TEXT,
        SourceKind.TEXT,
    ]
