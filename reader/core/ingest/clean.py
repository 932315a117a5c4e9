"""Remove what is never article text before the main content is looked for.

Runs once over the whole lxml tree, so every test here is a cheap attribute look-up;
only elements already suspected of being boilerplate pay for measuring their text.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .errors import ImportFailed

# Deeper markup than this is not an article but an attack or a broken generator. lxml
# itself stops building the tree at 255 levels and silently drops the rest, so a tree
# this deep has probably lost text: refuse it rather than show half a page.
MAX_DEPTH = 200

# Never text a reader wants: code, media, widgets, navigation. (Forms are judged below:
# some pages wrap everything in one.) The parser keeps the content of raw-text containers
# (<noembed>, <noframes>, <iframe>, <textarea>) as literal markup: they go whole.
DROP_TAGS = frozenset((
    "script", "style", "noscript", "template", "nav", "footer", "aside", "button", "iframe",
    "svg", "canvas", "input", "select", "textarea", "object", "embed", "dialog", "menu", "link",
    "meta", "noembed", "noframes", "title",
))  # fmt: skip
# Text that is nothing but tags with attributes: a fallback `<img src=... width="1">` that a
# page escaped or nested where the parser reads it as text. Markup shown on purpose (an
# article about HTML) sits in code or pre, and those are left alone.
_LITERAL_MARKUP = re.compile(
    r"\s*(?:<(?:[a-zA-Z][\w:-]*)\s[^<>]*=[^<>]*>\s*|</[a-zA-Z][\w:-]*>\s*)+"
)
_CODE_TAGS = frozenset(("pre", "code", "xmp", "kbd", "samp", "tt", "listing"))
_ROLES = frozenset((
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
    "menu", "menubar", "toolbar", "tablist",
    # ARIA: "parenthetic or ancillary to the main content" ("Main article: ...").
    "note",
))  # fmt: skip
# Class/id words that name boilerplate, matched against the hyphen/underscore-separated
# parts of each class and id ("post-share-buttons" has "share").
_BAD_PARTS = frozenset((
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "shares",
    "sharing", "sharebar", "sharetools", "social", "socials", "ad", "ads", "adslot", "advert",
    "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo", "promotion",
    "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr",
    "banner", "related", "recommended", "recommendations", "readmore", "outbrain", "taboola",
    "comment", "comments", "disqus", "replies", "respond", "footer", "masthead", "sidebar",
    "popup", "modal", "tags", "tagcloud", "taglist", "toolbar", "pagination", "pager", "widget",
    "shoutbox", "authorbio", "trending", "mostpopular", "paywall",
))  # fmt: skip
# Who and when: already read into the metadata before cleaning. Such a box is one short
# line; a long run of prose under one of these names is a post a template misnamed.
_WHO_WHEN_PARTS = frozenset(("byline", "dateline", "timestamp", "meta"))
# Text a who/when line never reaches: a few sentences of prose, not a list of tags.
_WHO_WHEN_MAX = 500
# Boilerplate only as a whole class or id: their parts are too common ("hidden-mobile").
_BAD_WHOLE = frozenset((
    "hidden", "skip", "sr-only", "visually-hidden", "screen-reader-text",
    # Labels read only by screen readers ("Media caption", "Image copyright").
    "off-screen", "offscreen", "visuallyhidden", "screen-reader-only", "element-invisible",
    "print-only", "print", "bio", "author-bio", "about-author", "author-info", "more-stories",
    "most-popular", "read-more", "jump-link",
))  # fmt: skip
_BAD_PREFIXES = (
    "share", "social", "advert", "sponsor", "newsletter", "related", "cookie", "subscri",
    "recommend", "breadcrumb", "outbrain", "taboola",
)  # fmt: skip
# Parts that mark the article itself: a class or id made of them protects the element.
_GOOD_PARTS = frozenset((
    "article", "articlebody", "content", "entry", "post", "story", "body", "text", "main",
    "prose", "blog", "hentry",
))  # fmt: skip
# Whole class or id names of comment sections.
_COMMENTS = frozenset((
    "comments", "comment-list", "commentlist", "comments-area", "comments-section",
    "comment-section", "disqus_thread",
))  # fmt: skip
_MEDIA_PARTS = frozenset(("video", "player"))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SLUG = re.compile(r"[A-Z][a-z]*[_-]|[_-][A-Z]")  # capitalised words joined by _ or -
_PARTS = re.compile(r"[-_:.]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PROTECTED = frozenset(("html", "body", "article", "main"))
# Inline words inside a sentence: dropping one by its class would leave a hole in the text.
_INLINE = frozenset((
    "a", "em", "strong", "b", "i", "u", "s", "code", "abbr", "sup", "sub", "time", "mark", "q",
    "cite", "small", "kbd", "var",
))  # fmt: skip


_TEXT_BLOCKS = frozenset(
    ["p", "li", "dd", "td", "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "pre"]
)


def check_depth(root: lxml_html.HtmlElement) -> None:
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ImportFailed(f"markup nested deeper than {MAX_DEPTH} levels")
        stack.extend((child, depth + 1) for child in el)


def is_hidden(el: lxml_html.HtmlElement) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
    )


def boilerplate_name(el: lxml_html.HtmlElement) -> bool:
    """Whether the element's class or id names it as boilerplate (and nothing better)."""
    bad, who_when, good = _name_parts(el)
    return (bad or who_when) and not good


def _misnamed_prose(el: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> bool:
    """A box named only as a byline or a date that holds a post's worth of prose, under
    the page's headline in the headline's own box: the post's body, misnamed."""
    bad, who_when, _good = _name_parts(el)
    if bad or not who_when or headline is None:
        return False
    scope = headline.getparent()
    if scope is None or not _contains(scope, el) or _contains(el, headline):
        return False
    text = text_of(el)
    if len(text) < _WHO_WHEN_MAX:
        return False
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return linked < 0.3 * len(text)


def _name_parts(el: lxml_html.HtmlElement) -> tuple[bool, bool, bool]:
    """Whether the class or id names boilerplate, who/when lines, the article."""
    tokens = (el.get("class") or "").split()
    element_id = el.get("id") or ""
    # Ids made from a heading ("Eich_CEO_promotion_controversy",
    # "sharing-with-a-single-developer") name the section's subject, not its role.
    if element_id and not (_SLUG.search(element_id) or len(_PARTS.split(element_id)) > 4):
        tokens.append(element_id)
    bad = who_when = good = False
    for token in tokens:
        # camelCase names ("cnnVidFooter", "socialShare") have parts too.
        parts = _PARTS.split(_CAMEL.sub("-", token).lower())
        token = token.lower()
        if token in _BAD_WHOLE:
            bad = True
            continue
        if len(parts) > 4:
            continue  # a slug, as above
        # "related-content" is related links, not content: a bad part outweighs a good one.
        if any(p in _BAD_PARTS or p.startswith(_BAD_PREFIXES) for p in parts):
            bad = True
        elif _WHO_WHEN_PARTS.intersection(parts):
            who_when = True
        elif "placeholder" in parts and _MEDIA_PARTS.intersection(parts):
            # A video player's placeholder: nothing plays offline, its caption dangles.
            # (Image placeholders wrap real pictures and stay.)
            bad = True
        elif any(p in _GOOD_PARTS for p in parts):
            good = True
    return bad, who_when, good


def strip_boilerplate(body: lxml_html.HtmlElement, title: str = "") -> None:
    # First what is never text (scripts, widgets), so that the page's length below counts
    # only what a reader could see.
    for el in [e for e in body.iter() if not isinstance(e.tag, str) or e.tag in DROP_TAGS]:
        remove(el)
    _drop_literal_markup(body)
    body_len = len(text_of(body)) or 1
    article_box = _densest_paragraphs(body)
    headline = find_headline(body, title)
    doomed = []
    for el in body.iter():
        if el.tag in _PROTECTED or (el.tag in _INLINE and _in_running_text(el)):
            continue
        if _COMMENTS.intersection(f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()):
            # Readers' comments can outweigh the article itself on a busy page: never
            # let their size protect them.
            doomed.append(el)
        elif (
            el.tag == "form"  # newsletter and search boxes; ASP.NET pages wrap everything in one
            or is_hidden(el)
            or (el.get("role") or "").lower() in _ROLES
            or (
                el.tag == "header"
                and _is_page_header(el)
                # A post's own header holds its headline, even outside <article>.
                and not (headline is not None and _contains(el, headline))
            )
            or (boilerplate_name(el) and not _misnamed_prose(el, headline))
        ):
            # A name or a role is weak evidence. Something so named that holds most of the
            # page's paragraphs is the article in a misnamed box (or a page hidden until
            # its scripts run): keep it; its children are judged on their own.
            names = f"{el.get('class') or ''} {el.get('id') or ''}"
            if (
                article_box is not None
                and _contains(el, article_box)
                and not _COMMENTISH.search(names)
            ):
                continue
            if len(text_of(el)) < body_len * 0.4:
                doomed.append(el)
            elif (
                headline is not None
                and not _contains(el, headline)
                and not _contains(headline.getparent(), el)
            ):
                # Most of the text, but outside the box that carries the page's title (a
                # body following its headline is inside it): a sidebar outweighing a
                # short post.
                doomed.append(el)
    for el in doomed:
        remove(el)


# Paragraph text that makes an article rather than a blurb: a few real paragraphs.
_MIN_ARTICLE_PROSE = 600
# Readers' comments can outweigh the article: their names are never outweighed by size.
_COMMENTISH = re.compile(r"comment|disqus|repl(?:y|ies)|respon[ds]", re.I)
# A paragraph of the article: long enough to be prose, not a line of links.
_PROSE_CHARS = 120


def _densest_paragraphs(body: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element whose own paragraphs hold the most prose, if that makes an article.

    An article's paragraphs are siblings in one box; teasers' summaries are one paragraph
    per teaser box, so they never add up here however long they are."""
    totals: dict[lxml_html.HtmlElement, int] = {}
    for p in body.iter("p"):
        text = text_of(p)
        if len(text) < _PROSE_CHARS:
            continue
        linked = sum(len(text_of(a)) for a in p.iter("a"))
        parent = p.getparent()
        if linked < 0.3 * len(text) and parent is not None:
            totals[parent] = totals.get(parent, 0) + len(text)
    if not totals:
        return None
    best = max(totals, key=totals.__getitem__)
    return best if totals[best] >= _MIN_ARTICLE_PROSE else None


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def find_headline(body: lxml_html.HtmlElement, title: str) -> lxml_html.HtmlElement | None:
    """The heading that shows the page's title: where the article starts."""
    want = _words(title)
    if len(want) < 4:
        return None
    for h in body.iter("h1", "h2", "h3", "h4"):
        have = _words(h.text_content())
        if have == want:
            return h
        # "Headline | Site" titles and headings with a kicker: one holds the other and
        # covers most of it (a site's name in a title is too short to count).
        short, long = sorted((have, want), key=len)
        if len(short) >= 20 and short in long and len(short) >= 0.6 * len(long):
            return h
    return None


def _contains(el: lxml_html.HtmlElement, node: lxml_html.HtmlElement) -> bool:
    return node is el or any(a is el for a in node.iterancestors())


def _drop_literal_markup(body: lxml_html.HtmlElement) -> None:
    def in_code(el: lxml_html.HtmlElement) -> bool:
        return any(a.tag in _CODE_TAGS for a in (el, *el.iterancestors()))

    for el in body.iter():
        if el.text and "<" in el.text and _LITERAL_MARKUP.fullmatch(el.text) and not in_code(el):
            el.text = " "
        parent = el.getparent()
        if (
            el.tail
            and "<" in el.tail
            and _LITERAL_MARKUP.fullmatch(el.tail)
            and parent is not None
            and not in_code(parent)
        ):
            el.tail = " "


def _in_running_text(el: lxml_html.HtmlElement) -> bool:
    for level, ancestor in enumerate(el.iterancestors()):
        if ancestor.tag in _TEXT_BLOCKS:
            return True
        if level >= 2:
            return False
    return False


def _is_page_header(el: lxml_html.HtmlElement) -> bool:
    # An <article>'s own <header> holds its title and dek; the page's header holds the
    # logo and menus, and is mostly links.
    return not any(a.tag in ("article", "main") for a in el.iterancestors())


def remove(el: lxml_html.HtmlElement) -> None:
    """Drop an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:  # even a lone space: "Jo<!-- --> contributed" must not become "Jocontributed"
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def text_of(el: lxml_html.HtmlElement) -> str:
    """The element's text as a reader sees it: whitespace collapsed."""
    return " ".join(el.text_content().split())
