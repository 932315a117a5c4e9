"""The Trash: deleted articles, kept (notes and all) until the reader empties it.

`Library.trash_article` moves an article here and `Library.restore_article` brings it
back; every other look-up (the list, search, exports, counts, links between articles)
leaves trashed articles out. Deleting for good is only ever done to trashed articles,
so a wrong id can never destroy an article still in the library.
"""

from __future__ import annotations

from collections.abc import Iterable

from .library import Library
from .listing import ListQuery, Show
from .model import ArticleSummary

TRASH = ListQuery(show=Show.TRASH)


def trashed(library: Library) -> list[ArticleSummary]:
    """The articles in the Trash, most recently deleted first."""
    return library.list_articles(TRASH)


def count(library: Library) -> int:
    return library.count_articles(TRASH)


def restore(library: Library, article_ids: Iterable[int]) -> list[int]:
    """Bring articles back from the Trash; returns those that were in it."""
    with library.transaction():
        back = [i for i in article_ids if library.is_trashed(i)]
        for article_id in back:
            library.restore_article(article_id)
    return back


def delete_forever(library: Library, article_ids: Iterable[int]) -> list[int]:
    """Delete trashed articles for good, with their notes; returns those deleted.
    Articles not in the Trash are left alone."""
    with library.transaction():
        gone = [i for i in article_ids if library.is_trashed(i)]
        for article_id in gone:
            library.delete_article(article_id)
    return gone


def empty(library: Library) -> int:
    """Delete every trashed article for good; returns how many there were."""
    return library.purge_trash()
