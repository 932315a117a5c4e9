"""The library: one SQLite file holding articles, their sentences, images and notes.

`Library` owns every SQL statement in Gloss. Every write runs inside `db.atomic()` (or
`transaction()`, its public name), which begins with `BEGIN IMMEDIATE` (see
`connection.py`), so a failure leaves the file as it was and a second process waits its
turn. A connection belongs to one thread: background workers open their own `Library`
on the same path (WAL lets them read while one writes). A library that is read-only or
damaged opens for reading only: `writes_refused` says why, and every write raises
`WritesRefused` with that reason.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import citations, claim_store, health, related_index
from .anchoring import CONTEXT_CHARS, fold
from .connection import GlossDatabase, open_connection
from .dberrors import LibraryDamaged, LibraryError, WritesRefused, classify, translated
from .listing import SEP, ListQuery, list_sql, one_sql
from .model import (
    Article,
    ArticleSummary,
    Block,
    Image,
    Metadata,
    Note,
    Sentence,
    Source,
    Verdict,
    block_offsets,
)
from .numbering import sentence_number
from .revision import read_transaction, same_words
from .schema import MIGRATION_SET, known_migrations, migrations
from .search import SearchHit
from .search_run import LibrarySearch
from .sentences import SPLITTER_VERSION, segment
from .spans import Span, SpanAnchor, place_spans


class NotFound(LibraryError):
    pass


class StaleRevision(LibraryError):
    """A note was written against a text of the article that is no longer current.

    `current` is the article's revision now: read the article again, place the note on
    the sentence with the same words, and write it with that revision.
    """

    def __init__(self, article_id: int, seen: str, current: str) -> None:
        self.article_id, self.seen, self.current = article_id, seen, current
        super().__init__(
            f"article {article_id} changed since revision {seen[:12]} was read (it is now "
            f"{current[:12]}); show it again and note the sentence in its new text"
        )


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: int
    status: str  # "added", "updated" (a changed page replaced the text) or "unchanged"
    orphaned: int = 0  # notes that could not be placed on the new text
    changed: int = 0  # notes placed on words that changed: to review
    moved: int = 0  # notes placed on a sentence with another number in the new text
    restored: bool = False  # the page was in the Trash: importing it again brought it back


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Library:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        with translated(self.path):
            try:
                conn, read_only = open_connection(self.path)
            except sqlite3.DatabaseError as exc:
                if classify(exc, self.path) is not LibraryDamaged or health.looks_like_sqlite(
                    self.path
                ):
                    raise
                raise LibraryError(f"{self.path} is not a Gloss library ({exc})") from None
            self.db = GlossDatabase(conn)
            self.db.path = self.path
            # Damage found cheaply here; the window looks further in the background.
            self.health = health.checked_on_open(conn, self.path)
            if self.health.damaged:
                self.refuse_writes(health.damaged_reason(self.path, self.health))
            elif read_only:
                self.refuse_writes(read_only)
            self._migrate()

    @property
    def writes_refused(self) -> str | None:
        """Why this library is open for reading only, or None when it can be written."""
        return self.db.refused

    def refuse_writes(self, reason: str) -> None:
        """From now on every write raises `WritesRefused(reason)`; reads go on."""
        self.db.refused = reason
        if not self.db.conn.in_transaction:
            self.db.conn.execute("PRAGMA query_only = ON")

    # -- lifecycle ---------------------------------------------------------------------

    def _migrate(self) -> None:
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = applied - known_migrations()
        if unknown:
            raise LibraryError(
                f"{self.path} was written by a newer version of Gloss; please update Gloss"
            )
        if not migrations.pending(self.db):
            return
        if self.writes_refused:
            if not applied:
                raise WritesRefused(f"{self.path} is not a Gloss library")
            raise WritesRefused(
                f"{self.writes_refused.removesuffix(': nothing was changed')}, and this "
                "Gloss must upgrade its format before reading it"
            )
        if applied:
            self.backup(self._backup_path("pre-migration"))
        # One transaction, so two processes opening a new library do not both migrate it:
        # the second waits for the lock, then finds nothing pending.
        with self.db.atomic():
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup(self, dest: Path | str) -> Path:
        """A consistent copy of the library, taken with SQLite's online backup API."""
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(dest)
        try:
            self.db.conn.backup(target)
        finally:
            target.close()
        return dest

    def _backup_path(self, reason: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return self.path.parent / "backups" / f"{self.path.stem}-{stamp}-{reason}.db"

    def data_version(self) -> int:
        """A number that changes when another connection commits to the file (SQLite's
        `PRAGMA data_version`): a cheap way to notice changes without reading them."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def clear_setting(self, key: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM settings WHERE key = ?", [key])

    # -- articles ------------------------------------------------------------------------

    def add_article(self, article: Article, source_path: str = "") -> AddResult:
        """Store an imported article; the same page or content again is not a duplicate.

        The look-up and the write are one transaction, so two processes importing the
        same page cannot both find it missing (and the unique URL index of m006 backs
        this up)."""
        with self.db.atomic():
            existing = self._find_existing(article)
            if existing is not None:
                article_id, content_hash = existing
                # A page whose article is in the Trash comes back with its notes rather
                # than as a second copy: the unique URL index holds trashed rows too, and
                # the reader's notes on the trashed copy must never be silently lost.
                restored = self.is_trashed(article_id)
                if restored:
                    self.restore_article(article_id)
                if content_hash == article.content_hash:
                    return AddResult(article_id, "unchanged", restored=restored)
                orphaned, changed, moved = self._replace_text(article_id, article, source_path)
                return AddResult(article_id, "updated", orphaned, changed, moved, restored)
            stamp = now()
            row = {
                "uuid": str(uuidlib.uuid4()),
                **_article_row(article, source_path),
                "imported_at": stamp,
                "updated_at": stamp,
            }
            cur = self.db.execute(
                f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
            article_id = int(cur.lastrowid or 0)
            self._write_body(article_id, article)
            citations.relink(self.db, self.article, article_id)
        return AddResult(article_id, "added")

    def _find_existing(self, article: Article) -> tuple[int, str] | None:
        if article.meta.url:
            row = self.db.execute(
                "SELECT id, content_hash FROM articles WHERE url = ? ORDER BY id LIMIT 1",
                [article.meta.url],
            ).fetchone()
            if row:
                return int(row[0]), str(row[1])
        row = self.db.execute(
            "SELECT id, content_hash FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1",
            [article.content_hash],
        ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def replace_text(self, article_id: int, article: Article, source_path: str = "") -> int:
        """Give an article new text, keep the old one as a version, re-place its notes.

        Returns how many notes became orphans. All of it is one transaction.
        """
        return self._replace_text(article_id, article, source_path)[0]

    def _replace_text(
        self, article_id: int, article: Article, source_path: str = ""
    ) -> tuple[int, int, int]:
        """`replace_text`, returning the orphaned notes, those put on changed words and
        those moved to another sentence number."""
        old = self.db.execute(
            "SELECT title, content_hash, splitter_version, extractor_version, doc, text "
            "FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if old is None:
            raise NotFound(f"no article {article_id}")
        previous = self.article(article_id, upgrade=False)  # what the notes point into
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO article_versions (article_id, title, content_hash,
                       splitter_version, extractor_version, doc, text, replaced_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [article_id, *old, now()],
            )
            row = {**_article_row(article, source_path), "updated_at": now()}
            if not source_path:
                del row["source_path"]  # a re-import from elsewhere keeps the first path
            self.db.execute(
                f"UPDATE articles SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                [*row.values(), article_id],
            )
            self.db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM images WHERE article_id = ?", [article_id])
            self._write_body(article_id, article)
            placed = self._reanchor_notes(article_id, article, previous)
            related_index.refresh_stale(self.db.conn)
            return placed

    def _reanchor_notes(
        self, article_id: int, article: Article, old: Article
    ) -> tuple[int, int, int]:
        """Place every note of an article on its new text; returns how many became
        orphans, how many now cover changed words (flagged for review) and how many
        moved to another sentence number.

        Runs inside the caller's transaction. An orphan keeps its old quote and context,
        so a later version of the text (or the user) can still place it. No note ever
        loses the words it was written against (`original_quote`).
        """
        citations.reanchor(self.db, article_id, article, old)
        notes = self.notes(article_id)
        # The old text lets the anchoring align old sentences to new ones, which tells
        # repeated copies of a sentence apart by where they stand.
        placements = place_spans([SpanAnchor.from_note(n) for n in notes], article, old=old)
        orphaned = changed = moved = 0
        for note, placed in zip(notes, placements, strict=True):
            if placed.span is None:
                orphaned += 1
                # Unplaced is its own call for attention: not also "to review".
                self.db.execute(
                    "UPDATE notes SET sentence = NULL, last_sentence = NULL, text_changed = 0 "
                    "WHERE uuid = ?",
                    [note.uuid],
                )
                continue
            moved += placed.span.first != note.sentence
            # Changed since the reader last saw the note (or still awaiting a look), and
            # not back to the words it was written against.
            review = (note.text_changed or fold(placed.quote) != fold(note.quote)) and (
                fold(placed.quote) != fold(note.original_quote)
            )
            changed += review
            self.db.execute(
                "UPDATE notes SET sentence = ?, last_sentence = ?, quote = ?, prefix = ?, "
                "suffix = ?, position = ?, text_changed = ? WHERE uuid = ?",
                [
                    placed.span.first,
                    placed.span.last,
                    placed.quote,
                    placed.prefix,
                    placed.suffix,
                    placed.position,
                    int(review),
                    note.uuid,
                ],
            )
        return orphaned, changed, moved

    def resegment(self, article_id: int) -> int:
        """Re-split an article cut by another splitter version and re-anchor its notes.

        The text does not change, so no version is kept. Returns the orphaned notes.
        """
        stored = self.article(article_id, upgrade=False)
        article = replace(
            stored, sentences=segment(stored.blocks), splitter_version=SPLITTER_VERSION
        )
        with self.db.atomic():
            self.db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
            self._write_sentences(article_id, article)
            self.db.execute(
                "UPDATE articles SET splitter_version = ? WHERE id = ?",
                [SPLITTER_VERSION, article_id],
            )
            orphaned = self._reanchor_notes(article_id, article, stored)[0]
            related_index.refresh_stale(self.db.conn)
            return orphaned

    def _write_sentences(self, article_id: int, article: Article) -> None:
        bases = block_offsets(article.blocks)
        self.db.conn.executemany(
            'INSERT INTO sentences (article_id, idx, block, start, "end", text, text_start) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    s.index,
                    s.block,
                    s.start,
                    s.end,
                    s.text,
                    (bases[s.block] or 0) + s.start,
                )
                for s in article.sentences
            ],
        )
        # Claims are indexed by sentence: they are spotted whenever sentences are written.
        claim_store.write_claims(self.db, article_id, article)

    def _write_body(self, article_id: int, article: Article) -> None:
        self._write_sentences(article_id, article)
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO images (article_id, name, mime, data) VALUES (?, ?, ?, ?)",
            [(article_id, i.name, i.mime, i.data) for i in article.images],
        )

    def article(self, article_id: int, upgrade: bool = True) -> Article:
        """An article as stored. One split by an older splitter is re-split first (and
        its notes re-anchored), so sentence indices always match the current splitter."""
        # A library open for reading only keeps the old split, which its notes point into.
        if upgrade and not self.writes_refused and self._stale_splitter(article_id):
            self.resegment(article_id)
        # One read transaction: a text another process writes meanwhile never mixes
        # its sentences with the metadata read before it.
        with read_transaction(self.db):
            return self._read_article(article_id)

    def revision(self, article_id: int) -> str:
        """The revision of an article's text (its content hash): a note written against
        another one is refused (`StaleRevision`)."""
        row = self.db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        return str(row[0])

    def article_and_revision(self, article_id: int) -> tuple[Article, str]:
        """An article and the revision of that very text, read in one transaction."""
        if not self.writes_refused and self._stale_splitter(article_id):
            self.resegment(article_id)
        with read_transaction(self.db):
            return self._read_article(article_id), self.revision(article_id)

    def _read_article(self, article_id: int) -> Article:
        row = self.db.execute(
            "SELECT title, byline, published, site, lang, url, excerpt, source_format, "
            "splitter_version, extractor_version, doc FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        meta = Metadata(*row[:7])
        blocks = tuple(Block.from_json(b) for b in json.loads(row[10]))
        sentences = tuple(
            Sentence(*r)
            for r in self.db.execute(
                'SELECT idx, block, start, "end", text FROM sentences '
                "WHERE article_id = ? ORDER BY idx",
                [article_id],
            )
        )
        return Article(meta, blocks, sentences, (), row[7], row[8], row[9])

    def _stale_splitter(self, article_id: int) -> bool:
        row = self.db.execute(
            "SELECT splitter_version FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return row is not None and row[0] != SPLITTER_VERSION

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def readable_article_ids(self) -> list[int]:
        """Every article id a damaged library can still give: from the table, else from an
        index of it (an index holds every row's id, in pages of its own)."""
        failure: sqlite3.DatabaseError | None = None
        for source in ("articles", "articles INDEXED BY articles_hash"):
            try:
                return [r[0] for r in self.db.execute(f"SELECT id FROM {source} ORDER BY id")]
            except sqlite3.DatabaseError as exc:
                failure = exc
        assert failure is not None
        raise failure

    def list_articles(
        self, query: ListQuery | None = None, offset: int = 0, limit: int = -1
    ) -> list[ArticleSummary]:
        """A page of the library list, filtered and ordered as asked."""
        sql, params = list_sql(query or ListQuery())
        rows = self.db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
        return [_summary(r) for r in rows]

    def count_articles(self, query: ListQuery | None = None) -> int:
        sql, params = list_sql(query or ListQuery(), count=True)
        return int(self.db.execute(sql, params).fetchone()[0])

    def summaries(self) -> list[ArticleSummary]:
        """Every article that is not archived or deleted, newest import first."""
        return self.list_articles()

    def summary(self, article_id: int) -> ArticleSummary:
        row = self.db.execute(one_sql(), [article_id]).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        return _summary(row)

    def set_reading_position(self, article_id: int, sentence: int, progress: float = 0.0) -> None:
        """Remember where reading stopped and how far it has ever got (0..1); opening an
        article marks it as read. Not kept in a library open for reading only."""
        if self.writes_refused:
            return
        with self.db.atomic():
            self.db.execute(
                "UPDATE articles SET read_position = ?, opened_at = COALESCE(opened_at, ?), "
                "progress = MAX(progress, ?) WHERE id = ?",
                [max(sentence, 0), now(), min(max(progress, 0.0), 1.0), article_id],
            )

    def mark_opened(self, article_id: int) -> None:
        if self.writes_refused:  # bookkeeping, like the reading position
            return
        with self.db.atomic():
            self.db.execute(
                "UPDATE articles SET opened_at = COALESCE(opened_at, ?) WHERE id = ?",
                [now(), article_id],
            )

    def reading_position(self, article_id: int) -> int:
        row = self.db.execute(
            "SELECT read_position FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return int(row[0]) if row else 0

    def set_archived(self, article_id: int, archived: bool) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE articles SET archived = ? WHERE id = ?", [int(archived), article_id]
            )

    def trash_article(self, article_id: int) -> None:
        """Move an article to the Trash, where it stays (across restarts) until the reader
        restores it (`restore_article`) or empties the Trash (`purge_trash`)."""
        with self.db.atomic():
            self.db.execute("UPDATE articles SET trashed_at = ? WHERE id = ?", [now(), article_id])

    def restore_article(self, article_id: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE articles SET trashed_at = NULL WHERE id = ?", [article_id])

    def is_trashed(self, article_id: int) -> bool:
        row = self.db.execute(
            "SELECT trashed_at IS NOT NULL FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return bool(row and row[0])

    def trashed_at(self, article_id: int) -> str:
        """When the article was moved to the Trash ("" if it is not there)."""
        row = self.db.execute(
            "SELECT trashed_at FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return str(row[0]) if row and row[0] else ""

    def purge_trash(self) -> int:
        if self.writes_refused:  # nothing can have been trashed
            return 0
        with self.db.atomic():
            cur = self.db.execute("DELETE FROM articles WHERE trashed_at IS NOT NULL")
        return cur.rowcount

    def delete_article(self, article_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def set_article_tags(self, article_id: int, tags: Iterable[str]) -> None:
        clean = sorted({" ".join(t.split()) for t in tags if t.strip()})
        with self.db.atomic():
            self.db.execute("DELETE FROM article_tags WHERE article_id = ?", [article_id])
            self.db.conn.executemany(
                "INSERT INTO article_tags (article_id, tag) VALUES (?, ?)",
                [(article_id, t) for t in clean],
            )

    def all_tags(self) -> list[str]:
        """The articles' tags, A to Z, leaving out those found only in the Trash."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id "
                "WHERE a.trashed_at IS NULL ORDER BY t.tag COLLATE NOCASE"
            )
        ]

    def image(self, article_id: int, name: str) -> Image | None:
        row = self.db.execute(
            "SELECT name, mime, data FROM images WHERE article_id = ? AND name = ?",
            [article_id, name],
        ).fetchone()
        return Image(row[0], row[1], bytes(row[2])) if row else None

    def article_count(self) -> int:
        """Articles in the library, archived ones included, deleted ones not."""
        return int(
            self.db.execute("SELECT COUNT(*) FROM articles WHERE trashed_at IS NULL").fetchone()[0]
        )

    # -- transfer and search -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Library]:
        """Everything inside is one transaction: an exception undoes all of it. Library
        methods called inside nest (as savepoints) instead of committing."""
        with self.db.atomic():
            yield self

    def article_meta(self, article_id: int) -> Metadata:
        """An article's metadata without loading its text."""
        row = self.db.execute(
            "SELECT title, byline, published, site, lang, url, excerpt FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        return Metadata(*row)

    def imported_at(self, article_id: int) -> str:
        row = self.db.execute(
            "SELECT imported_at FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        return str(row[0])

    def set_imported_at(self, article_id: int, stamp: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE articles SET imported_at = ? WHERE id = ?", [stamp, article_id])

    def article_urls(self) -> list[tuple[int, str]]:
        """(id, url) of every article that has a URL and is not deleted, oldest first."""
        return [
            (int(r[0]), str(r[1]))
            for r in self.db.execute(
                "SELECT id, url FROM articles WHERE url != '' AND trashed_at IS NULL ORDER BY id"
            )
        ]

    def find_article(self, article: Article) -> int | None:
        """The stored article with the same URL, else the same content, if any."""
        found = self._find_existing(article)
        return found[0] if found else None

    def article_content_hash(self, article_id: int) -> str:
        row = self.db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}")
        return str(row[0])

    def find_by_content_hash(self, content_hash: str) -> int | None:
        """The live article whose text has this hash now, else the one that had it before
        a re-import replaced its text (notes made on that text moved with the article)."""
        row = self.db.execute(
            """SELECT id FROM articles WHERE content_hash = ? AND trashed_at IS NULL
               UNION ALL
               SELECT a.id FROM article_versions v JOIN articles a ON a.id = v.article_id
               WHERE v.content_hash = ? AND a.trashed_at IS NULL
               LIMIT 1""",
            [content_hash, content_hash],
        ).fetchone()
        return int(row[0]) if row else None

    def find_note(self, note_uuid: str) -> Note | None:
        try:
            return self.note(note_uuid)
        except NotFound:
            return None

    def search(
        self,
        query: str,
        verdict: Verdict | str | None = None,
        tag: str | None = None,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Full-text search over article titles and texts and note texts and quotes
        (see `search_run.LibrarySearch.search`)."""
        return LibrarySearch(self.db).search(query, verdict, tag, limit)

    # -- notes ---------------------------------------------------------------------------

    def notes(self, article_id: int, sentence: int | None = None) -> list[Note]:
        """An article's notes, or those covering `sentence` (a note on a run of sentences
        covers each of them)."""
        if sentence is None:
            cur = self.db.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE article_id = ? "
                "ORDER BY sentence IS NULL, sentence, created, id",
                [article_id],
            )
        else:
            cur = self.db.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE article_id = ? AND sentence <= ? "
                "AND COALESCE(last_sentence, sentence) >= ? ORDER BY sentence, created, id",
                [article_id, sentence, sentence],
            )
        return citations.fill(self.db, [_note(r) for r in cur])

    def note(self, note_uuid: str) -> Note:
        row = self.db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE uuid = ?", [note_uuid]
        ).fetchone()
        if row is None:
            raise NotFound(f"no note {note_uuid}")
        return citations.fill(self.db, [_note(row)])[0]

    def related(self, article_id: int) -> list[related_index.Elsewhere]:
        """The sentences of an article noted in other articles (see `related_index`)."""
        with translated(self.path), read_transaction(self.db):
            return related_index.lookup(self.db.conn, article_id)

    def marks(self, article_id: int) -> dict[int, Verdict]:
        """Each sentence that ends a note's span, with the worst verdict among those
        notes: the reader puts its verdict letter after that sentence."""
        out: dict[int, Verdict] = {}
        for sentence, verdict in self.db.execute(
            "SELECT COALESCE(last_sentence, sentence), verdict FROM notes "
            "WHERE article_id = ? AND sentence IS NOT NULL",
            [article_id],
        ):
            v = Verdict.parse(verdict)
            if sentence not in out or v.severity < out[sentence].severity:
                out[sentence] = v
        return out

    def add_note(
        self,
        article_id: int,
        sentence: int,
        text: str,
        verdict: Verdict = Verdict.NONE,
        sources: Iterable[Source] = (),
        tags: Iterable[str] = (),
        *,
        span: Span | None = None,
        revision: str | None = None,
        claimant: str = "",
        review_url: str = "",
    ) -> Note:
        """A new note on `sentence`, or on `span` (words of the article, see `spans`).

        With `revision` (the text the writer saw) the write is refused by `StaleRevision`
        if the text changed since; the quote and context are read in the same write
        transaction as the insert, so they are always the words noted."""
        stamp = now()
        note_uuid = str(uuidlib.uuid4())
        sources = list(sources)
        with self.db.atomic():
            self._check_revision(article_id, revision)
            if span is None:
                quote, prefix, suffix, position = self._anchor(article_id, sentence)
                last = sentence
            else:
                quote, prefix, suffix, position = self._span_anchor(article_id, span)
                sentence, last = span.first, span.last
            self.db.execute(
                """INSERT INTO notes (uuid, article_id, sentence, quote, prefix, suffix,
                       position, body, verdict, sources, tags, created, updated,
                       last_sentence, original_quote, claimant, review_url)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    note_uuid,
                    article_id,
                    sentence,
                    quote,
                    prefix,
                    suffix,
                    position,
                    text,
                    Verdict(verdict).value,
                    _sources_json(sources),
                    json.dumps(list(tags)),
                    stamp,
                    stamp,
                    last,
                    quote,
                    claimant,
                    review_url,
                ],
            )
            citations.store(self.db, note_uuid, article_id, sources, self.article)
            related_index.refresh_stale(self.db.conn)
        return self.note(note_uuid)

    def update_note(
        self,
        note_uuid: str,
        *,
        text: str | None = None,
        verdict: Verdict | None = None,
        sources: Iterable[Source] | None = None,
        tags: Iterable[str] | None = None,
        claimant: str | None = None,
        review_url: str | None = None,
    ) -> Note:
        current = self.note(note_uuid)
        sources = None if sources is None else list(sources)
        with self.db.atomic():
            self.db.execute(
                "UPDATE notes SET body = ?, verdict = ?, sources = ?, tags = ?, claimant = ?, "
                "review_url = ?, updated = ? WHERE uuid = ?",
                [
                    current.text if text is None else text,
                    (current.verdict if verdict is None else Verdict(verdict)).value,
                    _sources_json(current.sources if sources is None else sources),
                    json.dumps(list(current.tags if tags is None else tags)),
                    current.claimant if claimant is None else claimant,
                    current.review_url if review_url is None else review_url,
                    now(),
                    note_uuid,
                ],
            )
            if sources is not None:
                citations.store(self.db, note_uuid, current.article_id, sources, self.article)
        return self.note(note_uuid)

    def restore_note(self, note: Note) -> Note:
        """Put back a note as it was (undo of a delete, a backup restore). If the text
        changed since, a placed note goes to the sentence with its words, or is kept
        unplaced: never on a sentence whose words differ."""
        with self.db.atomic():
            note = self._fitted(note)
            self.db.execute(
                """INSERT INTO notes (uuid, article_id, sentence, quote, prefix, suffix,
                       position, body, verdict, sources, tags, created, updated,
                       last_sentence, original_quote, text_changed, claimant, review_url)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(uuid) DO UPDATE SET sentence = excluded.sentence,
                       quote = excluded.quote, prefix = excluded.prefix,
                       suffix = excluded.suffix, position = excluded.position,
                       body = excluded.body, verdict = excluded.verdict,
                       sources = excluded.sources, tags = excluded.tags,
                       updated = excluded.updated, last_sentence = excluded.last_sentence,
                       original_quote = excluded.original_quote,
                       text_changed = excluded.text_changed,
                       claimant = excluded.claimant, review_url = excluded.review_url""",
                [
                    note.uuid,
                    note.article_id,
                    note.sentence,
                    note.quote,
                    note.prefix,
                    note.suffix,
                    note.position,
                    note.text,
                    note.verdict.value,
                    _sources_json(note.sources),
                    json.dumps(list(note.tags)),
                    note.created,
                    note.updated,
                    note.last_sentence,
                    note.original_quote,
                    int(note.text_changed),
                    note.claimant,
                    note.review_url,
                ],
            )
            citations.store(self.db, note.uuid, note.article_id, note.sources, self.article)
            related_index.refresh_stale(self.db.conn)
        return self.note(note.uuid)

    def reattach_note(
        self,
        note_uuid: str,
        sentence: int | None,
        *,
        span: Span | None = None,
        revision: str | None = None,
    ) -> Note:
        """Move a note by hand to a sentence or `span` (or back to the unplaced list with
        None). The reader chose the place, so nothing is left to review; the words the
        note was written against stay. `revision` as for `add_note`."""
        note = self.note(note_uuid)
        if sentence is None and span is None:
            with self.db.atomic():
                self.db.execute(
                    "UPDATE notes SET sentence = NULL, last_sentence = NULL, text_changed = 0 "
                    "WHERE uuid = ?",
                    [note_uuid],
                )
                related_index.refresh_stale(self.db.conn)
            return self.note(note_uuid)
        with self.db.atomic():
            self._check_revision(note.article_id, revision)
            if span is None:
                assert sentence is not None
                quote, prefix, suffix, position = self._anchor(note.article_id, sentence)
                last = sentence
            else:
                quote, prefix, suffix, position = self._span_anchor(note.article_id, span)
                sentence, last = span.first, span.last
            self.db.execute(
                "UPDATE notes SET sentence = ?, last_sentence = ?, quote = ?, prefix = ?, "
                "suffix = ?, position = ?, text_changed = 0, updated = ? WHERE uuid = ?",
                [sentence, last, quote, prefix, suffix, position, now(), note_uuid],
            )
            related_index.refresh_stale(self.db.conn)
        return self.note(note_uuid)

    def accept_change(self, note_uuid: str) -> Note:
        """The reader looked at a note whose words changed and keeps it where it is."""
        with self.db.atomic():
            cur = self.db.execute("UPDATE notes SET text_changed = 0 WHERE uuid = ?", [note_uuid])
        if cur.rowcount == 0:
            raise NotFound(f"no note {note_uuid}")
        return self.note(note_uuid)

    def review_counts(self) -> dict[int, int]:
        """Article id -> how many of its notes await a look because their words changed."""
        return {
            int(a): int(n)
            for a, n in self.db.execute(
                "SELECT article_id, COUNT(*) FROM notes WHERE text_changed = 1 GROUP BY article_id"
            )
        }

    def delete_note(self, note_uuid: str) -> None:
        with self.db.atomic():
            cur = self.db.execute("DELETE FROM notes WHERE uuid = ?", [note_uuid])
            related_index.refresh_stale(self.db.conn)
        if cur.rowcount == 0:
            raise NotFound(f"no note {note_uuid}")

    def _check_revision(self, article_id: int, revision: str | None) -> None:
        if revision is None:
            return
        current = self.revision(article_id)
        if current != revision:
            raise StaleRevision(article_id, revision, current)

    def _fitted(self, note: Note) -> Note:
        """`note` if its words are where it says, else placed again by its words (exact
        matches only) or unplaced. Cheap when nothing changed: one row is read."""
        if note.sentence is None:
            return note
        row = self.db.execute(
            """SELECT s.text, s.text_start, substr(a.text, ? + 1, ?)
               FROM sentences s JOIN articles a ON a.id = s.article_id
               WHERE s.article_id = ? AND s.idx = ?""",
            [note.position or 0, len(note.quote), note.article_id, note.sentence],
        ).fetchone()
        if row is not None:
            text, start, at_position = row
            if note.position is None:
                if note.quote and note.quote in text:
                    return note
            elif at_position == note.quote and start <= note.position < start + len(text):
                return note
        article = self.article(note.article_id)
        placed = place_spans([SpanAnchor.from_note(note)], article)[0]
        if placed.span is None or not same_words(placed.quote, note.quote):
            return replace(note, sentence=None, last_sentence=None)
        return replace(
            note,
            sentence=placed.span.first,
            last_sentence=placed.span.last,
            quote=placed.quote,
            prefix=placed.prefix,
            suffix=placed.suffix,
            position=placed.position,
        )

    def _anchor(self, article_id: int, sentence: int) -> tuple[str, str, str, int]:
        """A sentence's quote, the CONTEXT_CHARS around it and its offset in the article's
        plain text. SQLite's substr counts code points, as Python does; cutting the
        context in SQL spares rebuilding a book-length article for one note."""
        if self._stale_splitter(article_id):
            self.resegment(article_id)  # indices must be the current splitter's
        row = self.db.execute(
            """SELECT s.text, s.text_start,
                      substr(a.text, max(s.text_start - ?, 0) + 1, min(s.text_start, ?)),
                      substr(a.text, s.text_start + length(s.text) + 1, ?)
               FROM sentences s JOIN articles a ON a.id = s.article_id
               WHERE s.article_id = ? AND s.idx = ?""",
            [CONTEXT_CHARS, CONTEXT_CHARS, CONTEXT_CHARS, article_id, sentence],
        ).fetchone()
        if row is None:
            raise NotFound(f"article {article_id} has no sentence {sentence_number(sentence)}")
        quote, start, prefix, suffix = row
        return quote, prefix, suffix, start

    def _span_anchor(self, article_id: int, span: Span) -> tuple[str, str, str, int]:
        """`_anchor` for a span: it must lie inside its first to last sentence."""
        if self._stale_splitter(article_id):
            self.resegment(article_id)
        row = self.db.execute(
            """SELECT f.text_start, l.text_start + length(l.text),
                      substr(a.text, ? + 1, ?),
                      substr(a.text, max(? - ?, 0) + 1, min(?, ?)),
                      substr(a.text, ? + 1, ?)
               FROM articles a
               JOIN sentences f ON f.article_id = a.id AND f.idx = ?
               JOIN sentences l ON l.article_id = a.id AND l.idx = ?
               WHERE a.id = ?""",
            [
                span.start,
                span.end - span.start,
                span.start,
                CONTEXT_CHARS,
                span.start,
                CONTEXT_CHARS,
                span.end,
                CONTEXT_CHARS,
                span.first,
                span.last,
                article_id,
            ],
        ).fetchone()
        if row is None:
            raise NotFound(f"article {article_id} has no sentences {span.first} to {span.last}")
        lo, hi, quote, prefix, suffix = row
        if not (lo <= span.start < span.end <= hi) or span.last < span.first:
            raise ValueError(f"words {span.start}-{span.end} are not in their sentences")
        return quote, prefix, suffix, span.start


_NOTE_COLUMNS = (
    "uuid, article_id, sentence, quote, prefix, suffix, position, body, verdict, "
    "sources, tags, created, updated, last_sentence, original_quote, text_changed, "
    "claimant, review_url"
)


def _article_row(article: Article, source_path: str) -> dict[str, object]:
    """The articles-table columns an imported article sets (the keys are fixed names)."""
    meta = article.meta
    return {
        "url": meta.url,
        "title": meta.title,
        "byline": meta.byline,
        "site": meta.site,
        "published": meta.published,
        "lang": meta.lang,
        "excerpt": meta.excerpt,
        "source_format": article.source_format,
        "source_path": source_path,
        "content_hash": article.content_hash,
        "splitter_version": article.splitter_version,
        "extractor_version": article.extractor_version,
        "doc": _doc_json(article.blocks),
        "text": article.text,
    }


def _note(r: tuple) -> Note:
    return Note(
        uuid=r[0],
        article_id=r[1],
        sentence=r[2],
        quote=r[3],
        prefix=r[4],
        suffix=r[5],
        position=r[6],
        text=r[7],
        verdict=Verdict.parse(r[8]),
        sources=tuple(Source.from_json(s) for s in json.loads(r[9])),
        tags=tuple(json.loads(r[10])),
        created=r[11],
        updated=r[12],
        last_sentence=r[13],
        original_quote=r[14],
        text_changed=bool(r[15]),
        claimant=r[16],
        review_url=r[17],
    )


def _sources_json(sources: Iterable[Source]) -> str:
    return citations.sources_json(sources)


def _doc_json(blocks: Iterable[Block]) -> str:
    return json.dumps([b.to_json() for b in blocks], ensure_ascii=False)


def _summary(r: tuple) -> ArticleSummary:
    counts: dict[Verdict, int] = {}
    for v in r[11].split(SEP) if r[11] else ():
        verdict = Verdict.parse(v)
        counts[verdict] = counts.get(verdict, 0) + 1
    ranked = tuple(sorted(counts.items(), key=lambda kv: kv[0].severity))
    return ArticleSummary(
        id=r[0],
        title=r[1],
        site=r[2],
        published=r[3],
        imported_at=r[4],
        url=r[5],
        archived=bool(r[6]),
        opened=bool(r[7]),
        progress=r[8],
        note_count=r[10],
        verdict_counts=ranked,
        tags=tuple(sorted(r[12].split(SEP))) if r[12] else (),
        claim_count=r[13],
        claims_checked=r[14],
    )


__all__ = ["MIGRATION_SET", "AddResult", "Library", "LibraryError", "NotFound", "StaleRevision"]
