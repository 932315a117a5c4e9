"""Menus and headline lists written as lines of links, loose in the article's box.

Old layout-table pages (and some hand-written ones) put their navigation and "latest
stories" lists beside the story as bare lines: `<a>Story one</a><br><a>Story two</a><br>`,
or one line of links joined by " | ". Such lines are no block of their own, so the block
pruning never sees them. A line is what lies between two <br>s (or block children); a line
whose words are all link text is a link line; a run of several link lines, or one line of
several links with only separators between them, is a menu and goes. A single link on its
own line (a source, "Read the full report") stays, as do lines that show a web address.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .clean import remove

# What may stand between the links of one menu line: separators and bullets, no words.
_SEPARATORS = re.compile(r"^[\s|•·»«›‹/\\:,;()\[\]*>\-–—]*$")
# A menu bar's own label, "News:" or "Sections:", before its links.
_LABEL = re.compile(r"^\s*\w[\w ]{0,20}:\s*$")
_URL_TEXT = re.compile(r"^\s*(https?://|www\.)", re.I)
_LINE_BREAKING = frozenset((
    "br", "p", "div", "section", "article", "ul", "ol", "li", "table", "tr", "td", "blockquote",
    "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl", "header", "hr", "center", "form",
))  # fmt: skip
# Boxes whose lines are judged: block containers. (An inline element of links inside a
# sentence, "<b><a>A</a> / <a>B</a></b> - both do this", is judged as part of its line.)
_BOXES = (
    "body", "div", "section", "article", "main", "td", "th", "li", "dd", "blockquote",
    "center", "form", "header",
)  # fmt: skip
# How many link lines in a row make a list of links rather than a link in the story.
_MIN_RUN = 3
# How many links on one line, with only separators between them, make a menu bar.
_MIN_BAR = 3


class _Line:
    __slots__ = ("elements", "label", "links", "loose")

    def is_bar(self) -> bool:
        """Several links on one line with visible separators between them ("A | B | C");
        links with only spaces between them read as a phrase ("Unitary parliamentary
        monarchy" in an infobox), not a menu."""
        return self.links >= _MIN_BAR and any(t.strip() for t in self.loose)

    def __init__(self) -> None:
        self.elements: list[lxml_html.HtmlElement] = []
        self.links = 0
        # Non-link text on the line: the container's text or a tail before the first
        # element, and every child's tail.
        self.loose: list[str] = []
        self.label = False

    def add_loose(self, text: str) -> None:
        if not self.links and not self.label and _LABEL.match(text):
            self.label = True
        else:
            self.loose.append(text)

    def only_links(self) -> bool:
        if self.label and self.links < _MIN_BAR:
            return False
        return self.links > 0 and all(_SEPARATORS.match(t) for t in self.loose)


def _links_in(el: lxml_html.HtmlElement) -> int | None:
    """How many links an inline element is made of, or None if it has words outside them."""
    if el.tag == "a":
        text = el.text_content()
        return None if _URL_TEXT.match(text) or not text.strip() else 1
    count = 0
    if el.text and not _SEPARATORS.match(el.text):
        return None
    for child in el:
        if not isinstance(child.tag, str):
            continue
        inner = _links_in(child)
        if inner is None:
            return None
        count += inner
        if child.tail and not _SEPARATORS.match(child.tail):
            return None
    return count


def _lines(box: lxml_html.HtmlElement) -> list[_Line]:
    lines: list[_Line] = []
    line = _Line()
    line.add_loose(box.text or "")
    for child in box:
        if not isinstance(child.tag, str):
            line.add_loose(child.tail or "")
            continue
        if child.tag in _LINE_BREAKING:
            lines.append(line)
            line = _Line()
            if child.tag == "br":
                line.elements.append(child)  # the break goes with the line after it
        else:
            links = _links_in(child)
            line.elements.append(child)
            if links is None:
                line.add_loose(child.text_content())
            elif child.tag != "img":
                line.links += links
        line.add_loose(child.tail or "")
    lines.append(line)
    return lines


def drop_link_lines(root: lxml_html.HtmlElement) -> None:
    doomed: list[_Line] = []
    for box in root.iter(*_BOXES):
        run: list[_Line] = []
        for line in [*_lines(box), None]:
            if line is not None and line.only_links():
                run.append(line)
                continue
            if len(run) >= _MIN_RUN:
                doomed.extend(run)
            else:
                doomed.extend(r for r in run if r.is_bar())
            run = []
    for line in doomed:
        for el in line.elements:
            el.tail = None  # only separators between the links
            remove(el)
