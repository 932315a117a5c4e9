"""The repository itself: tests cannot leave a library in the working tree, and the
README names only files that exist."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def test_no_sqlite_file_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    sqlite = [
        name
        for name in filter(None, tracked.split("\0"))
        if (ROOT / name).is_file()
        and (ROOT / name).read_bytes()[:16] == b"SQLite format 3\x00"
        and not name.startswith("tests/fixtures/")
    ]
    assert sqlite == []


def test_a_test_that_writes_a_library_into_the_tree_fails(tmp_path: Path) -> None:
    stray = ROOT / "stray-guard-check"
    test_file = tmp_path / "test_stray.py"
    test_file.write_text(
        "import sqlite3\n"
        "def test_writes_into_the_tree():\n"
        f"    conn = sqlite3.connect({str(stray)!r})\n"
        "    conn.execute('CREATE TABLE t (x)')\n"
        "    conn.commit()\n"
        "    conn.close()\n"
        "def test_writes_elsewhere(tmp_path):\n"
        "    sqlite3.connect(tmp_path / 'fine.db').execute('CREATE TABLE t (x)')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tree_guard",
            "-p",
            "no:cacheprovider",
            str(test_file),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(TESTS)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    # Reported on the test that wrote it (an error in its teardown), the other passes.
    assert "ERROR test_stray.py::test_writes_into_the_tree" in result.stdout
    assert "2 passed, 1 error" in result.stdout
    assert "wrote SQLite files into the working tree: stray-guard-check" in result.stdout
    assert not stray.exists()  # and it was cleaned up


def test_readme_names_only_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:[\w./-]*/)?([\w-]+\.py)\b", readme))
    present = {p.name for p in ROOT.rglob("*.py") if not {".venv", ".git"} & set(p.parts)}
    assert named, "the README lists the modules"
    assert named <= present, sorted(named - present)
