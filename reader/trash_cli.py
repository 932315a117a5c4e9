"""`gloss trash [list | restore ID… | delete ID… | empty]`: the Trash from the command
line (reader/cli.py hands it over). Deleted articles wait there until emptied."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from .core import trash
from .core.dberrors import WritesRefused
from .core.library import Library


def add_trash_command(sub: Any) -> None:
    p = sub.add_parser("trash", help="list, restore or delete the deleted articles")
    actions = p.add_subparsers(dest="trash_command", metavar="ACTION")
    listing = actions.add_parser("list", help="list the articles in the Trash (the default)")
    listing.add_argument("--json", action="store_true")
    restore = actions.add_parser("restore", help="put articles back in the library")
    restore.add_argument("ids", nargs="+", type=int, metavar="ID")
    delete = actions.add_parser("delete", help="delete articles in the Trash for good")
    delete.add_argument("ids", nargs="+", type=int, metavar="ID")
    actions.add_parser("empty", help="delete every article in the Trash for good")


def run_trash(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    action = args.trash_command or "list"
    if action == "list":
        return _list(library, getattr(args, "json", False), out)
    if library.writes_refused:
        raise WritesRefused(library.writes_refused)
    if action == "empty":
        count = trash.empty(library)
        print(f"Deleted {count} article{'s' if count != 1 else ''} for good", file=out)
        return 0
    done = (trash.restore if action == "restore" else trash.delete_forever)(library, args.ids)
    for article_id in args.ids:
        if article_id not in done:
            print(f"{article_id}: not in the Trash", file=sys.stderr)
    for article_id in done:
        print(f"{'Restored' if action == 'restore' else 'Deleted'}\t{article_id}", file=out)
    return 0 if len(done) == len(set(args.ids)) else 1


def _list(library: Library, as_json: bool, out: TextIO) -> int:
    rows = [(r, library.trashed_at(r.id)) for r in trash.trashed(library)]
    if as_json:
        data = [
            {"id": r.id, "title": r.title, "url": r.url, "notes": r.note_count, "deleted": at}
            for r, at in rows
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    for r, at in rows:
        print(f"{r.id}\t{r.title}\t{r.site}\t{at[:10]}\t{r.note_count}", file=out)
    return 0
