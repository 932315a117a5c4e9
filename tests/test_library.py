from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.ingest import load_file
from reader.core.library import Library, LibraryError, NotFound
from reader.core.model import Block, BlockKind, Source, Verdict
from reader.core.sentences import segment


def test_article_round_trip(library: Library, pages: Path) -> None:
    article = load_file(pages / "news.html")
    result = library.add_article(article, source_path="news.html")
    assert result.status == "added"
    back = library.article(result.article_id)
    assert back.meta == article.meta
    assert back.blocks == article.blocks
    assert back.sentences == article.sentences
    assert back.text == article.text


def test_images_are_stored_in_the_library(library: Library, pages: Path) -> None:
    article = load_file(pages / "complete.html")
    assert len(article.images) == 1
    article_id = library.add_article(article).article_id
    name = article.images[0].name
    stored = library.image(article_id, name)
    assert stored is not None
    assert stored.data == (pages / "complete_files" / "dot.png").read_bytes()
    assert stored.mime == "image/png"


def test_same_page_twice_is_not_a_duplicate(library: Library, pages: Path) -> None:
    first = library.add_article(load_file(pages / "news.html"))
    second = library.add_article(load_file(pages / "news.html"))
    assert second.status == "unchanged"
    assert second.article_id == first.article_id
    assert library.article_count() == 1


def test_changed_page_replaces_text_keeps_old_version_and_notes(
    library: Library, pages: Path
) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    target = next(s for s in article.sentences if s.text.startswith("Buses and bicycles"))
    note = library.add_note(article_id, target.index, "Checked with the bus company.", Verdict.TRUE)
    # The page changes: a new paragraph at the top moves every sentence down by two.
    extra = Block(BlockKind.PARAGRAPH, "Update: the council met again. Nothing changed.")
    blocks = (extra, *article.blocks)
    changed = replace(article, blocks=blocks, sentences=segment(blocks))
    result = library.add_article(changed)
    assert (result.status, result.article_id, result.orphaned) == ("updated", article_id, 0)
    moved = library.note(note.uuid)
    assert moved.sentence == target.index + 2
    assert library.article(article_id).sentences[moved.sentence].text == target.text
    versions = library.db.execute(
        "SELECT text FROM article_versions WHERE article_id = ?", [article_id]
    ).fetchall()
    assert versions == [(article.text,)]


def test_note_whose_sentence_vanished_becomes_an_orphan_not_lost(
    library: Library, pages: Path
) -> None:
    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    note = library.add_note(article_id, 0, "Date is wrong.", Verdict.FALSE)
    blocks = article.blocks[1:]
    changed = replace(article, blocks=blocks, sentences=segment(blocks))
    assert library.add_article(changed).orphaned == 1
    kept = library.note(note.uuid)
    assert kept.sentence is None
    assert kept.quote == article.sentences[0].text
    assert kept.text == "Date is wrong."


def test_note_crud_and_marks(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    a = library.add_note(
        article_id,
        1,
        "Was September.",
        Verdict.MISLEADING,
        [Source("https://council.example/minutes")],
        ["dates"],
    )
    b = library.add_note(article_id, 1, "Minutes say March.", Verdict.FALSE)
    assert [n.uuid for n in library.notes(article_id, 1)] == [a.uuid, b.uuid]
    assert library.marks(article_id) == {1: Verdict.FALSE}
    assert a.quote == library.article(article_id).sentences[1].text
    assert a.prefix and a.suffix and a.position is not None
    assert library.article(article_id).text[a.position : a.position + len(a.quote)] == a.quote
    edited = library.update_note(b.uuid, text="Minutes say April.", verdict=Verdict.TRUE)
    assert edited.text == "Minutes say April."
    assert edited.created == b.created
    assert library.marks(article_id) == {1: Verdict.MISLEADING}
    library.delete_note(a.uuid)
    library.delete_note(b.uuid)
    assert library.marks(article_id) == {}
    with pytest.raises(NotFound):
        library.delete_note(a.uuid)


def test_note_on_missing_sentence_is_refused(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    with pytest.raises(NotFound):
        library.add_note(article_id, 9999, "nope")


def test_summaries_count_notes_and_worst_verdict(library: Library, pages: Path) -> None:
    news = library.add_article(load_file(pages / "news.html")).article_id
    library.add_article(load_file(pages / "plain.txt"))
    library.add_note(news, 0, "", Verdict.TRUE)
    library.add_note(news, 2, "", Verdict.MISLEADING)
    rows = {r.id: r for r in library.summaries()}
    assert rows[news].note_count == 2
    assert rows[news].worst_verdict is Verdict.MISLEADING
    assert rows[news].site == "Riverside Herald"


def test_full_text_search_covers_articles_and_notes(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    library.add_note(article_id, 0, "Corroborated by the harbour master")
    hits = library.db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'corrosion'"
    ).fetchall()
    assert hits == [(article_id,)]
    hits = library.db.execute(
        "SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'harbour'"
    ).fetchall()
    assert len(hits) == 1


def test_failed_write_leaves_the_library_as_it_was(
    library: Library, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = load_file(pages / "news.html")

    def explode(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(library, "_write_body", explode)
    with pytest.raises(LibraryError, match="disk I/O error"):
        library.add_article(article)
    assert library.article_count() == 0
    assert library.db.execute("SELECT COUNT(*) FROM sentences").fetchone() == (0,)


def test_reopen_keeps_everything(library_path: Path, pages: Path) -> None:
    with Library(library_path) as lib:
        article_id = lib.add_article(load_file(pages / "news.html")).article_id
        note = lib.add_note(article_id, 3, "Persisted?", Verdict.UNVERIFIED)
    with Library(library_path) as lib:
        assert lib.note(note.uuid).text == "Persisted?"
        assert lib.marks(article_id) == {3: Verdict.UNVERIFIED}


def test_library_uses_wal_and_foreign_keys(library: Library) -> None:
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_schema_is_refused_and_left_alone(library_path: Path) -> None:
    with Library(library_path) as lib:
        lib.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('gloss', 'm999_from_the_future', '2030-01-01')"
        )
        lib.db.conn.commit()
    before = library_path.read_bytes()
    with pytest.raises(LibraryError, match="newer version of Gloss"):
        Library(library_path)
    assert library_path.read_bytes() == before


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "library.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError, match="not a Gloss library"):
        Library(bogus)
    assert bogus.read_bytes() == b"this is not sqlite" * 100


def test_backup_is_a_working_copy(library: Library, pages: Path, tmp_path: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    library.add_note(article_id, 0, "backed up")
    copy = library.backup(tmp_path / "copy.db")
    with Library(copy) as restored:
        assert [n.text for n in restored.notes(article_id)] == ["backed up"]


def test_a_new_splitter_version_resplits_and_keeps_notes(library: Library, pages: Path) -> None:
    from reader.core.sentences import SPLITTER_VERSION

    article = load_file(pages / "news.html")
    article_id = library.add_article(article).article_id
    target = article.sentences[3]
    note = library.add_note(article_id, target.index, "Kept across splitters")
    # Pretend an older splitter cut the first block as one sentence: indices all shift.
    first_block = [s for s in article.sentences if s.block == 0]
    library.db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
    merged = [(0, 0, 0, first_block[-1].end, article.blocks[0].text)]
    rest = [
        (s.index - len(first_block) + 1, s.block, s.start, s.end, s.text)
        for s in article.sentences[len(first_block) :]
    ]
    library.db.conn.executemany(
        'INSERT INTO sentences (article_id, idx, block, start, "end", text) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, *r) for r in merged + rest],
    )
    stale_index = target.index - len(first_block) + 1
    library.db.execute("UPDATE notes SET sentence = ? WHERE uuid = ?", [stale_index, note.uuid])
    library.db.execute("UPDATE articles SET splitter_version = 'old' WHERE id = ?", [article_id])
    library.db.conn.commit()

    upgraded = library.article(article_id)
    assert upgraded.splitter_version == SPLITTER_VERSION
    assert upgraded.sentences == article.sentences
    moved = library.note(note.uuid)
    assert moved.sentence == target.index
    assert moved.quote == target.text


def test_reattach_and_restore_note(library: Library, pages: Path) -> None:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    note = library.add_note(article_id, 0, "move me", Verdict.FALSE, tags=["x"])
    orphan = library.reattach_note(note.uuid, None)
    assert orphan.sentence is None and [
        n for n in library.notes(article_id) if n.sentence is None
    ] == [orphan]
    placed = library.reattach_note(note.uuid, 2)
    assert placed.sentence == 2
    assert placed.quote == library.article(article_id).sentences[2].text
    library.delete_note(note.uuid)
    assert library.restore_note(note) == note


def test_note_on_a_repeated_sentence_keeps_its_copy_after_an_edit(library: Library) -> None:
    from reader.core.model import Article, Metadata

    def article(paragraphs: list[str]) -> Article:
        blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
        return Article(
            Metadata(title="Repeats", url="https://example.org/r"), blocks, segment(blocks)
        )

    chorus = "Prices rose by four percent last year."
    first = article([chorus, "Officials disagreed about why.", chorus, "The debate goes on."])
    article_id = library.add_article(first).article_id
    note = library.add_note(article_id, 2, "This second mention cites the wrong year.")
    edited = article(["Update: new figures arrived.", *(b.text for b in first.blocks)])
    assert library.add_article(edited).status == "updated"
    moved = library.note(note.uuid)
    assert moved.sentence == 3  # the second copy, one block further down
    assert library.article(article_id).sentences[3].text == chorus


def test_a_note_anchor_matches_the_article_text_around_its_sentence(
    library: Library, pages: Path
) -> None:
    from reader.core.anchoring import make_anchor

    article = load_file(pages / "emoji.html")  # astral characters shift UTF-16, not offsets
    article_id = library.add_article(article).article_id
    for sentence in article.sentences:
        note = library.add_note(article_id, sentence.index, "")
        expected = make_anchor(article, sentence.index)
        assert (note.quote, note.prefix, note.suffix, note.position) == (
            expected.quote,
            expected.prefix,
            expected.suffix,
            expected.position,
        )


def test_migration_fills_sentence_offsets_of_an_older_library(
    library_path: Path, pages: Path
) -> None:
    from reader.core.anchoring import make_anchor

    with Library(library_path) as lib:
        article = load_file(pages / "news.html")
        article_id = lib.add_article(article).article_id
        # Roll the file back to before m004: no offsets, migration not applied.
        lib.db.execute("UPDATE sentences SET text_start = NULL")
        lib.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_sentence_text_start'")
        lib.db.execute("ALTER TABLE sentences DROP COLUMN text_start")
        lib.db.conn.commit()
    with Library(library_path) as lib:
        note = lib.add_note(article_id, 5, "after the upgrade")
        assert note.position == make_anchor(article, 5).position
        assert list((library_path.parent / "backups").glob("*pre-migration.db"))
