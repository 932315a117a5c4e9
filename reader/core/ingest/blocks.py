"""Turn the article's element tree into `Block`s with inline marks."""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from ..model import Block, BlockKind, Image, Mark
from .images import ImageLoader
from .long_tables import MAX_TABLE_ROWS, ROWS_ATTRIBUTE, cut_notice

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_BLOCK_TAGS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table",
    "figure", "img", "div", "section", "article", "main", "header", "dl", "dt", "dd", "hr",
    "figcaption", "picture", "address", "details", "summary", "center",
    # Parts of a layout table, when the article starts inside one.
    "tbody", "thead", "tfoot", "tr", "td", "th",
))  # fmt: skip
_INLINE_MARKS = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}
_SPACE = re.compile(r"\s+")
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src")
_PLACEHOLDER = re.compile(r"^data:image/(gif|svg)|blank|spacer|placeholder|pixel\.", re.I)


def image_source(img: lxml_html.HtmlElement) -> str:
    """The real picture behind lazy loading: data-src and friends, then srcset, then src."""
    for attr in _LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value:
            return value
    src = (img.get("src") or "").strip()
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    if srcset and (not src or _PLACEHOLDER.search(src)):
        best = _largest_in_srcset(srcset)
        if best:
            return best
    if not src:
        # <picture><source srcset> without an <img src>.
        parent = img.getparent()
        if parent is not None and parent.tag == "picture":
            for source in parent.iter("source"):
                best = _largest_in_srcset(source.get("srcset") or "")
                if best:
                    return best
    return src


def _largest_in_srcset(srcset: str) -> str:
    best, best_size = "", -1.0
    # Candidates are separated by commas followed by whitespace; data: URIs contain commas.
    for candidate in re.split(r",\s+", srcset.strip()):
        fields = candidate.split()
        if not fields:
            continue
        size = 1.0
        if len(fields) > 1 and fields[1][:-1].replace(".", "", 1).isdigit():
            size = float(fields[1][:-1])
        if size > best_size:
            best, best_size = fields[0], size
    return best


class BlockBuilder:
    """Walks the content element and emits blocks; loads images through `load_image`."""

    def __init__(self, load_image: ImageLoader | None) -> None:
        self.blocks: list[Block] = []
        self.images: list[Image] = []
        self._load_image = load_image
        self._seen_images: dict[str, str | None] = {}

    def walk(self, el: lxml_html.HtmlElement, depth: int = 0, quote: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _HEADINGS:
            self._emit(el, BlockKind.HEADING, level=int(tag[1]))
        elif tag in ("p", "dt", "dd", "address", "summary"):
            self._emit(el, BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)
        elif tag in ("ul", "ol"):
            start = el.get("start", "1")
            number = int(start) if start.isdigit() else 1
            for li in el:
                if li.tag == "li":
                    self._list_item(li, depth + 1, tag == "ol", number, quote)
                    number += 1
                elif isinstance(li.tag, str):
                    self.walk(li, depth, quote)
        elif tag == "blockquote":
            self._mixed(el, depth, quote=True)
        elif tag == "pre":
            text = el.text_content().strip("\n")
            if text.strip():
                self.blocks.append(Block(BlockKind.CODE, text))
        elif tag == "table":
            self._table(el, depth, quote)
        elif tag == "img":
            self._image(el, "")
        elif tag == "figure":
            self._figure(el)
        elif tag == "hr":
            return
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
            elif isinstance(child.tag, str) and child.tag == "br" and _double_break(child, run):
                # Two <br>s in a row separate paragraphs in hand-written pages.
                self._flush(run, quote)
                run = []
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
                clone = copy.deepcopy(piece)
                clone.tail = piece.tail
                wrapper.append(clone)
        self._emit(wrapper, BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)

    def _emit(self, el: lxml_html.HtmlElement, kind: BlockKind, **extra: object) -> None:
        text, marks = inline_text(el)
        if text:
            self.blocks.append(Block(kind, text, marks=marks, **extra))  # type: ignore[arg-type]
        for img in el.iter("img"):
            self._image(img, "")

    def _list_item(
        self, li: lxml_html.HtmlElement, depth: int, ordered: bool, number: int, quote: bool
    ) -> None:
        nested = [c for c in li if isinstance(c.tag, str) and c.tag in _BLOCK_TAGS]
        if not nested:
            text, marks = inline_text(li)
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
            for img in li.iter("img"):
                self._image(img, "")
            return
        # An item holding paragraphs or a sub-list: its leading text is the item, the
        # blocks inside follow it.
        first = len(self.blocks)
        self._mixed(li, depth, quote)
        if len(self.blocks) > first and self.blocks[first].kind is BlockKind.PARAGRAPH:
            b = self.blocks[first]
            self.blocks[first] = Block(
                BlockKind.LIST_ITEM,
                b.text,
                level=depth,
                ordered=ordered,
                number=number if ordered else None,
                marks=b.marks,
            )

    def _table(self, table: lxml_html.HtmlElement, depth: int, quote: bool) -> None:
        if _is_layout_table(table):
            for cell in table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"):
                self._mixed(cell, depth, quote)
            self._cut_notice(table)
            return
        rows = []
        for tr in table.iter("tr"):
            cells = tuple(
                " ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")
            )
            if any(cells):
                rows.append(cells)
        caption = table.find("caption")
        if caption is not None:
            self._emit(caption, BlockKind.PARAGRAPH)
        if rows:
            text = "\n".join(" | ".join(r) for r in rows)
            self.blocks.append(Block(BlockKind.TABLE, text, rows=tuple(rows)))
        self._cut_notice(table)

    def _cut_notice(self, table: lxml_html.HtmlElement) -> None:
        total = table.get(ROWS_ATTRIBUTE, "")
        if total.isdigit():  # rows were cut when the page was parsed: say so
            notice = cut_notice(MAX_TABLE_ROWS, int(total))
            mark = Mark(0, len(notice), "em")
            self.blocks.append(Block(BlockKind.PARAGRAPH, notice, marks=(mark,)))

    def _figure(self, figure: lxml_html.HtmlElement) -> None:
        caption_el = figure.find(".//figcaption")
        caption = inline_text(caption_el)[0] if caption_el is not None else ""
        imgs = list(figure.iter("img"))
        for img in imgs:
            self._image(img, caption, always=True)
            caption = ""  # only the first image carries the caption
        if not imgs:
            for child in figure:
                if child is not caption_el and isinstance(child.tag, str):
                    self.walk(child)
            if caption:
                self.blocks.append(Block(BlockKind.FIGURE, caption))

    def _image(self, img: lxml_html.HtmlElement, caption: str, always: bool = False) -> None:
        src = image_source(img)
        name = None
        if src and self._load_image is not None:
            if src in self._seen_images:
                name = self._seen_images[src]
            else:
                image = self._load_image(src)
                name = image.name if image is not None else None
                self._seen_images[src] = name
                if image is not None and all(i.name != image.name for i in self.images):
                    self.images.append(image)
        # A picture we cannot show offline still keeps its caption.
        if name is not None or (always and caption):
            alt = img.get("alt", "")
            self.blocks.append(Block(BlockKind.FIGURE, caption, image=name, alt=alt))


def _double_break(br: lxml_html.HtmlElement, run: list[lxml_html.HtmlElement | str]) -> bool:
    if br.tail and br.tail.strip():
        return False
    nxt = br.getnext()
    return nxt is not None and nxt.tag == "br" and bool(run)


def _is_layout_table(table: lxml_html.HtmlElement) -> bool:
    # Tables used for page layout hold paragraphs, lists and other tables in their cells;
    # a data table holds short values (wrapped in a <div> or not).
    if table.get("role") == "presentation":
        return True
    for el in table.iter("p", "table", "ul", "ol", "blockquote", "h1", "h2", "h3", "pre"):
        if el is not table:
            return True
    return any(len(" ".join(cell.text_content().split())) > 400 for cell in table.iter("td", "th"))


def inline_text(el: lxml_html.HtmlElement) -> tuple[str, tuple[Mark, ...]]:
    """The element's text with whitespace collapsed, and where its emphasis and links lie."""
    parts: list[str] = []
    marks: list[Mark] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if not text:
            return
        collapsed = _SPACE.sub(" ", text)
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
