"""Search ranking (title and phrase matches first, names matched as typed) and words
inside runs of Chinese and Japanese characters (the trigram index, migration m010)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict


def add(library: Library, folder: Path, name: str, title: str, *paragraphs: str) -> int:
    path = folder / f"{name}.md"
    path.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return library.add_article(load_file(path)).article_id


@pytest.fixture
def lib(library: Library, tmp_path: Path) -> dict[str, int]:
    ids = {
        "factory": add(
            library,
            tmp_path,
            "factory",
            "Factory output news",
            "On Friday the factory reported its output facts. The factory facts were "
            "checked on Friday. Factory workers said the facts about the factory were "
            "right, and on Friday another factory joined.",
        ),
        "facts": add(
            library,
            tmp_path,
            "facts",
            "Friday Facts #400",
            "This week's post covers the new trains.",
        ),
        "900": add(
            library,
            tmp_path,
            "900",
            "Spending review",
            "The plan costs $900 billion. A billion here, a billion there: the billion "
            "total grew to 6 times the first billion estimate, the billion figure says.",
        ),
        "six": add(
            library,
            tmp_path,
            "six",
            "Port contract",
            "The port contract is worth $6 billion over ten years.",
        ),
        "para": add(
            library,
            tmp_path,
            "para",
            "Swimming results",
            "The para swimmers won three medals. A para athlete set a record.",
        ),
        "parata": add(
            library,
            tmp_path,
            "parata",
            "Harbour board",
            "Mere Parata chaired the harbour board meeting.",
        ),
        "cjk": add(
            library,
            tmp_path,
            "cjk",
            "東京の散歩",
            "楓樹林の道を歩いた。イヌが走っていた。",
            "今年的电费很高，大家都在讨论。",
        ),
    }
    library.add_note(ids["para"], 0, "上海的电费比去年高。", Verdict.TRUE)
    return ids


def articles(library: Library, query: str) -> list[int]:
    return [h.article_id for h in library.search(query) if h.kind == "article"]


def test_title_match_ranks_first(library: Library, lib: dict[str, int]) -> None:
    assert articles(library, "Friday Facts")[0] == lib["facts"]
    assert articles(library, "friday facts")[0] == lib["facts"]
    assert set(articles(library, "friday facts")) == {lib["facts"], lib["factory"]}


def test_phrase_match_ranks_first(library: Library, lib: dict[str, int]) -> None:
    found = articles(library, "6 billion")
    assert found[0] == lib["six"]
    assert lib["900"] in found  # still found, below


def test_names_are_not_stemmed(library: Library, lib: dict[str, int]) -> None:
    assert articles(library, "Parata") == [lib["parata"]]
    assert articles(library, "Parata ") == [lib["parata"]]
    # Small letters: an ordinary word, stemmed and a prefix as before.
    assert lib["para"] in articles(library, "para")


@pytest.mark.parametrize("word", ["楓樹林", "イヌ", "电费", "走", "散歩"])
def test_words_inside_cjk_runs_are_found(library: Library, lib: dict[str, int], word: str) -> None:
    hits = [h for h in library.search(word) if h.kind == "article"]
    assert [h.article_id for h in hits] == [lib["cjk"]]
    text, ranges = hits[0].highlights()
    assert ranges and text[ranges[0][0] : ranges[0][1]] == word


def test_cjk_hit_opens_at_its_sentence(library: Library, lib: dict[str, int]) -> None:
    [hit] = [h for h in library.search("电费") if h.kind == "article"]
    sentences = library.article(lib["cjk"]).sentences
    assert "电费" in sentences[hit.sentence].text
    [title_hit] = [h for h in library.search("東京") if h.kind == "article"]
    assert title_hit.sentence is None


def test_cjk_in_notes_and_mixed_queries(library: Library, lib: dict[str, int]) -> None:
    notes = [h for h in library.search("电费") if h.kind == "note"]
    assert [h.article_id for h in notes] == [lib["para"]]
    assert "\x02电费\x03" in notes[0].snippet
    assert [h.article_id for h in library.search("电费 medals")] == [lib["para"]]
    assert library.search("电费 trains") == []
    assert articles(library, "楓樹林 イヌ") == [lib["cjk"]]


def test_trigram_index_follows_edits_and_deletes(library: Library, lib: dict[str, int]) -> None:
    note = library.notes(lib["para"])[0]
    library.update_note(note.uuid, text="广州的水费")
    assert [h for h in library.search("电费") if h.kind == "note"] == []
    assert [h.kind for h in library.search("广州的水")] == ["note"]
    library.delete_note(note.uuid)
    assert library.search("广州的水") == []


def test_m010_indexes_an_existing_library(library_path: Path, tmp_path: Path) -> None:
    with Library(library_path) as library:
        add(library, tmp_path, "old", "Old notes", "去年的电费很高")
        article_id = library.search("Old")[0].article_id
        library.add_note(article_id, 0, "楓樹林", Verdict.NONE)
    # As a library written before m010 was: no trigram index.
    conn = sqlite3.connect(library_path)
    with conn:
        for name in ("articles", "notes"):
            for trigger in ("ai", "ad", "au"):
                conn.execute(f"DROP TRIGGER {name}_tri_{trigger}")
            conn.execute(f"DROP TABLE {name}_tri_vocab")
            conn.execute(f"DROP TABLE {name}_tri")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_trigram_search'")
    conn.close()
    with Library(library_path) as library:
        assert sorted(h.kind for h in library.search("电费")) == ["article", "note"]  # its quote
        assert [h.kind for h in library.search("楓樹林")] == ["note"]


def trigram_rows(library: Library) -> tuple[int, int]:
    """How many trigram terms the two trigram indexes hold (0: nothing indexed)."""
    return tuple(  # type: ignore[return-value]
        library.db.execute(f"SELECT COUNT(*) FROM {t}_tri_vocab").fetchone()[0]
        for t in ("articles", "notes")
    )


def test_a_library_without_cjk_text_has_an_empty_trigram_index(
    library: Library, tmp_path: Path
) -> None:
    article_id = add(
        library, tmp_path, "en", "Harbour board", "Mere Parata chaired the harbour board."
    )
    note = library.add_note(article_id, 0, "Parata has chaired it since 2019.", Verdict.TRUE)
    library.update_note(note.uuid, text="Parata chaired it from 2019.")
    assert trigram_rows(library) == (0, 0)
    # A CJK note is indexed, and leaves the index when its text no longer holds any.
    library.update_note(note.uuid, text="她的电费很高")
    assert trigram_rows(library)[0] == 0 and trigram_rows(library)[1] > 0
    assert [h.kind for h in library.search("电费")] == ["note"]
    library.update_note(note.uuid, text="Back to English.")
    assert trigram_rows(library) == (0, 0)
    assert library.search("电费") == []
    for table in ("articles_tri", "notes_tri"):
        library.db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def test_names_are_matched_as_typed_in_notes_and_titles(library: Library, tmp_path: Path) -> None:
    swim = add(library, tmp_path, "swim", "Para swimming", "Results from the pool.")
    board = add(library, tmp_path, "board", "Parata steps down", "The board chair left.")
    library.add_note(swim, 0, "The para athletes won.", Verdict.TRUE)
    library.add_note(board, 0, "Confirmed by PARATA's office.", Verdict.TRUE)
    assert [(h.kind, h.article_id) for h in library.search("Parata")] == [
        ("article", board),
        ("note", board),
    ]
    assert {h.article_id for h in library.search("para ")} == {swim}
    # Same stem ("field"), other word: the stemmed index alone would find both.
    novel = add(library, tmp_path, "novel", "Books", "Helen Fielding wrote it.")
    farm = add(library, tmp_path, "farm", "Farming", "The fields were wet.")
    assert articles(library, "Fielding") == [novel]
    assert articles(library, "Fielding ") == [novel]
    assert articles(library, "Jones") == []
    library.update_note(library.notes(swim)[0].uuid, text="Wet fields.")
    assert [h.kind for h in library.search("Fielding")] == ["article"]
    assert sorted(h.kind for h in library.search("fielding")) == ["article", "article", "note"]
    assert farm in articles(library, "fielding")
    # The stored text need not share the typed case: only the stem is not enough.
    assert [h.kind for h in library.search("Parata office")] == ["note"]


def test_any_connection_can_write_the_library(library_path: Path, tmp_path: Path) -> None:
    """The trigram triggers need no function of Gloss's: a plain sqlite3 connection (the
    sqlite3 shell, a script) can edit notes and the index follows."""
    with Library(library_path) as library:
        article_id = add(library, tmp_path, "a", "Notes", "A sentence to note.")
        note = library.add_note(article_id, 0, "Plain English.", Verdict.NONE)
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("UPDATE notes SET body = '楓樹林の道' WHERE uuid = ?", [note.uuid])
    conn.close()
    with Library(library_path) as library:
        assert [h.note_uuid for h in library.search("楓樹林")] == [note.uuid]
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("DELETE FROM notes WHERE uuid = ?", [note.uuid])
    conn.close()
    with Library(library_path) as library:
        assert library.search("楓樹林") == []
        assert trigram_rows(library) == (0, 0)
