"""Notes on any span of words, and notes that keep the words they were written against."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.core.library import Library
from reader.core.model import Article, Block, BlockKind, Metadata, Verdict
from reader.core.schema import migrations
from reader.core.sentences import segment
from reader.core.spans import SpanError, sentences_span, span_at
from reader.core.transfer import export_notes, import_notes

PARAGRAPHS = (
    "Ministers say the bridge cost 6 billion dollars. The opposition disputes that figure.",
    "Rust was found in two of the cables last spring. Repairs began in the autumn.",
    "The council says it will reopen this year. Nobody has set a date.",
)


def make_article(
    paragraphs: tuple[str, ...] = PARAGRAPHS, url: str = "https://ex.org/b"
) -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Article(Metadata(title="The bridge", url=url), blocks, segment(blocks))


def edited(article: Article, old: str, new: str) -> Article:
    blocks = tuple(replace(b, text=b.text.replace(old, new)) for b in article.blocks)
    return replace(article, blocks=blocks, sentences=segment(blocks))


def test_words_inside_a_sentence_make_a_span() -> None:
    article = make_article()
    span = sentences_span(article, 0, words="6 billion dollars")
    assert article.text[span.start : span.end] == "6 billion dollars"
    assert (span.first, span.last) == (0, 0)
    run = sentences_span(article, 2, 3)
    assert article.text[run.start : run.end] == (
        "Rust was found in two of the cables last spring. Repairs began in the autumn."
    )
    typed = sentences_span(article, 1, words="the  opposition disputes")
    assert article.text[typed.start : typed.end] == "The opposition disputes"
    with pytest.raises(SpanError, match="is not in sentence 2"):  # numbered from 1
        sentences_span(article, 1, words="6 billion")
    with pytest.raises(SpanError, match="occurs 2 times"):
        sentences_span(article, 2, 3, words="the")
    with pytest.raises(SpanError, match="no sentence 10"):
        sentences_span(article, 0, 9)


def test_a_selection_is_trimmed_and_pulled_in_to_its_sentences() -> None:
    article = make_article()
    text = article.text
    # From the blank line before the second paragraph to the space after "Rust was".
    start = text.index("figure.") + len("figure.")
    end = text.index("Rust was") + len("Rust was ")
    span = span_at(article, start, end)
    assert span is not None
    assert text[span.start : span.end] == "Rust was"
    assert (span.first, span.last) == (2, 2)
    assert span_at(article, start, start + 2) is None  # only the paragraph break


def test_span_note_stores_exactly_its_words_with_an_emoji_before(library: Library) -> None:
    paragraphs = ("Fans 🎉 cheered as the 🚀 rocket reached 400 km in four minutes.",)
    article_id = library.add_article(make_article(paragraphs)).article_id
    article = library.article(article_id)
    span = sentences_span(article, 0, words="400 km")
    note = library.add_note(
        article_id, 0, "Launch data says 402 km.", Verdict.MOSTLY_TRUE, span=span
    )
    assert note.quote == note.original_quote == "400 km"
    assert article.text[note.position : note.end] == "400 km"
    assert note.prefix.endswith("rocket reached ")
    assert note.suffix.startswith(" in four minutes.")
    assert (note.sentence, note.last_sentence, note.text_changed) == (0, 0, False)


def test_notes_of_a_sentence_include_spans_over_it(library: Library) -> None:
    article_id = library.add_article(make_article()).article_id
    run = library.add_note(
        article_id, 2, "Both true.", span=sentences_span(library.article(article_id), 2, 3)
    )
    whole = library.add_note(article_id, 3, "Autumn 2023.")
    assert [n.uuid for n in library.notes(article_id, 2)] == [run.uuid]
    assert [n.uuid for n in library.notes(article_id, 3)] == [run.uuid, whole.uuid]
    # The verdict letter follows the last sentence of a span.
    assert set(library.marks(article_id)) == {3}


def test_changed_words_under_a_span_are_flagged_and_keep_the_old_words(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    note = library.add_note(article_id, 0, "The audit says 7.", Verdict.FALSE, span=span)
    intro = Block(BlockKind.PARAGRAPH, "Updated on Monday. An earlier version gave the wrong cost.")
    changed = edited(article, "6 billion dollars", "7 billion dollars")
    changed = replace(changed, blocks=(intro, *changed.blocks))
    changed = replace(changed, sentences=segment(changed.blocks))
    result = library.add_article(changed)
    assert (result.status, result.orphaned, result.changed) == ("updated", 0, 1)
    moved = library.note(note.uuid)
    assert moved.quote == "7 billion dollars"
    assert moved.original_quote == "6 billion dollars"
    assert moved.text_changed and moved.sentence == 2
    assert library.review_counts() == {article_id: 1}

    accepted = library.accept_change(note.uuid)
    assert not accepted.text_changed
    assert accepted.original_quote == "6 billion dollars"  # kept for good
    assert library.review_counts() == {}
    # Another change elsewhere does not flag it again.
    again = edited(changed, "Nobody has set a date.", "No date is set.")
    assert library.add_article(again).changed == 0
    assert not library.note(note.uuid).text_changed


def test_unchanged_span_moves_with_its_words_and_is_not_flagged(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 2, 3)
    note = library.add_note(article_id, 2, "Confirmed.", span=span)
    intro = Block(BlockKind.PARAGRAPH, "A new paragraph. It moves everything down.")
    blocks = (intro, *article.blocks)
    assert (
        library.add_article(replace(article, blocks=blocks, sentences=segment(blocks))).changed == 0
    )
    moved = library.note(note.uuid)
    assert (moved.sentence, moved.last_sentence) == (4, 5)
    assert moved.quote == note.quote and not moved.text_changed


def test_span_whose_words_are_gone_becomes_unplaced_with_its_words(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    note = library.add_note(article_id, 0, "Check.", span=span)
    changed = edited(
        article,
        "Ministers say the bridge cost 6 billion dollars.",
        "The bridge was paid for by tolls alone.",
    )
    assert library.add_article(changed).orphaned == 1
    orphan = library.note(note.uuid)
    assert orphan.sentence is None and orphan.quote == "6 billion dollars"


def test_a_note_to_review_that_loses_its_place_is_unplaced_not_to_review(
    library: Library,
) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    note = library.add_note(article_id, 0, "Check.", span=span)
    flagged = edited(article, "6 billion", "6.5 billion")
    assert library.add_article(flagged).changed == 1
    gone = edited(flagged, "Ministers say the bridge cost 6.5 billion dollars.", "")
    assert library.add_article(gone).orphaned == 1
    assert not library.note(note.uuid).text_changed
    assert library.review_counts() == {}


def test_existing_notes_migrate_to_spans_of_their_sentence(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m005_note_spans")
    db.execute(
        "INSERT INTO articles (uuid, title, content_hash, imported_at, updated_at, doc, text) "
        "VALUES ('a', 'T', 'h', 'x', 'x', '[]', 'One. Two.')"
    )
    db.execute(
        "INSERT INTO notes (uuid, article_id, sentence, quote, position, created, updated) "
        "VALUES ('n1', 1, 1, 'Two.', 5, 'x', 'x'), ('n2', 1, NULL, 'Gone.', NULL, 'x', 'x')"
    )
    db.conn.commit()
    db.conn.close()
    with Library(path) as library:
        placed, orphan = library.note("n1"), library.note("n2")
    assert (placed.sentence, placed.last_sentence, placed.original_quote) == (1, 1, "Two.")
    assert not placed.text_changed and not placed.words_differ
    assert (orphan.last_sentence, orphan.original_quote) == (None, "Gone.")


def test_w3c_selectors_cover_exactly_the_span_and_keep_the_old_words(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    note = library.add_note(article_id, 0, "Check.", span=span)
    library.add_article(edited(article, "6 billion dollars", "6.5 billion dollars"))
    doc = json.loads(export_notes(library, [article_id], "w3c"))
    ann = doc["first"]["items"][0]
    quote, position = ann["target"]["selector"]
    text = library.article(article_id).text
    assert quote["exact"] == "6.5 billion dollars"
    assert text[position["start"] : position["end"]] == "6.5 billion dollars"
    describing = [b for b in ann["body"] if b["purpose"] == "describing"]
    assert describing == [
        {"type": "TextualBody", "purpose": "describing", "value": "6 billion dollars"}
    ]
    assert "Written against: “6 billion dollars”" in export_notes(library, [article_id], "markdown")

    library.delete_note(note.uuid)
    import_notes(library, json.dumps(doc))
    back = library.note(note.uuid)
    assert (back.quote, back.original_quote) == ("6.5 billion dollars", "6 billion dollars")
    assert back.text_changed


def test_hypothesis_annotation_on_part_of_a_sentence_imports_as_a_span(library: Library) -> None:
    article_id = library.add_article(make_article()).article_id
    text = library.article(article_id).text
    start = text.index("two of the cables")
    end = start + len("two of the cables")
    selector = {
        "type": "TextQuoteSelector",
        "exact": "two of the cables",
        "prefix": text[start - 32 : start],
        "suffix": text[end : end + 32],
    }
    target = {"source": "https://ex.org/b", "selector": [selector]}
    rows = {
        "rows": [{"id": "hyp-1", "uri": "https://ex.org/b", "text": "Which?", "target": [target]}]
    }
    report = import_notes(library, json.dumps(rows))
    assert (report.placed, report.changed) == (1, 0)
    (note,) = library.notes(article_id)
    assert note.quote == "two of the cables"
    assert (note.sentence, note.last_sentence) == (2, 2)
    assert library.article(article_id).text[note.position : note.end] == "two of the cables"


def test_backup_round_trip_keeps_spans_and_review_state(library: Library, tmp_path: Path) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    note = library.add_note(article_id, 0, "Check.", span=span)
    library.add_article(edited(article, "6 billion dollars", "6.5 billion dollars"))
    backup = export_notes(library, None, "json")
    with Library(tmp_path / "other.db") as other:
        report = import_notes(other, backup)
        assert report.changed == 1
        assert "to review 1" in report.summary()
        copy = other.note(note.uuid)
    assert copy.to_json() | {"article": 0} == library.note(note.uuid).to_json() | {"article": 0}


def test_a_span_ending_in_a_number_takes_the_whole_new_number(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="the bridge cost 6")
    note = library.add_note(article_id, 0, "Check.", span=span)
    library.add_article(edited(article, "cost 6 billion", "cost 6.5 billion"))
    moved = library.note(note.uuid)
    assert (moved.quote, moved.text_changed) == ("the bridge cost 6.5", True)


def test_a_sentence_merged_with_its_neighbour_keeps_just_its_words(library: Library) -> None:
    paragraphs = ("Key figures", "Turnout rose to 61 percent in the city. It fell elsewhere.")
    article = make_article(paragraphs)
    article_id = library.add_article(article).article_id
    note = library.add_note(article_id, 1, "Confirmed by the returning officer.")
    # Another extractor joins the heading-like line onto the paragraph after it.
    merged = (f"{paragraphs[0]} {paragraphs[1]}",)
    library.add_article(make_article(merged))
    moved = library.note(note.uuid)
    assert moved.quote == "Turnout rose to 61 percent in the city."
    assert not moved.text_changed


def test_claimreview_reviews_the_words_the_verdict_was_written_against(library: Library) -> None:
    article = make_article()
    article_id = library.add_article(article).article_id
    span = sentences_span(library.article(article_id), 0, words="6 billion dollars")
    library.add_note(article_id, 0, "The audit says 7.", Verdict.FALSE, span=span)
    library.add_article(edited(article, "6 billion dollars", "6.5 billion dollars"))
    library.set_setting("reviewer.organisation", "Fact Desk")
    (review,) = json.loads(export_notes(library, [article_id], "claimreview", drafts=True))
    assert review["claimReviewed"] == "6 billion dollars"
