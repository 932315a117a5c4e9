"""The `gloss` command. Without a subcommand it opens the window; Qt is imported only then."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .capture_cli import import_urls, watch
from .core import claim_store, health
from .core.backups import backup_to
from .core.batch import import_files
from .core.capture import is_web_address
from .core.citations import parse_cite
from .core.claims import KIND_LABELS, default_model
from .core.dberrors import WritesRefused, translated
from .core.import_summary import ImportSummary
from .core.ingest import ImportFailed, find_importable, load_file
from .core.library import Library, LibraryError
from .core.model import Article, Note, Verdict
from .core.numbering import sentence_index, sentence_number
from .core.sentences import split
from .core.sources import parse_source, plain_text, source_json
from .core.spans import sentences_span
from .core.transfer import FORMATS, TransferError, export_notes, export_to_file, import_file
from .core.window_presence import window_is_open
from .log import write_log
from .note_edit_cli import (
    add_note_edit_command,
    add_publication_options,
    publication_values,
    run_note_edit,
)
from .paths import resolve_library
from .related_cli import add_related_command, run_related
from .report_cli import add_report_command, run_report
from .settings_cli import add_settings_command, run_settings
from .trash_cli import add_trash_command, run_trash


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gloss",
        description="Read saved web articles offline and check them sentence by sentence.",
    )
    parser.add_argument("--version", action="version", version=f"Gloss {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="library file (default: $GLOSS_LIBRARY, else library.db in the app data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen on a temporary library, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "import", help="import saved pages, documents (PDF, EPUB, text) or web addresses"
    )
    p.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
    p.add_argument(
        "--watch", type=Path, metavar="FOLDER", help="import files saved into FOLDER until stopped"
    )
    p.add_argument(
        "--leave", action="store_true", help="with --watch: leave imported files in FOLDER"
    )

    p = sub.add_parser("extract", help="extract articles without saving them")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("sentences", help="split text into sentences, one per line")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE")

    p = sub.add_parser(
        "claims",
        help="list an article's check-worthy claims, or spot claims in sentences (--sentences)",
    )
    p.add_argument("target", nargs="?", metavar="ID|FILE")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--sentences",
        action="store_true",
        help="read one sentence per line from FILE (default: standard input); print one "
        'JSON object per line: {"text", "claim", "score", "kinds"}',
    )

    p = sub.add_parser("list", help="list the library's articles")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show an article's sentences with their numbers")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("note", help="work with notes")
    note_sub = p.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    add = note_sub.add_parser("add", help="add a note to a sentence; prints its uuid")
    add.add_argument("id", type=int, help="article id")
    add.add_argument("number", type=int, help="sentence number (see `gloss show`)")
    add.add_argument(
        "--to", type=int, metavar="NUMBER2", help="note the sentences NUMBER to NUMBER2"
    )
    add.add_argument("--quote", metavar="WORDS", help="note only WORDS inside the sentences")
    add.add_argument("--text", required=True)
    add.add_argument("--verdict", default="none", help=", ".join(v.value for v in Verdict))
    add.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE",
        help="a source, as the note editor takes one: a URL (http, https, mailto), a DOI "
        "(doi:10.…) or plain text, then a title, then ' > ' and a quoted passage "
        "(plain text takes its title after ' | ')",
    )
    add.add_argument(
        "--cite",
        action="append",
        default=[],
        metavar="ARTICLE:N",
        help="cite sentence N of another saved article as a source (repeatable)",
    )
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument(
        "--revision",
        metavar="HASH",
        help="the revision `gloss show --json` printed: refuse if the text changed since",
    )
    add_publication_options(add)
    add_note_edit_command(note_sub)

    p = sub.add_parser("notes", help="list an article's notes")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    _add_transfer_commands(sub)
    return parser


# Options whose next argument is their value, never a file to open (ours and Qt's).
_OPTIONS_WITH_VALUES = frozenset(
    {
        "--library",
        "-platform",
        "-style",
        "-stylesheet",
        "-display",
        "-qwindowgeometry",
        "-qwindowtitle",
        "-qwindowicon",
        "-platformpluginpath",
        "-plugin",
    }
)


def split_open_paths(argv: Sequence[str], commands: set[str]) -> tuple[list[str], list[Path]]:
    """`gloss page.html` (what "Open with Gloss" runs): files named before any command
    are opened in the window. Returns the remaining arguments and those files."""
    rest: list[str] = []
    files: list[Path] = []
    seen_command = False
    for i, arg in enumerate(argv):
        is_value = i > 0 and argv[i - 1] in _OPTIONS_WITH_VALUES
        opens = not (seen_command or is_value or arg.startswith("-") or arg in commands)
        if opens and Path(arg).exists():
            files.append(Path(arg))
            continue
        if arg in commands:
            seen_command = True
        rest.append(arg)
    return rest, files


def _add_transfer_commands(sub: Any) -> None:
    """export, import-notes, search and backup."""
    p = sub.add_parser("export", help="export notes (stdout unless -o)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="article ids")
    p.add_argument("--all", action="store_true", help="every article in the library")
    p.add_argument("--format", choices=FORMATS, default="markdown")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write FILE atomically")
    p.add_argument(
        "--drafts",
        action="store_true",
        help="claimreview: include notes without a review URL, marked as drafts",
    )

    p = sub.add_parser("import-notes", help="import a Gloss JSON backup or W3C annotations")
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser("search", help="search articles and notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--verdict", help=", ".join(v.value for v in Verdict))
    p.add_argument("--tag", help="note or article tag")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="copy the library to PATH (SQLite online backup)")
    p.add_argument("dest", type=Path, metavar="PATH")

    add_trash_command(sub)
    add_settings_command(sub)
    add_report_command(sub)
    add_related_command(sub)

    sub.add_parser("check", help="check the library file for damage (PRAGMA integrity_check)")

    p = sub.add_parser(
        "restore", help="replace a damaged library by its newest good backup (or BACKUP)"
    )
    p.add_argument("backup", nargs="?", type=Path, metavar="BACKUP")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = set(_subcommands(parser))
    argv, open_paths = split_open_paths(argv, commands)
    args, qt_args = parser.parse_known_args(argv)
    if args.self_test:
        from .selftest import run as self_test

        return self_test(qt_args)
    if args.command is None:
        from .ui.preflight import check

        if (status := check(qt_args)) is not None:  # before Qt: say what is missing
            return status
        from .ui.launch import run

        return run(args.library, qt_args, open_paths)
    if open_paths:
        parser.error(f"unrecognized arguments: {' '.join(map(str, open_paths))}")
    if qt_args:
        parser.error(f"unrecognized arguments: {' '.join(qt_args)}")
    try:
        if args.command == "extract":
            return _extract(args.paths, args.format, sys.stdout)
        if args.command == "sentences":
            return _sentences(args.file, sys.stdout)
        if args.command == "claims":
            if args.sentences:
                return _spot_sentences(args.target, sys.stdout)
            if args.target is None or not args.target.isdigit():
                parser.error("claims needs an article ID (or --sentences [FILE])")
        path = resolve_library(args.library)
        with translated(path):
            if args.command in _FILE_COMMANDS:
                return _FILE_COMMANDS[args.command](args, path, sys.stdout)
            with Library(path) as library:
                return _with_library(args, library, sys.stdout)
    except (LibraryError, ValueError) as exc:
        print(f"gloss: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:  # argparse keeps no public list of subcommands
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _with_library(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.command == "import":
        if args.watch is not None:
            return watch(library, args.watch, not args.leave, out)
        if not args.paths:
            raise ValueError("import needs files, folders or web addresses (or --watch FOLDER)")
        urls = [a for a in args.paths if is_web_address(a)]
        status = import_urls(library, urls, out) if urls else 0
        files = [Path(a) for a in args.paths if not is_web_address(a)]
        return max(status, _import(library, files, out)) if files else status
    if args.command == "list":
        return _list(library, args.json, out)
    if args.command == "show":
        return _show(library, args.id, args.json, out)
    if args.command == "note" and args.note_command == "edit":
        return run_note_edit(args, library, out)
    if args.command == "note":
        publication = publication_values(args)  # checked before anything is read
        first = sentence_index(args.number)
        span, revision = None, args.revision
        if args.to is not None or args.quote is not None:
            # The span's offsets are in the text read here: the note is refused if
            # another process changes that text before it is written.
            article, read = library.article_and_revision(args.id)
            last = None if args.to is None else sentence_index(args.to)
            span = sentences_span(article, first, last, args.quote)
            revision = revision or read
        note = library.add_note(
            args.id,
            first,
            args.text,
            Verdict.parse(args.verdict),
            [
                *(s for s in (parse_source(line) for line in args.source) if s is not None),
                *(parse_cite(library, spec) for spec in args.cite),
            ],
            args.tag,
            span=span,
            revision=revision,
            **publication,
        )
        print(note.uuid, file=out)
        return 0
    if args.command == "notes":
        return _notes(library, args.id, args.json, out)
    if args.command == "claims":
        return _claims(library, int(args.target), args.json, out)
    if args.command == "trash":
        return run_trash(args, library, out)
    if args.command == "settings":
        return run_settings(args, library, out)
    if args.command == "report":
        return run_report(args, library, out)
    if args.command == "related":
        return run_related(args, library, out)
    if args.command in _TRANSFER_COMMANDS:
        return _TRANSFER_COMMANDS[args.command](args, library, out)
    raise AssertionError(args.command)


def _import(library: Library, paths: list[Path], out: TextIO) -> int:
    if library.writes_refused:  # before reading any file: nothing could be stored
        raise WritesRefused(library.writes_refused)
    outcomes = []
    for outcome in import_files(library, paths):
        outcomes.append(outcome)
        if not outcome.ok:
            reason = _failure_line(outcome.reason, outcome.trace)
            print(f"{outcome.path}: {reason}", file=sys.stderr)
            continue
        print(f"{outcome.article_id}\t{outcome.title}", file=out)
        if outcome.orphaned:
            print(
                f"{outcome.path}: updated; {outcome.orphaned} note(s) could not be placed on "
                "the new text and are kept as unplaced notes",
                file=sys.stderr,
            )
        if outcome.changed:
            print(
                f"{outcome.path}: updated; {outcome.changed} note(s) now cover changed words "
                "and are marked for review",
                file=sys.stderr,
            )
    summary = ImportSummary.of(outcomes)
    print(f"gloss import: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed else 0


def _extract(paths: list[Path], fmt: str, out: TextIO) -> int:
    failed = 0
    first = True
    for path in find_importable(paths):
        try:
            article = load_file(path)
        except ImportFailed as exc:
            failed += 1
            print(f"{path}: {_failure_line(str(exc), getattr(exc, 'trace', ''))}", file=sys.stderr)
            continue
        if fmt == "json":
            print(json.dumps(_extract_json(path, article), ensure_ascii=False), file=out)
        else:
            if not first:
                print("\f", file=out)  # form feed between articles, like `pr`
            print(article.text, file=out)
        first = False
    return 1 if failed else 0


def _failure_line(reason: str, trace: str) -> str:
    """One line per failed file; a bug's traceback goes to the log, which the line names."""
    if not trace:
        return reason
    try:
        return f"{reason}; details in {write_log(trace)}"
    except OSError:
        return reason  # no log to write to: the one line is all there is


def _extract_json(path: Path, article: Article) -> dict[str, Any]:
    meta = article.meta
    by_block: dict[int, list[str]] = {}
    for s in article.sentences:
        by_block.setdefault(s.block, []).append(s.text)
    return {
        "path": str(path),
        "title": meta.title,
        "byline": meta.byline,
        "published": meta.published,
        "site": meta.site,
        "lang": meta.lang,
        "url": meta.url,
        "excerpt": meta.excerpt,
        "format": article.source_format,
        "text": article.text,
        "blocks": [
            {**b.to_json(), "sentences": by_block.get(i, [])} for i, b in enumerate(article.blocks)
        ],
    }


def _sentences(file: Path | None, out: TextIO) -> int:
    text = file.read_text(encoding="utf-8") if file else sys.stdin.read()
    for paragraph in _paragraphs(text):
        for sentence in split(paragraph):
            print(sentence, file=out)
        print(file=out)
    return 0


def _paragraphs(text: str) -> list[str]:
    out, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def _list(library: Library, as_json: bool, out: TextIO) -> int:
    rows = library.summaries()
    if as_json:
        json.dump(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "site": r.site,
                    "published": r.published,
                    "imported": r.imported_at,
                    "url": r.url,
                    "notes": r.note_count,
                }
                for r in rows
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    for r in rows:
        print(f"{r.id}\t{r.title}\t{r.site}\t{r.published[:10]}\t{r.note_count}", file=out)
    return 0


def _show(library: Library, article_id: int, as_json: bool, out: TextIO) -> int:
    # NotFound is a LibraryError: main reports it
    article, revision = library.article_and_revision(article_id)
    if as_json:
        meta = article.meta
        json.dump(
            {
                "id": article_id,
                "title": meta.title,
                "url": meta.url,
                "byline": meta.byline,
                "site": meta.site,
                "published": meta.published,
                "lang": meta.lang,
                "splitter_version": article.splitter_version,
                "revision": revision,
                "sentences": [
                    {"index": s.index, "number": sentence_number(s.index), "text": s.text}
                    for s in article.sentences
                ],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    print(article.title, file=out)
    for s in article.sentences:
        print(f"{sentence_number(s.index)}\t{s.text}", file=out)
    return 0


def _claims(library: Library, article_id: int, as_json: bool, out: TextIO) -> int:
    library.summary(article_id)  # raises NotFound for an unknown id
    claim_store.ensure_claims(library, article_id)
    claims = claim_store.claims(library.db, article_id)
    if not claim_store.language_handled(library.db, article_id):
        print(
            f"gloss: article {article_id} is not in English: claims are spotted in English "
            "articles only",
            file=sys.stderr,
        )
    if as_json:
        json.dump([c.to_json() for c in claims], out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    checked = sum(c.checked for c in claims)
    print(claim_store.claim_summary(len(claims), checked) or "no claims", file=out)
    for c in claims:
        kinds = ", ".join(KIND_LABELS[k] for k in c.kinds) or "-"
        mark = "checked" if c.checked else "unchecked"
        print(f"{sentence_number(c.index)}\t{c.score:.2f}\t{kinds}\t{mark}\t{c.text}", file=out)
    return 0


def _spot_sentences(file: str | None, out: TextIO) -> int:
    """One JSON object per input line, blank lines included, so output lines match input."""
    source = sys.stdin if file in (None, "-") else open(file, encoding="utf-8")  # noqa: SIM115
    try:
        model = default_model()
        for line in source:
            text = line.rstrip("\r\n")
            out.write(json.dumps(model.spot(text).to_json(text), ensure_ascii=False) + "\n")
    finally:
        if source is not sys.stdin:
            source.close()
    return 0


def _notes(library: Library, article_id: int, as_json: bool, out: TextIO) -> int:
    library.summary(article_id)  # raises NotFound for an unknown id
    notes = library.notes(article_id)
    if as_json:
        json.dump([_note_json(n) for n in notes], out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    for n in notes:
        where = "unplaced" if n.sentence is None else str(sentence_number(n.sentence))
        if n.sentence is not None and n.last_sentence not in (None, n.sentence):
            where += f"-{sentence_number(n.last_sentence)}"
        if n.text_changed:
            where += " (text changed)"
        print(f"{n.uuid}\t{where}\t{n.verdict.value}\t{n.text}", file=out)
        for s in n.sources:
            print(f"\tsource\t{s.kind.value}\t{plain_text(s)}", file=out)
    return 0


def _note_json(n: Note) -> dict[str, Any]:
    return {
        "uuid": n.uuid,
        "sentence": n.sentence,
        "number": None if n.sentence is None else sentence_number(n.sentence),
        "last_sentence": n.last_sentence,
        "start": n.position if n.sentence is not None else None,
        "end": n.end if n.sentence is not None else None,
        "quote": n.quote,
        "original_quote": n.original_quote,
        "text_changed": n.text_changed,
        "text": n.text,
        "verdict": n.verdict.value,
        "sources": [source_json(s) for s in n.sources],
        "tags": list(n.tags),
        "created": n.created,
        "updated": n.updated,
        "claimant": n.claimant,
        "review_url": n.review_url,
    }


def _export(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.all == bool(args.ids):
        raise ValueError("export: give article ids or --all (not both)")
    ids = None if args.all else args.ids
    unreadable: list[int] = []  # articles a damaged library cannot give back
    notices: list[str] = []
    options = {"unreadable": unreadable, "drafts": args.drafts, "notices": notices}
    try:
        if args.output is not None:
            export_to_file(library, ids, args.format, args.output, **options)
        else:
            out.write(export_notes(library, ids, args.format, **options))
    except OSError as exc:
        raise ValueError(f"{args.output}: {exc.strerror or exc}") from None
    for line in notices:
        print(f"gloss: {line}", file=sys.stderr)
    for article_id in unreadable:
        print(f"gloss: article {article_id} is damaged and was left out", file=sys.stderr)
    return 1 if unreadable else 0


def _import_notes(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    try:
        report = import_file(library, args.file)
    except TransferError as exc:
        raise ValueError(f"{args.file}: {exc}; nothing was imported") from None
    for problem in report.problems:
        print(f"{args.file}: skipped {problem}", file=sys.stderr)
    print(report.summary(), file=out)
    return 1 if report.skipped else 0


def _search(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    hits = library.search(args.query, verdict=args.verdict, tag=args.tag, limit=args.limit)
    if args.json:
        json.dump(
            [
                {
                    **h.to_json(),
                    "number": None if h.sentence is None else sentence_number(h.sentence),
                }
                for h in hits
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    for h in hits:
        where = "-" if h.sentence is None else str(sentence_number(h.sentence))
        snippet = " ".join(h.marked("**", "**").split())
        print(f"{h.article_id}\t{where}\t{h.kind}\t{h.title}\t{snippet}", file=out)
    return 0


def _backup(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    try:
        dest = backup_to(library.path, args.dest)
    except OSError as exc:
        raise ValueError(f"{args.dest}: {exc.strerror or exc}") from None
    print(dest, file=out)
    return 0


def _check(args: argparse.Namespace, path: Path, out: TextIO) -> int:
    """`PRAGMA integrity_check` on the file as it is, without opening (or migrating) it."""
    found = health.full_check(path)
    print(found.summary(path), file=out)
    for problem in found.problems[1:]:
        print(f"  {problem}", file=out)
    if found.damaged:
        good = health.newest_good_backup(path)
        if good is not None:
            print(f"`gloss restore` puts back the newest good backup, {good}", file=out)
        else:
            print(
                "no good backup was found; `gloss export --all --format json -o FILE` saves "
                "what can still be read",
                file=out,
            )
        return 1
    return 0


def _restore(args: argparse.Namespace, path: Path, out: TextIO) -> int:
    if window_is_open(path):
        # The file is renamed under every connection: the window would go on reading and
        # writing the damaged copy set aside, and its notes would land there.
        raise LibraryError(
            f"a Gloss window has {path} open; close it, then run `gloss restore` again "
            "(nothing was changed)"
        )
    if args.backup is None and path.exists():
        found = health.full_check(path)
        if not found.damaged:
            raise ValueError(
                f"{path} has no damage; name a backup (`gloss restore BACKUP`) to go back to "
                "it anyway"
            )
    restored = health.restore(path, args.backup)
    print(f"restored {path} from {restored.backup}", file=out)
    if restored.kept is not None:
        print(f"the replaced file is kept as {restored.kept}", file=out)
    return 0


# Commands that work on the library file itself, without opening it as a library.
_FILE_COMMANDS = {"check": _check, "restore": _restore}

_TRANSFER_COMMANDS = {
    "export": _export,
    "import-notes": _import_notes,
    "search": _search,
    "backup": _backup,
}


if __name__ == "__main__":
    sys.exit(main())
