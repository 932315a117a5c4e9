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
    # Written to use the partial index `notes_unpublished` (m013) alone.
    return _count_rated(
        library,
        ids,
        "SELECT count(*) FROM notes n WHERE n.review_url = '' AND n.verdict IN ({})",
        "n.article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)",
    )


def publishable_count(library: Library, ids: Sequence[int] | None, drafts: bool) -> int:
    """Notes a ClaimReview export of the articles (None: every article not in the trash)
    would write: a rated verdict and a review URL (any, with drafts) on an article with a
    web address. Zero means the file would be an empty list."""
    published = "" if drafts else " AND n.review_url != ''"
    return _count_rated(
        library,
        ids,
        "SELECT count(*) FROM notes n JOIN articles a ON a.id = n.article_id "
        "WHERE n.verdict IN ({}) AND (a.url LIKE 'http://%' OR a.url LIKE 'https://%')" + published,
        "a.trashed_at IS NULL",
    )


def _count_rated(library: Library, ids: Sequence[int] | None, sql: str, not_trashed: str) -> int:
    """`sql` (a count over notes `n` whose `{}` takes the rated verdicts) for the articles
    `ids`, or with `not_trashed` for the whole library, in chunks of ids."""
    verdicts = [v.value for v in RATINGS]
    sql = sql.format(", ".join("?" * len(verdicts)))
    if ids is None:
        return int(library.db.execute(f"{sql} AND {not_trashed}", verdicts).fetchone()[0])
    total = 0
    chunk = 500  # well under SQLite's limit on parameters
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        where = f" AND n.article_id IN ({', '.join('?' * len(part))})"
        total += int(library.db.execute(sql + where, [*verdicts, *part]).fetchone()[0])
    return total
