"""Library.search: highlighted snippets, the sentence a hit opens at, filters, and user
input that must never reach FTS5 as syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict
from reader.core.search import MARK_END, MARK_START, SearchHit, match_expression


@pytest.fixture
def lib(library: Library, pages: Path) -> Library:
    news = library.add_article(load_file(pages / "news.html")).article_id
    emoji = library.add_article(load_file(pages / "emoji.html")).article_id
    assert (news, emoji) == (1, 2)
    library.add_note(news, 2, "Corrosion was first reported in 2019.", Verdict.FALSE, tags=["rust"])
    library.add_note(news, 5, "Buses run every ten minutes.", Verdict.TRUE, tags=["Transport"])
    library.add_note(emoji, 0, "Nice corrosion pun.", Verdict.OPINION)
    library.set_article_tags(emoji, ["fun"])
    return library


def index_of(library: Library, article_id: int, start: str) -> int:
    return next(s.index for s in library.article(article_id).sentences if s.text.startswith(start))


def test_article_text_hit_opens_at_the_sentence_holding_the_match(lib: Library) -> None:
    hits = [h for h in lib.search("footfall") if h.kind == "article"]
    assert len(hits) == 1
    hit = hits[0]
    assert hit.article_id == 1
    assert hit.sentence == index_of(lib, 1, "Traders on Mill Street")
    assert hit.title.startswith("Bridge repairs")
    assert f"{MARK_START}footfall{MARK_END}" in hit.snippet
    text, ranges = hit.highlights()
    assert [text[a:b] for a, b in ranges] == ["footfall"]
    assert hit.marked("<b>", "</b>").count("<b>footfall</b>") == 1


def test_stemmed_and_later_matches_find_their_sentence(lib: Library) -> None:
    [hit] = [h for h in lib.search("survey") if h.kind == "article"]
    assert hit.sentence == index_of(lib, 1, "Engineers found")
    [hit] = [h for h in lib.search("cables replaced") if h.kind == "article"]
    assert hit.sentence is not None


def test_title_hit_opens_at_the_top(lib: Library) -> None:
    [hit] = [h for h in lib.search("admits") if h.kind == "article"]
    assert hit.sentence is None
    assert f"{MARK_START}admits{MARK_END}" in hit.snippet


def test_note_hits_carry_the_note_and_its_sentence(lib: Library) -> None:
    hits = lib.search("corrosion")
    notes = sorted((h for h in hits if h.kind == "note"), key=lambda h: h.article_id)
    assert [(h.article_id, h.sentence, h.verdict) for h in notes] == [
        (1, 2, "false"),
        (2, 0, "opinion"),
    ]
    assert all(h.note_uuid for h in notes)
    assert any(h.kind == "article" and h.article_id == 1 for h in hits)
    assert hits == sorted(hits, key=lambda h: h.order)


def test_verdict_filter(lib: Library) -> None:
    hits = lib.search("corrosion", verdict="false")
    assert {(h.kind, h.article_id) for h in hits} == {("note", 1), ("article", 1)}
    assert lib.search("corrosion", verdict=Verdict.OPINION)[0].article_id == 2
    assert lib.search("corrosion", verdict="mostly true") == []
    with pytest.raises(ValueError):
        lib.search("corrosion", verdict="sort of")


def test_tag_filter_covers_note_and_article_tags(lib: Library) -> None:
    assert [(h.kind, h.article_id) for h in lib.search("corrosion", tag="rust")] == [("note", 1)]
    # Article tags: the article itself and the notes on it; tags ignore case.
    assert {(h.kind, h.article_id) for h in lib.search("corrosion", tag="FUN")} == {("note", 2)}
    assert {h.kind for h in lib.search("emoji", tag="fun")} == {"article"}
    assert [h.kind for h in lib.search("buses", tag="transport")] == ["note"]
    assert lib.search("corrosion", tag="nope") == []


def test_prefix_on_the_last_word(lib: Library) -> None:
    assert any(h.kind == "article" for h in lib.search("footf"))
    assert not lib.search("footf ")  # a finished word is not a prefix
    assert not lib.search('"footf"')


def test_quoted_phrase(lib: Library) -> None:
    assert lib.search('"main cables"')
    assert not lib.search('"cables main"')


def test_limit_and_trash(lib: Library) -> None:
    assert len(lib.search("the", limit=1)) == 1
    assert lib.search("the", limit=0) == []
    lib.trash_article(1)
    assert all(h.article_id != 1 for h in lib.search("corrosion"))


HOSTILE = [
    '"',
    '""',
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b",
    "-",
    "-bridge",
    "bridge -",
    "^bridge",
    "title:bridge",
    "bridge)",
    "(bridge",
    'bridge"',
    "bridge AND",
    "{title text}: x",
    "a + b",
    "\\",
    "'",
    "%_",
    "\x00",
    "ünïcødé",
    "日本語のテキスト",
    "😀",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "a" * 500,
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_return_without_error(lib: Library, query: str) -> None:
    hits = lib.search(query)
    assert isinstance(hits, list)
    assert all(isinstance(h, SearchHit) for h in hits)


@pytest.mark.parametrize("query", ['"', "*", "-", "()", "!!!", "...", " , ", '"*"'])
def test_punctuation_only_finds_nothing(lib: Library, query: str) -> None:
    assert match_expression(query) is None
    assert lib.search(query) == []


def test_operators_are_plain_words(lib: Library) -> None:
    # "AND" is a word (the text has plenty of "and"), not an operator with no operands.
    assert lib.search("AND")
    assert match_expression("NEAR(bridge") == (
        '("NEAR(bridge" * OR "NEAR(bridg" * OR "NEAR(brid" *)'
    )
    assert match_expression('say "hi there" now') == '"say" AND "hi there" AND "now"'
    assert match_expression('5" pipe') == '"5""" AND "pipe" *'
    assert match_expression('ab"cd"') == '"ab""cd""" *'
    assert match_expression("the") == '"the"'  # too short to be a prefix


def test_prefix_survives_the_stemmer(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    library.add_note(article_id, 0, "Unemployment rose.", Verdict.NONE)
    for typed in ("unemp", "unemplo", "unemploy", "unemploym", "unemployment"):
        assert [h.kind for h in library.search(typed)] == ["note"], typed


def test_unicode_words_are_found(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "emoji.html")).article_id
    sentence = library.article(article_id).sentences[0].text
    word = next(w for w in sentence.split() if w.isalpha() and len(w) > 3)
    assert any(h.article_id == article_id for h in library.search(word))


def test_index_follows_edits(lib: Library, pages: Path) -> None:
    note = lib.add_note(1, 0, "Wibbly claim.", Verdict.NONE)
    lib.update_note(note.uuid, text="Wobbly claim.", verdict=Verdict.FALSE)
    assert lib.search("wibbly") == []
    assert [h.note_uuid for h in lib.search("wobbly")] == [note.uuid]
    lib.set_reading_position(1, 3, 0.5)
    lib.reattach_note(note.uuid, 2)
    assert [h.sentence for h in lib.search("wobbly")] == [2]
    for table in ("articles_fts", "notes_fts"):
        lib.db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    lib.delete_note(note.uuid)
    assert lib.search("wobbly") == []


def test_url_lookup_uses_an_index(lib: Library) -> None:
    plan = lib.db.execute(
        "EXPLAIN QUERY PLAN SELECT id, content_hash FROM articles WHERE url = ? "
        "ORDER BY id LIMIT 1",
        ["https://herald.example/news/bridge-repairs"],
    ).fetchall()
    assert "USING INDEX" in " ".join(str(r) for r in plan) or "USING COVERING INDEX" in str(plan)


def test_a_match_in_title_and_text_opens_at_the_text(lib: Library) -> None:
    [hit] = [h for h in lib.search("bridge") if h.kind == "article"]
    assert hit.sentence == index_of(lib, 1, "The old river bridge")
    assert hit.snippet.startswith("The old river")
