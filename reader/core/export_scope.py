"""Which articles an export covers, and the counts the export dialog shows before it
runs: one place for the SQL behind "this article / selected articles / all"."""

from __future__ import annotations

from collections.abc import Sequence

from .export.claimreview import RATINGS
from .library import Library
from .transfer import live_article_ids

THIS, SELECTED, ALL = "this", "selected", "all"
SCOPES = (THIS, SELECTED, ALL)


def scope_ids(scope: str, current: int | None, selected: Sequence[int]) -> list[int] | None:
    """The article ids a scope means (None: the whole library, trash left out)."""
    if scope == THIS:
        return [] if current is None else [current]
    if scope == SELECTED:
        return list(dict.fromkeys(selected))
    if scope == ALL:
        return None
    raise ValueError(f"unknown export scope {scope!r}")


def article_count(library: Library, ids: Sequence[int] | None) -> int:
    return len(live_article_ids(library)) if ids is None else len(ids)


def preview_ids(library: Library, ids: Sequence[int] | None, limit: int) -> list[int]:
    """Up to `limit` of the articles, those with notes first (they show what the export
    looks like), in id order."""
    candidates = live_article_ids(library) if ids is None else list(ids)
    if len(candidates) <= limit:
        return candidates
    noted = {
        int(r[0]) for r in library.db.execute("SELECT DISTINCT article_id FROM notes").fetchall()
    }
    chosen = [i for i in candidates if i in noted][:limit]
    return chosen + [i for i in candidates if i not in noted][: limit - len(chosen)]


def unpublished_count(library: Library, ids: Sequence[int] | None) -> int:
    """Notes with a rated verdict and no review URL yet, in the articles (None: every
    article not in the trash): what a ClaimReview export would leave out."""
    verdicts = [v.value for v in RATINGS]
    marks = ", ".join("?" * len(verdicts))
    sql = (
        "SELECT count(*) FROM notes n JOIN articles a ON a.id = n.article_id "
        f"WHERE n.review_url = '' AND n.verdict IN ({marks})"
    )
    if ids is None:
        row = library.db.execute(sql + " AND a.trashed_at IS NULL", verdicts).fetchone()
        return int(row[0])
    total = 0
    chunk = 500  # well under SQLite's limit on parameters
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        where = f" AND n.article_id IN ({', '.join('?' * len(part))})"
        total += int(library.db.execute(sql + where, [*verdicts, *part]).fetchone()[0])
    return total
