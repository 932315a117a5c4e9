"""How long does `import-notes` take on a large W3C file?  `uv run python bench/import_notes.py`

Builds a library of `--articles` copies of the test page `news.html` (each with its own
URL), adds `--notes` notes spread over their sentences, exports them as W3C annotations,
deletes the notes, then times, on that file:

- the checks alone (`export.validate`: size, nesting, field types and dates);
- the whole import (checks, parsing, placing each quote, writing), one transaction.

Also prints the time to refuse a file nested 100,000 levels deep and one over the size
limit. Options: `--articles N --notes M`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.export.validate import MAX_FILE_BYTES, check_annotations, load_json  # noqa: E402
from reader.core.ingest import load_file  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.core.model import Verdict  # noqa: E402
from reader.core.transfer import TransferError, export_notes, import_file  # noqa: E402

PAGE = ROOT / "tests" / "fixtures" / "pages" / "news.html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--notes", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.db"
        page = load_file(PAGE)
        with Library(path) as library:
            with library.transaction():
                ids = [
                    library.add_article(
                        page.with_meta(url=f"https://herald.example/news/{i}", title=f"N{i}")
                    ).article_id
                    for i in range(args.articles)
                ]
                count = len(page.sentences)
                for k in range(args.notes):
                    library.add_note(
                        ids[k % len(ids)], (k // len(ids)) % count, f"Note {k}", Verdict.FALSE
                    )
            notes_file = Path(tmp) / "notes.jsonld"
            notes_file.write_text(export_notes(library, None, "w3c"), encoding="utf-8")
            with library.transaction():
                for article_id in ids:
                    for note in library.notes(article_id):
                        library.delete_note(note.uuid)
            size = notes_file.stat().st_size
            started = time.perf_counter()
            check_annotations(load_json(notes_file.read_bytes()))
            checked = time.perf_counter() - started
            started = time.perf_counter()
            report = import_file(library, notes_file)
            imported = time.perf_counter() - started
            rate = args.notes / imported
            print(f"file: {size / 1e6:.1f} MB, {args.notes} annotations, {args.articles} articles")
            print(f"checks alone: {checked:.2f} s")
            print(f"import: {imported:.2f} s ({rate:,.0f} notes/s): {report.summary()}")

            deep = Path(tmp) / "deep.json"
            deep.write_text("[" * 100_000)
            big = Path(tmp) / "big.json"
            with big.open("wb") as f:
                f.truncate(MAX_FILE_BYTES + 1)
            for name, bad in (("100,000 levels deep", deep), ("over the size limit", big)):
                started = time.perf_counter()
                try:
                    import_file(library, bad)
                except TransferError as exc:
                    took = time.perf_counter() - started
                    print(f"refused {name} in {took * 1000:.0f} ms: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
