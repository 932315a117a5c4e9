"""The library file itself: damaged, read-only, full or busy, every case one clear line."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from library_files import (
    IS_ROOT,
    can_run_as_nobody,
    damage,
    gloss,
    gloss_command,
    gloss_env,
    write_pages,
)

from reader.cli import main
from reader.core import connection
from reader.core.dberrors import DiskFull, LibraryLocked, WritesRefused, translated
from reader.core.ingest import load_file
from reader.core.library import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A library of 30 articles, one note on the first, and a daily backup of it."""
    path = tmp_path / "lib" / "library.db"
    with Library(path) as library:
        for page in write_pages(tmp_path / "pages", 30):
            library.add_article(load_file(page))
        library.add_note(1, 0, "kept in the backup")
        library.backup(path.parent / "backups" / "library-20260101-daily.db")
        library.add_note(1, 1, "written after the backup")
    return path


def test_a_damaged_library_refuses_writes_and_reads_what_it_can(
    capsys, filled: Path, tmp_path: Path
) -> None:
    damaged = damage(filled)
    lib = ["--library", str(filled)]

    code, _, err = run(capsys, *lib, "note", "add", "1", "1", "--text", "into damage")
    assert code == 2
    assert "is damaged" in one_line(err) and "gloss restore" in err
    page = write_pages(tmp_path / "more", 1, seed=99)[0]
    code, out, err = run(capsys, *lib, "import", str(page))
    assert code == 2 and out == "" and "is damaged" in one_line(err)

    code, out, err = run(capsys, *lib, "list")  # fails if the damage hit the list's pages
    assert code == 0 or "is damaged" in one_line(err)
    exported = tmp_path / "saved.json"
    code, _, err = run(capsys, *lib, "export", "--all", "--format", "json", "-o", str(exported))
    assert code in (0, 1), err  # 1: some articles could not be read, each named
    assert "Traceback" not in err
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert len(saved["articles"]) + err.count("was left out") == 30
    assert filled.read_bytes() == damaged  # nothing was written into the damaged file

    code, out, _ = run(capsys, *lib, "check")
    assert code == 1
    assert out.startswith(f"{filled} is damaged: ")
    assert "library-20260101-daily.db" in out


def test_restore_puts_back_the_newest_good_backup_and_keeps_the_damaged_file(
    capsys, filled: Path
) -> None:
    backups = filled.parent / "backups"
    older = backups / "library-20251231-daily.db"
    older.write_bytes((backups / "library-20260101-daily.db").read_bytes())
    os.utime(older, (1, 1))
    bad = backups / "library-20260102-daily.db"  # the newest, but damaged itself
    bad.write_bytes((backups / "library-20260101-daily.db").read_bytes())
    damage(bad)
    damaged = damage(filled)
    lib = ["--library", str(filled)]

    code, out, err = run(capsys, *lib, "restore")
    assert code == 0, err
    assert f"from {backups / 'library-20260101-daily.db'}" in out
    kept = [p for p in filled.parent.iterdir() if p.name.startswith("library-damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert f"kept as {kept[0]}" in out
    code, out, _ = run(capsys, *lib, "check")
    assert code == 0 and out == f"{filled}: no damage found\n"
    code, out, _ = run(capsys, *lib, "notes", "1")
    assert "kept in the backup" in out and "written after the backup" not in out
    code, out, _ = run(capsys, *lib, "note", "add", "1", "3", "--text", "writable again")
    assert code == 0


def test_restore_of_a_sound_library_needs_a_named_backup(capsys, filled: Path) -> None:
    lib = ["--library", str(filled)]
    code, _, err = run(capsys, *lib, "restore")
    assert code == 2 and "has no damage" in one_line(err)
    backup = filled.parent / "backups" / "library-20260101-daily.db"
    code, out, err = run(capsys, *lib, "restore", str(backup))
    assert code == 0, err
    code, out, _ = run(capsys, *lib, "notes", "1")
    assert "written after the backup" not in out


def test_restore_refuses_while_a_window_has_the_library_open(qtbot, capsys, filled: Path) -> None:
    """The window would go on writing to the damaged copy set aside: close it first."""
    from reader.ui.single_instance import SingleInstance

    damaged = damage(filled)
    lib = ["--library", str(filled)]
    window_side = SingleInstance(filled)  # what an open window listens with
    assert window_side.claim()
    try:
        code, _, err = run(capsys, *lib, "restore")
        assert code == 2
        assert one_line(err) == (
            f"gloss: a Gloss window has {filled} open; close it, then run `gloss restore` "
            "again (nothing was changed)"
        )
        assert filled.read_bytes() == damaged
        assert not [p for p in filled.parent.iterdir() if p.name.startswith("library-damaged-")]
    finally:
        window_side.close()
    code, _, err = run(capsys, *lib, "restore")
    assert code == 0, err


def test_a_busy_library_is_one_line_after_the_timeout(
    capsys, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "--library", str(filled), "note", "add", "1", "1", "--text", "x")
        assert code == 2
        assert "is busy" in one_line(err)
        with Library(filled) as library, pytest.raises(LibraryLocked):  # noqa: SIM117
            with translated(filled):
                library.set_archived(1, True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_write_waits_for_another_process_instead_of_failing(filled: Path) -> None:
    """The busy timeout applies: a note add waits for another process's write
    transaction (held here for a second) and then succeeds."""
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM notes").fetchone()  # a reader first...
    holder.execute("UPDATE articles SET progress = 0.5 WHERE id = 2")  # ...then a writer
    adder = subprocess.Popen(
        gloss_command(filled, "note", "add", "1", "1", "--text", "waited"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=gloss_env(),
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            adder.wait(timeout=1.0)  # still waiting for the lock
    finally:
        holder.execute("COMMIT")
        holder.close()
    _, err = adder.communicate(timeout=30)
    assert adder.returncode == 0, err
    with Library(filled) as library:
        assert "waited" in [n.text for n in library.notes(1)]


def test_a_full_disk_is_named_as_such(filled: Path) -> None:
    with Library(filled) as library:
        pages = library.db.execute("PRAGMA page_count").fetchone()[0]
        library.db.execute(f"PRAGMA max_page_count = {pages}")
        article = load_file(write_pages(filled.parent / "big", 1, seed=5)[0])
        with pytest.raises(DiskFull, match="no space left on the disk"), translated(filled):
            for _ in range(50):
                library.add_note(1, 0, "x" * 20000)
                library.add_article(article)


@pytest.mark.skipif(not IS_ROOT, reason="mounting a small file system needs root")
def test_a_full_file_system_is_one_line_in_the_cli(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        write_pages(tmp_path / "pages", 40)
        done = gloss(mount / "library.db", "import", str(tmp_path / "pages"))
        assert done.returncode == 2
        last = done.stderr.strip().splitlines()[-1]
        assert last == (
            f"gloss: no space left on the disk for {mount / 'library.db'}; "
            "free some space and try again"
        )
        assert "Traceback" not in done.stderr
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_folder_that_cannot_be_created_is_a_message(capsys, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "--library", str(blocker / "sub" / "library.db"), "list")
    assert code == 2
    assert one_line(err).startswith(f"gloss: cannot create the folder {blocker}")


def test_a_note_add_in_a_read_only_library_is_refused(filled: Path) -> None:
    with Library(filled) as library:
        library.refuse_writes("nope")
        with pytest.raises(WritesRefused, match="nope"):
            library.add_note(1, 0, "x")
        # SQLite refuses too, should a write ever get past atomic().
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            library.db.execute("DELETE FROM notes")


needs_nobody = pytest.mark.skipif(
    sys.platform == "win32" or (IS_ROOT and not can_run_as_nobody()),
    reason="as root, permissions stop nothing (running as nobody needs setpriv); on "
    "Windows, chmod does not make a folder read-only",
)


def _as_reader(library: Path, *args: str) -> subprocess.CompletedProcess:
    """gloss as a user who may read the library but not write it: `nobody` when the
    tests run as root (root ignores permissions), else the current user."""
    return gloss(library, *args, user="nobody" if IS_ROOT else None)


@pytest.fixture
def reachable(tmp_path_factory: pytest.TempPathFactory):
    """A folder other users can reach (pytest's own temporary folders are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="gloss-readonly-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            os.chmod(path, 0o755)
    shutil.rmtree(folder)


@needs_nobody
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_library_reads_searches_exports_and_refuses_writes(
    reachable: Path, what: str
) -> None:
    folder = reachable / "lib"
    library_path = folder / "library.db"
    with Library(library_path) as library:
        for page in write_pages(reachable / "pages", 12):
            library.add_article(load_file(page))
        library.add_note(1, 0, "a note")
    os.chmod(folder, 0o755)
    if what == "file":
        if IS_ROOT:
            os.chown(folder, 65534, 65534)  # nobody may write the folder, not the file
        os.chmod(library_path, 0o444)
    else:
        os.chmod(library_path, 0o644)
        os.chmod(folder, 0o555)
    before = library_path.read_bytes()

    listed = _as_reader(library_path, "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("\n") == 12
    found = _as_reader(library_path, "search", "bridge")
    assert found.returncode == 0 and found.stdout, found.stderr
    exported = _as_reader(library_path, "export", "--all", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["articles"]) == 12
    shown = _as_reader(library_path, "notes", "1")
    assert shown.returncode == 0 and "a note" in shown.stdout
    checked = _as_reader(library_path, "check")
    assert checked.returncode == 0 and checked.stdout == f"{library_path}: no damage found\n"
    for write in (["note", "add", "1", "1", "--text", "x"], ["import", str(reachable / "pages")]):
        refused = _as_reader(library_path, *write)
        assert refused.returncode == 2
        assert one_line(refused.stderr) == (
            f"gloss: {library_path} is read-only (its {what} cannot be written): "
            "nothing was changed"
        )
    assert library_path.read_bytes() == before
