"""The full-backup JSON document: every article's metadata and blocks, and its notes.

Shape (version 1)::

    {"format": "gloss-backup", "version": 1, "exported": "2026-03-02T10:15:00Z",
     "articles": [
        {"id": 7, "title": "…", "url": "…", "byline": "…", "site": "…", "published": "…",
         "lang": "…", "excerpt": "…", "source_format": "html", "splitter_version": "1",
         "extractor_version": "…", "imported_at": "…",
         "blocks": [Block.to_json(), …],
         "notes": [Note.to_json(), …]}]}

Images are not included (a backup of notes and text stays small; the saved pages can be
imported again). `parse_backup` checks everything it reads and raises `BackupError` naming
the first bad place ("articles[2].notes[0].verdict: …"), so a restore never starts on a
file it cannot finish. Restore itself (matching notes by UUID) belongs to the library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Block, BlockKind, Metadata, Note, Source, SourceKind, Verdict
from ..note_publication import check_review_url
from .validate import MAX_INT, NotesFileError, check_date

FORMAT = "gloss-backup"
VERSION = 1


class BackupError(ValueError):
    """The file is not a Gloss backup this version can read."""


@dataclass(frozen=True, slots=True)
class BackupArticle:
    id: int
    meta: Metadata
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    source_format: str = "html"
    splitter_version: str = ""
    extractor_version: str = ""
    imported_at: str = ""


@dataclass(frozen=True, slots=True)
class Backup:
    version: int
    exported: str
    articles: tuple[BackupArticle, ...]


def backup_document(articles: Iterable[BackupArticle], exported: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": exported,
        "articles": [_article_json(a) for a in articles],
    }


def dump_backup(articles: Iterable[BackupArticle], exported: str) -> str:
    return json.dumps(backup_document(articles, exported), ensure_ascii=False, indent=1) + "\n"


def _article_json(a: BackupArticle) -> dict[str, Any]:
    m = a.meta
    return {
        "id": a.id,
        "title": m.title,
        "url": m.url,
        "byline": m.byline,
        "site": m.site,
        "published": m.published,
        "lang": m.lang,
        "excerpt": m.excerpt,
        "source_format": a.source_format,
        "splitter_version": a.splitter_version,
        "extractor_version": a.extractor_version,
        "imported_at": a.imported_at,
        "blocks": [b.to_json() for b in a.blocks],
        "notes": [n.to_json() for n in a.notes],
    }


# -- reading -----------------------------------------------------------------------------


def parse_backup(data: str | bytes | dict[str, Any]) -> Backup:
    """A validated backup from JSON text or decoded JSON; BackupError when malformed."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise BackupError(f"not JSON: {e}") from None
    doc = _obj(data, "document")
    if doc.get("format") != FORMAT:
        raise BackupError(f"not a Gloss backup (format is {doc.get('format')!r})")
    version = _int(doc, "version", "")
    if version > VERSION:
        raise BackupError(
            f"backup version {version} was written by a newer Gloss (this one reads {VERSION})"
        )
    if version < 1:
        raise BackupError(f"version: unknown backup version {version}")
    articles = _list(doc, "articles", "")
    seen: set[str] = set()
    parsed = []
    for i, raw in enumerate(articles):
        article = _article(_obj(raw, f"articles[{i}]"), f"articles[{i}]")
        for j, note in enumerate(article.notes):
            if note.uuid in seen:
                raise BackupError(f"articles[{i}].notes[{j}].uuid: duplicate {note.uuid!r}")
            seen.add(note.uuid)
        parsed.append(article)
    return Backup(version, _date(doc, "exported", ""), tuple(parsed))


def note_from_json(data: dict[str, Any], where: str = "note") -> Note:
    """The inverse of `Note.to_json`, checking every field."""
    obj = _obj(data, where)
    # Offsets go into 64-bit columns; dates decide which copy of a note is newer.
    for key in ("sentence", "last_sentence", "position"):
        _offset(obj, key, where)
    for key in ("created", "updated"):
        _date(obj, key, where)
    try:
        verdict = Verdict.parse(_str(obj, "verdict", where, required=False))
    except ValueError as e:
        raise BackupError(f"{where}.verdict: {e}") from None
    sources = []
    for k, raw in enumerate(_list(obj, "sources", where, required=False)):
        here = f"{where}.sources[{k}]"
        if isinstance(raw, str):
            sources.append(Source(raw))
            continue
        sources.append(_source(_obj(raw, here), here))
    tags = _list(obj, "tags", where, required=False)
    for k, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise BackupError(f"{where}.tags[{k}]: expected a string")
    first, last = _opt_int(obj, "sentence", where), _opt_int(obj, "last_sentence", where)
    if first is None or last is None or last < first:
        # Without a last sentence that fits (an older backup, a hand edit), the note is
        # on its first sentence; the restore checks the span against the text anyway.
        last = None
    return Note(
        uuid=_str(obj, "uuid", where),
        article_id=_int(obj, "article", where),
        sentence=_opt_int(obj, "sentence", where),
        quote=_str(obj, "quote", where),
        prefix=_str(obj, "prefix", where, required=False),
        suffix=_str(obj, "suffix", where, required=False),
        position=_opt_int(obj, "position", where),
        text=_str(obj, "text", where, required=False),
        verdict=verdict,
        sources=tuple(sources),
        tags=tuple(tags),
        created=_str(obj, "created", where, required=False),
        updated=_str(obj, "updated", where, required=False),
        # Backups from before notes covered spans have none of these: a whole sentence,
        # written against its quote.
        last_sentence=last,
        original_quote=_str(obj, "original_quote", where, required=False),
        text_changed=_bool(obj, "text_changed", where),
        claimant=_str(obj, "claimant", where, required=False),
        review_url=_review_url(obj, where),
    )


def _source(src: dict[str, Any], where: str) -> Source:
    """A source of any kind (see `Source.to_json`); one from before kinds is a `url`."""
    kind = src.get("kind", SourceKind.URL.value)
    if kind not in {k.value for k in SourceKind}:
        raise BackupError(f"{where}.kind: unknown source kind {kind!r}")
    _str(src, "url", where, required=kind == SourceKind.URL.value)
    for key in ("title", "quote"):
        _str(src, key, where, required=False)
    if kind == SourceKind.DOI.value:
        _str(src, "doi", where)
    elif kind == SourceKind.TEXT.value:
        _str(src, "text", where, required=False)
    elif kind == SourceKind.CITATION.value:
        here = f"{where}.citation"
        citation = _obj(src.get("citation"), here)
        for key in ("article", "sentence", "last_sentence", "position"):
            _offset(citation, key, here)
        for key in ("prefix", "suffix", "site", "content_hash"):
            _str(citation, key, here, required=False)
    return Source.from_json(src)


def _review_url(obj: dict[str, Any], where: str) -> str:
    """A note's review URL: an http(s) address or none. It is published as the review's
    address and opened from the note's card, so a file cannot put anything else there."""
    try:
        return check_review_url(_str(obj, "review_url", where, required=False))
    except ValueError:
        raise BackupError(f"{where}.review_url: not an http(s) address") from None


def _article(obj: dict[str, Any], where: str) -> BackupArticle:
    article_id = _int(obj, "id", where)
    blocks = []
    for k, raw in enumerate(_list(obj, "blocks", where)):
        here = f"{where}.blocks[{k}]"
        block = _obj(raw, here)
        _str(block, "text", here)
        kind = _str(block, "kind", here)
        if kind not in {k.value for k in BlockKind}:
            raise BackupError(f"{here}.kind: unknown block kind {kind!r}")
        try:
            blocks.append(Block.from_json(block))
        except (KeyError, TypeError, ValueError) as e:
            raise BackupError(f"{here}: malformed block ({e})") from None
    notes = []
    for k, raw in enumerate(_list(obj, "notes", where)):
        note = note_from_json(raw, f"{where}.notes[{k}]")
        if note.article_id != article_id:
            raise BackupError(
                f"{where}.notes[{k}].article: {note.article_id} but the article is {article_id}"
            )
        notes.append(note)
    meta = Metadata(
        **{
            name: _str(obj, name, where, required=False)
            for name in ("title", "byline", "published", "site", "lang", "url", "excerpt")
        }
    )
    return BackupArticle(
        id=article_id,
        meta=meta,
        blocks=tuple(blocks),
        notes=tuple(notes),
        source_format=_str(obj, "source_format", where, required=False) or "html",
        splitter_version=_str(obj, "splitter_version", where, required=False),
        extractor_version=_str(obj, "extractor_version", where, required=False),
        imported_at=_date(obj, "imported_at", where),
    )


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BackupError(f"{where}: expected an object, found {_kind(value)}")
    return value


def _str(obj: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    if key not in obj:
        if required:
            raise BackupError(f"{_path(where, key)}: missing")
        return ""
    value = obj[key]
    if not isinstance(value, str):
        raise BackupError(f"{_path(where, key)}: expected a string, found {_kind(value)}")
    return value


def _int(obj: dict[str, Any], key: str, where: str) -> int:
    if key not in obj:
        raise BackupError(f"{_path(where, key)}: missing")
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise BackupError(f"{_path(where, key)}: expected an integer, found {_kind(value)}")
    return value


def _bool(obj: dict[str, Any], key: str, where: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise BackupError(f"{_path(where, key)}: expected true or false, found {_kind(value)}")
    return value


def _opt_int(obj: dict[str, Any], key: str, where: str) -> int | None:
    if obj.get(key) is None:
        return None
    return _int(obj, key, where)


def _list(obj: dict[str, Any], key: str, where: str, required: bool = True) -> list[Any]:
    if key not in obj:
        if required:
            raise BackupError(f"{_path(where, key)}: missing")
        return []
    value = obj[key]
    if not isinstance(value, list):
        raise BackupError(f"{_path(where, key)}: expected a list, found {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _date(obj: dict[str, Any], key: str, where: str) -> str:
    """An optional ISO 8601 date-time: a note's dates are compared to decide which copy
    is newer, so a value that is not a date would make that decision at random."""
    try:
        return check_date(obj.get(key), _path(where, key))
    except NotesFileError as e:
        raise BackupError(str(e)) from None


def _offset(obj: dict[str, Any], key: str, where: str) -> int | None:
    """An optional non-negative index that fits the library's integer columns."""
    value = _opt_int(obj, key, where)
    if value is not None and not 0 <= value <= MAX_INT:
        raise BackupError(f"{_path(where, key)}: {value} is out of range")
    return value
