"""Export notes to files and import them back: the orchestration between the library and
the pure `export` formats. No Qt; the CLI and the window call the same functions.

Long runs take `progress(done, total)` (called after each article or annotation) and
`cancelled()` (checked as often; when it returns True the run stops with `Cancelled`).
An import is one transaction: a malformed file, a failure or a cancel writes nothing.

Export formats (`FORMATS`):

- markdown: one article's notes, or several articles under one heading;
- w3c: a W3C Web Annotation collection (JSON-LD);
- claimreview: a JSON list of schema.org ClaimReviews, for notes with a rated verdict;
- json: the full backup document (`export.backup`), which `import_notes` restores.

Import (`import_notes`) reads the JSON backup or W3C annotations (Hypothesis's export
too), and tells them apart by the backup's `"format"` field.

Backup: an article already in the library (same URL, else same content) is kept as it
is; a missing one is recreated from its blocks, re-split by the current splitter. Notes
are matched by UUID: one already present stays unless the file's copy was modified
later. A note keeps its sentence when the article's text and sentences are the ones it
was made on; otherwise it is placed again by its quote, or kept unplaced.

W3C: each annotation goes to the article whose URL matches its target (see
`normalize_url`); an annotation whose article is not in the library is skipped and
reported. Its quote is placed with `anchoring.reanchor`; a quote that cannot be placed
makes an unplaced note (no sentence, quote kept). A `urn:uuid:` id is the note's UUID;
any other id (Hypothesis's) gives a UUID derived from it (uuid5), so importing the same
file twice changes nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import uuid as uuidlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import citations, library_settings
from .anchoring import fold
from .dberrors import LibraryDamaged, classify
from .export import (
    AnnotationFormatError,
    ArticleInfo,
    BackupArticle,
    BackupError,
    ImportedAnnotation,
    Reviewer,
    annotation_collection,
    article_markdown,
    claim_reviews,
    dump_backup,
    library_markdown,
    parse_annotations,
    parse_backup,
)
from .export.backup import FORMAT as BACKUP_FORMAT
from .export.common import iso_datetime
from .export.validate import (
    MAX_FILE_BYTES,
    NotesFileError,
    check_annotations,
    load_json,
    size_problem,
)
from .export_targets import article_for_target, is_gloss_urn, with_content_hashes
from .library import Library, now
from .model import Article, Citation, Note, Source, SourceKind
from .pages import stored_page_starts
from .revision import same_words
from .sentences import SPLITTER_VERSION, segment
from .spans import SpanAnchor, place_span, sentence_spans

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

FORMATS = ("markdown", "w3c", "claimreview", "json")
# Annotation ids that are not urn:uuid: become uuid5(ANNOTATION_NAMESPACE, id).
ANNOTATION_NAMESPACE = uuidlib.UUID("0b6d7c1e-93a4-5f0e-8c1d-2f4a9e6b3c57")
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


class TransferError(ValueError):
    """The file cannot be imported (or the export cannot be made); nothing was written."""


class Cancelled(Exception):
    """The caller's `cancelled()` returned True; an import wrote nothing."""


# -- export ------------------------------------------------------------------------------


def live_article_ids(library: Library) -> list[int]:
    """Every article not in the trash (archived ones included), by id."""
    return [i for i in library.article_ids() if not library.is_trashed(i)]


def export_notes(
    library: Library,
    article_ids: Sequence[int] | None,
    fmt: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
    exported: str | None = None,
    unreadable: list[int] | None = None,
    drafts: bool = False,
    notices: list[str] | None = None,
) -> str:
    """The notes of `article_ids` (None: the whole library) as text in format `fmt`.

    With an `unreadable` list, an article that a damaged library cannot give back is
    left out and its id added there, so the rest can still be saved. ClaimReview leaves
    out notes not yet published unless `drafts`; what it left out and why goes to
    `notices`, one line each.
    """
    if fmt not in FORMATS:
        raise TransferError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    whole_library = article_ids is None
    if unreadable is None:
        ids = live_article_ids(library) if article_ids is None else list(article_ids)
        for article_id in ids:
            library.summary(article_id)  # NotFound before any work
    else:
        ids = _readable_ids(library, article_ids, unreadable)
    total = len(ids)
    infos: list[tuple[ArticleInfo, list[Note]]] = []
    records: list[BackupArticle] = []
    for done, article_id in enumerate(ids, 1):
        _check(cancelled)
        try:
            _export_one(library, article_id, fmt, infos, records)
        except sqlite3.DatabaseError as exc:
            if unreadable is None or classify(exc) is not LibraryDamaged:
                raise
            unreadable.append(article_id)
        if progress:
            progress(done, total)
    _check(cancelled)
    if fmt == "json":
        return dump_backup(records, exported or now())
    reviewer = _reviewer(library, damaged_ok=unreadable is not None)
    if fmt == "markdown":
        if len(infos) == 1 and not whole_library:
            return article_markdown(*infos[0], checker=reviewer.name)
        return library_markdown(infos, checker=reviewer.name)
    if fmt == "w3c":
        doc: Any = annotation_collection(with_content_hashes(library, infos))
    else:
        batch = claim_reviews(with_content_hashes(library, infos), reviewer, drafts=drafts)
        if notices is not None:
            notices.extend(batch.notices())
        doc = batch.reviews
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _reviewer(library: Library, damaged_ok: bool) -> Reviewer:
    """Who publishes and signs the export. A damaged library that cannot give back its
    settings still exports what it can: unsigned, and ClaimReview then says what is
    missing."""
    try:
        return library_settings.reviewer(library)
    except sqlite3.DatabaseError as exc:
        if not damaged_ok or classify(exc) is not LibraryDamaged:
            raise
        return Reviewer()


def _readable_ids(
    library: Library, article_ids: Sequence[int] | None, unreadable: list[int]
) -> list[int]:
    """The ids to export from a library that may be damaged; those it cannot read go to
    `unreadable`. An id that does not exist is still `NotFound`."""
    candidates = list(article_ids) if article_ids is not None else library.readable_article_ids()
    ids = []
    for article_id in candidates:
        try:
            if article_ids is None and library.is_trashed(article_id):
                continue
            library.summary(article_id)  # NotFound before any work
        except sqlite3.DatabaseError as exc:
            if classify(exc) is not LibraryDamaged:
                raise
            unreadable.append(article_id)
            continue
        ids.append(article_id)
    return ids


def _export_one(
    library: Library,
    article_id: int,
    fmt: str,
    infos: list[tuple[ArticleInfo, list[Note]]],
    records: list[BackupArticle],
) -> None:
    if fmt == "json":
        article = library.article(article_id)  # re-split first if the splitter changed
        notes = library.notes(article_id)
        records.append(
            BackupArticle(
                id=article_id,
                meta=article.meta,
                blocks=article.blocks,
                notes=tuple(notes),
                source_format=article.source_format,
                splitter_version=article.splitter_version,
                extractor_version=article.extractor_version,
                imported_at=library.imported_at(article_id),
            )
        )
    else:
        meta = library.article_meta(article_id)
        info = replace(
            ArticleInfo.from_meta(article_id, meta),
            pages=stored_page_starts(library.db, article_id),
        )
        infos.append((info, library.notes(article_id)))


def export_to_file(
    library: Library,
    article_ids: Sequence[int] | None,
    fmt: str,
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
    unreadable: list[int] | None = None,
    drafts: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """`export_notes` written atomically to `path`: the whole file or no change at all."""
    text = export_notes(
        library,
        article_ids,
        fmt,
        progress=progress,
        cancelled=cancelled,
        unreadable=unreadable,
        drafts=drafts,
        notices=notices,
    )
    return write_atomic(path, text)


def write_atomic(path: Path | str, text: str) -> Path:
    """Write `text` (UTF-8) to a temporary file beside `path`, then rename it over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


# -- import ------------------------------------------------------------------------------


@dataclass
class ImportReport:
    kind: str = ""  # "backup" or "w3c"
    articles: int = 0  # articles recreated from a backup
    restored: int = 0  # backup notes written
    placed: int = 0  # annotations placed on a sentence
    unplaced: int = 0  # notes written without a sentence (either kind)
    updated: int = 0  # notes already present that the file had a newer copy of
    skipped: int = 0  # annotations whose article is not in the library
    present: int = 0  # notes already in the library as the file has them
    changed: int = 0  # notes placed on words other than their quote: to review
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"restored {self.restored}",
            f"placed {self.placed}",
            f"unplaced {self.unplaced}",
            f"skipped {self.skipped}",
            f"already present {self.present}",
        ]
        if self.updated:
            parts.insert(4, f"updated {self.updated}")
        if self.changed:
            parts.insert(3, f"to review {self.changed}")
        line = ", ".join(parts)
        if self.articles:
            line += f" ({self.articles} article{'s' if self.articles != 1 else ''} recreated)"
        return line


def import_file(
    library: Library,
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> ImportReport:
    try:
        with Path(path).open("rb") as f:
            # Refuse an oversized file before reading it; one byte past the limit also
            # catches a file that grows while it is read.
            problem = size_problem(os.fstat(f.fileno()).st_size)
            if problem is None:
                data = f.read(MAX_FILE_BYTES + 1)
                problem = size_problem(len(data))
    except OSError as exc:  # the caller names the file (the CLI puts it first)
        raise TransferError(exc.strerror or str(exc)) from None
    if problem:
        raise TransferError(problem)
    return import_notes(library, data, progress=progress, cancelled=cancelled)


def import_notes(
    library: Library,
    data: str | bytes | Any,
    *,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> ImportReport:
    """Import a backup or W3C annotations (JSON text or decoded JSON), all or nothing.

    The whole file is checked before anything is written (see `export.validate`)."""
    try:
        if isinstance(data, str | bytes):
            data = load_json(data)
        if isinstance(data, dict) and data.get("format") == BACKUP_FORMAT:
            backup = parse_backup(data)
            with library.transaction():
                return _restore_backup(library, backup.articles, progress, cancelled)
        check_annotations(data)
        annotations = parse_annotations(data)
    except (BackupError, AnnotationFormatError, NotesFileError) as exc:
        raise TransferError(str(exc)) from None
    with library.transaction():
        return _import_annotations(library, annotations, progress, cancelled)


def _restore_backup(
    library: Library,
    articles: Sequence[BackupArticle],
    progress: Progress | None,
    cancelled: Cancel | None,
) -> ImportReport:
    report = ImportReport(kind="backup")
    total = len(articles)
    for done, saved in enumerate(articles, 1):
        _check(cancelled)
        made = Article(
            saved.meta,
            saved.blocks,
            segment(saved.blocks),
            (),
            saved.source_format,
            SPLITTER_VERSION,
            saved.extractor_version,
        )
        article_id = library.find_article(made)
        if article_id is None:
            article_id = library.add_article(made).article_id
            if saved.imported_at:
                library.set_imported_at(article_id, saved.imported_at)
            report.articles += 1
        target = library.article(article_id)
        same = target.text == made.text and target.sentences == made.sentences
        for note in saved.notes:
            note = replace(note, article_id=article_id)
            if not same or not _fits(note, target):
                note = _replace_anchor(note, target)
            stored = library.find_note(note.uuid)
            if stored is not None and not _newer(note.updated, stored.updated):
                report.present += 1
                continue
            if stored is not None:
                note = replace(note, article_id=stored.article_id)
                report.updated += 1
            else:
                report.restored += 1
                report.unplaced += note.sentence is None
            report.changed += note.text_changed
            library.restore_note(note)
        if progress:
            progress(done, total)
    # A citation restored before the article it cites (later in the file) finds it now.
    citations.relink(library.db, library.article)
    return report


def _fits(note: Note, article: Article) -> bool:
    """A note's span still holds its quote in `article`, inside its sentences."""
    if note.sentence is None:
        return True
    bounds = sentence_spans(article)
    first, last = note.sentence, note.last_sentence
    if last is None or not 0 <= first <= last < len(bounds) or note.position is None:
        return False
    start, end = note.position, note.position + len(note.quote)
    return (
        bounds[first][0] <= start
        and end <= bounds[last][1]
        and article.text[start:end] == note.quote
    )


def _replace_anchor(note: Note, article: Article) -> Note:
    placed = place_span(SpanAnchor.from_note(note), article)
    # Similar words are not the words it was made on: such a note waits, unplaced.
    if placed.span is None or not same_words(placed.quote, note.quote):
        return replace(note, sentence=None)
    return replace(
        note,
        sentence=placed.span.first,
        last_sentence=placed.span.last,
        quote=placed.quote,
        prefix=placed.prefix,
        suffix=placed.suffix,
        position=placed.position,
        text_changed=note.text_changed or fold(placed.quote) != fold(note.quote),
    )


def _import_annotations(
    library: Library,
    annotations: Sequence[ImportedAnnotation],
    progress: Progress | None,
    cancelled: Cancel | None,
) -> ImportReport:
    report = ImportReport(kind="w3c")
    by_url: dict[str, int] = {}
    url_of: dict[int, str] = {}
    for article_id, url in library.article_urls():
        by_url.setdefault(normalize_url(url), article_id)
        url_of[article_id] = url

    def cited(sources: Sequence[Source], citing: int) -> tuple[Source, ...]:
        return _library_citations(sources, citing, by_url, url_of)

    articles: dict[int, Article] = {}
    total = len(annotations)
    for done, ann in enumerate(annotations, 1):
        _check(cancelled)
        stored = library.find_note(annotation_uuid(ann))
        article_id = by_url.get(normalize_url(ann.url)) if ann.url else None
        if article_id is None and stored is None:
            article_id = article_for_target(library, ann.url, ann.quote)
        if stored is not None:
            ann = replace(ann, sources=cited(ann.sources, stored.article_id))
            _update_annotation(library, ann, stored, report)
        elif article_id is None:
            report.skipped += 1
            label = " ".join(ann.id.split()) or _clip(ann.quote)
            missing = "no such article" if is_gloss_urn(ann.url) else "no article with URL"
            report.problems.append(f"{label}: {missing} {' '.join(ann.url.split()) or '(none)'}")
        else:
            ann = replace(ann, sources=cited(ann.sources, article_id))
            _import_annotation(library, ann, article_id, articles, report)
        if progress:
            progress(done, total)
    return report


def _library_citations(
    sources: Sequence[Source], citing: int, by_url: dict[str, int], url_of: dict[int, str]
) -> tuple[Source, ...]:
    """A W3C export writes a citation of a saved article as that article's URL with a
    text fragment and the quoted words. Where the URL names another article of this
    library, the source becomes a library citation again, placed on its words when it is
    stored (or kept with its quote and no place when they are gone)."""
    out = []
    for source in sources:
        base, directive, _ = source.url.partition("#:~:")
        target = by_url.get(normalize_url(base)) if directive and source.quote else None
        if source.kind is SourceKind.URL and target is not None and target != citing:
            source = Source(
                url=url_of[target],
                title=source.title,
                quote=source.quote,
                citation=Citation(article_id=None, sentence=None),
            )
        out.append(source)
    return tuple(out)


def _update_annotation(
    library: Library, ann: ImportedAnnotation, stored: Note, report: ImportReport
) -> None:
    """A note already in the library (by UUID) takes the file's text only when the
    file's copy was modified later; its place stays."""
    updated = ann.updated or ann.created
    if not _newer(updated, stored.updated):
        report.present += 1
        return
    library.restore_note(
        replace(
            stored,
            text=ann.text,
            verdict=ann.verdict,
            sources=ann.sources,
            tags=ann.tags,
            updated=updated,
        )
    )
    report.updated += 1


def _import_annotation(
    library: Library,
    ann: ImportedAnnotation,
    article_id: int,
    articles: dict[int, Article],
    report: ImportReport,
) -> None:
    note_uuid = annotation_uuid(ann)
    created = ann.created or now()
    updated = ann.updated or created
    if article_id not in articles:
        articles[article_id] = library.article(article_id)
    # The annotation's words, however much of a sentence they are, become the span;
    # similar words are not its words, so then it waits, unplaced, with its quote.
    placed = place_span(SpanAnchor(ann.anchor), articles[article_id])
    if placed.span is not None and not same_words(placed.quote, ann.quote):
        placed = replace(
            placed,
            span=None,
            quote=ann.quote,
            prefix=ann.prefix,
            suffix=ann.suffix,
            position=ann.position,
        )
    original = ann.original_quote or ann.quote
    changed = placed.span is not None and fold(placed.quote) != fold(original)
    note = Note(
        uuid=note_uuid,
        article_id=article_id,
        sentence=placed.first,
        quote=placed.quote,
        prefix=placed.prefix,
        suffix=placed.suffix,
        position=placed.position,
        text=ann.text,
        verdict=ann.verdict,
        sources=ann.sources,
        tags=ann.tags,
        created=created,
        updated=updated,
        last_sentence=placed.last,
        original_quote=original,
        text_changed=changed,
    )
    library.restore_note(note)
    if placed.orphaned:
        report.unplaced += 1
    else:
        report.placed += 1
    report.changed += changed


def annotation_uuid(ann: ImportedAnnotation) -> str:
    """The note UUID for an annotation: what follows its `urn:uuid:`, else one derived
    from its id (or, without an id, from its target, quote and creation time)."""
    if ann.uuid:
        try:
            return str(uuidlib.UUID(ann.uuid))
        except ValueError:
            return ann.uuid  # not a well-formed UUID, but an identifier all the same
    key = ann.id or f"{normalize_url(ann.url)}\n{ann.quote}\n{ann.created}"
    return str(uuidlib.uuid5(ANNOTATION_NAMESPACE, key))


def normalize_url(url: str) -> str:
    """A URL reduced to what identifies the page, to match annotations to articles.

    http and https are the same page; the host is case-insensitive and a leading "www."
    and a default port are dropped; the fragment, a trailing slash and tracking
    parameters (utm_*, fbclid, gclid, mc_cid, mc_eid) are dropped; other query
    parameters are kept, sorted. Anything that is not http(s) is only stripped.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url.split("#", 1)[0]
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        )
    )
    return urlunsplit(("http", host, path, query, ""))


def _newer(candidate: str, current: str) -> bool:
    a, b = _when(candidate), _when(current)
    if a is None or b is None:
        return False
    return a > b


def _when(value: str) -> datetime | None:
    stamp = iso_datetime(value)
    if stamp is None:
        return None
    parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text[:width]}…”" if len(text) > width else f"“{text}”"


def _check(cancelled: Cancel | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("cancelled")


__all__ = [
    "FORMATS",
    "Cancelled",
    "ImportReport",
    "TransferError",
    "annotation_uuid",
    "export_notes",
    "export_to_file",
    "import_file",
    "import_notes",
    "live_article_ids",
    "normalize_url",
    "write_atomic",
]
