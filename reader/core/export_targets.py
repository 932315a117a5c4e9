"""Naming an article without a URL in an export, and finding it again on import.

A W3C annotation (and a ClaimReview) needs an IRI for its article. A page saved without
its address has none, so Gloss writes `urn:x-gloss:article:sha256:HASH`, the hash of the
article's text (`Article.content_hash`): the same text has the same name in every
library, so the notes find their article again in the library that exported them (also
after a re-import changed its text: older hashes stay in `article_versions`) and in any
other library holding that page. Exports before this wrote `urn:x-gloss:article:ID`, the
library's own id; such an id is trusted only where it cannot be another article (see
`article_for_target`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .export.common import ArticleInfo
from .library import Library, NotFound
from .model import Note
from .safe_links import ArticleRef, article_ref


def with_content_hashes(
    library: Library, infos: Iterable[tuple[ArticleInfo, list[Note]]]
) -> list[tuple[ArticleInfo, list[Note]]]:
    """`infos` with the content hash filled in for every article without a URL, which
    makes `ArticleInfo.iri` the hash URN."""
    return [
        (info if info.url else replace(info, content_hash=library.article_content_hash(info.id)), n)
        for info, n in infos
    ]


def is_gloss_urn(url: str) -> bool:
    return article_ref(url) is not None


def find_article(library: Library, ref: ArticleRef) -> int | None:
    """The live article `ref` names in this library: by content hash (its text now or
    before a re-import), or by id."""
    if ref.content_hash is not None:
        return library.find_by_content_hash(ref.content_hash)
    if ref.article_id is None:
        return None
    try:
        library.article_meta(ref.article_id)
    except NotFound:
        return None
    return None if library.is_trashed(ref.article_id) else ref.article_id


def article_for_target(library: Library, target: str, quote: str) -> int | None:
    """The article an annotation's `urn:x-gloss:article:` target names, or None.

    A bare id names an article only in the library that wrote the file; in any other it
    is some unrelated article. So it is taken only for an article without a URL of its
    own (what such URNs were written for) whose text holds the annotation's quote."""
    ref = article_ref(target)
    if ref is None:
        return None
    article_id = find_article(library, ref)
    if article_id is None or ref.content_hash is not None:
        return article_id
    article = library.article(article_id)
    if article.meta.url or not quote or quote not in article.text:
        return None
    return article_id
