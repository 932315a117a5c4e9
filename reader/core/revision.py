"""Notes are written against the text the writer saw.

An article's revision is its content hash. The window (and `gloss note add --revision`)
sends the revision it read along with a note; the library checks it and writes in one
write transaction (`BEGIN IMMEDIATE`, see `connection`), and refuses a stale one
(`library.StaleRevision`). The writer then
reads the article again and looks for the noted words in the new text with
`sentence_with_words`; nothing here ever guesses a sentence whose words differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .anchoring import fold, make_anchor, reanchor
from .model import Article


@contextmanager
def read_transaction(db: Database) -> Iterator[None]:
    """A read transaction (deferred BEGIN): one snapshot for several statements, so an
    article's text and its revision are read from the same commit. It takes no lock, so
    it works on a library open for reading only; inside a transaction, that one."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def same_words(a: str, b: str) -> bool:
    """The same words, quote style and spacing aside."""
    return fold(a) == fold(b)


def sentence_with_words(article: Article, words: str) -> int | None:
    """The one sentence of `article` whose text is `words` (exactly, else up to quote
    style and spacing). None when no sentence or several have them: the reader, not a
    guess, then says where a note belongs."""
    found = [s.index for s in article.sentences if s.text == words]
    if not found:
        folded = fold(words)
        found = [s.index for s in article.sentences if fold(s.text) == folded]
    return found[0] if len(found) == 1 else None


def follow_sentence(old: Article, new: Article, index: int) -> int | None:
    """Where sentence `index` of `old` stands in `new`, for keeping the reader's place
    and selection across a reload: its words if they are there once, else the
    alignment of the two versions (a typo fix keeps the place). None if it is gone."""
    if not 0 <= index < len(old.sentences):
        return None
    same = sentence_with_words(new, old.sentences[index].text)
    if same is not None:
        return same
    placed = reanchor(make_anchor(old, index), new, old=old)
    return placed.sentence
