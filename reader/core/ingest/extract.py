"""Pick the article out of a parsed page and turn it into blocks.

The whole page is parsed with lxml (about 25x faster than BeautifulSoup here). `clean`
removes what is never article text, `content` finds the article and prunes it, `blocks`
turns it into `Block`s. Extraction never cares which file format the page came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from ..model import Block, BlockKind, Image, Metadata
from .blocks import BlockBuilder, ImageLoader
from .clean import check_depth, find_headline, remove, strip_boilerplate, text_of
from .comments import drop_comment_threads
from .content import main_content, prune
from .errors import ImportFailed
from .link_lines import drop_link_lines
from .long_tables import cap_html_tables
from .metadata import read_metadata
from .repair import ensure_body, prepare_markup

__all__ = ["EXTRACTOR_VERSION", "Extraction", "ImageLoader", "extract", "parse"]

EXTRACTOR_VERSION = "5"


@dataclass
class Extraction:
    meta: Metadata
    blocks: list[Block]
    images: list[Image]


def parse(markup: str) -> lxml_html.HtmlElement:
    markup = prepare_markup(markup)
    if not markup.strip():
        raise ImportFailed("the page is empty")
    try:
        # huge_tree: without it libxml2 silently stops at the first text or attribute
        # over 10 MB (an inline picture) and the rest of the article is lost.
        doc = lxml_html.document_fromstring(markup, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(f"not a readable HTML page ({exc})") from None
    ensure_body(doc)
    cap_html_tables(doc)
    return doc


def extract(
    markup: str, url: str | None = None, load_image: ImageLoader | None = None
) -> Extraction:
    doc = parse(markup)
    check_depth(doc)
    # Metadata first: JSON-LD lives in <script>s and bylines in boxes that cleaning drops.
    meta = read_metadata(doc, url)
    body = doc.find("body")
    if body is None:
        raise ImportFailed("the page has no body")
    strip_boilerplate(body, meta.title)
    drop_comment_threads(body)
    root = main_content(body, find_headline(body, meta.title))
    prune(root)
    drop_link_lines(root)
    _drop_second_copy(root)
    _absolute_links(root, _base_url(doc, meta.url or url or ""))
    builder = BlockBuilder(load_image)
    builder.walk(root)
    blocks = _drop_dangling_labels(_drop_title_heading(builder.blocks, meta.title))
    if not any(b.text.strip() or b.image for b in blocks):
        raise ImportFailed("no article text found in the page")
    return Extraction(meta, blocks, builder.images)


def _base_url(doc: lxml_html.HtmlElement, page_url: str) -> str:
    base = doc.find(".//base[@href]")
    href = base.get("href", "").strip() if base is not None else ""
    try:
        return urljoin(page_url, href) if href else page_url
    except ValueError:
        return page_url  # a malformed <base> (bad IPv6 literal) is as good as none


def _absolute_links(root: lxml_html.HtmlElement, base: str) -> None:
    """Links read offline need their site: "/news/x" becomes "https://site/news/x".

    Only <a> hrefs: image sources stay as written, they are looked up in the saved
    page's own resources."""
    if not base.startswith(("http://", "https://")):
        return
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("javascript:", "mailto:", "data:")):
            try:
                a.set("href", urljoin(base, href))
            except ValueError:
                continue  # a malformed URL (bad IPv6 literal) stays as the page wrote it


def _drop_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """The title is shown from metadata; a leading heading repeating it would show twice.

    What comes before that heading in the article's own box is a kicker, a breadcrumb or
    a section label, never the story, so short blocks there go with it.
    """
    norm = _words(title)
    if not norm:
        return blocks
    for i, b in enumerate(blocks[:6]):
        text = _words(b.text)
        if not text:
            continue
        if b.kind is BlockKind.HEADING:
            same = text == norm or (len(text) > 20 and (text in norm or norm in text))
        else:
            # A page header flattened into one paragraph: the title, then a dek or a
            # "posted on ... by ..." line.
            same = len(norm) > 20 and text.startswith(norm) and len(text) < len(norm) + 300
        if same:
            before = [x for x in blocks[:i] if len(x.text) >= 100 or x.image]
            return before + blocks[i + 1 :]
    return blocks


# A line that announces what follows it ("Related posts:", "Featured video:").
_ANNOUNCES = re.compile(r"^[^.!?]{1,60}:$")
# A heading that names a box ("Most popular", "Comments"); one that is a sentence ("Jo
# Bloggs contributed to this report.") is the article's own last word.
_LABEL = re.compile(r"^.{1,80}(?<![.!?])$")


def _drop_dangling_labels(blocks: list[Block]) -> list[Block]:
    """Headings and "...:" lines at the very end announce something that is not there:
    the widget, list or comment thread they headed went with the page's furniture."""
    end = len(blocks)
    while end > 0:
        b = blocks[end - 1]
        text = b.text.strip()
        label = b.kind is BlockKind.HEADING and _LABEL.match(text)
        if b.image or not (label or _ANNOUNCES.match(text)):
            break
        end -= 1
    if not any(b.text.strip() or b.image for b in blocks[:end]):
        return blocks  # a page that is nothing but headings keeps them
    return blocks[:end]


_REPEAT_MIN = 80


def _drop_second_copy(root: lxml_html.HtmlElement) -> None:
    """Paragraphs said word for word a second time, in another box, go there.

    Pages carry a second copy of the story (a print or mobile version, a hidden full text
    beside the shown one). A box that repeats at least two of the article's paragraphs is
    such a copy; one sentence quoted again (a pull quote, a summary) is left alone, and so
    are repeats within one box, which is how the page itself wrote them.
    """
    first_box: dict[str, lxml_html.HtmlElement | None] = {}
    repeats: dict[lxml_html.HtmlElement | None, list[lxml_html.HtmlElement]] = {}
    for p in root.iter("p"):
        text = text_of(p)
        if len(text) < _REPEAT_MIN:
            continue
        words = _words(text)
        box = p.getparent()
        if words not in first_box:
            first_box[words] = box
        elif first_box[words] is not box:
            repeats.setdefault(box, []).append(p)
    for copies in repeats.values():
        if len(copies) >= 2:
            for p in copies:
                remove(p)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
