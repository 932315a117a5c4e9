"""A note's sources as people write and read them: one text form for the note editor and
`gloss note add --source`, and one formatting per output.

The text form is one source a line::

    https://example.org/report Annual report 2024 > Revenue fell 3%.
    mailto:press@example.org Press office
    doi:10.1038/nature12373 Nanometre-scale thermometry > a quoted passage
    Phone interview with the lab, 3 Feb 2025 | Lab notes > "we never said that"

A line that starts with a link (http, https, mailto) or a DOI (`doi:10.…`,
`https://doi.org/10.…`, `https://dx.doi.org/10.…` or a bare `10.xxxx/…`, all stored as
the DOI) is that link, then an optional title; anything else is plain text, with an
optional title after ` | `. After ` > ` comes the quoted passage. Every non-empty line
is a source: nothing anyone typed is refused, and only http(s), mailto, DOIs and library
citations ever become links. Library citations are picked, not typed (the editor's
"Cite from library…", `--cite ARTICLE:N`); `citations.py` stores them.

For the exports, two functions give what every output needs:

- `link_target(source)`: where the source links to, for an export: the http(s) or mailto
  URL, `https://doi.org/…` for a DOI, the cited article's URL with a text fragment
  (`URL#:~:text=…`) for a citation, or "" when there is no link (plain text, a citation
  of an article without a web address, a Gloss article URN).
- `plain_text(source)`: the source on one line of plain text, the title, the quoted
  words and what it is (`Annual report — “Revenue fell 3%.” — https://…`).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from .model import DOI_RESOLVER, Source, SourceKind, doi_link
from .numbering import sentence_number
from .safe_links import is_web_link
from .text_fragment import with_text_fragment

TITLE_SEP = " | "
QUOTE_SEP = " > "
# A DOI: the "10." directory prefix, a registrant code, "/", a suffix without spaces.
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_URL = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(?P<doi>.+)", re.IGNORECASE)
_QUOTE_MARKS = "\"'“”‘’«»„"


def parse_doi(token: str) -> str | None:
    """The DOI `token` names (`doi:10.…`, a doi.org or dx.doi.org URL, a bare `10.…/…`),
    or None."""
    token = token.strip()
    if token[:4].lower() == "doi:":
        candidate = token[4:].strip()
    elif match := _DOI_URL.fullmatch(token):
        candidate = unquote(match.group("doi"))
    else:
        candidate = token
    return candidate if _DOI.fullmatch(candidate) else None


def doi_url(doi: str) -> str:
    """The `https://doi.org/` address of a DOI."""
    return doi_link(doi)


def parse_source(line: str) -> Source | None:
    """One line of the text form as a source; None for a blank line."""
    line = line.strip()
    if not line:
        return None
    head, sep, quote = line.partition(QUOTE_SEP)
    if not sep and line.startswith(QUOTE_SEP.lstrip()):
        head, quote = "", line[len(QUOTE_SEP.lstrip()) :]
    quote = quote.strip().strip(_QUOTE_MARKS).strip()
    head = head.strip()
    what, _, title = head.partition(" ")
    if _is_locator(what):
        # A link's title is what follows it ("https://… | Title" is taken too).
        title = title.strip()
        title = title[1:] if title.startswith(TITLE_SEP.strip() + " ") else title
    elif TITLE_SEP in head:
        what, _, title = head.partition(TITLE_SEP)
    else:
        what, title = head, ""
    what, title = what.strip(), title.strip()
    doi = parse_doi(what)
    if doi is not None:
        return Source(doi=doi, title=title, quote=quote)
    if is_web_link(what):
        return Source(url=what, title=title, quote=quote)
    if not what and not title and quote:
        what = quote  # "> words" alone: the words are the source
        quote = ""
    return Source(text=what or title, title=title if what else "", quote=quote)


def _is_locator(token: str) -> bool:
    return parse_doi(token) is not None or is_web_link(token)


def parse_sources(text: str) -> list[Source]:
    """Every non-empty line of `text` as a source (see the module's docstring)."""
    return [s for s in (parse_source(line) for line in text.splitlines()) if s is not None]


def format_source(source: Source) -> str:
    """The line `parse_source` reads back into the same source. A citation has no typed
    form: it gets its `plain_text`."""
    kind = source.kind
    if kind is SourceKind.CITATION:
        return plain_text(source)
    if kind is SourceKind.TEXT:
        line = source.text + (TITLE_SEP + source.title if source.title else "")
    else:
        what = "doi:" + source.doi if kind is SourceKind.DOI else source.url
        line = f"{what} {source.title}".strip()
    if source.quote:
        line += QUOTE_SEP + source.quote
    return line


def format_sources(sources: tuple[Source, ...] | list[Source]) -> str:
    """The text `parse_sources` reads back into the same sources (citations left out)."""
    return "\n".join(format_source(s) for s in sources if s.kind is not SourceKind.CITATION)


def link_target(source: Source) -> str:
    """Where an export links the source to, or "" when it is not a link (see above)."""
    kind = source.kind
    if kind is SourceKind.URL:
        return source.url if is_web_link(source.url) else ""
    if kind is SourceKind.DOI:
        return doi_url(source.doi)
    if kind is SourceKind.CITATION and is_web_link(source.url):
        return with_text_fragment(source.url, source.quote)
    return ""


def what_it_is(source: Source) -> str:
    """The source named without its title or quote: its address, `doi:…`, its words, or
    the saved article it cites (and whether that is gone)."""
    kind = source.kind
    if kind is SourceKind.URL:
        return source.url
    if kind is SourceKind.DOI:
        return "doi:" + source.doi
    if kind is SourceKind.TEXT:
        return source.text
    assert source.citation is not None
    where = link_target(source) or "saved article"
    if source.citation.gone:
        return f"{where} (no longer in the library)"
    if source.citation.trashed:
        return f"{where} (in the Trash)"
    return where


def source_json(source: Source) -> dict[str, Any]:
    """The source for the command line's `--json` output: its kind, its fields, its
    `link` (see `link_target`) and its one-line `text` (see `plain_text`)."""
    kind = source.kind
    data: dict[str, Any] = {"kind": kind.value}
    if kind is SourceKind.DOI:
        data["doi"] = source.doi
    elif kind is SourceKind.TEXT:
        data["text"] = source.text
    else:
        data["url"] = source.url
    data.update(title=source.title, quote=source.quote)
    citation = source.citation
    if citation is not None:
        placed = citation.sentence is not None and not citation.gone
        data["citation"] = {
            "article": citation.article_id,
            "sentence": citation.sentence if placed else None,
            "number": sentence_number(citation.sentence)
            if placed and citation.sentence is not None
            else None,
            "site": citation.site,
            "in_trash": citation.trashed,
            "gone": citation.gone,
        }
    data.update(link=link_target(source), plain_text=plain_text(source))
    return data


def plain_text(source: Source) -> str:
    """The source on one line: title, “quote” and what it is, joined by dashes."""
    parts = [" ".join(source.title.split())]
    if source.quote:
        parts.append(f"“{' '.join(source.quote.split())}”")
    parts.append(" ".join(what_it_is(source).split()))
    return " — ".join(p for p in parts if p)


__all__ = [
    "DOI_RESOLVER",
    "doi_url",
    "format_source",
    "format_sources",
    "link_target",
    "parse_doi",
    "parse_source",
    "parse_sources",
    "plain_text",
    "source_json",
    "what_it_is",
]
