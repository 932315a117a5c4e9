"""Small repairs that let lxml read damaged or unusual pages instead of refusing them."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .decode import xml_safe

# An XML declaration, whole or cut short: up to its `?>`, else up to the next tag. The
# text is already decoded, so its `encoding=` would only make lxml refuse the string
# ("Unicode strings with encoding declaration are not supported").
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^<>]*>?")
# What belongs in <head>; anything else found there in a page without <body> is content.
_HEAD_ONLY = frozenset(("title", "meta", "link", "style", "script", "base", "template"))


# A numeric character reference: libxml2 turns `&#11;` or `&#xFFFE;` into the very
# characters that lxml then refuses when the tree is rebuilt into blocks.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def prepare_markup(markup: str) -> str:
    """The markup without what lxml cannot take: an XML declaration and characters that
    no XML tree may hold (a stray control character must not cost the whole page)."""
    while (declaration := _XML_DECLARATION.match(markup)) is not None:
        markup = markup[declaration.end() :]  # a page saved twice over can carry two
    if "&#" in markup:
        markup = _CHAR_REF.sub(_safe_reference, markup)
    return xml_safe(markup)


def _safe_reference(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code == 0x0C:
        return " "  # a form feed is whitespace in HTML
    if code in (0x09, 0x0A, 0x0D) or 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE:
        return match.group()
    if 0x10000 <= code <= 0x10FFFF:
        return match.group()
    return ""  # a control character, a surrogate, U+FFFE/U+FFFF or past Unicode


def ensure_body(doc: lxml_html.HtmlElement) -> None:
    """Give a document without <body> one holding its content.

    libxml2 leaves it out when a page's content sits in its <head> (inside <noscript>,
    say) or when the page is a <frameset> whose text is in <noframes>.
    """
    if doc.find("body") is not None:
        return
    body = lxml_html.Element("body")
    for child in list(doc):
        if child.tag == "head":
            for el in list(child):
                if not isinstance(el.tag, str) or el.tag in _HEAD_ONLY:
                    continue
                body.append(el)  # moves it, with its tail
                if el.tag == "noscript":
                    el.drop_tag()  # without a body this is the only text there is
        elif child.tag == "noframes":
            body.extend(_fragment(child))
            doc.remove(child)
        elif child.tag == "frameset":
            for noframes in list(child.iter("noframes")):
                body.extend(_fragment(noframes))
        elif not isinstance(child.tag, str):
            continue
        else:
            body.append(child)
    doc.append(body)


def _fragment(el: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements inside `el`, parsing its text when libxml2 kept it raw (<noframes>)."""
    if len(el):
        return list(el)
    text = (el.text or "").strip()
    if not text:
        return []
    try:
        wrapper = lxml_html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return [wrapper]
