"""Is the library file damaged, and going back to a good backup when it is.

- `quick_check(conn)` on opening: SQLite's `quick_check` (every page's structure, not the
  indexes' agreement with their tables), stopped after `QUICK_CHECK_SECONDS` so a big
  library still opens at once. A check cut short found nothing so far; the window then
  runs `full_check` in the background.
- `full_check(path)`: `PRAGMA integrity_check` on a connection of its own (`gloss check`,
  the window's background check).
- `restore(path, backup=None)`: puts the newest backup in `backups/` that passes
  `integrity_check` (or the one named) in the library's place. The damaged file, with its
  `-wal`, is renamed beside it (`<name>-damaged-<time>.db`), never deleted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .backups import backup_dir
from .connection import open_read_only
from .dberrors import LibraryDamaged, LibraryError, classify

QUICK_CHECK_SECONDS = 0.1
MAX_PROBLEMS = 20  # integrity_check lists at most this many


@dataclass(frozen=True, slots=True)
class Health:
    problems: tuple[str, ...] = ()
    complete: bool = True  # False: the check stopped early, having found nothing

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    def summary(self, path: Path | str) -> str:
        if self.damaged:
            more = len(self.problems) - 1
            extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
            return f"{path} is damaged: {self.problems[0]}{extra}"
        if not self.complete:
            return f"{path}: no damage found in the part checked"
        return f"{path}: no damage found"


def damaged_reason(path: Path | str, found: Health) -> str:
    """Why writes to a damaged library are refused, with what to do about it."""
    return (
        f"{found.summary(path)}; nothing was changed. `gloss restore` puts back the newest "
        "good backup (the damaged file is kept)"
    )


def looks_like_sqlite(path: Path | str) -> bool:
    """The file starts as every SQLite database does (a damaged one too, mostly)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def quick_check(conn: sqlite3.Connection, seconds: float = QUICK_CHECK_SECONDS) -> Health:
    """Structure check of the open library, cut short after `seconds`."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        return _run_check(conn, "PRAGMA quick_check(1)")
    except sqlite3.DatabaseError as exc:
        if "interrupt" in str(exc).lower():
            return Health(complete=False)
        if classify(exc) is not LibraryDamaged:
            raise
        return Health((_one_line(str(exc)),))
    finally:
        conn.set_progress_handler(None, 0)


# What the quick check found, per library file as it was then: the window's background
# tasks open the library again and again (a search per keystroke), and checking the same
# unchanged bytes each time would add up to QUICK_CHECK_SECONDS to every one.
_known: dict[tuple[str, int, int, int], Health] = {}


def _identity(path: Path) -> tuple[str, int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), st.st_ino, st.st_size, st.st_mtime_ns)


def checked_on_open(conn: sqlite3.Connection, path: Path) -> Health:
    """`quick_check`, unless the file is unchanged since this process last checked it."""
    key = _identity(path)
    found = _known.get(key) if key is not None else None
    if found is None:
        found = quick_check(conn)
        remember(path, found)
    return found


def remember(path: Path, found: Health) -> None:
    """Record what a check found for the file as it is now (the background check's word
    replaces the quick check's)."""
    key = _identity(path)
    if key is not None:
        _known[key] = found


def full_check(path: Path | str) -> Health:
    """`PRAGMA integrity_check` of the library file, on a read-only connection."""
    path = Path(path)
    if not path.exists():
        raise LibraryError(f"no library at {path}")
    conn = open_read_only(path)  # also in a read-only folder
    try:
        # Asked for many problems, SQLite may meet a page it cannot read before it has
        # listed any and fail as a whole; asked for one, it stops at the first it finds.
        failure: sqlite3.DatabaseError | None = None
        for check in (f"integrity_check({MAX_PROBLEMS})", "integrity_check(1)", "quick_check(1)"):
            try:
                return _run_check(conn, f"PRAGMA {check}")
            except sqlite3.DatabaseError as exc:
                if classify(exc, path) is not LibraryDamaged:
                    raise
                failure = exc
        return Health((_one_line(str(failure)),))
    finally:
        conn.close()


def _run_check(conn: sqlite3.Connection, pragma: str) -> Health:
    found = [str(row) for (row,) in conn.execute(pragma)]
    if found == ["ok"]:
        return Health()
    return Health(tuple(_one_line(f) for f in found))


def _one_line(problem: str) -> str:
    # A problem may span lines, under a "*** in database main ***" heading.
    lines = [line for line in problem.splitlines() if line and not line.startswith("***")]
    return " ".join(lines) or "damaged"


def backups_newest_first(library_path: Path | str) -> list[Path]:
    """Every backup of this library in `backups/`, newest first (by the time written)."""
    library_path = Path(library_path)
    folder = backup_dir(library_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{library_path.stem}-*.db") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(library_path: Path | str) -> Path | None:
    for candidate in backups_newest_first(library_path):
        if not full_check(candidate).damaged:
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Restored:
    backup: Path  # what the library now is a copy of
    kept: Path | None  # where the replaced library file went (None: there was none)


def restore(library_path: Path | str, backup: Path | str | None = None) -> Restored:
    """Replace the library with a good backup, keeping the replaced file aside.

    Close every connection to the library first: the file is renamed under them.
    """
    library_path = Path(library_path)
    if backup is None:
        chosen = newest_good_backup(library_path)
        if chosen is None:
            raise LibraryError(
                f"no good backup of {library_path} in {backup_dir(library_path)}; "
                "`gloss export --all --format json` saves what can still be read"
            )
    else:
        chosen = Path(backup)
        if not chosen.is_file():
            raise LibraryError(f"no backup at {chosen}")
        health = full_check(chosen)
        if health.damaged:
            raise LibraryError(f"{chosen} is damaged too ({health.problems[0]}); choose another")
    folder = library_path.parent
    # Copy first, so a failure (a full disk) leaves the library where it was.
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{library_path.name}.", suffix=".tmp")
    os.close(fd)
    copy = Path(name)
    try:
        shutil.copyfile(chosen, copy)
        if library_path.exists():  # the library's permissions, not the backup's (0600)
            shutil.copymode(library_path, copy)
        with open(copy, "rb+") as f:
            os.fsync(f.fileno())
        kept = _set_aside(library_path)
        os.replace(copy, library_path)
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return Restored(chosen, kept)


def _set_aside(library_path: Path) -> Path | None:
    """Rename the library and its journal files to `<stem>-damaged-<time>.db…`."""
    if not library_path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = library_path.with_name(f"{library_path.stem}-damaged-{stamp}{library_path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = library_path.with_name(
            f"{library_path.stem}-damaged-{stamp}-{n}{library_path.suffix}"
        )
    # The -wal holds committed changes of the damaged file: it travels with it. The -shm
    # is only an index of the -wal, rebuilt from it; it is dropped with the old name.
    wal = Path(f"{library_path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        os.replace(wal, Path(f"{aside}-wal"))
    wal.unlink(missing_ok=True)
    os.replace(library_path, aside)
    Path(f"{library_path}-shm").unlink(missing_ok=True)
    return aside
