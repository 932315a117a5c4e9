"""What a fact-check report of one article says, without Qt: the summary at its top, the
notes numbered in reading order (the unplaced ones after them), and the footnote text of
each note and source. `reader/ui/report_document.py` lays it out as HTML or PDF.

Notes are numbered by where their words start in the article, so footnote 1 is the first
mark a reader meets; a note that lost its place has no mark and is listed after the
placed ones, still numbered, so the list and the summary count the same notes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from . import claim_store
from .library import Library
from .model import Article, Note, Source, SourceKind, Verdict
from .note_plain import note_plain_text
from .pages import PageStarts, page_starts
from .revision import read_transaction
from .safe_links import is_web_link
from .sources import link_target, what_it_is
from .text_fragment import with_text_fragment

# Output formats by the file's suffix.
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}


class ReportFormatError(ValueError):
    """The file's suffix names no report format."""


def report_format(path: Path | str) -> str:
    """ "html" or "pdf" for the output file `path`, chosen by its suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return REPORT_SUFFIXES[suffix]
    except KeyError:
        raise ReportFormatError(
            f"{Path(path).name}: a report is written as .html or .pdf "
            f"(not {suffix or 'a file without a suffix'})"
        ) from None


@dataclass(frozen=True, slots=True)
class ReportSource:
    """A source as a report prints it: its words, and the address it links to (None when
    it is no link a reader may follow)."""

    text: str
    link: str | None
    # The part of `text` that is the link's words (the address as printed); "" when the
    # source is not linked or prints no address.
    anchor: str = ""


def report_source(source: Source) -> ReportSource:
    """The one place a source becomes report text: "Title. “Quoted words.” what it is".

    What it is: a web page's address, pointing at the quoted words with a text fragment;
    a DOI's doi.org address; a saved article's address at the cited words (and whether it
    is still in the library); or the plain-text source as it was written, unlinked. Only
    the kinds `sources.link_target` links are links."""
    link = link_target(source)
    if link and source.kind is SourceKind.URL and source.quote:
        link = with_text_fragment(link, source.quote)
    # A citation says where it stands ("(in the Trash)"); the others are their link.
    cited = source.kind is SourceKind.CITATION
    what = what_it_is(source) if cited else link or what_it_is(source)
    parts = []
    if source.title.strip():
        parts.append(_sentence(" ".join(source.title.split())))
    if source.quote.strip():
        parts.append(f"“{' '.join(source.quote.split())}”")
    # On paper the address is read, not followed: it is printed without the text
    # fragment, which only repeats the quoted words percent-encoded; the link keeps it.
    what = _without_text_fragment(" ".join(what.split()))
    if what and what != source.title.strip():
        parts.append(what)
    text = " ".join(parts) or what
    anchor = what if link and what and text.endswith(what) else ""
    return ReportSource(text, link or None, anchor)


def _without_text_fragment(address: str) -> str:
    start = address.find(":~:")
    if start < 0:
        return address
    end = address.find(" ", start)
    head = address[:start].removesuffix("#")
    return head + (address[end:] if end >= 0 else "")


def _sentence(text: str) -> str:
    return text if text[-1] in ".!?…" else text + "."


@dataclass(frozen=True, slots=True)
class ReportNote:
    number: int  # 1-based, what the mark and the footnote show
    note: Note
    sources: tuple[ReportSource, ...]

    @property
    def placed(self) -> bool:
        return self.note.sentence is not None and self.note.position is not None

    @property
    def text(self) -> str:
        """The note's words without Markdown syntax."""
        return note_plain_text(self.note.text)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    claims: int  # sentences the spotter found check-worthy
    claims_checked: int  # of those, covered by a note
    notes: int
    unplaced: int
    verdicts: tuple[tuple[Verdict, int], ...]  # worst first, only those given
    sources: int

    def lines(self) -> list[str]:
        """The summary in words, one line per fact, as the report's top shows it."""
        claims = (
            f"{_count(self.claims, 'claim')} spotted, {self.claims_checked} checked"
            if self.claims
            else "No check-worthy claims spotted"
        )
        notes = _count(self.notes, "note")
        if self.unplaced:
            notes += f" ({self.unplaced} unplaced)"
        notes += f", {_count(self.sources, 'source')}"
        verdicts = ", ".join(f"{n} {v.label.lower()}" for v, n in self.verdicts) or "none yet"
        return [claims, notes, f"Verdicts: {verdicts}"]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class FactCheckReport:
    article_id: int
    article: Article
    notes: tuple[ReportNote, ...]  # placed notes in reading order, then the unplaced
    summary: ReportSummary
    made: str  # ISO date the report was made

    @property
    def placed(self) -> list[ReportNote]:
        return [n for n in self.notes if n.placed]

    @property
    def unplaced(self) -> list[ReportNote]:
        return [n for n in self.notes if not n.placed]

    @property
    def article_link(self) -> str | None:
        url = self.article.meta.url
        return url if is_web_link(url) else None

    @cached_property  # asked once a note: worked out once a report
    def pages(self) -> PageStarts:
        """A PDF's printed pages, so a note says "p. 12" (() for other articles)."""
        return page_starts(self.article.blocks)

    def passage_link(self, note: ReportNote) -> str | None:
        """The article's URL pointing at the note's words (None without a web address)."""
        link = self.article_link
        return with_text_fragment(link, note.note.quote) if link else None


def report_file_stem(title: str, article_id: int) -> str:
    """A file name (without suffix) for a report: the title's words, then "fact-check"."""
    words = "".join(c if c.isalnum() else " " for c in title).split()
    stem = "-".join(words)[:60].strip("-").lower() or f"article-{article_id}"
    return f"{stem}-fact-check"


def number_notes(notes: list[Note]) -> tuple[ReportNote, ...]:
    """Placed notes by where their words start (then end), unplaced ones after them in the
    order they were written."""

    def reading_order(n: Note) -> tuple[int, int, int, str]:
        return (n.sentence or 0, n.position or 0, n.end or 0, n.created)

    placed = sorted(
        (n for n in notes if n.sentence is not None and n.position is not None), key=reading_order
    )
    unplaced = sorted(
        (n for n in notes if n.sentence is None or n.position is None), key=lambda n: n.created
    )
    return tuple(
        ReportNote(i, n, tuple(report_source(s) for s in n.sources))
        for i, n in enumerate([*placed, *unplaced], start=1)
    )


def summarize(notes: tuple[ReportNote, ...], claims: int, checked: int) -> ReportSummary:
    given = Counter(n.note.verdict for n in notes if n.note.verdict is not Verdict.NONE)
    return ReportSummary(
        claims=claims,
        claims_checked=checked,
        notes=len(notes),
        unplaced=sum(not n.placed for n in notes),
        verdicts=tuple((v, given[v]) for v in Verdict if given[v]),
        sources=sum(len(n.sources) for n in notes),
    )


def build_report(library: Library, article_id: int, today: date | None = None) -> FactCheckReport:
    """Everything a report of article `article_id` says, read from `library`.

    Claims are spotted first when the article was stored by an older spotter (a library
    open for reading only keeps what it has)."""
    claim_store.ensure_claims(library, article_id)
    # One snapshot for the text, the notes and the counts: a re-import committed by
    # another process between two of these reads would give the report the old text
    # with the notes placed on the new one, each mark on other words. Inside it nothing
    # is written, so the text is read as stored (its notes point into that split).
    with read_transaction(library.db):
        article = library.article(article_id, upgrade=False)
        notes = number_notes(library.notes(article_id))
        claims, checked = claim_store.counts(library.db, article_id)
    return FactCheckReport(
        article_id=article_id,
        article=article,
        notes=notes,
        summary=summarize(notes, claims, checked),
        made=(today or date.today()).isoformat(),
    )
