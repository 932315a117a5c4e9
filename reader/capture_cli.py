"""`gloss import URL` and `gloss import --watch FOLDER`: the command line's ways in
besides files (reader/cli.py hands them over)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from .core.capture import import_url
from .core.dberrors import WritesRefused
from .core.inbox import IMPORTED, Inbox
from .core.library import Library


def import_urls(library: Library, urls: list[str], out: TextIO) -> int:
    """Fetch and store each address; one line per failure on stderr. 1 if any failed."""
    if library.writes_refused:
        raise WritesRefused(library.writes_refused)
    failed = 0
    for url in urls:
        captured = import_url(library, url)
        if captured.ok:
            print(f"{captured.article_id}\t{captured.title}", file=out)
        else:
            failed += 1
            print(f"{url}: {captured.reason}", file=sys.stderr)
            if captured.trace:
                print(captured.trace, file=sys.stderr)
    return 1 if failed else 0


def watch(library: Library, folder: Path, move: bool, out: TextIO, interval: float = 1.0) -> int:
    """Import what is saved into `folder` until interrupted (Ctrl+C ends it cleanly)."""
    if library.writes_refused:
        raise WritesRefused(library.writes_refused)
    if not folder.is_dir():
        raise ValueError(f"{folder}: no such folder")
    inbox = Inbox(folder, move_imported=move)
    where = f"; imported files move to {folder / IMPORTED}" if move else ""
    print(f"Watching {folder} (Ctrl+C to stop){where}", file=sys.stderr, flush=True)
    try:
        while True:
            ready = inbox.scan()
            for outcome in inbox.import_ready(library, ready):
                if outcome.ok:
                    print(f"{outcome.article_id}\t{outcome.title}", file=out, flush=True)
                if outcome.reason:
                    print(f"{outcome.path.name}: {outcome.reason}", file=sys.stderr, flush=True)
            time.sleep(interval)
    except KeyboardInterrupt:
        print("Stopped watching.", file=sys.stderr)
        return 0
