"""Values shared by the export formats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..model import Metadata, Note
from ..pages import PageStarts
from ..safe_links import ARTICLE_URN, article_urn


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the exports say about an article: its library id and metadata."""

    id: int
    title: str = ""
    url: str = ""
    byline: str = ""
    site: str = ""
    published: str = ""  # ISO 8601 date or date-time, "" when unknown
    content_hash: str = ""  # Article.content_hash, which names an article without a URL
    # A PDF's printed pages: (text offset, page number) where each starts (see pages.py).
    pages: PageStarts = ()

    @classmethod
    def from_meta(cls, article_id: int, meta: Metadata) -> ArticleInfo:
        return cls(article_id, meta.title, meta.url, meta.byline, meta.site, meta.published)

    @property
    def iri(self) -> str:
        """The article's URL; for a page without one, a URN naming its content (the same
        in any library that holds the same text), or its id when the hash is unknown."""
        if self.url:
            return self.url
        if self.content_hash:
            return article_urn(self.content_hash)
        return f"{ARTICLE_URN}{self.id}"


def iso_datetime(value: str) -> str | None:
    """`value` as an xsd:dateTime with a time zone (UTC assumed when it has none)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if parsed.utcoffset() == UTC.utcoffset(None):
        return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return parsed.isoformat()


def iso_date(value: str) -> str | None:
    """The calendar date of an ISO 8601 date or date-time."""
    when = iso_datetime(value) if "T" in value or " " in value.strip() else None
    if when:
        return when[:10]
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat() if value else None
    except ValueError:
        return None


def by_place(notes: list[Note] | tuple[Note, ...]) -> list[Note]:
    """Placed notes in reading order, then orphans, each group by creation time."""
    return sorted(
        notes,
        key=lambda n: (
            n.sentence is None,
            n.sentence if n.sentence is not None else 0,
            n.created,
            n.uuid,
        ),
    )
