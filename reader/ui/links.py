"""Following a link from a note: the one place the window hands a URL to the system."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ..core.safe_links import OPEN_SCHEMES, ArticleRef, article_ref, is_web_link


def follow_link(url: str) -> ArticleRef | None:
    """Open a web or mail link in the reader's browser or mail program and return None;
    return the article a Gloss link names (the window opens it); ignore anything else.

    The policy is checked on the string and again on Qt's reading of it, so nothing that
    Qt would parse differently slips through."""
    ref = article_ref(url)
    if ref is not None:
        return ref
    if is_web_link(url):
        qurl = QUrl(url)
        if qurl.isValid() and qurl.scheme().lower() in OPEN_SCHEMES:
            QDesktopServices.openUrl(qurl)
    return None
