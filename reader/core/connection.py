"""Opening the library file: for writing when possible, else for reading only.

Two rules live here so that every writer follows them:

- Every write transaction starts with `BEGIN IMMEDIATE`. A plain (deferred) `BEGIN`
  starts as a read; when it later wants to write while another connection writes,
  SQLite returns "database is locked" at once instead of waiting out the busy timeout
  (it cannot wait: the reader's snapshot would be stale). `GlossDatabase.atomic()` is
  sqlite-utils' `atomic()` with that one change, so the library's own writes and the
  ones sqlite-utils makes (migrations, FTS setup) all take the write lock first, and
  nested blocks still become savepoints.
- A library that must not be written (its file or folder is read-only, or it is damaged)
  has `refused` set: `atomic()` raises `WritesRefused` with that reason before touching
  the file. The connection runs with autocommit (`isolation_level=None`), so no write can
  start a transaction behind `atomic()`'s back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from .dberrors import LibraryError, LibraryReadOnly, WritesRefused, classify, translated

BUSY_TIMEOUT_SECONDS = 10.0


class GlossDatabase(Database):
    """A sqlite-utils `Database` whose write transactions are `BEGIN IMMEDIATE`, and
    whose write failures (busy, full, read-only, damaged) are one-line `LibraryError`s."""

    refused: str | None = None  # why writes are refused; None when they are allowed
    path: Path | None = None  # the library file, named in error messages

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the caller's transaction
                yield self
            return
        if self.refused:
            raise WritesRefused(self.refused)
        # Only SQLite's errors: an OSError inside is the caller's (a file it reads).
        with translated(self.path, os_errors=False):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def open_connection(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """A connection to the library at `path` and, when it is open for reading only, why.

    Creates the folder (and, through SQLite, the file) of a new library.
    """
    folder = path.parent
    if not path.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"cannot create the folder {exc.filename or folder} for the library "
                f"({exc.strerror or exc})"
            ) from None
        if not os.access(folder, os.W_OK):
            raise LibraryReadOnly(f"cannot create a library in {folder}: the folder is read-only")
    if os.access(path, os.F_OK) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
        return open_read_only(path), _read_only_reason(path)
    try:
        return _open_writable(path), None
    except sqlite3.Error as exc:
        # Root, an immutable file or a read-only mount pass os.access but not SQLite.
        if classify(exc, path) is not LibraryReadOnly or not path.exists():
            raise
    return open_read_only(path), _read_only_reason(path)


def _open_writable(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a note, once saved, survives a power cut as well as a crash.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read: `mode=ro`, else `immutable=1` when SQLite
    cannot share the file read-only.

    A WAL library read with `mode=ro` needs its `-shm` index, which SQLite creates beside
    the file; in a read-only folder it cannot, and the open fails. Then nothing can write
    the file either (a writer would need the same `-shm` and `-wal`), so reading it as
    immutable (no locks, no index) is exact, unless a non-empty `-wal` holds the last
    changes: immutable would silently read the file without them, so that case is refused.
    """
    uri = f"file:{quote(str(path.resolve()))}"
    conn = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if classify(exc, path) not in (LibraryReadOnly, LibraryError):
            raise
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise LibraryReadOnly(
            f"{path} cannot be read: its folder is read-only and its last changes are still "
            f"in {wal.name}; open it once where it can be written"
        )
    conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _read_only_reason(path: Path) -> str:
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        what = "file" if os.access(path.parent, os.W_OK) else "folder"
        return f"{path} is read-only (its {what} cannot be written): nothing was changed"
    return f"{path} is read-only: nothing was changed"
