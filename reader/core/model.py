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


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str = ""
    quote: str = ""

    def to_json(self) -> dict[str, str]:
        data = {"url": self.url}
        if self.title:
            data["title"] = self.title
        if self.quote:
            data["quote"] = self.quote
        return data

    @classmethod
    def from_json(cls, data: dict[str, str] | str) -> Source:
        if isinstance(data, str):
            return cls(url=data)
        return cls(url=data["url"], title=data.get("title", ""), quote=data.get("quote", ""))


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
