"""Following a link from a note: the one place the window hands a URL to the system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.safe_links import OPEN_SCHEMES, ArticleRef, article_ref, is_web_link


def open_external(url: QUrl, parent: QWidget | None = None) -> bool:
    """Hand a URL to the system's browser or mail program. When none can be started
    (none installed, none configured) say so, with the link to copy, instead of a click
    that does nothing."""
    if QDesktopServices.openUrl(url):
        return True
    box = QMessageBox(parent)
    box.setObjectName("linkNotOpened")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("links", "Link not opened"))
    box.setText(
        QCoreApplication.translate("links", "No web browser could be started to open this link.")
    )
    box.setInformativeText(url.toString())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton(
        QCoreApplication.translate("links", "Copy Link"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(url.toString()))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, returns at once; the parent owns it until it closes
    return False


def follow_link(url: str, parent: QWidget | None = None) -> ArticleRef | None:
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
            open_external(qurl, parent)
    return None
