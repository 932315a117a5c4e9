"""Finding the article a Gloss URN (`urn:x-gloss:article:…`) names, in a library."""

from __future__ import annotations

from .library import Library, NotFound
from .safe_links import ArticleRef


def find_article(library: Library, ref: ArticleRef) -> int | None:
    """The live article `ref` names: by content hash (its text now or before a re-import),
    or by id. An id names an article only in the library that wrote it; callers that
    read other people's files check more than the id (see `transfer`)."""
    if ref.content_hash is not None:
        return library.find_by_content_hash(ref.content_hash)
    if ref.article_id is None:
        return None
    try:
        library.article_meta(ref.article_id)
    except NotFound:
        return None
    return None if library.is_trashed(ref.article_id) else ref.article_id
