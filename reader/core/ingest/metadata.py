"""Article metadata from a parsed page: JSON-LD, OpenGraph, meta tags, <time>, the text.

Structured data comes first (it is what publishers fill in for search engines), then meta
tags, then what the page shows. Every value is cleaned to one line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import html as lxml_html

from ..model import Metadata
from .dates import find_date_in_text, iso_date

# " | Site", " - Site", " – Site", " · Site": a page title's site suffix.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|«)\s+")
_BY_PREFIX = re.compile(r"^\s*(by|par|von|por|di|door|av|af|przez|от|作者)[\s:]+", re.I)
_ARTICLE_TYPES = ("Article", "BlogPosting", "Report", "Posting", "Review", "Recipe")

# Elements that hold the author's name, class names matched without regard to case.
_BYLINE_BOXES = (
    "//*[@rel='author' or @itemprop='author' or contains("
    "translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'byline')"
    " or contains(@class,'author')]"
)
_TITLE_KEYS = ("dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title")
_AUTHOR_KEYS = (
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
)
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "datepublished",
)


def read_metadata(doc: lxml_html.HtmlElement, url: str | None = None) -> Metadata:
    meta = _meta_tags(doc)
    ld = _json_ld(doc)
    site = (
        meta.get("og:site_name")
        or _ld_name(ld.get("publisher"))
        or meta.get("application-name")
        or meta.get("apple-mobile-web-app-title")
        or _site_from_title(_clean(doc.findtext(".//title") or ""))
    )
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    page_url = (canonical[0].strip() if canonical else "") or meta.get("og:url") or url or ""
    lang = (
        doc.get("lang")
        or doc.get("xml:lang")
        or meta.get("content-language")
        or meta.get("dc.language")
        or meta.get("og:locale")
        or ""
    )
    excerpt = meta.get("og:description") or meta.get("description") or ""
    excerpt = excerpt or str(ld.get("description") or "")
    return Metadata(
        title=_clean(_title(doc, meta, ld, _clean(site))),
        byline=_byline(doc, meta, ld),
        published=_published(doc, meta, ld),
        site=_clean(site),
        lang=_clean(lang).replace("_", "-"),
        url=page_url,
        excerpt=_clean(excerpt),
    )


def _meta_tags(doc: lxml_html.HtmlElement) -> dict[str, str]:
    """Meta tags by lower-cased name; `property="dc:title og:title"` names both."""
    by_property: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for el in doc.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        # `property` (RDFa) wins over `name` when a page gives both for one key.
        for attr in ("property", "name", "itemprop", "http-equiv"):
            for key in (el.get(attr) or "").lower().split():
                key = key.replace("dc:", "dc.").replace("dcterm:", "dcterms.")
                (by_property if attr == "property" else by_name).setdefault(key, content.strip())
    return by_name | by_property


def _json_ld(doc: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first article-like JSON-LD object, else the first with a headline or date."""
    fallback: dict[str, Any] = {}
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        # Some CMSs wrap the JSON in a CDATA section, which HTML parsers keep as text.
        text = (script.text or "").strip()
        text = text.removeprefix("<![CDATA[").removesuffix("]]>")
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in kinds):
                return item
            if not fallback and ("headline" in item or "datePublished" in item):
                fallback = item
    return fallback


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [i for d in data for i in _ld_items(d)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _ld_name(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list):
        return ", ".join(n for n in (_ld_name(v) for v in value) if n)
    return ""


def _title(doc: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any], site: str) -> str:
    page_title = _clean(doc.findtext(".//title") or "")
    headings = [_clean(h.text_content()) for h in doc.iter("h1")]
    candidates = [_clean(str(ld.get(k) or "")) for k in ("headline", "name")]
    candidates += [_clean(meta.get(k, "")) for k in _TITLE_KEYS]
    candidates = [c for c in candidates if c]
    # Structured data sometimes names the kind of page ("Wikimedia list article") instead
    # of the page: prefer a candidate that the <title> or an <h1> confirms.
    confirmed = [c for c in candidates if c in page_title or c in headings]
    title = (confirmed or candidates or [page_title])[0]
    if not title:
        return headings[0] if headings else ""
    return _headline_span(_strip_site_prefix(_strip_site(title, site, headings), doc), doc)


# "Blog name: Post title", "Site » Section » Title": a leading site part, dropped only when
# a heading on the page reads exactly as what follows it.
_PREFIX_SEPARATOR = re.compile(r"(?::|\s(?:\||-|–|—|·|•|::|»|«))\s+")


def _strip_site_prefix(title: str, doc: lxml_html.HtmlElement) -> str:
    first = _PREFIX_SEPARATOR.search(title)
    if first is None:
        return title
    rest = title[first.end() :].strip()
    if len(rest) < 4:
        return title
    headings = {_loose(h.text_content()) for h in doc.iter("h1", "h2", "h3", "h4")}
    return rest if _loose(rest) in headings else title


# Every separator a title puts between its headline and its site, section or breadcrumb
# parts: "The Hindu : Sport / Racing : Horse : Headline", "TV3 > News > Story > Headline".
# Spaced on both sides: "US elections: Turnout high" is one headline with its kicker.
_ANY_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|«|>|:|/)\s+")


_MAX_SPLIT_TITLE = 300


def _headline_span(title: str, doc: lxml_html.HtmlElement) -> str:
    """The run of a title's parts that a heading on the page shows as the headline.

    What surrounds the headline in a title (site names, sections, breadcrumbs) varies
    from site to site; the page's own heading does not. Only a span that a heading reads
    exactly (words, case and punctuation aside) is taken; a title no heading confirms is
    left as it is."""
    if len(title) > _MAX_SPLIT_TITLE:
        return title  # the text of a broken page read as its title: nothing to split
    cuts = [(m.start(), m.end()) for m in _ANY_SEPARATOR.finditer(title)]
    if not cuts:
        return title
    # A heading longer than the title cannot read as a part of it (and an unclosed <h1>
    # on a broken page can hold the whole page).
    texts = (h.text_content() for h in doc.iter("h1", "h2", "h3", "h4"))
    headings = {_loose(t) for t in texts if len(t) <= 4 * len(title)}
    headings.discard("")
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(title)]
    parts = [title[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    best = ""
    for i, start in enumerate(starts):
        for j in range(i, len(ends)):
            span = title[start : ends[j]].strip()
            if len(span) <= len(best) or len(span) >= len(title.strip()):
                continue
            # The headline is the title's longest part: a heading that reads as a shorter
            # one (a section, "Premier League - Warnock returns") names something else.
            outside = parts[:i] + parts[j + 1 :]
            if all(len(span) >= len(p) for p in outside) and _loose(span) in headings:
                best = span
    return best if len(_loose(best)) >= 8 else title


def _strip_site(title: str, site: str, headings: list[str]) -> str:
    """Drop a trailing " | Site" (or " - Site"...) part from a title."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    for cut in range(len(parts) - 1, 0, -1):
        head = title[: _nth_separator(title, cut)].strip()
        tail = title[len(head) :].strip(" |-–—·•:»«")
        if head in headings:
            return head  # the page's own heading confirms where the title ends
        if site and _loose(tail) == _loose(site):
            return head
    head = title[: _nth_separator(title, len(parts) - 1)].strip()
    tail = title[len(head) :].strip(" |-–—·•:»«")
    # Without confirmation, only a short, capitalised tail after a long enough head reads
    # as a site name ("… - an async task framework" is part of the title).
    if len(tail.split()) <= 4 and len(head.split()) >= 3 and not tail[:1].islower():
        return head
    return title


def _site_from_title(page_title: str) -> str:
    """ "Story headline | Coastal Gazette" names its site in the last part."""
    parts = _SEPARATOR.split(page_title)
    tail = parts[-1] if len(parts) > 1 else ""
    if tail and len(tail.split()) <= 4 and not tail[:1].islower():
        return tail
    return ""


def _nth_separator(title: str, n: int) -> int:
    """Where the n-th separator (1-based) starts."""
    matches = list(_SEPARATOR.finditer(title))
    return matches[n - 1].start()


def _loose(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _byline(doc: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str:
    candidates = [_ld_name(ld.get("author")), _ld_name(ld.get("creator"))]
    candidates += [meta.get(k, "") for k in _AUTHOR_KEYS]
    for value in candidates:
        value = _clean_byline(value)
        if value and not value.startswith(("http://", "https://", "@")):
            return value
    return _byline_from_markup(doc)


def _byline_from_markup(doc: lxml_html.HtmlElement) -> str:
    for el in doc.xpath(_BYLINE_BOXES):
        if el.tag in ("meta", "link", "body", "article", "html"):
            continue
        # Inside a byline box the name is the author link or the itemprop name; the rest
        # is a job title, a date or "Follow".
        names = el.xpath(
            ".//*[@itemprop='name'] | .//a[@rel='author' or contains(@href,'/author')]"
        )
        text = _clean_byline((names[0] if names else el).text_content())
        if 2 < len(text) < 100:
            return text
    return ""


def _clean_byline(text: str) -> str:
    text = _clean(text)
    text = _BY_PREFIX.sub("", text)
    # "Steven Musil January 18, 2017 11:00 PM" or "James Akinaka • 8h": the name ends
    # where a date, a separator or a handle begins.
    text = re.split(r"\s+(?:[|•·]|@\w)|\s+(?=(?:on\s+)?\w+\.? \d{1,2}, \d{4})", text)[0]
    return text.strip(" ,;")


def _published(doc: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str:
    candidates = [str(ld.get("datePublished") or ""), str(ld.get("dateCreated") or "")]
    candidates += [meta.get(k, "") for k in _DATE_KEYS]
    candidates += [
        t.get("datetime") or "" for t in doc.iter("time") if t.get("pubdate") is not None
    ]
    candidates += [el.get("datetime") or el.get("content") or "" for el in _itemprop_dates(doc)]
    candidates += [t.get("datetime") or "" for t in doc.iter("time")]
    for value in candidates:
        found = iso_date(value)
        if found:
            return found
    return find_date_in_text(doc)


def _itemprop_dates(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return doc.xpath("//*[@itemprop='datePublished']")


def _clean(text: str) -> str:
    return " ".join(text.split())
