"""Find the element that holds the article, then prune what does not belong inside it.

Each run of prose (a paragraph, a text-bearing div, text loose between blocks) scores by
its length and commas, discounted by how much of it is link text. The score goes to its
container in full and, halved at each step, to a few more ancestors; the best-scoring
container wins. From there the article grows upwards while the winner's siblings look like
more of it (enough prose of their own, the same shape as a joined part, a standfirst or
opening picture just above, a list of references), and whatever lies outside the parts
that joined is cut away. Inside the result, link lists and labelled teaser boxes go.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .clean import remove, text_of

_PROSE_TAGS = ("p", "pre", "td", "blockquote", "div", "section")
_BLOCKISH = frozenset((
    "p", "div", "section", "article", "main", "ul", "ol", "li", "table", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl", "header", "form", "hr",
))  # fmt: skip
_GOOD_NAME = re.compile(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|prose", re.I
)
_BAD_NAME = re.compile(
    r"comment|meta|footer|footnote|foot|sidebar|sponsor|widget|related|share|social|promo|"
    r"nav|menu|masthead|banner|hidden|reflist|references",
    re.I,
)
_RELATED_LINE = re.compile(
    r"^\s*(related|read more|more:|read also|also read|recommended|further reading|"
    r"you may also like|more from|more stories|popular|sign up|subscribe|advertisement|"
    r"share this|follow us)\b",
    re.I,
)
# How boxes of links to other stories announce themselves, at the start of their text.
_RELATED_BOX = re.compile(
    r"^\s*(related|similar|read next|up next|more from|more stories|more on this|most popular|"
    r"most read|recommended|trending|you may also|you might also|also on|latest news|"
    r"other stories|see more|also in|more news|latest [\w ]{0,30}news|in other news|"
    r"top stories|more headlines|elsewhere on|around the web|from around the web|"
    r"don'?t miss|must read|editor'?s picks?|more in|r e l a t e d)\b",
    re.I,
)
# The label of a box of teasers: "Top stories", "Other Opinion Columns", "Latest posts".
_TEASER_LABEL = re.compile(r"\b(stories|articles|columns|posts|headlines|reads|videos)\s*$", re.I)
# Lines of page furniture that sit between paragraphs: ad labels, sharing and sign-up
# prompts, "continue reading" links. Matched against a whole short block.
_FURNITURE = re.compile(
    r"^(skip )?advertisement|^story continues below|^continue reading( the main story)?$|"
    r"^(share|tweet|email|print) (this|the) (article|story|page)$|^follow us on |"
    r"^sign up (for|to) .{0,60}newsletter|^subscribe to .{0,40}newsletter|"
    r"^(view|see) (this )?(image|gallery|photos?)\W*$|^click to enlarge|^loading\W*$|"
    # What a comment form leaves behind once the form itself is gone.
    r"^(there are )?no comments( yet)?\W*$|^(leave|post|add|write) (a|your) (comment|reply)\b|"
    r"^be the first to comment\b|^rss feed for comments\b|^comments? \(\d+\)\W*$|"
    r"^\d+ (comments?|responses?|replies)\W*$",
    re.I,
)
# The line blog templates put under a post: when, where it is filed, how to follow it.
_FILED_UNDER = re.compile(
    r"^(this|the) (entry|post|article) was posted\b.{0,120}\b(filed|categori[sz]ed) (under|in)\b",
    re.I,
)
_ANCESTOR_LEVELS = 4
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def link_density(el: lxml_html.HtmlElement, length: int | None = None) -> float:
    total = len(text_of(el)) if length is None else length
    if not total:
        return 0.0
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return min(linked / total, 1.0)


def _name_weight(el: lxml_html.HtmlElement) -> float:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        return 1.0
    weight = 1.0
    if _GOOD_NAME.search(names):
        weight *= 1.3
    if _BAD_NAME.search(names):
        weight *= 0.6
    return weight


def _is_prose(el: lxml_html.HtmlElement) -> bool:
    """A div/section counts as a paragraph only when it holds text, not other blocks."""
    if el.tag in ("div", "section", "span", "font", "li", "td"):
        return not any(isinstance(c.tag, str) and c.tag in _BLOCKISH for c in el)
    return True


def _prose_score(text: str, density: float) -> float:
    commas = text.count(",") + text.count("،") + text.count("，") + text.count("、")
    return (1 + commas + min(len(text) / 100, 3)) * (1 - density)


def _loose_text(el: lxml_html.HtmlElement) -> str:
    """Text that sits directly in a container between its blocks (<br>-separated posts)."""
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCKISH:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return " ".join(" ".join(pieces).split())


def main_content(
    body: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None = None
) -> lxml_html.HtmlElement:
    scores: dict[lxml_html.HtmlElement, float] = {}
    # All the prose anywhere inside an element, undecayed: how much article a sibling
    # holds however deep its paragraphs sit.
    totals: dict[lxml_html.HtmlElement, float] = {}

    def credit(el: lxml_html.HtmlElement, score: float) -> None:
        share = 1.0
        for level, ancestor in enumerate((el, *el.iterancestors())):
            if level <= _ANCESTOR_LEVELS:
                scores[ancestor] = scores.get(ancestor, 0.0) + score * share
                share /= 2
            totals[ancestor] = totals.get(ancestor, 0.0) + score
            if ancestor is body:
                break

    for el in body.iter(*_PROSE_TAGS, "li"):
        prose = _is_prose(el)
        text = text_of(el) if prose else _loose_text(el)
        if len(text) < 25:
            continue
        density = link_density(el, len(text)) if prose else 0.0
        score = _prose_score(text, density)
        if el.tag == "li":
            score /= 2  # list items are often link lists and references, rarely the story
        parent = el.getparent()
        if not prose:
            credit(el, score)
        elif parent is not None:
            credit(parent, score)
    if not scores:
        return body
    ranked = {
        el: s * _name_weight(el) * (1 - 0.8 * link_density(el))
        for el, s in sorted(scores.items(), key=lambda kv: -kv[1])[:12]
    }
    best = max(ranked, key=ranked.__getitem__)
    if headline is not None and headline.getparent() is not None:
        best = _near_headline(best, ranked, headline)
    # Articles split into sibling containers (one per section) score each part alone;
    # when the parent's own score is close to the winner's, the parent is the article.
    while best is not body:
        parent = best.getparent()
        if parent is None or scores.get(parent, 0.0) < scores[best] * 1.2:
            break
        if link_density(parent) > 0.35:
            break
        best = parent
    return _with_siblings(best, body, totals, headline)


def _near_headline(
    best: lxml_html.HtmlElement, ranked: dict, headline: lxml_html.HtmlElement
) -> lxml_html.HtmlElement:
    """The article follows its headline inside the headline's box. A winner outside that
    box (a profile, a sidebar) gives way to the best candidate inside it, if there is one
    with some standing of its own."""
    scope = headline.getparent()
    if _inside(best, scope) or _inside(headline, best):
        return best
    near = [
        el for el in ranked if _inside(el, scope) and el is not headline and link_density(el) < 0.3
    ]
    if not near:
        return scope if _holds_short_post(scope, headline, best) else best
    top = max(near, key=ranked.__getitem__)
    return top if ranked[top] >= _NEAR_SHARE * ranked[best] else best


_NEAR_SHARE = 0.1
# A short post under its headline: text enough to be one, against the winner elsewhere.
_SHORT_POST_MIN = 150
_SHORT_POST_SHARE = 0.2


def _holds_short_post(
    scope: lxml_html.HtmlElement, headline: lxml_html.HtmlElement, best: lxml_html.HtmlElement
) -> bool:
    """Whether the headline's own box holds a post of its own: a short one (a list of
    links with a word on each, a few lines) that no paragraph made a candidate, while the
    winner is a profile or a sidebar elsewhere. A box with just a kicker or a dateline
    under the headline holds far less than the body that won beside it."""
    text = len(text_of(scope)) - len(text_of(headline))
    if text < _SHORT_POST_MIN or text < _SHORT_POST_SHARE * len(text_of(best)):
        return False
    return link_density(scope) < 0.6


def _inside(el: lxml_html.HtmlElement, box: lxml_html.HtmlElement) -> bool:
    return el is box or any(a is box for a in el.iterancestors())


def _with_siblings(
    best: lxml_html.HtmlElement,
    body: lxml_html.HtmlElement,
    totals: dict,
    headline: lxml_html.HtmlElement | None = None,
) -> lxml_html.HtmlElement:
    """Climb from the winner while its siblings continue the article (sections, steps).

    At each level the parent becomes the article, minus the children before the first
    and after the last part that continues it, and minus link lists in between.
    """
    threshold = max(totals.get(best, 0.0) * 0.2, 3.0)
    node = probe = best
    while probe is not body:
        parent = probe.getparent()
        if parent is None:
            break
        children = [c for c in parent if isinstance(c.tag, str)]
        if headline is not None and _inside(headline, probe):
            # The headline and the body under it are already in: what lies beside them
            # is another column (a sidebar, other posts), not more of this article.
            joined = [c is probe for c in children]
        else:
            joined = [c is probe or _continues_article(c, totals, threshold) for c in children]
        # Parts of one article repeat one shape (`div.articleBodyText` after each picture):
        # a short part that looks exactly like a joined one is more of the same.
        shapes = {(c.tag, c.get("class")) for c, j in zip(children, joined, strict=True) if j}
        for i, c in enumerate(children):
            if not joined[i] and c.get("class") and (c.tag, c.get("class")) in shapes:
                joined[i] = bool(text_of(c)) and link_density(c) < 0.35
        last = len(joined) - 1 - joined[::-1].index(True)
        for i in range(last + 1, _prose_after(children, last) + 1):
            joined[i] = True
        if sum(joined) < 2 and not (probe is node and _has_lead(children, joined)):
            # A wrapper around the winner alone (plus a picture, a dateline) adds nothing
            # by itself, but its siblings may continue the article: look one level up.
            others = sum(len(text_of(c)) for c in children if c is not probe)
            if others < 0.3 * len(text_of(probe)):
                probe = parent
                continue
            break
        _trim_wrappers(node, probe)
        first = joined.index(True)
        last = len(joined) - 1 - joined[::-1].index(True)
        # Just above the body: its section heading, its lead paragraph (a "standfirst" in
        # a box of its own) and its opening picture belong to it.
        while first > 0 and _leads_into_article(children[first - 1]):
            first -= 1
            joined[first] = True
        for i, child in enumerate(children):
            outside = i < first or i > last
            if outside or (
                not joined[i] and child.tag not in _HEADINGS and link_density(child) > 0.5
            ):
                remove(child)
        node = probe = parent
    return node


# A box of the article's own paragraphs after its body: at least this many of them, each
# a sentence or more, with few links.
_MIN_TRAILING_PARAGRAPHS = 2


def _prose_after(children: list[lxml_html.HtmlElement], last: int) -> int:
    """The article goes on after its last joined part in boxes of plain paragraphs (a
    methodology note, a second section its template wrapped apart), too short to weigh in
    alone. Empty spacers between them are stepped over. Returns the new last index."""
    j = last + 1
    while j < len(children):
        child = children[j]
        text = text_of(child)
        if not text and child.find(".//img") is None and child.tag != "img":
            j += 1
            continue
        if not _is_prose_box(child, text):
            break
        last = j
        j += 1
    return last


def _is_prose_box(el: lxml_html.HtmlElement, text: str) -> bool:
    if el.tag not in ("div", "section") or link_density(el, len(text)) > 0.2:
        return False
    if any(c.tag not in ("p", "br") and c.tag in _BLOCKISH for c in el.iter() if c is not el):
        return False
    paragraphs = [p for p in el if p.tag == "p" and len(text_of(p)) >= 80]
    return len(paragraphs) >= _MIN_TRAILING_PARAGRAPHS


def _has_lead(children: list[lxml_html.HtmlElement], joined: list[bool]) -> bool:
    """Whether a standfirst (a prose paragraph in a box of its own) sits just above the
    article, possibly with its opening picture between them."""
    i = joined.index(True) - 1
    while i >= 0 and _leads_into_article(children[i]):
        text = text_of(children[i])
        if len(text) >= 100 and text.rstrip('"”’»').endswith((".", "!", "?", "。")):
            return children[i].find(".//img") is None
        i -= 1
    return False


def _leads_into_article(el: lxml_html.HtmlElement) -> bool:
    if el.tag in ("h2", "h3", "h4", "figure", "picture", "img"):
        return True
    text = text_of(el)
    if el.find(".//img") is not None and len(text) < 300:
        return True  # a picture with its caption, often wrapped in a link to a lightbox
    if not 80 <= len(text) <= 1500 or link_density(el, len(text)) > 0.2:
        return False
    # A lead is prose: paragraphs or inline text, no lists, headings or nested boxes.
    return all(c.tag in ("p", "br") or c.tag not in _BLOCKISH for c in el.iter() if c is not el)


def _trim_wrappers(node: lxml_html.HtmlElement, top: lxml_html.HtmlElement) -> None:
    """Between the article and the ancestor it grows into, keep pictures, section headings
    and intro paragraphs beside it, and drop the rest (titles, datelines, share boxes)."""
    while node is not top:
        parent = node.getparent()
        if parent.tag == "table":
            node = parent  # a table's caption and head rows are part of it
            continue
        for child in [c for c in parent if c is not node and isinstance(c.tag, str)]:
            # An intro paragraph beside the body stays; so do pictures and headings.
            keep = child.tag in ("h5", "h6") or _leads_into_article(child)
            if not keep:
                remove(child)
        node = parent


def _continues_article(el: lxml_html.HtmlElement, totals: dict, threshold: float) -> bool:
    if totals.get(el, 0.0) >= threshold:
        density = link_density(el)
        if density < 0.35 or (density < 0.7 and _is_citation_list(el)):
            return True
    if el.tag == "p":
        text = text_of(el)
        density = link_density(el, len(text))
        if len(text) >= 80 and density < 0.25:
            return True
        if 0 < len(text) < 80 and density == 0 and text.endswith((".", "!", "?", '"', "”")):
            return True
    return False


def _is_citation_list(el: lxml_html.HtmlElement) -> bool:
    """Notes and references: list items that read as sentences with links in them, not
    one headline link each. For a fact-checking reader they are part of the article."""
    items = el.findall(".//li")
    if len(items) < 3:
        return False
    texts = [text_of(li) for li in items]
    long_items = sum(len(t) >= 60 and ("," in t or ". " in t) for t in texts)
    return long_items >= 0.6 * len(items)


def _is_related_box(el: lxml_html.HtmlElement, text: str, length: int) -> bool:
    """A box of links to other stories under a "Related" / "More stories" label."""
    label = next((t for t in el.itertext() if t.strip()), "").strip()
    if not _RELATED_BOX.match(text) and not (len(label) <= 40 and _TEASER_LABEL.search(label)):
        return False
    if link_density(el, length) > 0.25:
        return True
    # Teasers with a summary under each link are less link-dense; the short label on top
    # and several links still give them away.
    return len(label) <= 40 and len(el.findall(".//a")) >= 2


def prune(root: lxml_html.HtmlElement) -> None:
    """Inside the article: drop link lists, "Related:" lines and other small leftovers."""
    doomed: list[lxml_html.HtmlElement] = []
    for el in root.iter("div", "section", "ul", "ol", "table", "p", "dl", "header", "figure"):
        if el is root or any(a.tag == "td" or a in doomed for a in _ancestors_below(el, root)):
            # Already going, or inside a table cell: tables in the article are judged
            # whole. (A layout cell that is the article, or holds it, is not such a table.)
            continue
        if _is_leftover(el):
            doomed.append(el)
    for el in doomed:
        remove(el)


def _ancestors_below(
    el: lxml_html.HtmlElement, root: lxml_html.HtmlElement
) -> list[lxml_html.HtmlElement]:
    found = []
    for a in el.iterancestors():
        if a is root:
            break
        found.append(a)
    return found


def _is_leftover(el: lxml_html.HtmlElement) -> bool:
    text = text_of(el)
    length = len(text)
    if length < 120 and _FURNITURE.match(text):
        return True
    if length < 500 and _FILED_UNDER.match(text):
        return True
    if el.tag == "p":
        # "Related: <a>Another story</a>", "Read more: ..."
        return length < 200 and bool(_RELATED_LINE.match(text)) and link_density(el) > 0.3
    if length < 3000 and _is_related_box(el, text, length):
        return True
    if el.tag in ("figure", "table") or (el.find(".//img") is not None and length < 100):
        return False
    density = link_density(el, length)
    if el.tag in ("ul", "ol"):
        # A list of links (related stories, tags) but not a list of cited sources.
        return density > 0.6 and length / max(len(el), 1) < 80 and text.count(".") < len(el)
    if length == 0:
        return el.find(".//img") is None and el.find(".//pre") is None
    return density > 0.5 and length < 1000 and text.count(",") < 3
