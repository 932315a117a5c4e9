"""Ways in besides files: a web address and the clipboard. The window, the command line
and the inbox folder share these; each returns a `Captured` with a one-line reason when
it fails, and writes nothing then."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .dberrors import translated
from .ingest import ImportFailed, _article, article_from_bytes
from .ingest.blocks import BlockBuilder
from .ingest.clean import check_depth
from .ingest.extract import parse
from .ingest.images import with_data_uris
from .ingest.url import TIMEOUT, Cancelled, Progress, is_web_address, load_url
from .library import Library
from .model import Article, BlockKind, Metadata

__all__ = [
    "Cancelled",
    "Captured",
    "article_from_clipboard",
    "clipboard_source_url",
    "import_clipboard",
    "import_url",
    "is_web_address",
]


@dataclass(frozen=True, slots=True)
class Captured:
    source: str  # the address, or "clipboard"
    article_id: int | None = None  # None: it failed
    title: str = ""
    status: str = ""  # "added", "updated" or "unchanged"
    reason: str = ""
    trace: str = ""  # the traceback of an unexpected error (a bug), for the log
    restored: bool = False  # the article was in the Trash: the import brought it back

    @property
    def ok(self) -> bool:
        return self.article_id is not None


def import_url(
    library: Library,
    url: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    timeout: float = TIMEOUT,
) -> Captured:
    """Fetch and store one address. Raises `Cancelled` when the user stopped it, and
    `LibraryError` when the library cannot be written (as a batch of files does)."""
    try:
        article = load_url(url, cancelled, progress, timeout)
    except Cancelled:
        raise
    except ImportFailed as exc:
        return Captured(url, reason=str(exc))
    except RecursionError:
        return Captured(url, reason="the page is nested too deeply to read")
    except Exception as exc:  # a bug in one page's handling costs that page, like a file's
        return Captured(url, reason=f"unexpected error ({exc})", trace=traceback.format_exc())
    return _store(library, article, url)


def import_clipboard(
    library: Library, html: str | None, text: str | None, url: str | None = None
) -> Captured:
    try:
        article = article_from_clipboard(html, text, url)
    except ImportFailed as exc:
        return Captured("clipboard", reason=str(exc))
    return _store(library, article, url or "")


def _store(library: Library, article: Article, source: str) -> Captured:
    with translated(library.path):
        result = library.add_article(article, source_path=source)
    return Captured(
        source, result.article_id, article.title, result.status, restored=result.restored
    )


def article_from_clipboard(html: str | None, text: str | None, url: str | None = None) -> Article:
    """What was copied in a browser (HTML, else plain text) as an article. All of it is
    kept: the reader chose it, so no boilerplate detection second-guesses the selection."""
    url = url if url and is_web_address(url) else None
    if html and html.strip():
        article = _from_html(html, url)
    elif text and text.strip():
        article = article_from_bytes(text.encode("utf-8"), "text", fallback_title="")
    else:
        raise ImportFailed("the clipboard holds no text")
    title = article.meta.title or _title_from_text(article)
    site = urlsplit(url).hostname or "" if url else ""
    return article.with_meta(title=title, url=url or "", site=article.meta.site or site)


def _from_html(markup: str, url: str | None) -> Article:
    markup = re.sub(r"^.*?(?=<)", "", markup, count=1, flags=re.S)  # CF_HTML's header lines
    doc = parse(markup)
    check_depth(doc)
    body = doc.find("body")
    if body is None:
        raise ImportFailed("the clipboard holds no text")
    for el in list(body.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    builder = BlockBuilder(with_data_uris(None))
    builder.walk(body)
    blocks = builder.blocks
    meta_title = ""
    if blocks and blocks[0].kind is BlockKind.HEADING and len(blocks) > 1:
        meta_title = blocks.pop(0).text
    return _article(Metadata(title=meta_title, url=url or ""), blocks, builder.images, "clipboard")


def _title_from_text(article: Article) -> str:
    """The first sentence, shortened: a pasted snippet rarely carries its own title."""
    first = article.sentences[0].text if article.sentences else article.text
    first = " ".join(first.split())
    return first if len(first) <= 80 else first[:79].rsplit(" ", 1)[0] + "…"


def clipboard_source_url(formats: dict[str, bytes]) -> str | None:
    """The page a browser copied from, from the formats it put on the clipboard:
    Firefox's `text/x-moz-url-priv`, Chromium's `chromium/x-source-url`, and the
    `SourceURL:` line of Windows' CF_HTML ("HTML Format")."""
    for name in ("text/x-moz-url-priv", "chromium/x-source-url", "text/x-moz-url"):
        data = formats.get(name)
        if data:
            text = _decode(data).split("\n", 1)[0].strip("\x00 \r")
            if is_web_address(text):
                return text
    for name, data in formats.items():
        if "HTML Format" in name or name == "text/html":
            match = re.search(rb"SourceURL:\s*(\S+)", data[:4096])
            if match:
                candidate = match.group(1).decode("utf-8", "replace")
                if is_web_address(candidate):
                    return candidate
    return None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and data[1:2] == b"\x00"):
        return data.decode("utf-16", "replace")  # Firefox writes these as UTF-16
    return data.decode("utf-8", "replace")
