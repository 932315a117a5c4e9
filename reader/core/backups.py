"""Copies of the library file, taken with SQLite's online backup API.

- `daily_backup(library_path)`: at most one a day, into `<library dir>/backups/`, keeping
  the newest `keep` daily copies. The window calls it at start; it opens its own
  connection, so it may run on a worker thread while the app uses the library.
- `backup_to(library_path, dest)`: one copy on demand (`gloss backup PATH`).

A copy is written to a temporary file beside its destination and renamed into place, so
a destination is either the whole copy or untouched. Copies are standalone files
(rollback journal, not WAL), readable by their owner only. The copies made before a
migration (`Library._migrate`, named `…-pre-migration.db`) are never pruned here.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .connection import open_read_only

DEFAULT_KEEP = 10
DAILY = "daily"


class BackupRefused(ValueError):
    """The destination is the live library (or its journal)."""


def backup_dir(library_path: Path | str) -> Path:
    return Path(library_path).parent / "backups"


def backup_to(library_path: Path | str, dest: Path | str) -> Path:
    """A consistent copy of the library at `dest`, atomically; refuses the library itself."""
    source = Path(library_path)
    dest = Path(dest)
    if dest.is_dir():
        raise BackupRefused(f"{dest} is a folder; give a file name")
    if _same_file(source, dest) or any(
        _same_file(Path(f"{source}{suffix}"), dest) for suffix in ("-wal", "-shm", "-journal")
    ):
        raise BackupRefused(f"{dest} is the live library; choose another file")
    if not source.exists():
        raise FileNotFoundError(f"no library at {source}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = open_read_only(source)  # a copy only reads, also from a read-only folder
        try:
            target = sqlite3.connect(tmp)
            try:
                src.backup(target)
                # One self-contained file, whatever journal mode the library uses.
                target.execute("PRAGMA journal_mode = DELETE")
                check = target.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(f"the copy failed its check: {check}")
            finally:
                target.close()
        finally:
            src.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def daily_backup(
    library_path: Path | str, keep: int = DEFAULT_KEEP, today: datetime | None = None
) -> Path | None:
    """Today's backup of the library, unless one exists already (then None).

    Keeps the newest `keep` daily backups and deletes older ones. Returns None too when
    there is no library file yet.
    """
    source = Path(library_path)
    if not source.exists():
        return None
    day = (today or datetime.now(UTC)).strftime("%Y%m%d")
    folder = backup_dir(source)
    dest = folder / f"{source.stem}-{day}-{DAILY}.db"
    if dest.exists():
        return None
    backup_to(source, dest)
    prune(source, keep)
    return dest


def daily_backups(library_path: Path | str) -> list[Path]:
    """The daily backups of a library, oldest first."""
    source = Path(library_path)
    folder = backup_dir(source)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{source.stem}-*-{DAILY}.db"):
        stamp = path.name[len(source.stem) + 1 : -len(f"-{DAILY}.db")]
        if len(stamp) == 8 and stamp.isdigit():
            found.append((stamp, path))
    return [p for _, p in sorted(found)]


def prune(library_path: Path | str, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest `keep` daily backups; returns what was deleted."""
    old = daily_backups(library_path)
    doomed = old[: max(len(old) - max(keep, 1), 0)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
