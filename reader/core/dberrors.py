"""What went wrong with the library file, in one line a reader can act on.

SQLite reports a full disk as "database or disk is full" (or, from the WAL, as
"disk I/O error"), a damaged file as "database disk image is malformed", a lock held too
long as "database is locked". `describe` turns those, and the `OSError`s of the folder
around the library, into one sentence; `translated` re-raises them as `LibraryError`s so
the command line and the window print that sentence instead of a traceback.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LibraryError(Exception):
    """The library file cannot be used; the message says why."""


class WritesRefused(LibraryError):
    """The library is open for reading only (read-only or damaged); nothing was written."""


class LibraryLocked(LibraryError):
    """Another program kept the library busy for longer than the busy timeout."""


class LibraryDamaged(LibraryError):
    """SQLite found the file damaged."""


class DiskFull(LibraryError):
    """No space left for the library or its journal."""


class LibraryReadOnly(LibraryError):
    """The file or its folder cannot be written."""


# SQLite extended result codes, as `sqlite3.Error.sqlite_errorcode` carries them.
_CODE_KIND: dict[int, type[LibraryError]] = {
    sqlite3.SQLITE_BUSY: LibraryLocked,
    sqlite3.SQLITE_LOCKED: LibraryLocked,
    sqlite3.SQLITE_CORRUPT: LibraryDamaged,
    sqlite3.SQLITE_NOTADB: LibraryDamaged,
    sqlite3.SQLITE_FULL: DiskFull,
    sqlite3.SQLITE_READONLY: LibraryReadOnly,
}

_ENOSPC = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def classify(exc: BaseException, path: Path | str | None = None) -> type[LibraryError] | None:
    """Which kind of library problem an exception is, or None for anything else.

    `path` (the library file) lets a disk I/O error be recognised as a full disk.
    """
    if isinstance(exc, LibraryError):
        return type(exc)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            kind = _CODE_KIND.get(code & 0xFF)
            if kind is not None:
                return kind
            if code & 0xFF == sqlite3.SQLITE_IOERR:
                return DiskFull if _disk_is_full(path) else LibraryError
            if code & 0xFF in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
                return LibraryError
            return None  # SQLITE_ERROR and the rest: a bug in Gloss, keep the traceback
        text = str(exc).lower()
        for needle, kind in (
            ("locked", LibraryLocked),
            ("malformed", LibraryDamaged),
            ("not a database", LibraryDamaged),
            # Gloss writes only UTF-8: text that is not is a damaged page.
            ("could not decode", LibraryDamaged),
            ("disk is full", DiskFull),
            ("readonly", LibraryReadOnly),
            ("read-only", LibraryReadOnly),
        ):
            if needle in text:
                return kind
        if "disk i/o error" in text:
            return DiskFull if _disk_is_full(path) else LibraryError
        if "unable to open" in text:
            return LibraryError
        return None
    if isinstance(exc, OSError):
        if exc.errno in _ENOSPC:
            return DiskFull
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return LibraryReadOnly
        return LibraryError
    return None


def _disk_is_full(path: Path | str | None) -> bool:
    # A WAL write that runs out of space surfaces as SQLITE_IOERR_WRITE: SQLite does not
    # pass errno on, so ask the file system whether the library's disk is full.
    if path is None:
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < _NEARLY_FULL
    except OSError:
        return False


_NEARLY_FULL = 1 << 20


def describe(exc: BaseException, path: Path | str | None = None) -> str:
    """One line saying what happened to the library at `path` and what to do."""
    if isinstance(exc, LibraryError):  # already said in one line
        return _first_line(exc, limit=400)
    kind = classify(exc, path)
    where = str(path) if path is not None else "the library"
    if kind is LibraryLocked:
        return (
            f"{where} is busy: another Gloss window or command kept it locked too long; "
            "try again when it has finished"
        )
    if kind is DiskFull:
        return f"no space left on the disk for {where}; free some space and try again"
    if kind is LibraryDamaged:
        return (
            f"{where} is damaged ({_first_line(exc)}); run `gloss check`, "
            "and `gloss restore` to go back to the newest good backup"
        )
    if kind is LibraryReadOnly:
        if isinstance(exc, OSError) and exc.filename:
            return f"{exc.filename} cannot be written ({exc.strerror or exc})"
        return f"{where} is read-only: nothing was changed"
    if isinstance(exc, OSError):
        name = exc.filename or where
        return f"{name}: {exc.strerror or exc}"
    return f"{where}: {_first_line(exc)}"


@contextmanager
def translated(path: Path | str | None = None, os_errors: bool = True) -> Iterator[None]:
    """Turn SQLite's (and, with `os_errors`, the file system's) errors inside into
    one-line `LibraryError`s.

    A `LibraryError` passes unchanged; anything that is not a library problem (a bug)
    keeps its traceback.
    """
    caught = (sqlite3.Error, OSError) if os_errors else (sqlite3.Error,)
    try:
        yield
    except LibraryError:
        raise
    except caught as exc:
        kind = classify(exc, path)
        if kind is None:
            raise
        raise kind(describe(exc, path)) from exc


def _first_line(exc: BaseException, limit: int = 120) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"
