"""The library's schema, one migration at a time.

Migrations are append-only: a released migration is never edited, a change is a new one.
`known_migrations()` lets the library refuse a file written by a newer Gloss (whose extra
migrations this code cannot know) instead of corrupting it.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database, Migrations

from . import related_index
from .model import Block, block_offsets
from .search import HAS_CJK

MIGRATION_SET = "gloss"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            byline TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT '',
            excerpt TEXT NOT NULL DEFAULT '',
            source_format TEXT NOT NULL DEFAULT '',
            source_path TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            opened_at TEXT,
            progress REAL NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            splitter_version TEXT NOT NULL DEFAULT '',
            extractor_version TEXT NOT NULL DEFAULT '',
            doc TEXT NOT NULL,   -- JSON list of blocks
            text TEXT NOT NULL   -- plain text, for search and anchoring
        );
        CREATE INDEX articles_url ON articles(url) WHERE url != '';
        CREATE INDEX articles_hash ON articles(content_hash);

        CREATE TABLE sentences (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            block INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence INTEGER,     -- NULL: an orphan that lost its place
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            position INTEGER,
            body TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL DEFAULT 'none',
            sources TEXT NOT NULL DEFAULT '[]',   -- JSON list of {url, title, quote}
            tags TEXT NOT NULL DEFAULT '[]',      -- JSON list of strings
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX notes_place ON notes(article_id, sentence);

        CREATE TABLE images (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            mime TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (article_id, name)
        ) WITHOUT ROWID;

        -- Earlier texts of an article, kept when a changed page is imported again.
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            splitter_version TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            doc TEXT NOT NULL,
            text TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        );
        CREATE INDEX article_versions_article ON article_versions(article_id);

        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["notes"].enable_fts(["body", "quote"], create_triggers=True, tokenize="porter")


@migrations()
def m002_reading_state_and_tags(db: Database) -> None:
    db.executescript(
        """
        -- The first sentence on screen when the article was last left, to reopen there.
        ALTER TABLE articles ADD COLUMN read_position INTEGER NOT NULL DEFAULT 0;
        -- Deleted articles wait here until the app closes, so a delete can be undone.
        ALTER TABLE articles ADD COLUMN trashed_at TEXT;
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_tag ON article_tags(tag);
        """
    )


@migrations()
def m003_url_index_and_narrow_fts_triggers(db: Database) -> None:
    db.executescript(
        """
        -- `url = ?` cannot use the partial index of m001 (SQLite cannot tell that the
        -- parameter is not ''), so finding an article by URL scanned the whole table.
        CREATE INDEX articles_url_any ON articles(url);

        -- The FTS rows depend on these columns only: saving a reading position or a
        -- note's verdict no longer re-indexes the article's whole text or the note.
        DROP TRIGGER IF EXISTS articles_au;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        DROP TRIGGER IF EXISTS notes_au;
        CREATE TRIGGER notes_au AFTER UPDATE OF body, quote ON notes BEGIN
          INSERT INTO notes_fts (notes_fts, rowid, body, quote)
            VALUES ('delete', old.rowid, old.body, old.quote);
          INSERT INTO notes_fts (rowid, body, quote) VALUES (new.rowid, new.body, new.quote);
        END;
        """
    )


@migrations()
def m004_sentence_text_start(db: Database) -> None:
    """Where each sentence starts in the article's plain text, so a note's quote and
    context come from one query instead of rebuilding the whole article."""
    db.execute("ALTER TABLE sentences ADD COLUMN text_start INTEGER")
    for article_id, doc in db.execute("SELECT id, doc FROM articles").fetchall():
        bases = block_offsets([Block.from_json(b) for b in json.loads(doc)])
        rows = db.execute(
            "SELECT idx, block, start FROM sentences WHERE article_id = ?", [article_id]
        ).fetchall()
        db.conn.executemany(
            "UPDATE sentences SET text_start = ? WHERE article_id = ? AND idx = ?",
            [((bases[block] or 0) + start, article_id, idx) for idx, block, start in rows],
        )


@migrations()
def m005_note_spans(db: Database) -> None:
    """Notes cover any span of words: from their sentence to `last_sentence`. They keep
    the words they were written against, and a flag for a reader to look at a note that
    re-anchoring put on changed words. An existing note covers its whole sentence, which
    is exactly what it quoted, so it migrates as it is."""
    db.executescript(
        """
        ALTER TABLE notes ADD COLUMN last_sentence INTEGER;
        UPDATE notes SET last_sentence = sentence;
        ALTER TABLE notes ADD COLUMN original_quote TEXT NOT NULL DEFAULT '';
        UPDATE notes SET original_quote = quote;
        ALTER TABLE notes ADD COLUMN text_changed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX notes_to_review ON notes(article_id) WHERE text_changed = 1;
        """
    )


@migrations()
def m006_unique_article_urls(db: Database) -> None:
    """One article per URL, enforced by SQLite.

    Two processes importing the same page at once could both add it (the look-up ran
    before the write transaction). Such copies are merged into the oldest article that
    is not deleted: their notes, tags, reading state and earlier versions move to it; a
    copy whose text differs is kept as an earlier version, and its notes become unplaced
    notes (with their quotes) instead of pointing at sentences of another text.
    """
    duplicated = db.execute(
        "SELECT url FROM articles WHERE url != '' GROUP BY url HAVING count(*) > 1"
    ).fetchall()
    for (url,) in duplicated:
        ids = [
            int(r[0])
            for r in db.execute(
                "SELECT id FROM articles WHERE url = ? ORDER BY trashed_at IS NOT NULL, id",
                [url],
            )
        ]
        for copy in ids[1:]:
            _merge_article_copy(db, ids[0], copy)
    db.execute("DROP INDEX IF EXISTS articles_url")  # the unique index below serves it
    db.execute("CREATE UNIQUE INDEX articles_url_unique ON articles(url) WHERE url != ''")


@migrations()
def m008_claims(db: Database) -> None:
    """The claim spotter's results: one row per check-worthy sentence, with its score and
    the kinds of evidence found (JSON list). `claims_version` on the article names the
    spotter that made them; '' (every existing article) means not spotted yet, which
    `claim_store.ensure_claims` does lazily, as re-splitting is done."""
    db.executescript(
        """
        CREATE TABLE claims (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            score REAL NOT NULL,
            kinds TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        ALTER TABLE articles ADD COLUMN claims_version TEXT NOT NULL DEFAULT '';
        """
    )


@migrations()
def m010_trigram_search(db: Database) -> None:
    """A second, trigram index, for words inside runs of Chinese or Japanese characters.

    FTS5's word tokenizers take a run of Chinese or Japanese characters as one token,
    so a word inside it (电费 in 今年的电费很高) was never found. The trigram index
    matches any run of three or more characters as written (ignoring case); a shorter
    run is found through the trigrams that start with it (listed by the `*_tri_vocab`
    tables): each column is indexed with two line feeds after it, so that even the last
    characters of a text start a trigram. That padding is why the tables are contentless
    (content=''), filled by triggers, rather than reading `articles` and `notes`.

    Only rows that hold a CJK character are indexed (`HAS_CJK`): a trigram index of all
    text is about five times the size of the text, and the rest is found through the
    word index (names too: see `search.parse_query`). A plain GLOB in the triggers, not
    an application function, so that any connection can write the library.
    """
    db.executescript(_trigram_index("articles", "title", "text"))
    db.executescript(_trigram_index("notes", "body", "quote"))
    fill_trigram_index(db.conn)


def _trigram_index(table: str, first: str, second: str) -> str:
    """The trigram table over two columns of `table`, its vocabulary and the triggers that
    keep it in step (rows with CJK text only, each column padded with two line feeds)."""
    tri = f"{table}_tri"

    def row(side: str) -> str:
        return (
            f"{side}.id, {side}.{first} || char(10, 10), {side}.{second} || char(10, 10)\n"
            f"            WHERE {side}.{first} GLOB '{HAS_CJK}' OR {side}.{second} GLOB "
            f"'{HAS_CJK}'"
        )

    add = f"INSERT INTO {tri} (rowid, {first}, {second})\n            SELECT {row('new')};"
    remove = (
        f"INSERT INTO {tri} ({tri}, rowid, {first}, {second})\n"
        f"            SELECT 'delete', {row('old')};"
    )
    return f"""
        CREATE VIRTUAL TABLE {tri} USING fts5(
            {first}, {second}, content='', tokenize='trigram');
        CREATE VIRTUAL TABLE {tri}_vocab USING fts5vocab({tri}, 'row');
        CREATE TRIGGER {tri}_ai AFTER INSERT ON {table} BEGIN
          {add}
        END;
        CREATE TRIGGER {tri}_ad AFTER DELETE ON {table} BEGIN
          {remove}
        END;
        CREATE TRIGGER {tri}_au AFTER UPDATE OF {first}, {second} ON {table} BEGIN
          {remove}
          {add}
        END;
        """


def fill_trigram_index(conn: sqlite3.Connection) -> None:
    """Index every article and note that holds CJK text in the (empty) trigram tables,
    as the triggers do."""
    conn.execute(
        "INSERT INTO articles_tri (rowid, title, text) "
        "SELECT id, title || char(10, 10), text || char(10, 10) FROM articles "
        "WHERE title GLOB ? OR text GLOB ?",
        [HAS_CJK, HAS_CJK],
    )
    conn.execute(
        "INSERT INTO notes_tri (rowid, body, quote) "
        "SELECT id, body || char(10, 10), quote || char(10, 10) FROM notes "
        "WHERE body GLOB ? OR quote GLOB ?",
        [HAS_CJK, HAS_CJK],
    )


def _merge_article_copy(db: Database, keep: int, copy: int) -> None:
    def text_of(article_id: int) -> tuple:
        return db.execute(
            "SELECT content_hash, splitter_version FROM articles WHERE id = ?", [article_id]
        ).fetchone()

    if text_of(keep) == text_of(copy):
        db.execute("UPDATE notes SET article_id = ? WHERE article_id = ?", [keep, copy])
    else:
        db.execute(
            """INSERT INTO article_versions (article_id, title, content_hash,
                   splitter_version, extractor_version, doc, text, replaced_at)
               SELECT ?, title, content_hash, splitter_version, extractor_version, doc, text,
                      updated_at
               FROM articles WHERE id = ?""",
            [keep, copy],
        )
        db.execute(
            "UPDATE notes SET article_id = ?, sentence = NULL, last_sentence = NULL "
            "WHERE article_id = ?",
            [keep, copy],
        )
    db.execute("UPDATE article_versions SET article_id = ? WHERE article_id = ?", [keep, copy])
    db.execute(
        "INSERT OR IGNORE INTO article_tags (article_id, tag) "
        "SELECT ?, tag FROM article_tags WHERE article_id = ?",
        [keep, copy],
    )
    db.execute(
        """UPDATE articles SET
               progress = max(progress, (SELECT progress FROM articles WHERE id = :copy)),
               opened_at = coalesce(min(opened_at,
                   (SELECT opened_at FROM articles WHERE id = :copy)),
                   opened_at, (SELECT opened_at FROM articles WHERE id = :copy))
           WHERE id = :keep""",
        {"keep": keep, "copy": copy},
    )
    db.execute("DELETE FROM articles WHERE id = ?", [copy])


def known_migrations() -> frozenset[str]:
    # Everything is pending on an empty database: that lists this code's migrations
    # through the public API.
    return frozenset(m.name for m in migrations.pending(Database(memory=True)))


@migrations()
def m011_citations(db: Database) -> None:
    """Library citations: a note's source that is a passage of another saved article.

    A citation is anchored like a note (quote, context, position, sentences) so that the
    library can re-anchor it when the cited article's text changes, which needs the
    citations of one article found at once: hence a table with an index on the article,
    not more JSON in `notes.sources` (which names each row by its place in the note's
    list, `{"kind": "citation", "citation": idx}`). The cited article's title, URL and
    site are kept too: deleted, it leaves the citation with its words and where they
    came from (`article_id` NULL)."""
    db.executescript(
        """
        CREATE TABLE citations (
            note_uuid TEXT NOT NULL REFERENCES notes(uuid)
                ON DELETE CASCADE ON UPDATE CASCADE,
            idx INTEGER NOT NULL,        -- the source's place in the note's list
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            sentence INTEGER,            -- NULL: the words are gone from the article
            last_sentence INTEGER,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            position INTEGER,
            PRIMARY KEY (note_uuid, idx)
        ) WITHOUT ROWID;
        CREATE INDEX citations_article ON citations(article_id);
        """
    )


@migrations()
def m012_related_claims(db: Database) -> None:
    """The same claim elsewhere: band keys of every noted sentence (`related_keys`), and
    the triggers that mark an article whose noted sentences changed (`related_stale`);
    see `related_index`. Filled here for the notes the library already has."""
    db.executescript(related_index.SCHEMA)
    related_index.fill(db.conn)


@migrations()
def m013_note_publication(db: Database) -> None:
    """Per note, who made the claim and where its fact check is published, for the
    ClaimReview export. Existing notes get neither: '' means the article's site as
    claimant, and a note not yet published."""
    db.executescript(
        """
        ALTER TABLE notes ADD COLUMN claimant TEXT NOT NULL DEFAULT '';
        ALTER TABLE notes ADD COLUMN review_url TEXT NOT NULL DEFAULT '';
        -- The export dialog counts the notes not yet published as the reader picks the
        -- format: an index of those alone keeps that count cheap on a big library.
        CREATE INDEX notes_unpublished ON notes(verdict, article_id) WHERE review_url = '';
        """
    )
