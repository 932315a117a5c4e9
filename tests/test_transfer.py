"""Export and import through the library (`reader.core.transfer`): round trips, repeat
imports, W3C and Hypothesis placement, and imports that fail writing nothing."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.ingest import load_file
from reader.core.library import Library, NotFound
from reader.core.model import Note, Source, Verdict
from reader.core.transfer import (
    Cancelled,
    TransferError,
    annotation_uuid,
    export_notes,
    export_to_file,
    import_notes,
    normalize_url,
)

NEWS_URL = "https://herald.example/news/bridge-repairs"


def sentence_starting(library: Library, article_id: int, start: str) -> int:
    return next(s.index for s in library.article(article_id).sentences if s.text.startswith(start))


@pytest.fixture
def filled(library: Library, pages: Path) -> Library:
    """Two articles with placed notes (tags, sources, verdicts) and one unplaced note."""
    news = library.add_article(load_file(pages / "news.html")).article_id
    emoji = library.add_article(load_file(pages / "emoji.html")).article_id
    buses = sentence_starting(library, news, "Buses and bicycles")
    library.add_note(
        news,
        buses,
        "Checked with the *bus company*.",
        Verdict.TRUE,
        [Source("https://buses.example/press", "Press release", "a temporary lane")],
        ["transport", "local"],
    )
    library.add_note(news, 0, "The date is wrong.", Verdict.MISLEADING, tags=["dates"])
    # An orphan: its sentence was in an earlier text of the page.
    orphan = library.add_note(news, 2, "Was it four cables?", Verdict.UNVERIFIED)
    library.restore_note(
        replace(orphan, sentence=None, quote="Engineers found rust in two of the cables.")
    )
    library.add_note(emoji, 0, "Emoji 🎉 in a note", Verdict.OPINION)
    return library


def note_key(note: Note) -> tuple:
    """A note without its library-specific article id."""
    return (*(getattr(note, f) for f in Note.__slots__ if f != "article_id"),)


def all_notes(library: Library) -> dict[str, Note]:
    return {n.uuid: n for i in library.article_ids() for n in library.notes(i)}


def dump(path: Path) -> list[str]:
    """Every row of every table (FTS shadow tables included), from a fresh connection."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_json_backup_round_trips_into_an_empty_library(filled: Library, tmp_path: Path) -> None:
    text = export_notes(filled, None, "json")
    with Library(tmp_path / "other.db") as other:
        report = import_notes(other, text)
        assert (report.kind, report.articles, report.restored, report.unplaced) == (
            "backup",
            2,
            4,
            1,
        )
        assert report.skipped == report.present == 0
        before = {u: note_key(n) for u, n in all_notes(filled).items()}
        after = {u: note_key(n) for u, n in all_notes(other).items()}
        assert after == before
        for old_id, new_id in zip(filled.article_ids(), other.article_ids(), strict=True):
            old, new = filled.article(old_id), other.article(new_id)
            assert (new.meta, new.blocks, new.sentences) == (old.meta, old.blocks, old.sentences)
            assert other.imported_at(new_id) == filled.imported_at(old_id)
        # What comes out again is the same document.
        assert export_notes(other, None, "json", exported="x") == export_notes(
            filled, None, "json", exported="x"
        )


def test_json_backup_twice_changes_nothing(filled: Library, tmp_path: Path) -> None:
    text = export_notes(filled, None, "json")
    target = tmp_path / "other.db"
    with Library(target) as other:
        import_notes(other, text)
    first = dump(target)
    with Library(target) as other:
        report = import_notes(other, text)
    assert (report.restored, report.articles, report.present) == (0, 0, 4)
    assert report.summary() == "restored 0, placed 0, unplaced 0, skipped 0, already present 4"
    assert dump(target) == first


def test_json_backup_into_its_own_library_changes_nothing(
    filled: Library, library_path: Path
) -> None:
    text = export_notes(filled, None, "json")
    before = dump(library_path)
    report = import_notes(filled, text)
    assert (report.present, report.restored, report.articles) == (4, 0, 0)
    assert dump(library_path) == before


def test_backup_restores_deleted_notes_and_newer_edits(filled: Library) -> None:
    text = export_notes(filled, None, "json")
    notes = list(all_notes(filled).values())
    filled.delete_note(notes[0].uuid)
    # An older copy in the library is replaced by the backup's later one.
    stale = replace(notes[1], text="stale", updated="2000-01-01T00:00:00Z")
    filled.restore_note(stale)
    report = import_notes(filled, text)
    assert (report.restored, report.updated, report.present) == (1, 1, 2)
    assert all_notes(filled)[notes[0].uuid] == notes[0]
    assert all_notes(filled)[notes[1].uuid].text == notes[1].text


def test_backup_notes_move_with_a_changed_text(filled: Library, tmp_path: Path) -> None:
    """The same page already in the library with other text: notes are placed by quote."""
    doc = json.loads(export_notes(filled, None, "json"))
    news = doc["articles"][0]
    news["blocks"].insert(0, {"kind": "paragraph", "text": "A new first paragraph. Two here."})
    for note in news["notes"]:
        if note["sentence"] is not None:
            note["sentence"] += 2
    with Library(tmp_path / "other.db") as other:
        article_id = other.add_article(
            load_file(Path(__file__).parent / "fixtures/pages/news.html")
        )
        report = import_notes(other, json.dumps(doc))
        assert report.articles == 1  # only the emoji page was missing
        placed = {n.uuid: n for n in other.notes(article_id.article_id)}
        originals = all_notes(filled)
        for uuid, note in placed.items():
            assert note.sentence == originals[uuid].sentence
            assert note.quote == originals[uuid].quote


def test_w3c_export_places_notes_on_the_same_sentences(
    filled: Library, pages: Path, tmp_path: Path
) -> None:
    text = export_notes(filled, [1], "w3c")
    target = tmp_path / "other.db"
    with Library(target) as other:
        article_id = other.add_article(load_file(pages / "news.html")).article_id
        report = import_notes(other, text)
        assert (report.kind, report.placed, report.unplaced, report.skipped) == ("w3c", 2, 1, 0)
        got = {n.uuid: n for n in other.notes(article_id)}
        for uuid, note in all_notes(filled).items():
            if note.article_id != 1:
                continue
            assert got[uuid].sentence == note.sentence
            assert (got[uuid].quote, got[uuid].text, got[uuid].verdict) == (
                note.quote,
                note.text,
                note.verdict,
            )
            assert (got[uuid].tags, got[uuid].sources) == (note.tags, note.sources)
    first = dump(target)
    with Library(target) as other:
        report = import_notes(other, text)
    assert (report.placed, report.unplaced, report.present) == (0, 0, 3)
    assert dump(target) == first


def hypothesis_rows(uri: str, text: str = "") -> list[dict]:
    """Two annotations as Hypothesis exports them: a fragment of a sentence with its
    32 characters of context, and a quote that is not in the article."""
    fragment = "corrosion in all four of the main cables"
    at = text.find(fragment)
    prefix, suffix = text[max(at - 32, 0) : at], text[at + len(fragment) : at + len(fragment) + 32]

    def row(id_: str, exact: str, prefix: str = "", text: str = "", tags=()) -> dict:
        return {
            "id": id_,
            "created": "2025-11-02T09:00:00.000000+00:00",
            "updated": "2025-11-03T09:00:00.000000+00:00",
            "uri": uri,
            "text": text,
            "tags": list(tags),
            "target": [
                {
                    "source": uri,
                    "selector": [
                        {"type": "TextPositionSelector", "start": 5, "end": 9},
                        {
                            "type": "TextQuoteSelector",
                            "exact": exact,
                            "prefix": prefix,
                            "suffix": suffix if exact == fragment else "",
                        },
                    ],
                }
            ],
        }

    return [
        row("hyp-1", fragment, prefix, "Source?"),
        row("hyp-2", "This sentence was never in the article at all.", text="lost", tags=["x"]),
    ]


@pytest.mark.parametrize(
    "uri",
    [
        NEWS_URL,
        "http://herald.example/news/bridge-repairs/",
        "https://www.Herald.example/news/bridge-repairs#comments",
        "https://herald.example/news/bridge-repairs?utm_source=feed",
    ],
)
def test_hypothesis_export_is_placed_by_quote_on_the_same_url(library: Library, pages, uri):
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    data = {"total": 2, "rows": hypothesis_rows(uri, library.article(article_id).text)}
    report = import_notes(library, json.dumps(data))
    assert (report.placed, report.unplaced, report.skipped) == (1, 1, 0)
    notes = library.notes(article_id)
    placed = next(n for n in notes if n.sentence is not None)
    assert placed.sentence == sentence_starting(library, article_id, "Engineers found")
    assert placed.text == "Source?"
    unplaced = next(n for n in notes if n.sentence is None)
    assert unplaced.quote == "This sentence was never in the article at all."
    assert unplaced.tags == ("x",)
    assert placed.uuid == annotation_uuid(
        next(a for a in _parsed(data) if a.id == "hyp-1")
    )  # derived, stable
    again = import_notes(library, json.dumps(data))
    assert (again.placed, again.unplaced, again.present) == (0, 0, 2)
    assert len(library.notes(article_id)) == 2


def _parsed(data):
    from reader.core.export import parse_annotations

    return parse_annotations(data)


def test_annotations_for_missing_articles_are_skipped_and_reported(
    library: Library, library_path: Path, pages: Path
) -> None:
    library.add_article(load_file(pages / "news.html"))
    rows = hypothesis_rows("https://elsewhere.example/page")
    before = dump(library_path)
    main_bytes = library_path.read_bytes()
    report = import_notes(library, json.dumps(rows))
    assert (report.skipped, report.placed, report.unplaced) == (2, 0, 0)
    assert len(report.problems) == 2
    assert "hyp-1: no article with URL https://elsewhere.example/page" in report.problems[0]
    assert dump(library_path) == before
    assert library_path.read_bytes() == main_bytes


@pytest.mark.parametrize(
    "data",
    [
        "{",
        b"\xff\xfe not utf-8",
        "42",
        '{"format": "gloss-backup", "version": 1, "articles": [{"id": 1}]}',
        '{"type": "AnnotationCollection", "first": "https://elsewhere.example/page1"}',
        "[1, 2]",
    ],
)
def test_malformed_files_write_nothing(filled: Library, library_path: Path, data) -> None:
    before = dump(library_path)
    main_bytes = library_path.read_bytes()
    with pytest.raises(TransferError):
        import_notes(filled, data)
    assert dump(library_path) == before
    assert library_path.read_bytes() == main_bytes


def test_a_bad_article_late_in_a_backup_writes_nothing(
    filled: Library, library_path: Path, tmp_path: Path
) -> None:
    doc = json.loads(export_notes(filled, None, "json"))
    doc["articles"][1]["notes"][0]["verdict"] = "sort of"
    target = tmp_path / "other.db"
    Library(target).close()
    before = dump(target)
    with Library(target) as other, pytest.raises(TransferError, match="verdict"):
        import_notes(other, json.dumps(doc))
    assert dump(target) == before


def test_a_failure_midway_rolls_everything_back(
    filled: Library, tmp_path: Path, monkeypatch
) -> None:
    text = export_notes(filled, None, "json")
    target = tmp_path / "other.db"
    Library(target).close()
    before = dump(target)
    calls = []

    def failing(self, note):
        calls.append(note)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(self, note)

    original = Library.restore_note
    monkeypatch.setattr(Library, "restore_note", failing)
    with Library(target) as other, pytest.raises(OSError, match="disk full"):
        import_notes(other, text)
    assert len(calls) == 3
    assert dump(target) == before


def test_cancel_stops_an_import_and_writes_nothing(filled: Library, tmp_path: Path) -> None:
    text = export_notes(filled, None, "json")
    target = tmp_path / "other.db"
    Library(target).close()
    before = dump(target)
    seen: list[tuple[int, int]] = []
    with Library(target) as other, pytest.raises(Cancelled):
        import_notes(
            other, text, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: bool(seen)
        )
    assert seen == [(1, 2)]
    assert dump(target) == before


def test_export_reports_progress_and_cancels_without_touching_the_file(
    filled: Library, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "notes.md"
    export_to_file(filled, None, "markdown", out, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    good = out.read_bytes()
    assert good.startswith(b"# Gloss notes")
    with pytest.raises(Cancelled):
        export_to_file(filled, None, "json", out, cancelled=lambda: True)
    assert out.read_bytes() == good
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_of_an_unknown_article_fails_before_writing(filled: Library, tmp_path) -> None:
    out = tmp_path / "x.json"
    with pytest.raises(NotFound):
        export_to_file(filled, [1, 99], "w3c", out)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_markdown_one_article_or_the_library(filled: Library) -> None:
    one = export_notes(filled, [1], "markdown")
    assert one.startswith("# Bridge repairs")
    assert "> The old river bridge" in one
    whole = export_notes(filled, None, "markdown")
    assert whole.startswith("# Gloss notes") and "## Emoji everywhere" in whole


def test_claimreview_only_rated_notes(filled: Library) -> None:
    filled.set_setting("reviewer.name", "Jane Doe")
    reviews = json.loads(export_notes(filled, None, "claimreview", drafts=True))
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == [
        "Misleading",
        "True",
        "Unverified",
    ]


def test_trashed_articles_are_not_exported_with_all(filled: Library) -> None:
    filled.trash_article(2)
    doc = json.loads(export_notes(filled, None, "json"))
    assert [a["id"] for a in doc["articles"]] == [1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/a/", "http://example.com/a"),
        ("https://EXAMPLE.com:443/a#x", "https://example.com/a"),
        ("https://www.example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?utm_medium=x&id=3&fbclid=9", "https://example.com/a?id=3"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_normalize_url_same(a: str, b: str) -> None:
    assert normalize_url(a) == normalize_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/a", "https://example.com/b"),
        ("https://example.com/a?id=1", "https://example.com/a?id=2"),
        ("https://example.com:8080/a", "https://example.com/a"),
        ("https://example.org/a", "https://example.com/a"),
    ],
)
def test_normalize_url_different(a: str, b: str) -> None:
    assert normalize_url(a) != normalize_url(b)


def test_annotation_uuids() -> None:
    from reader.core.export import ImportedAnnotation

    def ann(id_: str) -> ImportedAnnotation:
        return ImportedAnnotation(
            id_, NEWS_URL, "q", "", "", None, "", (), Verdict.NONE, (), "", ""
        )

    upper = "urn:uuid:6F1C1F55-4A43-4D55-9A39-3E6F0C1B7A10"
    assert annotation_uuid(ann(upper)) == "6f1c1f55-4a43-4d55-9a39-3e6f0c1b7a10"
    assert annotation_uuid(ann("urn:uuid:not-a-uuid")) == "not-a-uuid"
    derived = annotation_uuid(ann("https://hypothes.is/a/abc"))
    assert derived == annotation_uuid(ann("https://hypothes.is/a/abc"))
    assert derived != annotation_uuid(ann("https://hypothes.is/a/abd"))


def test_a_later_copy_of_an_annotation_updates_the_note_in_place(
    filled: Library, pages: Path
) -> None:
    doc = json.loads(export_notes(filled, [1], "w3c"))
    first = doc["first"]["items"][0]
    uuid = first["id"].removeprefix("urn:uuid:")
    before = filled.note(uuid)
    first["modified"] = "2099-01-01T00:00:00Z"
    first["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": "Rewritten."}]
    report = import_notes(filled, json.dumps(doc))
    assert (report.updated, report.present, report.placed) == (1, 2, 0)
    assert "updated 1" in report.summary()
    after = filled.note(uuid)
    assert (after.text, after.verdict, after.updated) == (
        "Rewritten.",
        Verdict.NONE,
        "2099-01-01T00:00:00Z",
    )
    assert (after.sentence, after.quote, after.created) == (
        before.sentence,
        before.quote,
        before.created,
    )


def test_import_reports_progress(filled: Library, tmp_path: Path) -> None:
    text = export_notes(filled, None, "w3c")
    seen: list[tuple[int, int]] = []
    with Library(tmp_path / "other.db") as other:
        import_notes(other, text, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
