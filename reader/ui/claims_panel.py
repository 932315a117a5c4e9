"""Claims in the window: the side panel's "Claims" tab, and the glue that spots an
article's claims off the GUI thread, marks them in the reader and keeps the counts in the
header and the library list current as notes check them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import claim_store
from ..core.claim_store import Claim
from ..core.claims import KIND_LABELS
from ..core.library import Library
from ..core.numbering import sentence_number
from .locale_format import claim_summary

if TYPE_CHECKING:
    from .main_window import MainWindow

SENTENCE = Qt.ItemDataRole.UserRole + 1
SHOW_CLAIMS_KEY = "view/show_claims"


def kinds_text(kinds: tuple[str, ...]) -> str:
    return ", ".join(KIND_LABELS.get(k, k) for k in kinds) or "wording"


class ClaimsPanel(QWidget):
    """The list of an article's check-worthy sentences; a click goes to the sentence."""

    jumpRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.claims: list[Claim] = []
        self.heading = QLabel()
        self.heading.setObjectName("claimsHeading")
        self.heading.setWordWrap(True)
        self.only_unchecked = QCheckBox(
            QCoreApplication.translate("ClaimsPanel", "Only unchecked claims")
        )
        self.only_unchecked.setObjectName("claimsUnchecked")
        self.only_unchecked.setToolTip(
            QCoreApplication.translate(
                "ClaimsPanel", "A claim is checked when a note covers its sentence"
            )
        )
        self.only_unchecked.toggled.connect(lambda _on: self._fill())
        self.list = QListWidget()
        self.list.setObjectName("claimsList")
        self.list.setAccessibleName(
            QCoreApplication.translate("ClaimsPanel", "Check-worthy claims in this article")
        )
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)  # one claim from the next, at a glance
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.hint = hint = QLabel(
            QCoreApplication.translate(
                "ClaimsPanel", "c / Shift+C: next / previous unchecked claim"
            )
        )
        hint.setObjectName("claimsHint")
        hint.setEnabled(False)  # drawn muted: a hint, not content
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.only_unchecked)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addStretch(0)  # takes the room when there is no list to show
        self.show_message("Open an article to see its check-worthy claims.")

    def show_message(self, text: str) -> None:
        self.claims = []
        self.heading.setText(text)
        self.only_unchecked.setVisible(False)
        self.list.clear()
        # Nothing to list: no empty box and no keys to learn, only the message.
        self.list.setVisible(False)
        self.hint.setVisible(False)

    def show_claims(self, claims: list[Claim]) -> None:
        self.claims = claims
        checked = sum(c.checked for c in claims)
        self.heading.setText(
            f"<b>{claim_summary(len(claims), checked)}</b>"
            if claims
            else "No check-worthy claims found in this article."
        )
        self.only_unchecked.setVisible(bool(claims))
        self.list.setVisible(bool(claims))
        self.hint.setVisible(bool(claims))
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for claim in self.claims:
            if claim.checked and self.only_unchecked.isChecked():
                continue
            # A tick or a ring and the word itself: the state never rests on colour.
            state = "✓ checked" if claim.checked else "○ unchecked"
            text = " ".join(claim.text.split())
            if len(text) > 160:
                text = text[:159] + "…"
            where = f"sentence {sentence_number(claim.index)}"
            item = QListWidgetItem(f"{state} · {where} · {kinds_text(claim.kinds)}\n{text}")
            item.setData(SENTENCE, claim.index)
            item.setToolTip(f"Score {claim.score:.2f}")
            self.list.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        index = item.data(SENTENCE)
        if index is not None:
            self.jumpRequested.emit(int(index))


class ClaimsController(QObject):
    """Keeps the reader's marks, the header, the panel and the library row in step with
    the stored claims of the article on screen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ClaimsPanel()
        self.panel.jumpRequested.connect(window.select_sentence)
        window.notes.tabs.addTab(
            self.panel, QCoreApplication.translate("ClaimsController", "Claims")
        )
        self._pending: set[int] = set()  # articles being spotted in the background
        show = QSettings().value(SHOW_CLAIMS_KEY, True)
        self.show_claims = show not in (False, "false", "0", 0)
        window.reader.set_show_claims(self.show_claims)

    @property
    def library(self) -> Library:
        return self.window.library

    def add_actions(self, view_menu: Any, article_menu: Any) -> None:
        action = QAction(
            QCoreApplication.translate("ClaimsController", "Show &Claims"), self.window
        )
        action.setCheckable(True)
        action.setChecked(self.show_claims)
        action.toggled.connect(self.set_show_claims)
        view_menu.addAction(action)
        self.show_action = action
        for text, step, key in (
            ("Next Unchecked &Claim", 1, "C"),
            ("Previous Unchecked Claim", -1, "Shift+C"),
        ):
            item = QAction(text, self.window)
            # The reader takes the key itself when it has the focus; the menu shows it.
            item.setShortcut(key)
            item.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            item.triggered.connect(self._mover(step))
            article_menu.addAction(item)

    def _mover(self, step: int) -> Callable[[], None]:
        return lambda: self.move(step)

    def move(self, step: int) -> None:
        if not self.window.reader.move_claim(step):
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ClaimsController", "No unchecked claims in this article"
                ),
                4000,
            )

    def set_show_claims(self, show: bool) -> None:
        self.show_claims = show
        QSettings().setValue(SHOW_CLAIMS_KEY, show)
        self.window.reader.set_show_claims(show)

    def article_opened(self, article_id: int) -> None:
        """Show an article's claims; spot them first when it has none from this spotter,
        on the spot for a short article, in the background for a long one."""
        db = self.library.db
        if claim_store.is_stale(db, article_id) and not self.library.writes_refused:
            if claim_store.sentence_count(db, article_id) <= claim_store.SHORT_ARTICLE:
                claim_store.ensure_claims(self.library, article_id)
            else:
                self._spot_in_background(article_id)
        self.refresh(article_id)

    def _spot_in_background(self, article_id: int) -> None:
        if article_id in self._pending:
            return
        self._pending.add(article_id)

        def work(library: Library, _progress: Any, _cancelled: Any) -> int:
            claim_store.ensure_claims(library, article_id)
            return article_id

        def done(_result: object) -> None:
            self._pending.discard(article_id)
            self.window.library_view.model_.refresh_article(article_id)
            if self.window.current_article_id == article_id:
                self.refresh(article_id)

        def failed(message: str) -> None:
            self._pending.discard(article_id)
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ClaimsController", "Claims could not be spotted: {0}"
                ).format(message),
                8000,
            )
            if self.window.current_article_id == article_id:
                self.refresh(article_id)

        self.window.run_task(work, done, on_error=failed)

    def refresh(self, article_id: int) -> None:
        """Read the article's claims again (after spotting, or when notes changed)."""
        reader = self.window.reader
        db = self.library.db
        if not claim_store.language_handled(db, article_id):
            reader.set_claims({})
            reader.set_header_note("")
            self.panel.show_message(
                "Claims are spotted in English articles only: this article is in another "
                "language, so no sentences are marked."
            )
            return
        if article_id in self._pending:
            reader.set_claims({})
            reader.set_header_note("")
            self.panel.show_message("Spotting claims…")
            return
        claims = claim_store.claims(db, article_id)
        reader.set_claims({c.index: c.kinds for c in claims})
        reader.set_header_note(claim_summary(len(claims), sum(c.checked for c in claims)))
        self.panel.show_claims(claims)

    def clear(self) -> None:
        self.window.reader.set_claims({})
        self.panel.show_message("Open an article to see its check-worthy claims.")
