"""Article metadata from a parsed page: JSON-LD, OpenGraph, meta tags, <time>, <title>."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import html as lxml_html

from ..model import Metadata

_SITE_SUFFIX = re.compile(r"\s+[|·•–—:-]\s+[^|·•–—]{2,60}$")


def read_metadata(doc: lxml_html.HtmlElement, url: str | None = None) -> Metadata:
    meta = _meta_tags(doc)
    ld = _json_ld(doc)
    site = meta.get("og:site_name") or _ld_name(ld.get("publisher")) or ""
    title = _title(doc, meta, ld, site)
    author_meta = meta.get("author") or meta.get("article:author", "")
    if author_meta.startswith("http"):  # article:author is often a profile URL
        author_meta = ""
    byline = _ld_name(ld.get("author")) or author_meta or _byline_from_markup(doc)
    published = (
        ld.get("datePublished")
        or meta.get("article:published_time")
        or meta.get("date")
        or meta.get("dc.date")
        or meta.get("pubdate")
        or _first_time(doc)
        or ""
    )
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    page_url = (canonical[0] if canonical else "") or meta.get("og:url") or url or ""
    lang = (doc.get("lang") or meta.get("og:locale") or "").replace("_", "-")
    excerpt = meta.get("og:description") or meta.get("description") or ""
    return Metadata(
        title=_clean(title),
        byline=_clean(str(byline)),
        published=_clean(str(published)),
        site=_clean(site),
        lang=_clean(lang),
        url=page_url.strip(),
        excerpt=_clean(excerpt),
    )


def _meta_tags(doc: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in found:
            found[key] = content
    return found


def _json_ld(doc: lxml_html.HtmlElement) -> dict[str, Any]:
    for script in doc.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and ("Article" in k or k == "BlogPosting") for k in kinds):
                return item
    return {}


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
        return str(value.get("name", ""))
    if isinstance(value, list):
        return ", ".join(n for n in (_ld_name(v) for v in value) if n)
    return ""


def _title(doc: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any], site: str) -> str:
    candidates = [
        str(ld.get("headline") or ""),
        meta.get("og:title", ""),
        meta.get("twitter:title", ""),
        doc.findtext(".//title") or "",
    ]
    title = next((c.strip() for c in candidates if c.strip()), "")
    if site and title.endswith(site) and len(title) > len(site) + 3:
        title = _SITE_SUFFIX.sub("", title)
    elif _SITE_SUFFIX.search(title):
        # Only drop a " | Something" tail when an <h1> confirms the shorter title.
        h1s = [_clean(h.text_content()) for h in doc.iter("h1")]
        short = _SITE_SUFFIX.sub("", title)
        if short in h1s:
            title = short
    if not title:
        h1 = next(doc.iter("h1"), None)
        title = h1.text_content() if h1 is not None else ""
    return title


def _byline_from_markup(doc: lxml_html.HtmlElement) -> str:
    for el in doc.xpath("//*[@rel='author' or @itemprop='author' or contains(@class,'byline')]"):
        text = _clean(el.text_content())
        if 0 < len(text) < 100:
            return re.sub(r"^by\s+", "", text, flags=re.I)
    return ""


def _first_time(doc: lxml_html.HtmlElement) -> str:
    for el in doc.iter("time"):
        value = el.get("datetime")
        if value:
            return value
    return ""


def _clean(text: str) -> str:
    return " ".join(text.split())
