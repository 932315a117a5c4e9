"""What the library list asks for: a filter and an order, turned into one SQL query.

Kept apart from `library.py` because it is the one query that grows with the UI's
filters; `Library.list_articles` is its only caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .claim_store import count_columns, unchecked_condition


class Show(StrEnum):
    ALL = "all"  # everything not archived
    UNREAD = "unread"
    NOTED = "noted"
    REVIEW = "review"  # with notes whose words changed (archived ones too)
    ARCHIVED = "archived"
    UNCHECKED = "unchecked"  # with claims no note checks yet
    TRASH = "trash"  # deleted articles, until the Trash is emptied


class SortBy(StrEnum):
    RECENT = "recent"  # last imported first
    TITLE = "title"
    SITE = "site"
    DATE = "date"  # published
    NOTES = "notes"


@dataclass(frozen=True)
class ListQuery:
    show: Show = Show.ALL
    sort: SortBy = SortBy.RECENT
    descending: bool = True
    tag: str = ""
    verdict: str = ""


SEP = "\x1f"  # joins tags and verdicts inside one column; never typed by a user

_COLUMNS = f"""a.id, a.title, a.site, a.published, a.imported_at, a.url, a.archived,
    a.opened_at IS NOT NULL, a.progress, NULL,
    (SELECT COUNT(*) FROM notes n WHERE n.article_id = a.id),
    (SELECT GROUP_CONCAT(n.verdict, '{SEP}') FROM notes n WHERE n.article_id = a.id),
    (SELECT GROUP_CONCAT(t.tag, '{SEP}') FROM article_tags t WHERE t.article_id = a.id),
    {count_columns()}"""

_ORDER = {
    SortBy.RECENT: "a.imported_at {d}, a.id {d}",
    SortBy.TITLE: "a.title COLLATE NOCASE {d}, a.id",
    SortBy.SITE: "a.site COLLATE NOCASE {d}, a.title COLLATE NOCASE",
    SortBy.DATE: "a.published {d}, a.id {d}",
    SortBy.NOTES: "(SELECT COUNT(*) FROM notes n WHERE n.article_id = a.id) {d}, a.id {d}",
}


def list_sql(query: ListQuery, *, count: bool = False) -> tuple[str, list[Any]]:
    trash = query.show == Show.TRASH
    where = ["a.trashed_at IS NOT NULL" if trash else "a.trashed_at IS NULL"]
    params: list[Any] = []
    if query.show == Show.ARCHIVED:
        where.append("a.archived = 1")
    elif query.show == Show.REVIEW:
        where.append(
            "EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id AND n.text_changed = 1)"
        )
    elif not trash:  # archived or not, a deleted article is in the Trash
        where.append("a.archived = 0")
    if query.show == Show.UNREAD:
        where.append("a.opened_at IS NULL")
    elif query.show == Show.NOTED:
        where.append("EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)")
    elif query.show == Show.UNCHECKED:
        where.append(unchecked_condition())
    if query.tag:
        # A tag of the article, or of one of its notes.
        where.append(
            "(EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)"
            " OR EXISTS (SELECT 1 FROM notes n, json_each(n.tags) j"
            " WHERE n.article_id = a.id AND n.tags != '[]' AND j.value = ?))"
        )
        params.extend((query.tag, query.tag))
    if query.verdict:
        where.append("EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id AND n.verdict = ?)")
        params.append(query.verdict)
    condition = " AND ".join(where)
    if count:
        return f"SELECT COUNT(*) FROM articles a WHERE {condition}", params
    order = _ORDER[query.sort].format(d="DESC" if query.descending else "ASC")
    if trash and query.sort == SortBy.RECENT:
        order = "a.trashed_at {d}, a.id {d}".format(d="DESC" if query.descending else "ASC")
    return f"SELECT {_COLUMNS} FROM articles a WHERE {condition} ORDER BY {order}", params


def one_sql() -> str:
    """The same columns for one article, whatever its state."""
    return f"SELECT {_COLUMNS} FROM articles a WHERE a.id = ?"


def filter_tags(db: Any) -> list[str]:
    """Every tag the list can filter by: the articles' and their notes', A to Z. Tags
    found only on articles in the Trash are left out (they would list nothing)."""
    live = "(SELECT 1 FROM articles a WHERE a.id = {} AND a.trashed_at IS NULL)"
    rows = db.execute(
        f"SELECT t.tag FROM article_tags t WHERE EXISTS {live.format('t.article_id')} UNION "
        "SELECT j.value FROM notes n, json_each(n.tags) j WHERE n.tags != '[]' "
        f"AND EXISTS {live.format('n.article_id')} ORDER BY 1 COLLATE NOCASE"
    )
    return [r[0] for r in rows if isinstance(r[0], str) and r[0]]
