"""The same claim elsewhere, in the window: the reader's "↗" markers, their tooltips, the
notes panel's "Elsewhere" section, and opening the other article at its sentence.

`ElsewhereController` asks the library (`Library.related`) in a background task each
time an article is opened or the library file changes (live reload), so the GUI thread
never waits for the look-up; an answer for an article no longer on screen, or older
than one already shown, is dropped.
"""

from __future__ import annotations

import html
from itertools import groupby
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

from ..core.library import Library
from ..core.model import Verdict
from ..core.numbering import sentence_number
from ..core.related_index import Elsewhere
from ..core.revision import sentence_with_words

if TYPE_CHECKING:
    from .main_window import MainWindow

OPEN_SCHEME = "gloss-elsewhere-open"


def summary_line(matches: list[Elsewhere]) -> str:
    """ "noted in 2 other articles: False, Misleading"."""
    articles = len({m.article_id for m in matches})
    kinds = {v for m in matches for v in m.verdicts}
    if len(kinds) > 1:
        kinds.discard(Verdict.NONE)
    labels = ", ".join(v.label for v in sorted(kinds, key=lambda v: v.severity))
    if articles == 1:
        return QCoreApplication.translate("Elsewhere", "noted in 1 other article: {0}").format(
            labels
        )
    return QCoreApplication.translate("Elsewhere", "noted in {0} other articles: {1}").format(
        articles, labels
    )


def _where(m: Elsewhere) -> str:
    title = html.escape(m.title or QCoreApplication.translate("Elsewhere", "Untitled"))
    site = f" · {html.escape(m.site)}" if m.site else ""
    return f"{title}{site}"


def _verdicts(m: Elsewhere) -> str:
    return ", ".join(html.escape(v.label) for v in m.verdicts)


def tooltip_html(matches: list[Elsewhere]) -> str:
    """What hovering a marker says: the summary, then each article, its verdicts and its
    sentence."""
    lines = [f"<b>{html.escape(summary_line(matches))}</b>"]
    for m in matches:
        lines.append(
            f"{_where(m)} — <b>{_verdicts(m)}</b><br>"
            f"<i>“{html.escape(_short(m.other_text, 220))}”</i>"
        )
    hint = QCoreApplication.translate("Elsewhere", "Click to open it there")
    lines.append(f"<span style='color: gray'>{hint}</span>")
    # A set width: left to itself, a tooltip wraps rich text at a narrow guess.
    return f"<table width='420'><tr><td>{'<br>'.join(lines)}</td></tr></table>"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ElsewhereSection(QWidget):
    """The notes panel's "Elsewhere" section: the other articles that noted the selected
    sentence, each a link that opens it at its sentence. Hidden when there are none."""

    openRequested = Signal(int, int)  # article id, sentence index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("elsewhereSection")
        self.matches: dict[int, list[Elsewhere]] = {}
        self.sentence: int | None = None
        self.label = QLabel()
        self.label.setObjectName("elsewhereList")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.label.setAccessibleName(
            QCoreApplication.translate(
                "Elsewhere", "Elsewhere: this sentence noted in other articles"
            )
        )
        self.label.linkActivated.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label)
        self.hide()

    def set_matches(self, matches: dict[int, list[Elsewhere]]) -> None:
        self.matches = matches
        self.show_sentence(self.sentence)

    def show_sentence(self, sentence: int | None) -> None:
        self.sentence = sentence
        found = self.matches.get(sentence, []) if sentence is not None else []
        if not found:
            self.label.clear()
            self.hide()
            return
        heading = QCoreApplication.translate("Elsewhere", "Elsewhere")
        parts = [f"<p><b>{heading}</b> — {html.escape(summary_line(found))}</p>"]
        for m in found:
            number = QCoreApplication.translate("Elsewhere", "sentence {0}").format(
                sentence_number(m.other_sentence)
            )
            parts.append(
                "<p style='margin-top: 6px'>"
                f"<a href='{OPEN_SCHEME}:{m.article_id}/{m.other_sentence}'>{_where(m)}</a>"
                f" ({number}) — <b>{_verdicts(m)}</b><br>"
                f"<i>“{html.escape(_short(m.other_text, 300))}”</i></p>"
            )
        self.label.setText("".join(parts))
        self.show()

    def links(self) -> list[str]:
        """The hrefs of the entries shown, in order (for keyboard users and tests)."""
        found = self.matches.get(self.sentence, []) if self.sentence is not None else []
        return [f"{OPEN_SCHEME}:{m.article_id}/{m.other_sentence}" for m in found]

    def _link(self, href: str) -> None:
        scheme, _, rest = href.partition(":")
        article, _, sentence = rest.partition("/")
        if scheme == OPEN_SCHEME and article.isdigit() and sentence.isdigit():
            self.openRequested.emit(int(article), int(sentence))


class ElsewhereController(QObject):
    """Keeps the markers and the Elsewhere section in step with the library for the
    article on screen, and opens the other article when asked."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.article_id: int | None = None
        self.matches: dict[int, list[Elsewhere]] = {}
        self._asked = 0  # look-ups started; only the latest one's answer is shown
        self.answered = 0  # look-ups whose answer was shown (for tests)
        self.menu: QMenu | None = None  # the choice after clicking a marker of several
        window.reader.elsewhere_summary = self.tooltip
        window.reader.elsewhereClicked.connect(self.marker_clicked)
        window.notes.elsewhere.openRequested.connect(self.open)

    def article_opened(self, article_id: int) -> None:
        """A new text on screen (another article, or this one reloaded): its markers
        were reset with it, and come back when the look-up answers."""
        self._show(article_id, [])
        self.refresh(article_id)

    def refresh(self, article_id: int) -> None:
        """Look the article's sentences up again, in the background."""
        self.article_id = article_id
        self._asked += 1
        ticket = self._asked

        def work(library: Library, _progress: Any, _cancelled: Any) -> list[Elsewhere]:
            return library.related(article_id)

        def done(found: object) -> None:
            if ticket == self._asked and article_id == self.window.current_article_id:
                assert isinstance(found, list)
                self._show(article_id, found)
                self.answered += 1

        def failed(message: str) -> None:
            # Not worth a dialog: the markers stay as they were until the next change.
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Elsewhere", "Could not look for this article's claims elsewhere: {0}"
                ).format(message),
                5000,
            )

        self.window.run_task(work, done, on_error=failed)

    def clear(self) -> None:
        self._asked += 1
        self.article_id = None
        self._show(None, [])

    def _show(self, article_id: int | None, found: list[Elsewhere]) -> None:
        self.article_id = article_id
        self.matches = {i: list(g) for i, g in groupby(found, key=lambda m: m.sentence)}
        counts = {i: len({m.article_id for m in ms}) for i, ms in self.matches.items()}
        self.window.reader.set_elsewhere(counts)
        self.window.notes.elsewhere.set_matches(self.matches)

    def tooltip(self, index: int) -> str:
        found = self.matches.get(index)
        return tooltip_html(found) if found else ""

    def marker_clicked(self, index: int) -> None:
        """One other article: open it there; several: a menu to choose from."""
        found = self.matches.get(index, [])
        if len(found) == 1:
            self.open(found[0].article_id, found[0].other_sentence)
            return
        if not found:
            return
        menu = QMenu(self.window)
        menu.setObjectName("elsewhereMenu")
        for m in found:
            verdicts = ", ".join(v.label for v in m.verdicts)
            title = m.title + (f" · {m.site}" if m.site else "")
            action = menu.addAction(f"{title} — {verdicts}")
            action.triggered.connect(
                lambda _=False, a=m.article_id, s=m.other_sentence: self.open(a, s)
            )
        self.menu = menu
        reader = self.window.reader
        marker = reader.elsewhere_marker(index)
        if marker is not None:
            cursor = reader.textCursor()
            cursor.setPosition(marker[0])
            point = reader.viewport().mapToGlobal(reader.cursorRect(cursor).bottomLeft())
        else:
            point = QCursor.pos()
        menu.popup(QPoint(point))

    def open(self, article_id: int, sentence: int) -> None:
        """Open the other article at the sentence it noted, found by its words: the
        answer on screen can be older than a re-import of that article made elsewhere,
        and its sentence number then names other words."""
        words = next(
            (
                m.other_text
                for found in self.matches.values()
                for m in found
                if m.article_id == article_id and m.other_sentence == sentence
            ),
            None,
        )
        w = self.window
        w.open_article(article_id)
        article = w.reader.article
        if w.current_article_id != article_id or article is None:
            return
        there = sentence < len(article.sentences)
        if words is not None and not (there and article.sentences[sentence].text == words):
            moved = sentence_with_words(article, words)
            if moved is None:
                w.statusBar().showMessage(
                    QCoreApplication.translate(
                        "Elsewhere", "The noted sentence is no longer in that article"
                    ),
                    5000,
                )
                return
            sentence = moved
        elif not there:
            return
        w.select_sentence(sentence)
