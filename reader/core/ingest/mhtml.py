"""MHTML (`.mhtml`/`.mht`): a MIME multipart/related message, the page and its parts.

The first text/html part is the page; the other parts are found by their
Content-Location (or Content-ID for `cid:` references). Parts are only ever looked up in
memory: a Content-Location such as `../../etc/passwd` or `file:///...` names nothing on
disk here, so it cannot lead anywhere.
"""

from __future__ import annotations

import email
import email.policy
from email.errors import CloseBoundaryNotFoundDefect, MessageError, StartBoundaryNotFoundDefect
from email.message import EmailMessage
from urllib.parse import urldefrag

from .errors import ImportFailed
from .images import url_map_loader
from .page import SavedPage

_HEAD_MARKERS = (
    b"mime-version:",
    b"content-type: multipart/related",
    b"snapshot-content-location:",
)


def looks_like_mhtml(head: bytes) -> bool:
    lowered = head[:4096].lower()
    return b"multipart/related" in lowered and any(m in lowered for m in _HEAD_MARKERS)


def read_mhtml(data: bytes) -> SavedPage:
    try:
        return _read(data)
    except (MessageError, ValueError, LookupError, IndexError, AttributeError, TypeError) as exc:
        # The email package's header parsers raise these on damaged headers.
        raise ImportFailed(f"not a readable MHTML file (damaged: {type(exc).__name__})") from None


def _read(data: bytes) -> SavedPage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.is_multipart():
        raise ImportFailed("not an MHTML file (no multipart/related body)")
    if any(
        isinstance(d, (CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect))
        for part in message.walk()
        for d in part.defects
    ):
        raise ImportFailed("the MHTML file is truncated (its last part is missing)")
    html_part: EmailMessage | None = None
    parts: dict[str, bytes] = {}
    for part in message.walk():
        if part.is_multipart():
            continue
        try:
            payload = part.get_payload(decode=True) or b""
        except (ValueError, LookupError):
            continue  # a part with broken encoding loses that part only
        if html_part is None and part.get_content_type() == "text/html":
            html_part = part
            html_bytes = payload
            continue
        location = part.get("Content-Location")
        if location:
            parts[urldefrag(location.strip())[0]] = payload
        content_id = part.get("Content-ID")
        if content_id:
            parts["cid:" + content_id.strip().strip("<>")] = payload
    if html_part is None:
        raise ImportFailed("the MHTML file holds no HTML page")
    page_url = (
        message.get("Snapshot-Content-Location") or html_part.get("Content-Location") or ""
    ).strip()
    charset = html_part.get_content_charset()
    return SavedPage(
        html=html_bytes,
        url=page_url or None,
        charset=charset,
        load_image=url_map_loader(parts, page_url),
        source_format="mhtml",
    )
