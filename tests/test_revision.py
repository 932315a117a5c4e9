"""No path stores a note on a sentence whose words differ from those it was written on."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.batch import FileOutcome
from reader.core.import_summary import ImportSummary
from reader.core.ingest import load_file
from reader.core.library import Library, StaleRevision
from reader.core.model import Block, BlockKind, Verdict
from reader.core.numbering import sentence_index, sentence_number
from reader.core.revision import sentence_with_words
from reader.core.sentences import segment
from reader.core.transfer import import_notes

NEWS_URL = "https://herald.example/news/bridge-repairs"
BUSES = "Buses and bicycles can still cross on a temporary lane."


def with_update(article, text: str = "Update: the council met again. Nothing changed."):
    blocks = (Block(BlockKind.PARAGRAPH, text), *article.blocks)
    return replace(article, blocks=blocks, sentences=segment(blocks))


def index_of(library: Library, article_id: int, words: str) -> int:
    return next(s.index for s in library.article(article_id).sentences if s.text == words)


def test_numbers_are_indices_plus_one() -> None:
    assert sentence_number(0) == 1 and sentence_index(1) == 0
    assert all(sentence_index(sentence_number(i)) == i for i in range(50))
    with pytest.raises(ValueError):
        sentence_index(0)


def test_a_note_for_a_revision_no_longer_current_is_refused(library: Library, pages) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    seen = library.revision(article_id)
    buses = index_of(library, article_id, BUSES)
    library.add_article(with_update(article))  # the text changes after it was read
    with pytest.raises(StaleRevision) as refused:
        library.add_note(article_id, buses, "on the old text", Verdict.FALSE, revision=seen)
    assert refused.value.current == library.revision(article_id) != seen
    assert library.notes(article_id) == []
    # With the current revision, the same words are found and noted.
    now = index_of(library, article_id, BUSES)
    note = library.add_note(article_id, now, "x", revision=refused.value.current)
    assert (note.sentence, note.quote) == (now, BUSES)


def test_reattaching_checks_the_revision_too(library: Library, pages) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    note = library.add_note(article_id, 0, "first")
    seen = library.revision(article_id)
    library.add_article(with_update(article))
    with pytest.raises(StaleRevision):
        library.reattach_note(note.uuid, 3, revision=seen)
    assert library.note(note.uuid).sentence == 2  # where re-anchoring put it


def test_undo_of_a_delete_after_the_text_changed_finds_the_words_again(
    library: Library, pages
) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    buses = index_of(library, article_id, BUSES)
    note = library.add_note(article_id, buses, "deleted, then undone", Verdict.TRUE)
    library.delete_note(note.uuid)
    library.add_article(with_update(article))  # two sentences now come first
    restored = library.restore_note(note)
    assert restored.sentence == buses + 2
    assert library.article(article_id).sentences[restored.sentence].text == BUSES


def test_restoring_a_note_whose_words_are_gone_keeps_it_unplaced(library: Library, pages) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    buses = index_of(library, article_id, BUSES)
    note = library.add_note(article_id, buses, "about the lane")
    library.delete_note(note.uuid)
    blocks = tuple(
        replace(b, text=b.text.replace(BUSES, "Buses may use a lane for now."))
        for b in article.blocks
    )
    library.add_article(replace(article, blocks=blocks, sentences=segment(blocks)))
    restored = library.restore_note(note)
    assert restored.sentence is None and restored.quote == BUSES


def test_import_notes_never_places_an_annotation_on_similar_words(library: Library, pages) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    # The annotation quotes a sentence one letter off (what a fuzzy match accepts).
    almost = BUSES.replace("temporary", "temporay")
    data = {
        "total": 1,
        "rows": [
            {
                "id": "hyp-near",
                "created": "2025-11-02T09:00:00+00:00",
                "uri": NEWS_URL,
                "text": "written on other words",
                "target": [
                    {
                        "source": NEWS_URL,
                        "selector": [{"type": "TextQuoteSelector", "exact": almost}],
                    }
                ],
            }
        ],
    }
    report = import_notes(library, json.dumps(data))
    assert (report.placed, report.unplaced) == (0, 1)
    (note,) = library.notes(article_id)
    assert note.sentence is None and note.quote == almost


def test_sentence_with_words_is_unique_or_nothing(pages) -> None:
    article = load_file(pages / "news.html")
    assert sentence_with_words(article, BUSES) == next(
        s.index for s in article.sentences if s.text == BUSES
    )
    assert sentence_with_words(article, "Not in it.") is None
    twice = with_update(article, f"{BUSES} Again.")
    assert sentence_with_words(twice, BUSES) is None  # two copies: the reader decides


def test_import_summary_counts_each_outcome() -> None:
    outcomes = [
        FileOutcome(Path("a.html"), 1, "A", "added"),
        FileOutcome(Path("b.html"), 2, "B", "updated", orphaned=1, moved=3),
        FileOutcome(Path("c.html"), 3, "C", "unchanged"),
        FileOutcome(Path("d.html"), reason="the file is empty"),
    ]
    summary = ImportSummary.of(outcomes)
    assert summary.line() == "1 added, 1 updated (3 notes moved, 1 unplaced), 1 unchanged, 1 failed"
    assert summary.failure_lines() == ["d.html: the file is empty"]
    assert [u.article_id for u in summary.unplaced_in] == [2]


def test_cli_note_add_with_a_stale_revision_fails_and_stores_nothing(
    capsys, library_path: Path, pages: Path, tmp_path: Path
) -> None:
    lib = ["--library", str(library_path)]
    assert main([*lib, "import", str(pages / "news.html")]) == 0
    capsys.readouterr()
    assert main([*lib, "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    buses = next(s for s in shown["sentences"] if s["text"] == BUSES)
    assert buses["number"] == buses["index"] + 1
    # Another process imports a changed page between `show` and `note add`.
    html = (pages / "news.html").read_text(encoding="utf-8")
    changed = tmp_path / "news.html"
    changed.write_text(html.replace("<h2>What", "<p>Update: nothing changed.</p>\n<h2>What"))
    subprocess.run(
        [sys.executable, "-m", "reader.cli", *lib, "import", str(changed)],
        check=True,
        capture_output=True,
    )
    args = [*lib, "note", "add", "1", str(buses["number"]), "--text", "x"]
    assert main([*args, "--revision", shown["revision"]]) == 2
    assert "changed since revision" in capsys.readouterr().err
    with Library(library_path) as library:
        assert library.notes(1) == []
    assert main([*lib, "show", "1", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    now = next(s for s in again["sentences"] if s["text"] == BUSES)
    assert (
        main(
            [
                *lib,
                "note",
                "add",
                "1",
                str(now["number"]),
                "--text",
                "x",
                "--revision",
                again["revision"],
            ]
        )
        == 0
    )
    with Library(library_path) as library:
        (note,) = library.notes(1)
        assert note.quote == BUSES == library.article(1).sentences[note.sentence].text
