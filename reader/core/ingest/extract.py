"""Pick the article out of a page and turn it into blocks.

The whole page is parsed with lxml (about 25x faster than BeautifulSoup here). Boilerplate
is removed by tag, ARIA role and class/id words; the main content is the element whose
paragraph text scores highest once link-heavy text is discounted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..model import Block, BlockKind, Image, Mark, Metadata
from .errors import ImportFailed
from .metadata import read_metadata

EXTRACTOR_VERSION = "1"

# Deeper markup than this is not an article but an attack or a broken generator;
# lxml's own limit is 256 levels unless huge_tree is set, which we never set.
MAX_DEPTH = 255

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "canvas",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "dialog",
)
_BOILERPLATE = re.compile(
    r"\b(nav|navbar|menu|breadcrumbs?|share|sharing|social|share-?bar|ad|ads|advert\w*|"
    r"sponsor\w*|promo\w*|newsletter|subscribe|signup|sign-up|cookie\w*|consent|banner|"
    r"related|recommend\w*|read-?more|more-stories|outbrain|taboola|comments?|disqus|"
    r"author-?bio|about-the-author|bio-box|footer|header|masthead|sidebar|popup|modal|"
    r"skip-link|tags|tag-list|print-only|sr-only|visually-hidden)\b",
    re.I,
)
_KEEP_HINT = re.compile(r"\b(article|content|entry|post|story|body|main|text)\b", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "figure",
    "img",
    "div",
    "section",
    "article",
    "main",
    "header",
    "dl",
    "dt",
    "dd",
    "hr",
    "figcaption",
    "picture",
}
_INLINE_MARKS = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}

ImageLoader = Callable[[str], Image | None]


@dataclass
class Extraction:
    meta: Metadata
    blocks: list[Block]
    images: list[Image]


def parse(markup: str) -> lxml_html.HtmlElement:
    if not markup.strip():
        raise ImportFailed("the page is empty")
    try:
        doc = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(f"not a readable HTML page ({exc})") from None
    return doc


def extract(
    markup: str, url: str | None = None, load_image: ImageLoader | None = None
) -> Extraction:
    doc = parse(markup)
    meta = read_metadata(doc, url)
    body = doc.find("body")
    if body is None:
        raise ImportFailed("the page has no body")
    _check_depth(body)
    _strip_boilerplate(body)
    root = _main_content(body)
    builder = _BlockBuilder(load_image)
    builder.walk(root)
    blocks = _drop_title_heading(builder.blocks, meta.title)
    if not any(b.text.strip() for b in blocks):
        raise ImportFailed("no article text found in the page")
    return Extraction(meta, blocks, builder.images)


def _check_depth(root: lxml_html.HtmlElement) -> None:
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ImportFailed(f"markup nested deeper than {MAX_DEPTH} levels")
        stack.extend((child, depth + 1) for child in el)


def _strip_boilerplate(body: lxml_html.HtmlElement) -> None:
    doomed = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        if el.tag in _DROP_TAGS or _is_hidden(el):
            doomed.append(el)
            continue
        role = (el.get("role") or "").lower()
        if role in ("navigation", "banner", "contentinfo", "complementary", "dialog", "search"):
            doomed.append(el)
            continue
        if el.tag in ("header",) and el.getparent() is body:
            doomed.append(el)
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}".replace("_", "-")
        if (
            words.strip()
            and el.tag not in ("body", "html", "article", "main", "p")
            and (_BOILERPLATE.search(words) and not _KEEP_HINT.search(words))
        ):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _remove_keep_tail(el)


def _is_hidden(el: lxml_html.HtmlElement) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style", "")))
    )


def _remove_keep_tail(el: lxml_html.HtmlElement) -> None:
    parent = el.getparent()
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _main_content(body: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element holding most of the page's paragraph text, links discounted."""
    scores: dict[lxml_html.HtmlElement, float] = {}
    for p in body.iter("p", "pre", "blockquote", "li", "td"):
        text = _text_len(p)
        if text < 25:
            continue
        score = 1 + min(text / 100, 3) + p.text_content().count(",")
        score *= 1 - _link_density(p)
        parent = p.getparent()
        grand = parent.getparent() if parent is not None else None
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + score
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    for el in list(scores):
        if el.tag in ("article", "main") or _KEEP_HINT.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            scores[el] *= 1.25
    if not scores:
        return body
    best = max(scores, key=scores.__getitem__)
    # Climb while the parent holds most of the scored text as well: articles often split
    # paragraphs across sibling containers.
    while best.getparent() is not None and best.tag not in ("body",):
        parent = best.getparent()
        if scores.get(parent, 0) > scores[best] * 1.5:
            best = parent
        else:
            break
    return best


def _text_len(el: lxml_html.HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def _link_density(el: lxml_html.HtmlElement) -> float:
    total = _text_len(el)
    if not total:
        return 0.0
    linked = sum(_text_len(a) for a in el.iter("a"))
    return min(linked / total, 1.0)


def _drop_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """The title is shown from metadata; a leading <h1> repeating it would show twice."""
    norm = " ".join(title.split()).lower()
    for i, b in enumerate(blocks[:3]):
        if b.kind is BlockKind.HEADING and " ".join(b.text.split()).lower() == norm:
            return blocks[:i] + blocks[i + 1 :]
    return blocks


class _BlockBuilder:
    """Walks the content element and emits blocks with inline marks."""

    def __init__(self, load_image: ImageLoader | None) -> None:
        self.blocks: list[Block] = []
        self.images: list[Image] = []
        self._load_image = load_image
        self._seen_images: dict[str, str] = {}

    def walk(self, el: lxml_html.HtmlElement, depth: int = 0, quote: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._emit(el, BlockKind.HEADING, level=int(tag[1]))
        elif tag == "p" or tag in ("dt", "dd", "figcaption"):
            self._emit(el, BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)
        elif tag in ("ul", "ol"):
            number = int(el.get("start", "1")) if el.get("start", "1").isdigit() else 1
            for li in el:
                if li.tag == "li":
                    self._list_item(li, depth + 1, tag == "ol", number, quote)
                    number += 1
        elif tag == "blockquote":
            self._mixed(el, depth, quote=True)
        elif tag == "pre":
            text = el.text_content().strip("\n")
            if text.strip():
                self.blocks.append(Block(BlockKind.CODE, text))
        elif tag == "table":
            self._table(el)
        elif tag == "img":
            self._image(el, "")
        elif tag == "figure":
            caption_el = el.find(".//figcaption")
            caption = _inline(caption_el)[0] if caption_el is not None else ""
            for img in el.iter("img"):
                self._image(img, caption)
                caption = ""  # only the first image carries the caption
        else:
            self._mixed(el, depth, quote)

    def _mixed(self, el: lxml_html.HtmlElement, depth: int, quote: bool) -> None:
        """A container that may hold loose inline text between its block children."""
        run: list[lxml_html.HtmlElement | str] = []
        if el.text and el.text.strip():
            run.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                self._flush(run, quote)
                run = []
                self.walk(child, depth, quote)
                if child.tail and child.tail.strip():
                    run.append(child.tail)
            else:
                run.append(child)
        self._flush(run, quote)

    def _flush(self, run: list[lxml_html.HtmlElement | str], quote: bool) -> None:
        if not run:
            return
        wrapper = lxml_html.Element("p")
        for piece in run:
            if isinstance(piece, str):
                if len(wrapper):
                    wrapper[-1].tail = (wrapper[-1].tail or "") + piece
                else:
                    wrapper.text = (wrapper.text or "") + piece
            else:
                copy = lxml_html.fromstring(lxml_html.tostring(piece, with_tail=False))
                copy.tail = piece.tail
                wrapper.append(copy)
        self._emit(wrapper, BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)

    def _emit(self, el: lxml_html.HtmlElement, kind: BlockKind, **extra: object) -> None:
        text, marks = _inline(el)
        if text:
            self.blocks.append(Block(kind, text, marks=marks, **extra))  # type: ignore[arg-type]
        for img in el.iter("img"):
            self._image(img, "")

    def _list_item(
        self, li: lxml_html.HtmlElement, depth: int, ordered: bool, number: int, quote: bool
    ) -> None:
        nested = [c for c in li if c.tag in ("ul", "ol")]
        for c in nested:
            li.remove(c)
        text, marks = _inline(li)
        if text:
            self.blocks.append(
                Block(
                    BlockKind.LIST_ITEM,
                    text,
                    level=depth,
                    ordered=ordered,
                    number=number if ordered else None,
                    marks=marks,
                )
            )
        for c in nested:
            self.walk(c, depth, quote)

    def _table(self, table: lxml_html.HtmlElement) -> None:
        rows = []
        for tr in table.iter("tr"):
            cells = tuple(
                " ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")
            )
            if any(cells):
                rows.append(cells)
        if rows:
            text = "\n".join(" | ".join(r) for r in rows)
            self.blocks.append(Block(BlockKind.TABLE, text, rows=tuple(rows)))

    def _image(self, img: lxml_html.HtmlElement, caption: str) -> None:
        src = img.get("data-src") or img.get("src") or ""
        if not src or self._load_image is None:
            return
        name = self._seen_images.get(src)
        if name is None:
            image = self._load_image(src)
            if image is None:
                return
            name = image.name
            self._seen_images[src] = name
            self.images.append(image)
        self.blocks.append(Block(BlockKind.FIGURE, caption, image=name, alt=img.get("alt", "")))


def _inline(el: lxml_html.HtmlElement) -> tuple[str, tuple[Mark, ...]]:
    """The element's text with whitespace collapsed, and where its emphasis and links lie."""
    parts: list[str] = []
    marks: list[Mark] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if not text:
            return
        collapsed = re.sub(r"\s+", " ", text)
        if (not parts or parts[-1].endswith(" ")) and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        parts.append(collapsed)
        length += len(collapsed)

    def visit(node: lxml_html.HtmlElement) -> None:
        nonlocal length
        add(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                add(child.tail)
                continue
            if child.tag == "br":
                if parts and not parts[-1].endswith(" "):
                    parts.append(" ")
                    length += 1
                add(child.tail)
                continue
            start = length
            visit(child)
            kind = _INLINE_MARKS.get(child.tag)
            if child.tag == "a" and child.get("href"):
                marks.append(Mark(start, length, "link", child.get("href")))
            elif kind:
                marks.append(Mark(start, length, kind))
            add(child.tail)

    visit(el)
    raw = "".join(parts)
    text = raw.rstrip()
    lead = len(raw) - len(raw.lstrip())
    text = text[lead:]
    fixed = tuple(
        Mark(max(m.start - lead, 0), min(m.end - lead, len(text)), m.kind, m.href)
        for m in marks
        if min(m.end - lead, len(text)) > max(m.start - lead, 0)
    )
    return text, fixed
