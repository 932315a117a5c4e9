"""SingleFile pages: one HTML file with every resource inlined as a `data:` URI.

SingleFile writes a comment near the top that records where and when the page was
saved; the URL there identifies the page when it is imported again.
"""

from __future__ import annotations

import re

from .images import data_uri_image
from .page import SavedPage

_COMMENT = re.compile(rb"<!--\s*Page saved with SingleFile(.*?)-->", re.S | re.I)
_URL = re.compile(rb"^\s*url:\s*(\S+)", re.M | re.I)
# The comment sits right after the doctype/<html>; no need to search a whole 10 MB page.
_HEAD_BYTES = 8192


def singlefile_url(data: bytes) -> str | None:
    """The original URL when the page was saved by SingleFile, else None."""
    comment = _COMMENT.search(data[:_HEAD_BYTES])
    if comment is None:
        return None
    url = _URL.search(comment.group(1))
    return url.group(1).decode("utf-8", "replace") if url else ""


def read_singlefile(data: bytes, url: str) -> SavedPage:
    return SavedPage(
        html=data,
        url=url or None,
        charset=None,
        load_image=data_uri_image,
        source_format="singlefile",
    )
