"""Backups of the library file: daily ones kept to N, on-demand ones that never overwrite
the live library and are all-or-nothing."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.backups import (
    BackupRefused,
    backup_dir,
    backup_to,
    daily_backup,
    daily_backups,
)
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Verdict


@pytest.fixture
def noted(library: Library, pages: Path) -> Library:
    article_id = library.add_article(load_file(pages / "news.html")).article_id
    library.add_note(article_id, 0, "A note worth keeping.", Verdict.TRUE)
    return library


def rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM [{table}] ORDER BY 1").fetchall()
            for table in ("articles", "sentences", "notes", "settings")
        }
    finally:
        conn.close()


def day(n: int) -> datetime:
    return datetime(2026, 3, 1, 12, tzinfo=UTC) + timedelta(days=n)


def test_daily_backup_copies_the_library_once_a_day(noted: Library, library_path: Path) -> None:
    first = daily_backup(library_path, today=day(0))
    assert first == backup_dir(library_path) / "library-20260301-daily.db"
    assert first is not None and first.exists()
    assert rows(first) == rows(library_path)
    # Notes written by the open library after the copy do not show up in it.
    noted.add_note(1, 1, "later", Verdict.NONE)
    assert daily_backup(library_path, today=day(0)) is None
    assert len(rows(first)["notes"]) == 1
    assert daily_backup(library_path, today=day(1)) is not None


def test_daily_backup_is_a_standalone_file(noted: Library, library_path: Path) -> None:
    path = daily_backup(library_path, today=day(0))
    assert path is not None
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_daily_backup_keeps_the_newest_n(noted: Library, library_path: Path) -> None:
    pre = backup_dir(library_path) / "library-20200101-000000-pre-migration.db"
    pre.parent.mkdir(parents=True)
    pre.write_bytes(b"kept")
    for n in range(7):
        assert daily_backup(library_path, keep=3, today=day(n)) is not None
    kept = daily_backups(library_path)
    assert [p.name for p in kept] == [
        "library-20260305-daily.db",
        "library-20260306-daily.db",
        "library-20260307-daily.db",
    ]
    assert pre.read_bytes() == b"kept"  # pre-migration backups are not pruned


def test_daily_backup_without_a_library_does_nothing(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "missing.db") is None
    assert not (tmp_path / "backups").exists()


def test_daily_backup_runs_on_a_worker_thread(noted: Library, library_path: Path) -> None:
    result: list[Path | None] = []
    worker = threading.Thread(target=lambda: result.append(daily_backup(library_path)))
    worker.start()
    worker.join(30)
    assert result and result[0] is not None and result[0].exists()


def test_backup_to_refuses_the_live_library(noted: Library, library_path: Path) -> None:
    before = rows(library_path)
    for dest in (
        library_path,
        library_path.parent / "." / library_path.name,
        Path(f"{library_path}-wal"),
    ):
        with pytest.raises(BackupRefused):
            backup_to(library_path, dest)
    assert rows(library_path) == before


def test_backup_to_replaces_another_file_atomically(
    noted: Library, library_path: Path, tmp_path: Path, monkeypatch
) -> None:
    dest = tmp_path / "copies" / "mine.db"
    assert backup_to(library_path, dest) == dest
    assert rows(dest) == rows(library_path)
    # A failure while copying leaves the old copy and no temporary file behind.
    good = dest.read_bytes()

    class Broken:
        def __init__(self, *a, **k) -> None:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("reader.core.backups.sqlite3.connect", Broken)
    with pytest.raises(sqlite3.OperationalError):
        backup_to(library_path, dest)
    assert dest.read_bytes() == good
    assert [p.name for p in dest.parent.iterdir()] == ["mine.db"]


def test_migration_backup_still_happens(tmp_path: Path, pages: Path) -> None:
    """Library._migrate backs up before a pending migration; the daily ones are apart."""
    path = tmp_path / "old.db"
    with Library(path) as lib:
        lib.add_article(load_file(pages / "news.html"))
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_reading_state_and_tags'")
    conn.execute("DROP TABLE article_tags")
    conn.execute("ALTER TABLE articles DROP COLUMN read_position")
    conn.execute("ALTER TABLE articles DROP COLUMN trashed_at")
    conn.commit()
    conn.close()
    Library(path).close()
    names = [p.name for p in (tmp_path / "backups").iterdir()]
    assert len(names) == 1 and names[0].endswith("-pre-migration.db")
    assert daily_backups(path) == []
