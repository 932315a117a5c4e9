"""`gloss note edit UUID [--text T] [--verdict V] [--claimant NAME] [--review-url URL]`:
change a note written before (reader/cli.py hands it over). Only the options given
change; an empty `--claimant` goes back to the article's site, an empty `--review-url`
marks the note as not published."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .core.dberrors import WritesRefused
from .core.library import Library
from .core.model import Verdict
from .core.note_publication import check_claimant, check_review_url


def add_publication_options(parser: Any) -> None:
    """--claimant and --review-url, shared by `note add` and `note edit`."""
    parser.add_argument(
        "--claimant",
        metavar="NAME",
        help="who made the claim (default: the article's site)",
    )
    parser.add_argument(
        "--review-url",
        metavar="URL",
        help="the http(s) address where the fact check is published",
    )


def publication_values(args: argparse.Namespace) -> dict[str, str]:
    """The checked --claimant and --review-url that were given; ValueError when bad."""
    found = {}
    if args.claimant is not None:
        found["claimant"] = check_claimant(args.claimant)
    if args.review_url is not None:
        found["review_url"] = check_review_url(args.review_url)
    return found


def add_note_edit_command(note_sub: Any) -> None:
    edit = note_sub.add_parser("edit", help="change a note's text, verdict, claimant or review URL")
    edit.add_argument("uuid", metavar="UUID", help="the note (see `gloss notes ID`)")
    edit.add_argument("--text")
    edit.add_argument("--verdict", help=", ".join(v.value for v in Verdict))
    add_publication_options(edit)


def run_note_edit(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    change: dict[str, Any] = publication_values(args)
    if args.text is not None:
        change["text"] = args.text
    if args.verdict is not None:
        change["verdict"] = Verdict.parse(args.verdict)
    if not change:
        raise ValueError(
            "note edit: nothing to change (give --text, --verdict, --claimant or --review-url)"
        )
    library.note(args.uuid)  # NotFound before anything else
    if library.writes_refused:
        raise WritesRefused(library.writes_refused)
    note = library.update_note(args.uuid, **change)
    print(note.uuid, file=out)
    return 0
