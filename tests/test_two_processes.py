"""Several `gloss` processes on one library: no lock errors, no duplicates, no lost note,
and a SIGKILL at any moment leaves a sound library with no half-written article."""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from library_files import ROOT, gloss, gloss_command, gloss_env, write_pages

from reader.core.ingest import load_file
from reader.core.library import Library


def _count_duplicates(conn: sqlite3.Connection) -> int:
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    distinct = conn.execute(
        "SELECT count(DISTINCT CASE WHEN url != '' THEN 'u' || url ELSE 'h' || content_hash "
        "END) FROM articles"
    ).fetchone()[0]
    return articles - distinct


def test_two_imports_and_note_adds_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, 40)
    library = tmp_path / "library.db"
    with Library(library) as lib:  # one article for the notes to go on
        lib.add_article(load_file(write_pages(tmp_path / "target", 1, seed=42)[0]))

    imports = [
        subprocess.Popen(
            gloss_command(library, "import", str(folder)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=gloss_env(),
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    acknowledged: list[str] = []
    failures: list[str] = []

    def add_notes(loop: int) -> None:
        n = 0
        while n < 3 or any(p.poll() is None for p in imports):
            n += 1
            done = gloss(library, "note", "add", "1", str(n % 3 + 1), "--text", f"{loop}-{n}")
            if done.returncode == 0:
                acknowledged.append(done.stdout.strip())
            else:
                failures.append(done.stderr)

    loops = [threading.Thread(target=add_notes, args=(i,)) for i in range(2)]
    for loop in loops:
        loop.start()
    outputs = [p.communicate(timeout=120) for p in imports]
    for loop in loops:
        loop.join()

    added = 0
    for process, (out, err) in zip(imports, outputs, strict=True):
        assert process.returncode == 0, err
        # Nothing on stderr but the summary: each page added by one import, found by the
        # other (whatever the order), none failed.
        summary = re.fullmatch(
            r"gloss import: (\d+) added, 0 updated, (\d+) unchanged, 0 failed\n", err
        )
        assert summary is not None, err
        assert int(summary[1]) + int(summary[2]) == 40
        added += int(summary[1])
        assert out.count("\n") == 40  # every page reported, added or already there
    assert added == 40
    assert failures == []
    conn = sqlite3.connect(library)
    try:
        assert _count_duplicates(conn) == 0
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 41
        stored = {r[0] for r in conn.execute("SELECT uuid FROM notes")}
    finally:
        conn.close()
    assert acknowledged and set(acknowledged) <= stored


def test_a_second_article_with_the_same_url_is_refused_by_sqlite(tmp_path: Path) -> None:
    with Library(tmp_path / "library.db") as lib:
        lib.add_article(load_file(write_pages(tmp_path / "pages", 2)[1]))  # has a URL
        with pytest.raises(sqlite3.IntegrityError), lib.transaction():
            lib.db.execute(
                "INSERT INTO articles (uuid, url, title, content_hash, imported_at, "
                "updated_at, doc, text) SELECT 'other', url, title, 'x', imported_at, "
                "updated_at, doc, text FROM articles WHERE id = 1"
            )


def test_a_library_holding_duplicates_still_migrates(tmp_path: Path) -> None:
    """Libraries that the race filled with copies merge them into the oldest article:
    notes, tags and reading state move over, a copy with other text is kept as a version."""
    path = tmp_path / "library.db"
    pages = write_pages(tmp_path / "pages", 4)
    with Library(path) as lib:
        first = lib.add_article(load_file(pages[1])).article_id
        lib.add_note(first, 0, "on the original")
        lib.set_article_tags(first, ["kept"])
        # Make the library as an older Gloss left it: no unique index, m006 not applied.
        lib.db.execute("DROP INDEX articles_url_unique")
        lib.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_unique_article_urls'")
        copies = []
        for text_changed in (False, True):
            lib.db.execute(
                "INSERT INTO articles (uuid, url, title, content_hash, imported_at, updated_at, "
                "doc, text, splitter_version, extractor_version, progress) "
                "SELECT ?, url, title, content_hash || ?, imported_at, updated_at, doc, text, "
                "splitter_version, extractor_version, 0.75 FROM articles WHERE id = ?",
                [f"copy-{text_changed}", "-other" if text_changed else "", first],
            )
            copy = int(lib.db.execute("SELECT max(id) FROM articles").fetchone()[0])
            lib.db.execute(
                'INSERT INTO sentences (article_id, idx, block, start, "end", text, text_start) '
                'SELECT ?, idx, block, start, "end", text, text_start FROM sentences '
                "WHERE article_id = ?",
                [copy, first],
            )
            lib.add_note(copy, 1, f"on copy, text changed: {text_changed}")
            lib.set_article_tags(copy, [f"copy{int(text_changed)}"])
            copies.append(copy)
        other = lib.add_article(load_file(pages[3])).article_id

    with Library(path) as lib:
        assert lib.article_ids() == [first, other]
        notes = {n.text: n.sentence for n in lib.notes(first)}
        assert notes == {
            "on the original": 0,
            "on copy, text changed: False": 1,  # same text: same sentence
            "on copy, text changed: True": None,  # other text: unplaced, with its quote
        }
        assert lib.summary(first).tags == ("copy0", "copy1", "kept")
        assert lib.summary(first).progress == 0.75
        versions = lib.db.execute(
            "SELECT count(*) FROM article_versions WHERE article_id = ?", [first]
        ).fetchone()[0]
        assert versions == 1
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
        unique = lib.db.execute(
            "SELECT \"unique\" FROM pragma_index_list('articles') WHERE name = ?",
            ["articles_url_unique"],
        ).fetchone()
        assert unique == (1,)
    assert list((tmp_path / "backups").glob("library-*-pre-migration.db"))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_import_killed_at_random_moments_leaves_a_sound_library(tmp_path: Path) -> None:
    """Each round imports a new folder and is killed after a random number of articles
    plus a random few milliseconds, so the kill lands inside the import's writes."""
    library = tmp_path / "library.db"
    rng = random.Random(12)
    folders = []
    for round_ in range(5):
        folder = tmp_path / f"pages{round_}"
        write_pages(folder, 40, seed=100 + round_)
        folders.append(folder)
        process = subprocess.Popen(
            gloss_command(library, "import", str(folder)),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=gloss_env(),
            cwd=ROOT,
        )
        assert process.stdout is not None
        for _ in range(rng.randint(1, 35)):
            process.stdout.readline()
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL  # killed before it finished
        conn = sqlite3.connect(library)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            half_written = conn.execute(
                "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
            ).fetchone()[0]
            assert half_written == 0
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            assert _count_duplicates(conn) == 0
        finally:
            conn.close()
    done = gloss(library, "import", *map(str, folders))  # and the library goes on working
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 200
    conn = sqlite3.connect(library)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    finally:
        conn.close()
