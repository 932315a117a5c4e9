"""The same claim elsewhere: which sentences of an article were noted in other articles.

The library keeps, for every noted sentence, the band keys of `related.band_keys` in
`related_keys` (migration m012). A look-up computes the keys of the opened article's
sentences, reads the rows that share one (an indexed `IN`), and checks each candidate
with `related.similarity`; verdicts, titles and trash state are read at look-up time,
so editing a verdict or trashing, restoring or deleting an article needs no index work
(a deleted article's rows go with it by `ON DELETE CASCADE`).

What changes the set of noted sentences (a note added, deleted, moved, re-anchored by a
re-import or a re-split) is caught by triggers on `notes`, which put the article in
`related_stale` in the same transaction, whoever writes. `Library` refreshes those
articles' keys before that transaction ends (`refresh_stale`); a look-up that still
finds a stale article (written by a connection that does not refresh, or read from a
read-only library) reads that article's noted sentences directly instead of its rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Verdict
from .related import ClaimKey, band_keys, claim_key, similarity

SCHEMA = """
CREATE TABLE related_keys (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, article_id, idx)
) WITHOUT ROWID;
CREATE INDEX related_keys_article ON related_keys(article_id);
-- Articles whose noted sentences changed since their keys were written.
CREATE TABLE related_stale (article_id INTEGER PRIMARY KEY);
-- No OR IGNORE here: a conflict clause in a trigger gives way to the one of the statement
-- that fired it (sqlite-utils writes notes with OR REPLACE, imports with OR ABORT...).
CREATE TRIGGER related_notes_ai AFTER INSERT ON notes BEGIN
  INSERT INTO related_stale (article_id) SELECT new.article_id
    WHERE NOT EXISTS (SELECT 1 FROM related_stale WHERE article_id = new.article_id);
END;
CREATE TRIGGER related_notes_au AFTER UPDATE OF article_id, sentence, last_sentence
ON notes BEGIN
  INSERT INTO related_stale (article_id) SELECT new.article_id
    WHERE NOT EXISTS (SELECT 1 FROM related_stale WHERE article_id = new.article_id);
  INSERT INTO related_stale (article_id) SELECT old.article_id
    WHERE NOT EXISTS (SELECT 1 FROM related_stale WHERE article_id = old.article_id);
END;
CREATE TRIGGER related_notes_ad AFTER DELETE ON notes BEGIN
  INSERT INTO related_stale (article_id) SELECT old.article_id
    WHERE NOT EXISTS (SELECT 1 FROM related_stale WHERE article_id = old.article_id);
END;
"""

_NOTED_SENTENCES = """
SELECT s.idx, s.text FROM sentences s
WHERE s.article_id = :a AND EXISTS (
    SELECT 1 FROM notes n WHERE n.article_id = s.article_id AND n.sentence IS NOT NULL
    AND n.sentence <= s.idx AND COALESCE(n.last_sentence, n.sentence) >= s.idx)
"""

# (article, sentence) pairs passed as one JSON list, as a table `p(a, i)`; json_extract
# rather than `->>`, which SQLite before 3.38 lacks.
_PAIRS = (
    "(SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS i "
    "FROM json_each(?)) p"
)


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A sentence of the opened article (`sentence`, 0-based) that repeats sentence
    `other_sentence` of another article, noted there with `verdicts` (worst first)."""

    sentence: int
    article_id: int
    title: str
    site: str
    other_sentence: int
    other_text: str
    verdicts: tuple[Verdict, ...]
    similarity: float


def refresh(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Rewrite the keys of these articles' noted sentences (inside the caller's
    transaction)."""
    for article_id in article_ids:
        conn.execute("DELETE FROM related_keys WHERE article_id = ?", [article_id])
        rows = [
            (key, article_id, idx)
            for idx, text in conn.execute(_NOTED_SENTENCES, {"a": article_id})
            for key in _keys_of(text)
        ]
        conn.executemany(
            "INSERT OR IGNORE INTO related_keys (key, article_id, idx) VALUES (?, ?, ?)", rows
        )
        conn.execute("DELETE FROM related_stale WHERE article_id = ?", [article_id])


def refresh_stale(conn: sqlite3.Connection) -> None:
    """Bring the keys of every article the triggers marked up to date."""
    stale = [int(r[0]) for r in conn.execute("SELECT article_id FROM related_stale")]
    if stale:
        refresh(conn, stale)


def fill(conn: sqlite3.Connection) -> None:
    """Index every noted sentence of the library (the migration, a rebuilt bench)."""
    conn.execute("DELETE FROM related_keys")
    conn.execute("DELETE FROM related_stale")
    ids = [int(r[0]) for r in conn.execute("SELECT DISTINCT article_id FROM notes")]
    refresh(conn, ids)


def _keys_of(text: str) -> list[int]:
    key = claim_key(text)
    return band_keys(key) if key.eligible else []


def lookup(conn: sqlite3.Connection, article_id: int) -> list[Elsewhere]:
    """Every sentence of `article_id` that repeats a sentence noted in another article
    (not in the Trash), best match first within a sentence, one per other article."""
    mine: dict[int, ClaimKey] = {}
    keys_to_sentences: dict[int, list[int]] = {}
    for idx, text in conn.execute(
        "SELECT idx, text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id]
    ):
        key = claim_key(text)
        if not key.eligible:
            continue
        mine[idx] = key
        for band in band_keys(key):
            keys_to_sentences.setdefault(band, []).append(idx)
    if not mine:
        return []
    # Usually empty: read it alone, so the look-up never walks the articles table.
    stale = {int(r[0]) for r in conn.execute("SELECT article_id FROM related_stale")}
    stale.discard(article_id)
    if stale:
        stale = {
            int(r[0])
            for r in conn.execute(
                "SELECT a.id FROM json_each(?) j JOIN articles a ON a.id = j.value "
                "WHERE a.trashed_at IS NULL",
                [json.dumps(sorted(stale))],
            )
        }
    pairs: dict[tuple[int, int], set[int]] = {}  # (other article, its sentence) -> mine
    for key, other, other_idx in conn.execute(
        "SELECT k.key, k.article_id, k.idx FROM related_keys k "
        "JOIN articles a ON a.id = k.article_id "
        "WHERE k.key IN (SELECT value FROM json_each(?)) AND k.article_id != ? "
        "AND a.trashed_at IS NULL",
        [json.dumps(list(keys_to_sentences)), article_id],
    ):
        if other in stale:
            continue
        pairs.setdefault((other, other_idx), set()).update(keys_to_sentences[key])
    texts: dict[tuple[int, int], str] = {}
    if pairs:
        for other, other_idx, text in conn.execute(
            f"SELECT s.article_id, s.idx, s.text FROM {_PAIRS} "
            "JOIN sentences s ON s.article_id = p.a AND s.idx = p.i",
            [json.dumps(list(pairs))],
        ):
            texts[(int(other), int(other_idx))] = text
    for other in stale:
        # Not refreshed yet: compare with each of its noted sentences directly.
        for other_idx, text in conn.execute(_NOTED_SENTENCES, {"a": other}):
            pairs[(other, int(other_idx))] = set(mine)
            texts[(other, int(other_idx))] = text
    best: dict[tuple[int, int], tuple[float, int, str]] = {}  # (mine, other) -> match
    # A claim repeated word for word in many articles is read once.
    read: dict[str, ClaimKey] = {}
    scored: dict[tuple[int, str], float | None] = {}
    for (other, other_idx), candidates in pairs.items():
        text = texts.get((other, other_idx))
        if text is None:
            continue
        theirs = read.get(text) or read.setdefault(text, claim_key(text))
        for idx in candidates:
            if (idx, text) not in scored:
                scored[(idx, text)] = similarity(mine[idx], theirs)
            score = scored[(idx, text)]
            if score is None:
                continue
            found = best.get((idx, other))
            if found is None or (score, -other_idx) > (found[0], -found[1]):
                best[(idx, other)] = (score, other_idx, text)
    if not best:
        return []
    verdicts = _verdicts(conn, {(other, o) for (_, other), (_, o, _) in best.items()})
    meta = {
        int(i): (str(t), str(s))
        for i, t, s in conn.execute(
            "SELECT a.id, a.title, a.site FROM json_each(?) j JOIN articles a ON a.id = j.value",
            [json.dumps(sorted({other for _, other in best}))],
        )
    }
    out = [
        Elsewhere(
            sentence=idx,
            article_id=other,
            title=meta[other][0],
            site=meta[other][1],
            other_sentence=other_idx,
            other_text=text,
            verdicts=verdicts.get((other, other_idx), (Verdict.NONE,)),
            similarity=round(score, 3),
        )
        for (idx, other), (score, other_idx, text) in best.items()
        if other in meta and (other, other_idx) in verdicts
    ]
    out.sort(key=lambda e: (e.sentence, -e.similarity, e.verdicts[0].severity, e.article_id))
    return out


def _verdicts(
    conn: sqlite3.Connection, sentences: set[tuple[int, int]]
) -> dict[tuple[int, int], tuple[Verdict, ...]]:
    """The verdicts of the notes covering each (article, sentence), worst first; "No
    verdict" only when there is no other. A sentence with no note left is absent."""
    found: dict[tuple[int, int], set[Verdict]] = {}
    for other, other_idx, verdict in conn.execute(
        f"SELECT p.a, p.i, n.verdict FROM {_PAIRS} "
        "JOIN notes n ON n.article_id = p.a AND n.sentence IS NOT NULL "
        "AND n.sentence <= p.i AND COALESCE(n.last_sentence, n.sentence) >= p.i",
        [json.dumps(sorted(sentences))],
    ):
        found.setdefault((int(other), int(other_idx)), set()).add(Verdict.parse(verdict))
    out = {}
    for place, kinds in found.items():
        if len(kinds) > 1:
            kinds.discard(Verdict.NONE)
        out[place] = tuple(sorted(kinds, key=lambda v: v.severity))
    return out


def summary(matches: list[Elsewhere]) -> str:
    """The line for one sentence's matches: "noted in 2 other articles: False, Misleading"."""
    articles = {m.article_id for m in matches}
    kinds: set[Verdict] = {v for m in matches for v in m.verdicts}
    if len(kinds) > 1:
        kinds.discard(Verdict.NONE)
    labels = ", ".join(v.label for v in sorted(kinds, key=lambda v: v.severity))
    n = len(articles)
    return f"noted in {n} other article{'s' if n != 1 else ''}: {labels}"
