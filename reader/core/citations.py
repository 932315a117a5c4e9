"""Library citations: a note's source that is a passage of another saved article.

A citation is stored as a row of `citations` (migration m011) naming the cited article
and its words, anchored like a note: the quote is the truth, the sentences and position
are hints, the context tells repeated words apart. The note's `sources` JSON names the
row by its place in the list. The library calls in here inside its own transactions:

- `store` after a note's row is written (add, edit, undo of a delete, a restore);
- `fill` when notes are read, to put the rows back into their `Source`s;
- `reanchor` when the cited article's text changes (a re-import, a re-split), in the
  same transaction: words found again keep the citation placed; words that vanished
  (or changed: a citation quotes, it must not put other words in a source's mouth)
  leave it with its quote and no place;
- `relink` when an article comes (back) into the library, for citations that name it
  by URL or content but lost it (deleted, or restored from a backup before it).

A note cannot cite its own article: the article is the claim under check, not evidence
about it, and an export would give the claim's own page as its source. Note a passage
of the same article with a note of its own instead.

No Qt here; `candidates` serves the window's picker from a worker thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from .anchoring import Anchor, fold
from .dberrors import LibraryError
from .model import Article, Citation, Note, Source, SourceKind
from .numbering import sentence_index, sentence_number
from .revision import sentence_with_words
from .search_run import LibrarySearch
from .spans import (
    Span,
    SpanAnchor,
    SpanError,
    anchor_texts,
    place_span,
    place_spans,
    sentences_span,
)

if TYPE_CHECKING:
    from .library import Library


class CitationError(LibraryError, ValueError):
    """A citation that cannot be made: no such article or sentence, or the note's own."""


# Reads an article of the library by id (`Library.article`), its sentences current.
Loader = Callable[[int], Article]


_COLUMNS = (
    "c.idx, c.article_id, c.content_hash, c.url, c.title, c.site, c.sentence, "
    "c.last_sentence, c.quote, c.prefix, c.suffix, c.position, a.title, a.url, a.site, "
    "a.trashed_at IS NOT NULL"
)


def sources_json(sources: Iterable[Source]) -> str:
    """`notes.sources` for a list of sources: a citation is a placeholder naming its
    row, with the words and title it had when written (what the row keeps current)."""
    out: list[dict[str, Any]] = []
    for idx, source in enumerate(sources):
        if source.citation is None:
            out.append(source.to_json())
        else:
            entry: dict[str, Any] = {"kind": SourceKind.CITATION.value, "citation": idx}
            entry.update({k: v for k, v in (("url", source.url), ("title", source.title)) if v})
            entry["quote"] = source.quote
            out.append(entry)
    return json.dumps(out)


def store(
    db: Database, note_uuid: str, article_id: int, sources: Sequence[Source], load: Loader
) -> None:
    """Write the citation rows of a note whose row (with `sources_json(sources)`) is
    written; runs in the caller's transaction. CitationError for a note citing its own
    article."""
    db.execute("DELETE FROM citations WHERE note_uuid = ?", [note_uuid])
    for idx, source in enumerate(sources):
        citation = source.citation
        if citation is None:
            continue
        cited = _cited_article(db, source)
        if cited is not None and cited == article_id:
            raise CitationError(
                "a note cannot cite its own article: note that passage with a note of its own"
            )
        source = _fitted(db, source, cited, load)
        citation = source.citation
        assert citation is not None
        db.execute(
            """INSERT INTO citations (note_uuid, idx, article_id, content_hash, url, title,
                   site, sentence, last_sentence, quote, prefix, suffix, position)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                note_uuid,
                idx,
                cited,
                citation.content_hash,
                source.url,
                source.title,
                citation.site,
                citation.sentence,
                citation.last_sentence,
                source.quote,
                citation.prefix,
                citation.suffix,
                citation.position,
            ],
        )


def fill(db: Database, notes: list[Note]) -> list[Note]:
    """`notes` with each citation placeholder replaced by its row, as it is now."""
    out = []
    for note in notes:
        if not any(s.citation is not None for s in note.sources):
            out.append(note)
            continue
        rows = {
            r[0]: r
            for r in db.execute(
                f"SELECT {_COLUMNS} FROM citations c LEFT JOIN articles a "
                "ON a.id = c.article_id WHERE c.note_uuid = ?",
                [note.uuid],
            )
        }
        sources = tuple(
            _from_row(rows[i]) if s.citation is not None and i in rows else s
            for i, s in enumerate(note.sources)
        )
        out.append(replace(note, sources=sources))
    return out


def _from_row(r: tuple) -> Source:
    """A row of `_COLUMNS`: the citation as kept, with its article as it is now (title,
    address, site, in the Trash) when the article is still in the library."""
    _, article_id, content_hash, url, title, site, sentence, last, quote, prefix, suffix, *rest = r
    position, live_title, live_url, live_site, trashed = rest
    alive = article_id is not None and live_title is not None
    citation = Citation(
        article_id=article_id if alive else None,
        sentence=sentence if alive else None,
        last_sentence=last if alive else None,
        prefix=prefix,
        suffix=suffix,
        position=position,
        site=(live_site if alive else site) or "",
        content_hash=content_hash,
        trashed=bool(trashed) if alive else False,
    )
    return Source(
        url=(live_url if alive else url) or "",
        title=(live_title if alive else title) or "",
        quote=quote,
        citation=citation,
    )


def reanchor(db: Database, article_id: int, article: Article, old: Article | None) -> None:
    """Place the citations of `article_id` on its new text (the caller's transaction)."""
    rows = db.execute(
        "SELECT note_uuid, idx, sentence, last_sentence, quote, prefix, suffix, position "
        "FROM citations WHERE article_id = ?",
        [article_id],
    ).fetchall()
    if not rows:
        return
    anchors = [SpanAnchor(Anchor(r[4], r[5], r[6], r[7], r[2]), r[3]) for r in rows]
    for r, placed in zip(rows, place_spans(anchors, article, old=old), strict=True):
        if placed.span is None or fold(placed.quote) != fold(r[4]):
            db.execute(
                "UPDATE citations SET sentence = NULL, last_sentence = NULL "
                "WHERE note_uuid = ? AND idx = ?",
                [r[0], r[1]],
            )
            continue
        _set_place(
            db,
            (r[0], r[1]),
            article_id,
            (placed.span.first, placed.span.last, placed.prefix, placed.suffix, placed.position),
            placed.quote,
        )
    meta = article.meta
    db.execute(
        "UPDATE citations SET title = ?, url = ?, site = ?, content_hash = ? WHERE article_id = ?",
        [meta.title, meta.url, meta.site, article.content_hash, article_id],
    )


def place_in(source: Source, article: Article) -> Span | None:
    """Where a citation's words are in `article`, the text of its cited article as it is
    shown now; None when they are not there. Opening a citation goes by its words, not
    by the place it was given: the card that was clicked can hold a place from before a
    re-import that has not reached it yet."""
    citation = source.citation
    assert citation is not None
    anchor = Anchor(
        source.quote, citation.prefix, citation.suffix, citation.position, citation.sentence
    )
    placed = place_span(SpanAnchor(anchor, citation.last_sentence), article)
    if placed.span is None or fold(placed.quote) != fold(source.quote):
        return None
    return placed.span


def relink(db: Database, load: Loader, article_id: int | None = None) -> int:
    """Give citations that lost their article (`article_id` NULL) the article that has
    their URL or content again: `article_id` alone, or every article. Returns how many
    were relinked; each is placed on its words, or left without a place."""
    where = "" if article_id is None else " AND a.id = ?"
    rows = db.execute(
        "SELECT c.note_uuid, c.idx, a.id, n.article_id FROM citations c "
        "JOIN notes n ON n.uuid = c.note_uuid "
        "JOIN articles a ON (c.url != '' AND a.url = c.url) "
        "OR (c.content_hash != '' AND a.content_hash = c.content_hash) "
        "WHERE c.article_id IS NULL AND a.trashed_at IS NULL" + where,
        [] if article_id is None else [article_id],
    ).fetchall()
    done: set[tuple[str, int]] = set()
    for note_uuid, idx, cited, citing in rows:
        if (note_uuid, idx) in done or cited == citing:
            continue
        done.add((note_uuid, idx))
        row = db.execute(
            f"SELECT {_COLUMNS} FROM citations c LEFT JOIN articles a ON a.id = c.article_id "
            "WHERE c.note_uuid = ? AND c.idx = ?",
            [note_uuid, idx],
        ).fetchone()
        source = _fitted(db, _from_row(row), cited, load)
        citation = source.citation
        assert citation is not None
        place = (
            citation.sentence,
            citation.last_sentence,
            citation.prefix,
            citation.suffix,
            citation.position,
        )
        _set_place(db, (note_uuid, idx), cited, place, source.quote)
    return len(done)


def _set_place(
    db: Database,
    row: tuple[str, int],
    article_id: int | None,
    place: tuple[int | None, int | None, str, str, int | None],
    quote: str,
) -> None:
    """Write where citation `row` (note uuid, index) lies: its article, (sentence, last
    sentence, prefix, suffix, position) and the words there."""
    db.execute(
        "UPDATE citations SET article_id = ?, sentence = ?, last_sentence = ?, prefix = ?, "
        "suffix = ?, position = ?, quote = ? WHERE note_uuid = ? AND idx = ?",
        [article_id, *place, quote, *row],
    )


def _cited_article(db: Database, source: Source) -> int | None:
    """The article of this library a citation names: its id when that article is the
    one it names (a citation read from another library's backup carries that library's
    id), else the article with its URL, else the one with its content."""
    citation = source.citation
    assert citation is not None
    if citation.article_id is not None:
        row = db.execute(
            "SELECT url, content_hash FROM articles WHERE id = ?", [citation.article_id]
        ).fetchone()
        if row is not None and (
            not citation.content_hash
            or row[1] == citation.content_hash
            or (source.url and row[0] == source.url)
        ):
            return citation.article_id
    for column, value in (("url", source.url), ("content_hash", citation.content_hash)):
        if value:
            row = db.execute(
                f"SELECT id FROM articles WHERE {column} = ? ORDER BY trashed_at IS NOT NULL, id",
                [value],
            ).fetchone()
            if row is not None:
                return int(row[0])
    return None


def _fitted(db: Database, source: Source, cited: int | None, load: Loader) -> Source:
    """The citation as it lies in article `cited` now: where it says when its words are
    there, else found again by its words, else without a place (quote kept)."""
    citation = source.citation
    assert citation is not None
    if cited is None:
        return replace(source, citation=replace(citation, article_id=None, sentence=None))
    row = db.execute(
        "SELECT substr(text, ? + 1, ?), content_hash, site FROM articles WHERE id = ?",
        [citation.position or 0, len(source.quote), cited],
    ).fetchone()
    here = replace(citation, article_id=cited, content_hash=row[1], site=row[2] or citation.site)
    if citation.sentence is not None and citation.position is not None and row[0] == source.quote:
        return replace(source, citation=here)
    article = load(cited)
    anchor = Anchor(
        source.quote, citation.prefix, citation.suffix, citation.position, citation.sentence
    )
    placed = place_span(SpanAnchor(anchor, citation.last_sentence), article)
    if placed.span is None or fold(placed.quote) != fold(source.quote):
        return replace(source, citation=replace(here, sentence=None))
    return replace(
        source,
        quote=placed.quote,
        citation=replace(
            here,
            sentence=placed.span.first,
            last_sentence=placed.span.last,
            prefix=placed.prefix,
            suffix=placed.suffix,
            position=placed.position,
        ),
    )


def cite(
    library: Library, article_id: int, first: int, last: int | None = None, words: str = ""
) -> Source:
    """A citation of sentences `first`..`last` (indices) of a saved article. With
    `words`, sentence `first` is the one that reads so: the index came from a search
    answered before the article was re-imported elsewhere, and may name other words now;
    the sentence with those words is cited instead, or nothing if they are gone."""
    try:
        article = library.article(article_id)
    except LibraryError:
        raise CitationError(f"no article {article_id} in the library") from None
    if library.is_trashed(article_id):
        raise CitationError(f"article {article_id} is in the Trash: restore it to cite it")
    if words and not (first < len(article.sentences) and article.sentences[first].text == words):
        found = sentence_with_words(article, words)
        if found is None:
            raise CitationError(
                f"article {article_id} changed and no longer has these words: search again"
            )
        last = None if last is None else last + found - first
        first = found
    try:
        span = sentences_span(article, first, last)
    except SpanError as exc:
        raise CitationError(f"article {article_id}: {exc}") from None
    quote, prefix, suffix = anchor_texts(article.text, span)
    meta = article.meta
    return Source(
        url=meta.url,
        title=meta.title,
        quote=quote,
        citation=Citation(
            article_id=article_id,
            sentence=span.first,
            last_sentence=span.last,
            prefix=prefix,
            suffix=suffix,
            position=span.start,
            site=meta.site,
            content_hash=article.content_hash,
        ),
    )


def parse_cite(library: Library, spec: str) -> Source:
    """`ARTICLE:N` (N the sentence number people see, from 1) as a citation."""
    article, _sep, number = spec.partition(":")
    try:
        article_id, n = int(article), int(number)
    except ValueError:
        raise CitationError(
            f"--cite {spec!r}: expected ARTICLE:N (an article id and a sentence number)"
        ) from None
    try:
        index = sentence_index(n)
    except ValueError as exc:
        raise CitationError(f"--cite {spec!r}: {exc}") from None
    return cite(library, article_id, index)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence the picker offers to cite."""

    article_id: int
    sentence: int
    text: str
    title: str
    site: str

    @property
    def number(self) -> int:
        return sentence_number(self.sentence)


def candidates(
    library: Library, query: str, exclude: int | None = None, limit: int = 40
) -> list[Candidate]:
    """Sentences of saved articles (not `exclude`, not in the Trash) that hold the words
    of `query`, from the articles the library's search ranks best; a few per article."""
    words = [w for w in (w.strip('"') for w in fold(query).casefold().split()) if w]
    if not words:
        return []
    found: list[Candidate] = []
    seen: set[int] = set()
    for hit in LibrarySearch(library.db).search_articles(query, limit=limit):
        if hit.article_id == exclude or hit.article_id in seen:
            continue
        seen.add(hit.article_id)
        title, site = library.db.execute(
            "SELECT title, site FROM articles WHERE id = ?", [hit.article_id]
        ).fetchone()
        picked = 0
        for idx, text in library.db.execute(
            "SELECT idx, text FROM sentences WHERE article_id = ? ORDER BY idx",
            [hit.article_id],
        ):
            folded = fold(text).casefold()
            if all(w in folded for w in words):
                found.append(Candidate(hit.article_id, idx, text, title, site))
                picked += 1
                if picked == PER_ARTICLE:
                    break
        if not picked and hit.sentence is not None:
            row = library.db.execute(
                "SELECT text FROM sentences WHERE article_id = ? AND idx = ?",
                [hit.article_id, hit.sentence],
            ).fetchone()
            if row is not None:
                found.append(Candidate(hit.article_id, hit.sentence, row[0], title, site))
        if len(found) >= limit:
            break
    return found[:limit]


PER_ARTICLE = 3  # sentences offered from one article: room for the others


__all__ = [
    "Candidate",
    "CitationError",
    "candidates",
    "cite",
    "fill",
    "parse_cite",
    "place_in",
    "reanchor",
    "relink",
    "sources_json",
    "store",
]
