"""Two processes on one library.  `uv run python bench/concurrency.py`

Issue 12's goal figure: two `gloss import` processes of the same folder of pages run at
once while `gloss note add` loops add notes (three loops, so notes arrive often enough
to collide), each a real process on one library file. Printed: the imports' exit
statuses and failed files, failed note adds, duplicate articles (rows beyond one per
URL, or per content for pages without one), notes acknowledged (a uuid printed, exit 0)
against those of them found in the library afterwards, the library's `integrity_check`,
and the wall time of the run.

The pages are the first `--pages` (60) of the Dragnet dev corpus in `../shared`, copied
to a temporary folder. `--tree PATH` runs the `gloss` of another source tree (for
instance an export of an older commit, `git archive COMMIT | tar -x -C PATH`) to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "extraction" / "dragnet-dev"
NOTE_LOOPS = 3  # `gloss note add` processes running at any moment, one after another each
TARGET_PAGE = """<html><head><title>Notes go here</title></head><body><article>
<h1>Notes go here</h1><p>The note loop writes to this article. It has two sentences.</p>
</article></body></html>"""


def gloss(tree: Path, library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
    )


def copy_pages(count: int, dest: Path) -> int:
    dest.mkdir(parents=True)
    names = sorted(p.name for p in CORPUS.iterdir() if (p / "source.html").is_file())[:count]
    for name in names:
        shutil.copyfile(CORPUS / name / "source.html", dest / f"{name}.html")
    return len(names)


def run(tree: Path, pages: int, work: Path) -> dict[str, object]:
    folder = work / "pages"
    copied = copy_pages(pages, folder)
    library = work / "library.db"
    target = work / "target.html"
    target.write_text(TARGET_PAGE, encoding="utf-8")
    setup = gloss(tree, library, "import", str(target))
    if setup.returncode != 0:
        raise SystemExit(f"setup failed: {setup.stderr}")
    target_id = setup.stdout.split("\t")[0]

    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "reader.cli", "--library", str(library), "import"]
    started = time.perf_counter()
    imports = [
        subprocess.Popen(
            [*command, str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tree,
        )
        for _ in range(2)
    ]
    acknowledged: list[str] = []
    note_failures: list[str] = []

    def note_loop(loop: int) -> None:
        n = 0
        while any(p.poll() is None for p in imports):
            n += 1
            text = f"loop {loop} note {n}"
            done = gloss(tree, library, "note", "add", target_id, str(n % 2), "--text", text)
            if done.returncode == 0:
                acknowledged.append(done.stdout.strip())
            else:
                note_failures.append(done.stderr.strip().splitlines()[-1:][0])

    loops = [threading.Thread(target=note_loop, args=(i,)) for i in range(NOTE_LOOPS)]
    for loop in loops:
        loop.start()
    outputs = [p.communicate() for p in imports]
    for loop in loops:
        loop.join()
    wall = time.perf_counter() - started

    # A failed file is one stderr line starting with its path (a traceback may follow).
    import_failures = [
        line
        for p, (_out, err) in zip(imports, outputs, strict=True)
        for line in err.splitlines()
        if line.startswith(str(folder))
    ]
    conn = sqlite3.connect(library)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = conn.execute(
            "SELECT count(DISTINCT CASE WHEN url != '' THEN 'u' || url ELSE 'h' || content_hash "
            "END) FROM articles"
        ).fetchone()[0]
        stored = {r[0] for r in conn.execute("SELECT uuid FROM notes")}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return {
        "pages": copied,
        "import exit statuses": [p.returncode for p in imports],
        "import failures (files)": len(import_failures),
        "note add failures": len(note_failures),
        "note add processes": len(acknowledged) + len(note_failures),
        "duplicates": articles - distinct,
        "notes acknowledged": len(acknowledged),
        "acknowledged and stored": len(set(acknowledged) & stored),
        "integrity_check": integrity,
        "wall time (s)": round(wall, 1),
        "first failures": (import_failures + note_failures)[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--tree", type=Path, default=ROOT, help="source tree whose gloss runs")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"the corpus is missing: {CORPUS}", file=sys.stderr)
        return 2
    print(f"gloss from {args.tree.resolve()}")
    for i in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="gloss-concurrency-") as work:
            figures = run(args.tree.resolve(), args.pages, Path(work))
        print(f"run {i + 1}:")
        for key, value in figures.items():
            if key != "first failures" or value:
                print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
