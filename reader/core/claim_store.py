"""The claim spotter's results in the library: written when an article's sentences are,
recomputed lazily for articles spotted by another spotter (or none: those stored before
m008), read back with whether each claim is checked.

A claim is checked when a placed note covers its sentence. Only languages the spotter
handles (English) get claims; an article in another language is marked spotted with no
claims, and `language_handled` says why the list is empty.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .claims import handles_language, spot_all, spotter_version
from .model import Article
from .numbering import sentence_number

if TYPE_CHECKING:
    from .library import Library

# An article at most this long is spotted on the spot when it is opened; a longer one in
# the background (about 30 ms of work at the spotter's speed).
SHORT_ARTICLE = 1000

_CHECKED = """EXISTS (SELECT 1 FROM notes n WHERE n.article_id = c.article_id
    AND n.sentence IS NOT NULL AND n.sentence <= c.idx
    AND coalesce(n.last_sentence, n.sentence) >= c.idx)"""


@dataclass(frozen=True, slots=True)
class Claim:
    index: int  # 0-based sentence index; people see index + 1
    text: str
    score: float
    kinds: tuple[str, ...]
    checked: bool

    def to_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "number": sentence_number(self.index),
            "text": self.text,
            "score": round(self.score, 4),
            "kinds": list(self.kinds),
            "checked": self.checked,
        }


def claim_summary(count: int, checked: int) -> str:
    """ "7 claims · 3 checked", or '' when there are none."""
    if not count:
        return ""
    return f"{count} claim{'s' if count != 1 else ''} · {checked} checked"


def write_claims(db: Database, article_id: int, article: Article) -> None:
    """Spot an article's sentences and store the claims (inside the caller's transaction)."""
    db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
    if handles_language(article.meta.lang, article.text):
        texts = [s.text for s in article.sentences]
        db.conn.executemany(
            "INSERT INTO claims (article_id, idx, score, kinds) VALUES (?, ?, ?, ?)",
            [
                (article_id, s.index, round(spot.score, 4), json.dumps(list(spot.kinds)))
                for s, spot in zip(article.sentences, spot_all(texts), strict=True)
                if spot.claim
            ],
        )
    db.execute(
        "UPDATE articles SET claims_version = ? WHERE id = ?", [spotter_version(), article_id]
    )


def is_stale(db: Database, article_id: int) -> bool:
    row = db.execute("SELECT claims_version FROM articles WHERE id = ?", [article_id]).fetchone()
    return row is not None and row[0] != spotter_version()


def stale_article_ids(db: Database) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            "SELECT id FROM articles WHERE claims_version != ? ORDER BY id", [spotter_version()]
        )
    ]


def sentence_count(db: Database, article_id: int) -> int:
    return int(
        db.execute("SELECT COUNT(*) FROM sentences WHERE article_id = ?", [article_id]).fetchone()[
            0
        ]
    )


def language_handled(db: Database, article_id: int) -> bool:
    row = db.execute(
        "SELECT lang, substr(text, 1, 5000) FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return row is None or handles_language(row[0], row[1])


def claims(db: Database, article_id: int) -> list[Claim]:
    """An article's claims in reading order, each with whether a note checks it."""
    rows = db.execute(
        f"""SELECT c.idx, s.text, c.score, c.kinds, {_CHECKED}
            FROM claims c JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.idx
            WHERE c.article_id = ? ORDER BY c.idx""",
        [article_id],
    )
    return [Claim(r[0], r[1], r[2], tuple(json.loads(r[3])), bool(r[4])) for r in rows]


def counts(db: Database, article_id: int) -> tuple[int, int]:
    """(claims, checked claims) of an article."""
    row = db.execute(
        f"SELECT COUNT(*), COALESCE(SUM({_CHECKED}), 0) FROM claims c WHERE c.article_id = ?",
        [article_id],
    ).fetchone()
    return int(row[0]), int(row[1])


def count_columns() -> str:
    """SQL for the library list: an article `a`'s claims and checked claims."""
    return (
        "(SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id), "
        f"(SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id AND {_CHECKED})"
    )


def unchecked_condition() -> str:
    """SQL: article `a` has a claim no note covers."""
    return f"EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND NOT {_CHECKED})"


def ensure_claims(library: Library, article_id: int) -> bool:
    """Spot an article stored before m008 or by another spotter version. Returns whether
    anything was recomputed; a library open for reading only keeps what it has."""
    if library.writes_refused or not is_stale(library.db, article_id):
        return False
    article = library.article(article_id)  # re-split first if the splitter changed
    with library.db.atomic():
        if is_stale(library.db, article_id):  # another process may have done it meanwhile
            write_claims(library.db, article_id, article)
    return True


def ensure_all(
    library: Library,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Spot every article that needs it (a background task's work); returns their ids."""
    done: list[int] = []
    stale = stale_article_ids(library.db)
    for n, article_id in enumerate(stale):
        if cancelled is not None and cancelled():
            break
        if ensure_claims(library, article_id):
            done.append(article_id)
        if progress is not None:
            progress(n + 1, len(stale))
    return done
