"""`gloss settings [KEY [VALUE]]`: the library's own settings (who publishes its fact
checks) from the command line (reader/cli.py hands it over). See
`core.library_settings` for the keys and what they accept."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .core import library_settings
from .core.dberrors import WritesRefused
from .core.library import Library


def add_settings_command(sub: Any) -> None:
    keys = ", ".join(library_settings.KEYS)
    p = sub.add_parser(
        "settings",
        help="list the library's settings, print one (KEY) or set one (KEY VALUE)",
        description=f"Keys: {keys}. An empty VALUE clears the setting.",
    )
    p.add_argument("key", nargs="?", metavar="KEY", help=keys)
    p.add_argument("value", nargs="?", metavar="VALUE", help='the new value ("" clears it)')


def run_settings(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.key is None:
        for key, value in library_settings.values(library).items():
            print(f"{key}\t{value}", file=out)
        return 0
    if args.value is None:
        print(library_settings.value(library, args.key), file=out)
        return 0
    library_settings.normalized(args.key, args.value)  # a bad value fails before the check
    if library.writes_refused:
        raise WritesRefused(library.writes_refused)
    stored = library_settings.set_value(library, args.key, args.value)
    print(f"{args.key}\t{stored}" if stored else f"{args.key} cleared", file=out)
    return 0
