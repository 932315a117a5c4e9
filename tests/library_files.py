"""Helpers for tests of the library file: generated pages, damage, other processes."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = (
    "bridge council river budget school harbour rail station museum library ferry tram "
    "garden market tower canal square engineer mayor report survey contract repair"
).split()


def write_pages(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` distinct small articles; every other one has a canonical URL."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        title = f"Page {i}: the {rng.choice(WORDS)} and the {rng.choice(WORDS)}"
        paragraphs = "".join(
            "<p>"
            + " ".join(
                f"The {rng.choice(WORDS)} of page {i} met the {rng.choice(WORDS)} on day {k}."
                for k in range(4)
            )
            + "</p>"
            for _ in range(5)
        )
        link = f'<link rel="canonical" href="https://news.example/{seed}/{i}">' if i % 2 else ""
        html = (
            f"<html><head><title>{title}</title>{link}</head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>"
        )
        path = folder / f"page{i:03}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def gloss_command(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader.cli", "--library", str(library), *args]


def gloss_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def gloss(library: Path, *args: str, user: str | None = None) -> subprocess.CompletedProcess:
    """`gloss` in a process of its own; as `user` (through setpriv) when given."""
    command = gloss_command(library, *args)
    if user is not None:
        import pwd

        uid = pwd.getpwnam(user)
        command = [
            "setpriv",
            f"--reuid={uid.pw_uid}",
            f"--regid={uid.pw_gid}",
            "--clear-groups",
            *command,
        ]
    return subprocess.run(
        command, capture_output=True, text=True, env=gloss_env(), cwd=ROOT, timeout=120
    )


def checkpoint(library: Path) -> None:
    """Fold the WAL into the main file, so bytes written there are what SQLite reads."""
    conn = sqlite3.connect(library)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


IS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


def damage(library: Path, seed: int = 7, table: str | None = None) -> bytes:
    """Overwrite 16 KiB in the middle of the file with random bytes, or with `table` the
    root page of that table (so the other tables read on); returns the damaged file."""
    checkpoint(library)
    size, length = library.stat().st_size, 16384
    start = (size // 2) // 4096 * 4096
    if table is not None:
        conn = sqlite3.connect(library)
        try:
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            root = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
            ).fetchone()[0]
        finally:
            conn.close()
        start, length = (root - 1) * page_size, page_size
    with open(library, "r+b") as f:
        f.seek(start)
        f.write(random.Random(seed).randbytes(length))
    return library.read_bytes()


def can_run_as_nobody() -> bool:
    """Root with setpriv, and a Python that `nobody` can run with this tree's packages."""
    if not IS_ROOT or shutil.which("setpriv") is None:
        return False
    import pwd

    nobody = pwd.getpwnam("nobody")
    probe = subprocess.run(
        [
            "setpriv",
            f"--reuid={nobody.pw_uid}",
            f"--regid={nobody.pw_gid}",
            "--clear-groups",
            sys.executable,
            "-c",
            "import reader.core.library",
        ],
        capture_output=True,
        env=gloss_env(),
        cwd="/",
    )
    return probe.returncode == 0
