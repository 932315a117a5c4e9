"""Notes as Markdown that reads well on GitHub and in Obsidian without plugins.

Shape of one article::

    # Title

    By Byline · Site · 2026-03-01
    <https://example.com/page>

    > The noted sentence, escaped so it renders as written.
    >
    > — p. 12            (articles from a PDF: the printed page of the quote)

    **Misleading** · *economy*, *jobs*

    The note's own text (the user writes Markdown, so it is kept as Markdown).

    Sources: [Title](<https://source>), [https://other](<https://other>)

    *2026-03-02, updated 2026-03-04 · checked by Jane Doe*

The last line of a note is its dates (the day it was written, and the day it last
changed when that is another day) and the checker's name (the library's
`reviewer.name` setting, when set). Text from the article and the library (title,
byline, quote, source titles) is escaped by one policy, `escaping.escape`: only what a
renderer would misread, so "$6 billion" stays `$6 billion`.

The quote from the article is escaped; the note text is the user's Markdown, kept as it
is unless it holds raw HTML, pictures or links of schemes other than http, https and
mailto (see `safe_markdown`), and so are the sources' and the page's links. Orphaned
notes (their sentence is no longer in the article) come last, under their own heading,
with the quote they were made on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Note, Source, Verdict
from ..pages import note_pages
from ..sources import link_target, what_it_is
from .common import ArticleInfo, by_place, iso_date
from .escaping import escape, escape_line_start
from .safe_markdown import autolink, link, note_markdown

_TAG = re.compile(r"[\w/-]+")


def escape_lines(text: str) -> list[str]:
    """Escaped lines: line-start markers are neutralised too."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # Leading spaces would make an indented code block, trailing ones a line break.
        lines.append(escape_line_start(escape(line.strip())))
    return lines


def blockquote(text: str) -> str:
    """A block quote that stays one quote whatever the text holds (blank lines too)."""
    return "\n".join(f"> {line}" if line else ">" for line in escape_lines(text))


def article_markdown(
    info: ArticleInfo, notes: Iterable[Note], level: int = 1, checker: str = ""
) -> str:
    """One article and its notes; `level` is the heading level of the title, `checker`
    the name each note is signed with ("" for none)."""
    hashes = "#" * level
    out = [f"{hashes} {escape(info.title or 'Untitled')}", ""]
    facts = []
    if info.byline:
        facts.append(f"By {escape(info.byline)}")
    if info.site:
        facts.append(escape(info.site))
    if info.published:
        facts.append(iso_date(info.published) or escape(info.published))
    if facts:
        out.append(" · ".join(facts) + ("  " if info.url else ""))
    if info.url:
        out.append(autolink(info.url))
    if facts or info.url:
        out.append("")

    ordered = by_place(list(notes))
    placed = [n for n in ordered if n.sentence is not None]
    orphans = [n for n in ordered if n.sentence is None]
    if not ordered:
        out += ["*No notes.*", ""]
    _groups(out, placed, checker, info)
    if orphans:
        out += [f"{hashes}# Notes no longer found in the article", ""]
        _groups(out, orphans, checker, info)
    return "\n".join(out).rstrip("\n") + "\n"


def library_markdown(
    articles: Iterable[tuple[ArticleInfo, Iterable[Note]]],
    title: str = "Gloss notes",
    checker: str = "",
) -> str:
    """Several articles under one top heading (each article one level down)."""
    parts = [f"# {escape(title)}\n"]
    parts += [article_markdown(info, notes, level=2, checker=checker) for info, notes in articles]
    return "\n".join(parts)


def _groups(out: list[str], notes: list[Note], checker: str, info: ArticleInfo) -> None:
    """Consecutive notes on the same sentence share one quote; a PDF's quote says which
    printed page it is on, so the note can be cited by page."""
    previous: tuple[int | None, str] | None = None
    for note in notes:
        key = (note.sentence, note.quote)
        if key != previous:
            out += [blockquote(note.quote), ""]
            if page := note_pages(info.pages, note):
                out[-1:-1] = [">", f"> — {page}"]
            previous = key
        out += _note(note, checker)


def _note(note: Note, checker: str) -> list[str]:
    head = []
    if note.verdict is not Verdict.NONE:
        head.append(f"**{note.verdict.label}**")
    if note.tags:
        head.append(", ".join(_tag(t) for t in note.tags))
    lines = [" · ".join(head), ""] if head else []
    if note.words_differ:
        # The verdict is about these words; the page says something else now.
        lines += [f"Written against: “{escape(' '.join(note.original_quote.split()))}”", ""]
    if note.text.strip():
        lines += [note_markdown(note.text.strip().replace("\r\n", "\n")), ""]
    if note.sources:
        lines += ["Sources: " + ", ".join(_source(s) for s in note.sources), ""]
    if not lines:
        lines = ["*(empty note)*", ""]
    if signature := _signature(note, checker):
        lines += [f"*{signature}*", ""]
    return lines


def _signature(note: Note, checker: str) -> str:
    """ "2026-03-02, updated 2026-03-04 · checked by Jane Doe": when and by whom."""
    created, updated = iso_date(note.created), iso_date(note.updated)
    parts = []
    if created:
        parts.append(created if updated in (None, created) else f"{created}, updated {updated}")
    elif updated:
        parts.append(f"updated {updated}")
    if checker.strip():
        parts.append(f"checked by {escape(' '.join(checker.split()), strict=True)}")
    return " · ".join(parts)


def _tag(tag: str) -> str:
    # "#tag" is a tag in Obsidian and plain text on GitHub; tags with spaces or
    # punctuation would break it, so those are shown as text.
    return f"#{tag}" if _TAG.fullmatch(tag) and not tag.isdigit() else f"*{escape(tag)}*"


def _source(source: Source) -> str:
    """The one place the Markdown writes a source: a link (web page, DOI, saved article
    with a text fragment) under its title, else its words as text."""
    # One line each: a line break inside a title or a text source would end the list.
    title, what = " ".join(source.title.split()), " ".join(what_it_is(source).split())
    target = link_target(source)
    if target:
        text = link(target, title or what)
    else:
        text = escape(f"{title} ({what})" if title and what else title or what)
    if source.quote:
        text += f" (“{escape(' '.join(source.quote.split()))}”)"
    return text
