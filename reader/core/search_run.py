"""Running a search over the library's full-text indexes.

`search.py` turns what the user typed into FTS expressions and snippets; this module
runs them against the library's tables (the word index, and the trigram index for CJK
text), ranks the hits and finds the sentence each one opens at. It reads only: the
library hands it its connection.
"""

from __future__ import annotations

from sqlite_utils import Database

from .model import Verdict
from .search import (
    ELLIPSIS,
    MARK_END,
    MARK_START,
    PHRASE_BOOST,
    RANK_MAX_MATCHES,
    SHORT_RUN_TERMS,
    SNIPPET_TOKENS,
    TITLE_BOOST,
    ParsedQuery,
    SearchHit,
    first_match_offset,
    literal_snippet,
    parse_query,
    quoted,
    snippet_text,
)


class LibrarySearch:
    def __init__(self, db: Database) -> None:
        self.db = db

    def search(
        self,
        query: str,
        verdict: Verdict | str | None = None,
        tag: str | None = None,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Full-text search over article titles and texts and note texts and quotes.

        `verdict` keeps notes with that verdict (and articles that have one); `tag` keeps
        notes tagged so or on an article tagged so (and articles tagged so). Best first:
        title matches, then phrase matches, then bm25 (see `search.parse_query`).
        What the user typed is never FTS syntax.
        """
        parsed = parse_query(query)
        if parsed.empty or limit <= 0:
            return []
        wanted = Verdict.parse(verdict).value if verdict else None
        tag = tag.strip() if tag else None
        hits = self._search_articles(parsed, wanted, tag, limit)
        hits += self._search_notes(parsed, wanted, tag, limit)
        hits.sort(key=lambda h: h.order)
        return hits[:limit]

    def search_articles(self, query: str, limit: int = 50) -> list[SearchHit]:
        """`search` over articles only (their titles and texts, not notes), best first."""
        parsed = parse_query(query)
        if parsed.empty or limit <= 0:
            return []
        hits = self._search_articles(parsed, None, None, limit)
        hits.sort(key=lambda h: h.order)
        return hits

    def _search_plan(
        self, parsed: ParsedQuery, words_fts: str, tri_fts: str, alias: str, text_sql: str
    ) -> tuple[str | None, list[str], list[object]]:
        """The FTS table that drives the query and the conditions the other pieces add,
        with their parameters; a driver of None means nothing can match. `text_sql` is
        the row's searched text, in which each name must occur as typed."""
        literals = [parsed.literals] if parsed.literals else []
        for run in parsed.short:
            # Too short for a trigram of its own: any of the trigrams that start with it.
            terms = [
                str(r[0])
                for r in self.db.execute(
                    f"SELECT term FROM {tri_fts}_vocab WHERE term >= ? AND term < ? LIMIT ?",
                    [run, run + "\U0010ffff", SHORT_RUN_TERMS],
                )
            ]
            if not terms:
                return None, [], []
            literals.append("(" + " OR ".join(quoted(t) for t in terms) + ")")
        tri_expression = " AND ".join(literals) if literals else None
        driver = words_fts if parsed.words else tri_fts
        where = [f"{driver} MATCH ?"]
        params: list[object] = [parsed.words if parsed.words else tri_expression]
        if tri_expression and driver != tri_fts:
            where.append(f"{alias}.id IN (SELECT rowid FROM {tri_fts} WHERE {tri_fts} MATCH ?)")
            params.append(tri_expression)
        for name in parsed.names:
            # The word index matched the name's stem; the text must hold it as typed.
            # SQLite's lower() folds ASCII only, so both sides go through it.
            where.append(f"instr(lower({text_sql}), lower(?)) > 0")
            params.append(name)
        return driver, where, params

    def _boost(
        self, parsed: ParsedQuery, table: str, alias: str, with_title: bool
    ) -> tuple[str, list[object]]:
        """SQL for SearchHit.boost and its parameters (word-index queries only)."""
        parts: list[str] = []
        params: list[object] = []
        member = f"({alias}.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?))"
        if with_title and parsed.title:
            parts.append(f"{member} * {TITLE_BOOST}")
            params.append(parsed.title)
        if parsed.phrase:
            parts.append(f"{member} * {PHRASE_BOOST}")
            params.append(parsed.phrase)
        return (" + ".join(parts) or "0"), params

    def _search_articles(
        self, parsed: ParsedQuery, verdict: str | None, tag: str | None, limit: int
    ) -> list[SearchHit]:
        driver, where, params = self._search_plan(
            parsed, "articles_fts", "articles_tri", "a", "a.title || char(10) || a.text"
        )
        if driver is None:
            return []
        where.append("a.trashed_at IS NULL")
        if verdict:
            where.append(
                "EXISTS (SELECT 1 FROM notes v WHERE v.article_id = a.id AND v.verdict = ?)"
            )
            params.append(verdict)
        if tag:
            where.append(
                "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id "
                "AND t.tag = ? COLLATE NOCASE)"
            )
            params.append(tag)
        order = self._fts_order(driver, params[0])
        ranked = order.endswith(".rank")
        boost, boost_params = (
            self._boost(parsed, "articles_fts", "a", with_title=True)
            if ranked and driver == "articles_fts"
            else ("0", [])
        )
        if driver == "articles_fts":
            columns = (
                f"articles_fts.rank, snippet(articles_fts, 1, ?, ?, ?, {SNIPPET_TOKENS}), "
                f"snippet(articles_fts, 0, ?, ?, ?, {SNIPPET_TOKENS})"
            )
            column_params: list[object] = [*(MARK_START, MARK_END, ELLIPSIS) * 2]
        else:
            # The trigram index keeps no text (and counts characters, not words): the
            # snippet is cut around the first literal match instead.
            columns = f"{driver}.rank, a.text, a.title"
            column_params = []
        source = f"{driver} JOIN articles a ON a.id = {driver}.rowid"
        rows = self.db.execute(
            f"""SELECT a.id, a.title, {columns}, {boost} AS boost
                FROM {source}
                WHERE {" AND ".join(where)}
                ORDER BY boost DESC, {order} LIMIT ?""",
            [*column_params, *boost_params, *params, limit],
        ).fetchall()
        hits = []
        for article_id, title, rank, in_text, in_title, boosted in rows:
            if driver != "articles_fts":
                in_text = literal_snippet(in_text, parsed.needles)
                in_title = literal_snippet(in_title, parsed.needles)
            # A match in the text opens the article there; a title-only match at the top.
            text_matched = MARK_START in in_text
            hits.append(
                SearchHit(
                    kind="article",
                    article_id=int(article_id),
                    sentence=self._sentence_of_snippet(article_id, in_text)
                    if text_matched
                    else None,
                    title=title,
                    snippet=in_text if text_matched else in_title,
                    rank=float(rank),
                    boost=int(boosted),
                )
            )
        return hits

    def _search_notes(
        self, parsed: ParsedQuery, verdict: str | None, tag: str | None, limit: int
    ) -> list[SearchHit]:
        driver, where, params = self._search_plan(
            parsed, "notes_fts", "notes_tri", "n", "n.body || char(10) || n.quote"
        )
        if driver is None:
            return []
        where.append("a.trashed_at IS NULL")
        if verdict:
            where.append("n.verdict = ?")
            params.append(verdict)
        if tag:
            where.append(
                "(EXISTS (SELECT 1 FROM json_each(n.tags) j WHERE j.value = ? COLLATE NOCASE)"
                " OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id "
                "AND t.tag = ? COLLATE NOCASE))"
            )
            params += [tag, tag]
        order = self._fts_order(driver, params[0])
        ranked = order.endswith(".rank")
        boost, boost_params = (
            self._boost(parsed, "notes_fts", "n", with_title=False)
            if ranked and driver == "notes_fts"
            else ("0", [])
        )
        if driver == "notes_fts":
            columns = f"snippet(notes_fts, -1, ?, ?, ?, {SNIPPET_TOKENS}), notes_fts.rank"
            column_params: list[object] = [MARK_START, MARK_END, ELLIPSIS]
        else:
            columns = f"n.body || char(10) || n.quote, {driver}.rank"
            column_params = []
        source = f"{driver} JOIN notes n ON n.id = {driver}.rowid"
        rows = self.db.execute(
            f"""SELECT n.article_id, n.sentence, a.title, {columns}, n.uuid, n.verdict,
                   {boost} AS boost
                FROM {source}
                JOIN articles a ON a.id = n.article_id
                WHERE {" AND ".join(where)}
                ORDER BY boost DESC, {order} LIMIT ?""",
            [*column_params, *boost_params, *params, limit],
        ).fetchall()
        return [
            SearchHit(
                kind="note",
                article_id=int(r[0]),
                sentence=r[1],
                title=r[2],
                snippet=r[3] if driver == "notes_fts" else literal_snippet(r[3], parsed.needles),
                rank=float(r[4]),
                note_uuid=r[5],
                verdict=Verdict.parse(r[6]).value,
                boost=int(r[7]),
            )
            for r in rows
        ]

    def _fts_order(self, table: str, expression: str) -> str:
        """Best first (bm25) unless the expression matches more than RANK_MAX_MATCHES
        rows, then newest first: FTS5 walks those in rowid order and stops at the limit."""
        matches = self.db.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
            [expression, RANK_MAX_MATCHES + 1],
        ).fetchone()[0]
        return f"{table}.rank" if matches <= RANK_MAX_MATCHES else f"{table}.rowid DESC"

    def _sentence_of_snippet(self, article_id: int, snippet: str) -> int | None:
        """The sentence holding a snippet's first match; None when the title matched.

        FTS5 snippets are exact slices of the column, so the snippet is found in the
        article's text and its offset mapped to a sentence through the start each
        sentence stores (`text_start`, migration m004).
        """
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        plain = snippet_text(snippet)
        where = row[0].find(plain) if row and plain else -1
        if where < 0:
            return None
        target = where + first_match_offset(snippet)
        found = self.db.execute(
            """SELECT idx FROM sentences WHERE article_id = ?
               ORDER BY text_start <= ? DESC,
                        CASE WHEN text_start <= ? THEN -text_start ELSE text_start END
               LIMIT 1""",
            [article_id, target, target],
        ).fetchone()
        return int(found[0]) if found else None
