"""A pytest plugin: no test may leave a SQLite file (a library, its -wal or -shm) in the
working tree. A library once landed at the repository root as `list`, `list-shm` and
`list-wal` (a command whose argument became a library path) and was committed.

After each test the folders where a stray relative path lands (the repository root,
where tests run, and `tests/`) are checked; at the end of the session the whole tree is.
A new file fails the test (or the session) with its name and is deleted, so the tree
stays clean for the next test and for `git add`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
SKIPPED = {".git", ".venv", "build", "dist", ".pytest_cache", ".ruff_cache", "__pycache__"}
WATCHED = (ROOT, ROOT / "tests")


def is_sqlite_file(path: Path) -> bool:
    if path.name.endswith(SIDE_FILES):
        return True
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def sqlite_files(folder: Path, recursive: bool = False) -> set[Path]:
    """SQLite files (and side files) in `folder`, skipping tool and build folders."""
    found: set[Path] = set()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir():
            if recursive and entry.name not in SKIPPED:
                found |= sqlite_files(entry, recursive=True)
        elif is_sqlite_file(entry):
            found.add(entry)
    return found


def _watched() -> set[Path]:
    found: set[Path] = set()
    for folder in WATCHED:
        found |= sqlite_files(folder)
    return found


def _remove(paths: set[Path]) -> str:
    for path in paths:
        path.unlink(missing_ok=True)
    return ", ".join(sorted(str(p.relative_to(ROOT)) for p in paths))


_at_start: set[Path] = set()


def pytest_sessionstart(session: pytest.Session) -> None:
    _at_start.update(sqlite_files(ROOT, recursive=True))


@pytest.fixture(autouse=True)
def no_library_in_the_working_tree() -> Iterator[None]:
    before = _watched()
    yield
    new = _watched() - before - _at_start
    if new:
        pytest.fail(
            f"the test wrote SQLite files into the working tree: {_remove(new)} "
            "(use tmp_path; the files were deleted)",
            pytrace=False,
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    new = sqlite_files(ROOT, recursive=True) - _at_start
    if new:
        print(f"\ntree_guard: the tests wrote SQLite files into the working tree: {_remove(new)}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
