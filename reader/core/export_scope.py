"""Which articles an export covers, and the counts the export dialog shows before it
runs: one place for the SQL behind "this article / selected articles / all"."""

from __future__ import annotations

from collections.abc import Sequence

from .export.claimreview import RATINGS
from .library import Library

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


# The dialog asks these for every preview (in a background task), so each is one query,
# indexed where it can be, also on a library of 10,000 articles (bench/export_dialog.py).


def article_count(library: Library, ids: Sequence[int] | None) -> int:
    if ids is not None:
        return len(ids)
    row = library.db.execute("SELECT count(*) FROM articles WHERE trashed_at IS NULL")
    return int(row.fetchone()[0])


def preview_ids(library: Library, ids: Sequence[int] | None, limit: int) -> list[int]:
    """Up to `limit` of the articles (None: every article not in the trash), those with
    notes first (they show what the export looks like), in id order."""
    if ids is not None and len(ids) <= limit:
        return list(ids)
    if ids is None:
        rows = library.db.execute(
            """SELECT id FROM articles a WHERE trashed_at IS NULL
               ORDER BY NOT EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id), id
               LIMIT ?""",
            [limit],
        ).fetchall()
        return sorted(int(r[0]) for r in rows)
    has_notes = "SELECT 1 FROM notes WHERE article_id = ? LIMIT 1"
    noted = [i for i in ids if library.db.execute(has_notes, [i]).fetchone()][:limit]
    rest = [i for i in ids if i not in noted][: limit - len(noted)]
    order = {article_id: n for n, article_id in enumerate(ids)}
    return sorted(noted + rest, key=order.__getitem__)


def unpublished_count(library: Library, ids: Sequence[int] | None) -> int:
    """Notes with a rated verdict and no review URL yet, in the articles (None: every
    article not in the trash): what a ClaimReview export would leave out."""
    verdicts = [v.value for v in RATINGS]
    marks = ", ".join("?" * len(verdicts))
    # Written to use the partial index `notes_unpublished` (m013) alone.
    sql = f"SELECT count(*) FROM notes WHERE review_url = '' AND verdict IN ({marks})"
    if ids is None:
        trashed = "SELECT id FROM articles WHERE trashed_at IS NOT NULL"
        row = library.db.execute(f"{sql} AND article_id NOT IN ({trashed})", verdicts)
        return int(row.fetchone()[0])
    total = 0
    chunk = 500  # well under SQLite's limit on parameters
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        where = f" AND article_id IN ({', '.join('?' * len(part))})"
        total += int(library.db.execute(sql + where, [*verdicts, *part]).fetchone()[0])
    return total


def publishable_count(library: Library, ids: Sequence[int] | None, drafts: bool) -> int:
    """Notes a ClaimReview export of the articles (None: every article not in the trash)
    would write: a rated verdict and a review URL (any, with drafts) on an article with a
    web address. Zero means the file would be an empty list."""
    verdicts = [v.value for v in RATINGS]
    marks = ", ".join("?" * len(verdicts))
    sql = (
        "SELECT count(*) FROM notes n JOIN articles a ON a.id = n.article_id "
        f"WHERE n.verdict IN ({marks}) "
        "AND (a.url LIKE 'http://%' OR a.url LIKE 'https://%')"
        + ("" if drafts else " AND n.review_url != ''")
    )
    if ids is None:
        row = library.db.execute(f"{sql} AND a.trashed_at IS NULL", verdicts)
        return int(row.fetchone()[0])
    total = 0
    chunk = 500  # well under SQLite's limit on parameters
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        where = f" AND n.article_id IN ({', '.join('?' * len(part))})"
        total += int(library.db.execute(sql + where, [*verdicts, *part]).fetchone()[0])
    return total
