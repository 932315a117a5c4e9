"""The data that flows from a saved page to the library: plain values, no Qt, no SQL.

An `Article` is a list of `Block`s (the article's structure) plus the `Sentence`s cut from
them. Sentence offsets are code-point offsets into their block's text; the UI converts them
to Qt's UTF-16 positions itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import Any
from urllib.parse import quote as _percent

from .safe_links import is_link


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    FIGURE = "figure"  # an image; `text` is its caption (may be empty)


class Verdict(StrEnum):
    """Fixed verdict list, ordered from worst to best for the inline mark."""

    FALSE = "false"
    MISLEADING = "misleading"
    MOSTLY_TRUE = "mostly true"
    TRUE = "true"
    UNVERIFIED = "unverified"
    OPINION = "opinion"
    NONE = "none"

    @property
    def label(self) -> str:
        return self.value.capitalize() if self is not Verdict.NONE else "No verdict"

    @property
    def severity(self) -> int:
        """Lower is worse: a sentence is marked by its worst verdict."""
        return _SEVERITY[self]

    @classmethod
    def parse(cls, value: str | None) -> Verdict:
        if value is None or value == "":
            return cls.NONE
        key = value.strip().lower().replace("_", " ").replace("-", " ")
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(v.value for v in cls)
            raise ValueError(f"unknown verdict {value!r} (one of: {names})") from None


_SEVERITY = {v: i for i, v in enumerate(Verdict)}


@dataclass(frozen=True, slots=True)
class Mark:
    """Inline styling over `[start, end)` of a block's text (code points)."""

    start: int
    end: int
    kind: str  # "em", "strong", "code", "link"
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # heading level 1-6; list nesting depth
    ordered: bool = False  # list items of an <ol>
    number: int | None = None  # the item's number in an ordered list
    marks: tuple[Mark, ...] = ()
    image: str | None = None  # name of an `Image` of the article (figures)
    alt: str = ""
    rows: tuple[tuple[str, ...], ...] = ()  # tables: cell texts; `text` joins them
    # PDFs: (offset into `text`, page number) where each page's part of the block starts.
    pages: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page the text at `offset` was printed on; None when not from a PDF."""
        page = None
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "text": self.text}
        if self.level:
            data["level"] = self.level
        if self.ordered:
            data["ordered"] = True
        if self.number is not None:
            data["number"] = self.number
        if self.marks:
            data["marks"] = [[m.start, m.end, m.kind, m.href] for m in self.marks]
        if self.image:
            data["image"] = self.image
        if self.alt:
            data["alt"] = self.alt
        if self.rows:
            data["rows"] = [list(r) for r in self.rows]
        if self.pages:
            data["pages"] = [list(p) for p in self.pages]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        return cls(
            kind=BlockKind(data["kind"]),
            text=data["text"],
            level=data.get("level", 0),
            ordered=data.get("ordered", False),
            number=data.get("number"),
            marks=tuple(Mark(s, e, k, h) for s, e, k, h in data.get("marks", ())),
            image=data.get("image"),
            alt=data.get("alt", ""),
            rows=tuple(tuple(r) for r in data.get("rows", ())),
            pages=tuple((int(o), int(n)) for o, n in data.get("pages", ())),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position in the whole article, from 0
    block: int  # index of the block it lies in
    start: int  # code-point offsets into the block's text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Image:
    name: str
    mime: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    byline: str = ""
    published: str = ""  # ISO 8601 date or date-time, "" when unknown
    site: str = ""
    lang: str = ""
    url: str = ""  # canonical URL of the page when known
    excerpt: str = ""


@dataclass(frozen=True)
class Article:
    meta: Metadata
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    images: tuple[Image, ...] = ()
    source_format: str = "html"
    splitter_version: str = ""
    extractor_version: str = ""

    @property
    def title(self) -> str:
        return self.meta.title

    @cached_property
    def text(self) -> str:
        """The plain text of the body: blocks joined by one blank line."""
        return plain_text(self.blocks)

    @cached_property
    def content_hash(self) -> str:
        """Identifies the same content imported twice, whatever the file was called."""
        digest = hashlib.sha256()
        digest.update(self.meta.title.encode())
        digest.update(b"\0")
        digest.update(json.dumps([b.to_json() for b in self.blocks], sort_keys=True).encode())
        return digest.hexdigest()

    def with_meta(self, **changes: Any) -> Article:
        return replace(self, meta=replace(self.meta, **changes))


def plain_text(blocks: tuple[Block, ...] | list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks if b.text)


def block_offsets(blocks: tuple[Block, ...] | list[Block]) -> list[int | None]:
    """Where each block's text starts in `plain_text(blocks)`; None for an empty block."""
    offsets: list[int | None] = []
    pos = 0
    first = True
    for b in blocks:
        if not b.text:
            offsets.append(None)
            continue
        if not first:
            pos += 2
        offsets.append(pos)
        pos += len(b.text)
        first = False
    return offsets


class SourceKind(StrEnum):
    """What a note's source is. Parsing and formatting live in `sources.py`."""

    URL = "url"  # a web page or e-mail address: http, https, mailto
    DOI = "doi"  # a DOI, linked through https://doi.org/
    TEXT = "text"  # words only: "Phone interview with the lab, 3 Feb 2025"
    CITATION = "citation"  # a passage of another article saved in the library


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a cited passage lies in another saved article, anchored like a note: the
    quote (the `Source`'s) is the truth, sentence and position are hints.

    The library keeps citations in a table of their own (migration m011) and re-anchors
    them when the cited article's text changes; these fields are read back from it."""

    article_id: int | None  # None: the article was deleted, or is not in this library
    sentence: int | None  # None: its words are gone from the article's text
    last_sentence: int | None = None
    prefix: str = ""
    suffix: str = ""
    position: int | None = None  # code-point offset of the quote in the article's text
    site: str = ""
    content_hash: str = ""  # names the cited text in any library (backups)
    trashed: bool = False  # the cited article is in the Trash (read state, never stored)

    def __post_init__(self) -> None:
        if self.last_sentence is None or self.sentence is None:
            object.__setattr__(self, "last_sentence", self.sentence)

    @property
    def gone(self) -> bool:
        """The cited article is not in the library (deleted, or never imported here)."""
        return self.article_id is None

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article_id,
            "sentence": self.sentence,
            "last_sentence": self.last_sentence,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "position": self.position,
            "site": self.site,
            "content_hash": self.content_hash,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """A source a note names: a URL, a DOI, plain text or a library citation, each with an
    optional title and quoted passage. The kind follows from which field is set.

    `url` is what Gloss wrote before sources had kinds, so that code reading only
    `url`, `title` and `quote` keeps working: the web or e-mail address of a URL source,
    `https://doi.org/…` for a DOI, the words of a plain-text source, the cited article's
    address (possibly "") for a citation, whose `title` is the article's title and
    `quote` the cited words. A URL that is not a link (any other scheme, a typo, words:
    the command line once accepted any text) is plain text, never shown as a link."""

    url: str = ""
    title: str = ""
    quote: str = ""
    doi: str = ""  # "10.1234/abc", without "doi:" or a resolver
    text: str = ""
    citation: Citation | None = None

    def __post_init__(self) -> None:
        if self.citation is not None:
            return
        if self.doi:
            object.__setattr__(self, "url", doi_link(self.doi))
        elif self.text:
            object.__setattr__(self, "url", self.text)
        elif not is_link(self.url):
            object.__setattr__(self, "text", self.url.strip())
            object.__setattr__(self, "url", self.text)

    @property
    def kind(self) -> SourceKind:
        if self.citation is not None:
            return SourceKind.CITATION
        if self.doi:
            return SourceKind.DOI
        if self.text or not self.url:
            return SourceKind.TEXT
        return SourceKind.URL

    def to_json(self) -> dict[str, Any]:
        """A URL source is `{"url", "title"?, "quote"?}` as ever; the other kinds name
        their `kind`. Every kind carries a `url` (its link, or its words for plain text)
        so that a Gloss that knows no kinds reads it as the text source it used to be."""
        kind = self.kind
        data: dict[str, Any] = {}
        if kind is not SourceKind.URL:
            data["kind"] = kind.value
        if kind is SourceKind.DOI:
            data["doi"] = self.doi
        elif kind is SourceKind.TEXT:
            data["text"] = self.text
        data["url"] = self.url
        if self.title:
            data["title"] = self.title
        if self.quote:
            data["quote"] = self.quote
        if self.citation is not None:
            data["citation"] = self.citation.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | str) -> Source:
        if isinstance(data, str):
            return cls(url=data)
        title, quote = str(data.get("title") or ""), str(data.get("quote") or "")
        kind = data.get("kind")
        if kind == SourceKind.DOI.value:
            return cls(doi=str(data["doi"]), title=title, quote=quote)
        if kind == SourceKind.TEXT.value:
            return cls(
                text=str(data.get("text") or data.get("url") or ""), title=title, quote=quote
            )
        if kind == SourceKind.CITATION.value:
            # In the library's own `notes.sources` this names a row of `citations`
            # (filled in when read); in a backup or JSON output it is the citation.
            raw = data.get("citation")
            raw = raw if isinstance(raw, dict) else {}
            citation = Citation(
                article_id=_opt_int(raw.get("article")),
                sentence=_opt_int(raw.get("sentence")),
                last_sentence=_opt_int(raw.get("last_sentence")),
                prefix=str(raw.get("prefix") or ""),
                suffix=str(raw.get("suffix") or ""),
                position=_opt_int(raw.get("position")),
                site=str(raw.get("site") or ""),
                content_hash=str(raw.get("content_hash") or ""),
            )
            return cls(url=str(data.get("url") or ""), title=title, quote=quote, citation=citation)
        return cls(url=str(data["url"]), title=title, quote=quote)


DOI_RESOLVER = "https://doi.org/"
# Characters a DOI may hold that a URL path can carry as they are.
_DOI_SAFE = "/:;()[]._-~+,=!*'@$&"


def doi_link(doi: str) -> str:
    """The `https://doi.org/` address of a DOI."""
    return DOI_RESOLVER + _percent(doi, safe=_DOI_SAFE)


def _opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True, slots=True)
class Note:
    uuid: str
    article_id: int
    sentence: int | None  # None: the note lost its place (an orphan)
    quote: str
    prefix: str
    suffix: str
    position: int | None  # code-point offset of the quote in the article's plain text
    text: str
    verdict: Verdict
    sources: tuple[Source, ...]
    tags: tuple[str, ...]
    created: str
    updated: str
    # A note covers the words `quote` at `position` (its span), from sentence `sentence`
    # to `last_sentence`; a whole-sentence note is the span of one sentence. None: the
    # same as `sentence`.
    last_sentence: int | None = None
    # The words the note was written against, kept for good ("": the same as `quote`).
    original_quote: str = ""
    # Re-anchoring put the note on words other than the ones it was last read against,
    # and the reader has not looked yet.
    text_changed: bool = False
    # Who made the claim ("": the article's site) and where the fact check is
    # published ("": not yet); see `note_publication`.
    claimant: str = ""
    review_url: str = ""

    def __post_init__(self) -> None:
        if self.last_sentence is None or self.sentence is None:
            object.__setattr__(self, "last_sentence", self.sentence)
        if not self.original_quote:
            object.__setattr__(self, "original_quote", self.quote)

    @property
    def end(self) -> int | None:
        """Where the covered words end in the article's plain text (code points)."""
        return None if self.position is None else self.position + len(self.quote)

    @property
    def words_differ(self) -> bool:
        """The covered words are not the ones the note was written against."""
        return " ".join(self.quote.split()) != " ".join(self.original_quote.split())

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "article": self.article_id,
            "sentence": self.sentence,
            "last_sentence": self.last_sentence,
            "quote": self.quote,
            "original_quote": self.original_quote,
            "text_changed": self.text_changed,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "position": self.position,
            "text": self.text,
            "verdict": self.verdict.value,
            "sources": [s.to_json() for s in self.sources],
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
            "claimant": self.claimant,
            "review_url": self.review_url,
        }


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library list: cheap to load for thousands of articles."""

    id: int
    title: str
    site: str
    published: str
    imported_at: str
    note_count: int
    url: str = ""
    verdict_counts: tuple[tuple[Verdict, int], ...] = ()  # worst first
    archived: bool = False
    opened: bool = False
    progress: float = 0.0  # 0..1, from the last sentence read
    tags: tuple[str, ...] = ()
    claim_count: int = 0  # check-worthy sentences the spotter found
    claims_checked: int = 0  # of those, covered by a note

    @property
    def worst_verdict(self) -> Verdict | None:
        return self.verdict_counts[0][0] if self.verdict_counts else None

    @property
    def verdict_summary(self) -> str:
        """ "2 false, 1 misleading": the counts that matter, worst first."""
        return ", ".join(f"{n} {v.value}" for v, n in self.verdict_counts if v is not Verdict.NONE)
