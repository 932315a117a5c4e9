"""An address on the web to an `Article`: the page and its pictures, fetched once.

The standard library's urllib does the fetching: Gloss makes one GET for the page and one
per picture the article keeps, with no sessions, cookies or connection pools to manage,
and urllib already follows redirects, speaks HTTPS and reports errors as exceptions;
a third-party client would add size to the bundle for nothing these few requests need.

What urllib does not do, this module does: a deadline for the whole page (a socket
timeout alone lets a server that trickles a byte a second run for ever), a size limit
read chunk by chunk, a User-Agent sites accept, the charset from the Content-Type header,
and one-line reasons for every way a fetch fails. The page's type comes from the response
(then from its bytes): PDFs and plain text go to their own readers.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ... import __version__
from ..model import Article, Image
from .errors import ImportFailed
from .images import MAX_IMAGE_BYTES, image_from_bytes

if TYPE_CHECKING:
    import http.client
    import ssl

TIMEOUT = 20.0  # seconds without a byte from the server
DEADLINE = 120.0  # seconds for the whole page
MAX_PAGE_BYTES = 64 * 1024 * 1024  # the same limit as a file on disk
MAX_PICTURES = 200
MAX_PICTURE_BYTES_TOTAL = 64 * 1024 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; Gloss/{version}; offline reading app)"
_CHUNK = 64 * 1024

Progress = Callable[[int, int, str], None]  # done, total (0: unknown), what is happening


class Cancelled(ImportFailed):
    """The user stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancelled")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    charset: str | None
    body: bytes


def is_web_address(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text.strip()


class Fetcher:
    """GETs with the limits above. `cancelled` is checked between chunks."""

    def __init__(
        self,
        timeout: float = TIMEOUT,
        deadline: float = DEADLINE,
        cancelled: Callable[[], bool] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.cancelled = cancelled or (lambda: False)
        self.progress = progress
        # Imported here: ssl and http.client cost ~25 ms, which the window's start-up
        # should not pay for an import from a URL it may never do.
        import urllib.request

        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=_tls_context())
        )

    def get(self, url: str, limit: int, accept: str = "*/*") -> Response:
        import http.client
        import ssl
        import urllib.error
        import urllib.request

        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": USER_AGENT.format(version=__version__),
                "Accept": accept,
                "Accept-Language": "en, *;q=0.5",
            },
        )
        host = urlsplit(url).hostname or url
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = self._read(response, limit, host)
                headers = response.headers
                return Response(
                    response.geturl(),
                    headers.get_content_type().lower(),
                    headers.get_content_charset(),
                    body,
                )
        except urllib.error.HTTPError as exc:
            raise ImportFailed(
                f"the server answered {exc.code} {exc.reason or ''}".rstrip()
            ) from None
        except urllib.error.URLError as exc:
            raise ImportFailed(_unreachable(host, exc.reason)) from None
        except TimeoutError:
            raise ImportFailed(f"{host} did not answer within {self.timeout:g} s") from None
        except (http.client.HTTPException, ConnectionError, ssl.SSLError) as exc:
            raise ImportFailed(
                f"the connection to {host} failed ({exc or type(exc).__name__})"
            ) from None
        except ValueError as exc:  # a malformed address
            raise ImportFailed(f"not a usable web address ({exc})") from None

    def _read(self, response: http.client.HTTPResponse, limit: int, host: str) -> bytes:
        declared = response.headers.get("Content-Length", "")
        total = int(declared) if declared.isdigit() else 0
        if total > limit:
            raise ImportFailed(_too_large(total, limit))
        start = time.monotonic()
        chunks: list[bytes] = []
        size = 0
        while True:
            if self.cancelled():
                raise Cancelled()
            if time.monotonic() - start > self.deadline:
                raise ImportFailed(f"{host} took longer than {self.deadline:g} s to send the page")
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise ImportFailed(_too_large(size, limit))
            chunks.append(chunk)
            if self.progress is not None:
                self.progress(size, total, f"Downloading from {host}… {size // 1024} KB")
        return b"".join(chunks)


def load_url(
    url: str,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
    timeout: float = TIMEOUT,
) -> Article:
    """Fetch `url` and read it as the format it turns out to be; raises `ImportFailed`."""
    from . import article_from_bytes, article_from_html
    from .decode import decode_html

    url = url.strip()
    if not is_web_address(url):
        raise ImportFailed("not a web address (http:// or https://)")
    fetcher = Fetcher(timeout=timeout, cancelled=cancelled, progress=progress)
    page = fetcher.get(url, MAX_PAGE_BYTES, "text/html,application/xhtml+xml,*/*;q=0.8")
    if not page.body.strip():
        raise ImportFailed("the server sent an empty page")
    name = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1] or urlsplit(page.url).netloc
    kind = _kind(page)
    if kind != "html":
        article = article_from_bytes(page.body, kind, fallback_title=name)
        return article.with_meta(url=article.meta.url or page.url)
    pictures = _PictureLoader(fetcher, page.url)
    article = article_from_html(
        decode_html(page.body, page.charset),
        url=page.url,
        load_image=pictures,
        source_format="web",
        fallback_title=name,
    )
    if fetcher.cancelled():
        raise Cancelled()
    if not article.meta.url:
        article = replace(article, meta=replace(article.meta, url=page.url))
    return article


def _kind(page: Response) -> str:
    """html, pdf, text or markdown, from the response's type and then its bytes."""
    from .sniff import sniff

    ctype = page.content_type
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype == "application/pdf":
        return "pdf"
    if ctype == "application/epub+zip":
        return "epub"
    if ctype == "text/markdown":
        return "markdown"
    if ctype == "text/plain":
        # Servers label many things text/plain; a page that is HTML reads as HTML.
        return (
            "html"
            if page.body.lstrip()[:15].lower().startswith((b"<!doctype", b"<html"))
            else "text"
        )
    suffix = "." + urlsplit(page.url).path.rsplit(".", 1)[-1].lower() if "." in page.url else ""
    try:
        return sniff(page.body, suffix if len(suffix) < 10 else "")
    except ImportFailed:
        raise ImportFailed(f"not an article: the address returned {ctype}") from None


class _PictureLoader:
    """Fetches the pictures the extracted article keeps, each once, within limits."""

    def __init__(self, fetcher: Fetcher, base: str) -> None:
        self.fetcher = fetcher
        self.base = base
        self.cache: dict[str, Image | None] = {}
        self.total = 0

    def __call__(self, src: str) -> Image | None:
        target = urljoin(self.base, src.strip())
        if target in self.cache:
            return self.cache[target]
        image: Image | None = None
        budget = MAX_PICTURE_BYTES_TOTAL - self.total
        if (
            is_web_address(target)
            and len(self.cache) < MAX_PICTURES
            and budget > 0
            and not self.fetcher.cancelled()
        ):
            try:
                response = self.fetcher.get(target, min(MAX_IMAGE_BYTES, budget), "image/*")
            except Cancelled:
                raise
            except ImportFailed:
                response = None  # a missing picture costs the picture, not the article
            if response is not None:
                self.total += len(response.body)
                image = image_from_bytes(response.body)
        self.cache[target] = image
        return image


def _tls_context() -> ssl.SSLContext:
    import ssl

    context = ssl.create_default_context()
    try:
        # A frozen app finds no system certificate store on macOS (and on some Linux
        # systems at the path its OpenSSL was built with): certifi's bundle always works.
        import certifi

        context.load_verify_locations(certifi.where())
    except (ImportError, OSError):
        pass
    return context


def _unreachable(host: str, reason: object) -> str:
    import socket
    import ssl

    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{host} did not answer in time"
    if isinstance(reason, socket.gaierror):
        return f"cannot reach {host} (offline, or no such host)"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot connect to {host} (connection refused)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"cannot verify {host}'s certificate ({reason.verify_message})"
    return f"cannot reach {host} ({reason})"


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return f"the response is too large ({size // mb} MB or more; the limit is {limit // mb} MB)"
