"""Library citations: a note's source that is a passage of another saved article,
anchored like a note, through re-imports, the Trash, deletion and undo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.core.citations import CitationError, candidates, cite, parse_cite
from reader.core.library import Library
from reader.core.model import Article, Block, BlockKind, Metadata, Source, SourceKind, Verdict
from reader.core.sentences import segment
from reader.core.sources import link_target, plain_text

REPORT = [
    "The agency published its annual report in March.",
    "Unemployment fell to 4.1 percent in the fourth quarter.",
    "Wages rose faster than prices for the first time in three years.",
]
CLAIM = ["A senator said unemployment rose to 6 percent.", "Economists disagreed."]


def article(title: str, url: str, paragraphs: list[str]) -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Article(Metadata(title=title, url=url, site="example.org"), blocks, segment(blocks))


@pytest.fixture
def two(library: Library) -> tuple[int, int]:
    report = library.add_article(article("Annual report", "https://example.org/report", REPORT))
    claim = library.add_article(article("The speech", "https://news.example/speech", CLAIM))
    return report.article_id, claim.article_id


def test_a_citation_is_stored_and_read_back(library: Library, two: tuple[int, int]) -> None:
    report, claim = two
    source = cite(library, report, 1)
    note = library.add_note(claim, 0, "The report says otherwise.", Verdict.FALSE, [source])
    (back,) = library.note(note.uuid).sources
    assert back.kind is SourceKind.CITATION
    assert back.quote == REPORT[1]
    assert (back.title, back.url) == ("Annual report", "https://example.org/report")
    assert back.citation is not None
    assert (back.citation.article_id, back.citation.sentence) == (report, 1)
    assert link_target(back) == (
        "https://example.org/report#:~:text=Unemployment%20fell%20to%204.1%20percent%20in"
        "%20the%20fourth%20quarter."
    )
    # The note's own row names the citation; the citations table holds it.
    raw = json.loads(
        library.db.execute("SELECT sources FROM notes WHERE uuid = ?", [note.uuid]).fetchone()[0]
    )
    assert raw[0]["kind"] == "citation" and raw[0]["citation"] == 0
    # Mixed with other kinds, the order is kept.
    text = Source(text="Phone call with the agency")
    edited = library.update_note(note.uuid, sources=[text, back])
    assert [s.kind for s in edited.sources] == [SourceKind.TEXT, SourceKind.CITATION]
    assert edited.sources[1].quote == REPORT[1]


def test_a_citation_survives_a_reimport_that_moves_its_sentence(
    library: Library, two: tuple[int, int]
) -> None:
    report, claim = two
    note = library.add_note(claim, 0, "", Verdict.FALSE, [cite(library, report, 1)])
    moved = ["Correction: an earlier version misstated the month.", *REPORT]
    assert (
        library.add_article(article("Annual report", "https://example.org/report", moved)).status
        == "updated"
    )
    (back,) = library.note(note.uuid).sources
    assert back.citation is not None
    assert back.citation.sentence == 2
    assert library.article(report).sentences[2].text == back.quote == REPORT[1]


def test_a_citation_whose_words_vanished_keeps_its_quote(
    library: Library, two: tuple[int, int]
) -> None:
    report, claim = two
    note = library.add_note(claim, 0, "", Verdict.FALSE, [cite(library, report, 1)])
    rewritten = [REPORT[0], "Unemployment was 4.4 percent in the fourth quarter.", REPORT[2]]
    library.add_article(article("Annual report", "https://example.org/report", rewritten))
    (back,) = library.note(note.uuid).sources
    assert back.citation is not None
    assert back.citation.article_id == report
    assert back.citation.sentence is None  # not placed on words the report no longer says
    assert back.quote == REPORT[1]
    # Editing the note keeps the unplaced citation as it is.
    again = library.update_note(
        note.uuid, text="Still wrong.", sources=list(library.note(note.uuid).sources)
    )
    assert again.sources == (back,)


def test_trashed_and_deleted_cited_articles(library: Library, two: tuple[int, int]) -> None:
    report, claim = two
    note = library.add_note(claim, 0, "", Verdict.FALSE, [cite(library, report, 1)])
    library.trash_article(report)
    (trashed,) = library.note(note.uuid).sources
    assert trashed.citation is not None and trashed.citation.trashed
    assert plain_text(trashed).endswith("(in the Trash)")
    library.restore_article(report)
    library.trash_article(report)
    library.purge_trash()
    (gone,) = library.note(note.uuid).sources
    assert gone.citation is not None and gone.citation.gone
    assert (gone.title, gone.url, gone.quote) == (
        "Annual report",
        "https://example.org/report",
        REPORT[1],
    )
    assert plain_text(gone).endswith("(no longer in the library)")
    # The report imported again: the citation finds it by its address.
    again = library.add_article(article("Annual report", "https://example.org/report", REPORT))
    (back,) = library.note(note.uuid).sources
    assert back.citation is not None
    assert (back.citation.article_id, back.citation.sentence) == (again.article_id, 1)


def test_undo_of_a_delete_brings_the_citation_back(library: Library, two: tuple[int, int]) -> None:
    report, claim = two
    note = library.add_note(claim, 0, "", Verdict.FALSE, [cite(library, report, 2)])
    library.delete_note(note.uuid)
    assert library.db.execute("SELECT COUNT(*) FROM citations").fetchone()[0] == 0
    assert library.restore_note(note) == note


def test_a_note_cannot_cite_its_own_article(library: Library, two: tuple[int, int]) -> None:
    _, claim = two
    with pytest.raises(CitationError, match="own article"):
        library.add_note(claim, 0, "", Verdict.FALSE, [cite(library, claim, 1)])
    assert library.notes(claim) == []


def test_bad_citations_are_clear_errors(library: Library, two: tuple[int, int]) -> None:
    report, _ = two
    with pytest.raises(CitationError, match="no article 99"):
        parse_cite(library, "99:1")
    with pytest.raises(CitationError, match="no sentence 9"):
        parse_cite(library, f"{report}:9")
    with pytest.raises(CitationError, match="ARTICLE:N"):
        parse_cite(library, "report")
    with pytest.raises(CitationError, match="start at 1"):
        parse_cite(library, f"{report}:0")
    assert parse_cite(library, f"{report}:2").quote == REPORT[1]


def test_candidates_are_sentences_of_other_articles(library: Library, two: tuple[int, int]) -> None:
    report, claim = two
    found = candidates(library, "unemployment", exclude=claim)
    assert [(c.article_id, c.sentence, c.title) for c in found] == [(report, 1, "Annual report")]
    assert candidates(library, "unemployment", exclude=report)[0].article_id == claim
    assert candidates(library, "   ") == []


def test_m011_keeps_the_notes_of_an_existing_library(library_path: Path) -> None:
    with Library(library_path) as library:
        article_id = library.add_article(article("Old", "https://e.org/old", CLAIM)).article_id
        note = library.add_note(article_id, 0, "Checked.", Verdict.TRUE)
    # As a library written before m011: no citations table, sources as the CLI wrote
    # them (any text as a "url").
    old_sources = [{"url": "https://e.org/a", "title": "A"}, {"url": "Phone call, 3 Feb"}]
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("DROP TABLE citations")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_citations'")
        conn.execute("UPDATE notes SET sources = ?", [json.dumps(old_sources)])
    conn.close()
    with Library(library_path) as library:
        back = library.note(note.uuid)
        assert back.text == "Checked."
        assert back.sources == (
            Source(url="https://e.org/a", title="A"),
            Source(text="Phone call, 3 Feb"),
        )
        assert library.db.execute("SELECT COUNT(*) FROM citations").fetchone()[0] == 0


def test_backup_round_trip_of_every_kind(library: Library, tmp_path: Path) -> None:
    from reader.core.transfer import export_notes, import_notes

    # The citing article comes first in the file: its citation is restored before the
    # article it cites exists in the new library.
    claim = library.add_article(article("The speech", "https://news.example/speech", CLAIM))
    report = library.add_article(article("Annual report", "https://example.org/report", REPORT))
    sources = [
        Source(url="https://example.org/a", title="A", quote="q"),
        Source(doi="10.1000/182", title="Handbook"),
        Source(text="Phone call with the agency, 3 Feb 2025", title="Call"),
        cite(library, report.article_id, 1),
    ]
    note = library.add_note(claim.article_id, 0, "Wrong.", Verdict.FALSE, sources)
    document = json.loads(export_notes(library, None, "json"))
    with Library(tmp_path / "other.db") as other:
        import_notes(other, document)
        back = other.note(note.uuid)
        assert [s.kind for s in back.sources] == [s.kind for s in note.sources]
        assert back.sources[:3] == note.sources[:3]
        cited = back.sources[3]
        assert cited.citation is not None and not cited.citation.gone
        assert other.article(cited.citation.article_id).meta.title == "Annual report"
        assert (cited.quote, cited.citation.sentence) == (REPORT[1], 1)
    # Restored where the cited article is not: the citation keeps what it quoted.
    document["articles"] = [a for a in document["articles"] if a["title"] == "The speech"]
    with Library(tmp_path / "third.db") as third:
        import_notes(third, document)
        cited = third.note(note.uuid).sources[3]
        assert cited.citation is not None and cited.citation.gone
        assert (cited.title, cited.url, cited.quote) == (
            "Annual report",
            "https://example.org/report",
            REPORT[1],
        )


def test_w3c_export_links_only_link_kinds(library: Library, two: tuple[int, int]) -> None:
    from reader.core.transfer import export_notes

    report, claim = two
    sources = [
        Source(text="Phone call with the agency"),
        Source(doi="10.1000/182"),
        cite(library, report, 1),
    ]
    library.add_note(claim, 0, "Wrong.", Verdict.FALSE, sources)
    doc = json.loads(export_notes(library, [claim], "w3c"))
    bodies = [b for b in doc["first"]["items"][0]["body"] if b.get("purpose") == "linking"]
    assert bodies[0] == {
        "type": "TextualBody",
        "purpose": "linking",
        "value": "Phone call with the agency",
        "format": "text/plain",
    }
    assert bodies[1]["source"] == "https://doi.org/10.1000/182"
    assert bodies[2]["source"]["id"].startswith("https://example.org/report#:~:text=Unemployment")
    assert bodies[2]["selector"]["exact"] == REPORT[1]


def test_w3c_import_makes_a_saved_article_citation_a_citation_again(
    library: Library, two: tuple[int, int], tmp_path: Path
) -> None:
    """Exported as the cited article's URL with a text fragment, read back into a library
    that holds that article: a library citation on its words, not a web link."""
    from reader.core.transfer import export_notes, import_notes

    report, claim = two
    web = Source("https://example.org/other#:~:text=words", "Not in this library", "words")
    library.add_note(claim, 0, "Wrong.", Verdict.FALSE, [cite(library, report, 1), web])
    document = json.loads(export_notes(library, [claim], "w3c"))

    other = Library(tmp_path / "other.db")  # the same two pages, the cited one moved on
    try:
        moved = [REPORT[2], REPORT[0], REPORT[1]]
        cited = other.add_article(article("Annual report", "https://example.org/report", moved))
        citing = other.add_article(article("The speech", "https://news.example/speech", CLAIM))
        import_notes(other, document)
        (note,) = other.notes(citing.article_id)
        back, kept = note.sources
        assert back.kind is SourceKind.CITATION and back.citation is not None
        assert (back.citation.article_id, back.citation.sentence) == (cited.article_id, 2)
        assert back.quote == REPORT[1] and back.title == "Annual report"
        # A web page not saved here stays a web link, text fragment and all.
        assert kept.kind is SourceKind.URL and kept.url == web.url
    finally:
        other.close()
