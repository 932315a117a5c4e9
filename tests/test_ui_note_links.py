"""Links and pictures in notes from outside: only web and mail links open, and only
through the system's URL handlers (observed here at that edge); nothing is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QLabel

from reader.core.model import Note, Source, Verdict
from reader.core.safe_links import article_urn
from reader.ui.main_window import MainWindow
from reader.ui.note_card import NoteCard

SCHEMES = ("http", "https", "mailto", "file", "smb", "javascript", "data", "x-evil", "ftp")
HOSTILE = (
    "Read [the report](https://example.org/report) or [mail me](mailto:me@example.org).\n\n"
    "[passwords](file:///etc/passwd) [share](smb://host/share) [run](javascript:alert(1)) "
    "[handler](x-evil://launch) <file:///etc/hosts> <smb://host/other> "
    "[spaced]( javascript:alert(2)) [ftp](ftp://example.org/f)"
)


class Recorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def opened(qapp):
    """Every URL the window hands to the system, whatever its scheme."""
    recorder = Recorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder.opened
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def make_note(text: str = "", sources: tuple[Source, ...] = (), sentence: int | None = 0) -> Note:
    return Note(
        uuid="7d3c2a4e-0000-4000-8000-000000000001",
        article_id=1,
        sentence=sentence,
        quote="A sentence.",
        prefix="",
        suffix="",
        position=0,
        text=text,
        verdict=Verdict.MISLEADING,
        sources=sources,
        tags=(),
        created="2026-03-02T10:00:00Z",
        updated="2026-03-02T10:00:00Z",
    )


def shown_card(qtbot, note: Note) -> NoteCard:
    card = NoteCard(note)
    qtbot.addWidget(card)
    card.resize(420, card.sizeHint().height())
    card.show()
    qtbot.waitExposed(card)
    return card


def click_everywhere(qtbot, label: QLabel, step: int = 3, until=lambda: False) -> None:
    """Click the label all over, so every link in it is clicked at least once."""
    for y in range(1, label.height(), step):
        for x in range(1, label.width(), step):
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
            if until():
                return


def test_only_web_and_mail_links_in_a_note_open(qtbot, opened) -> None:
    card = shown_card(qtbot, make_note(HOSTILE))
    body = card.findChild(QLabel, "noteBody")
    click_everywhere(qtbot, body)
    assert set(opened) == {"https://example.org/report", "mailto:me@example.org"}
    # The refused links are still there to read, as the note wrote them.
    shown = QTextDocument()
    shown.setHtml(body.text())
    plain = shown.toPlainText()
    for target in ("file:///etc/passwd", "smb://host/share", "javascript:alert(1)", "x-evil://"):
        assert target in plain


def test_sources_of_other_schemes_are_text(qtbot, opened) -> None:
    sources = (
        Source("https://example.org/a", "A source"),
        Source("file:///etc/passwd", "Local file"),
        Source("smb://host/share/doc", ""),
        Source("javascript:alert(1)", "Script"),
        Source("x-evil://launch", "Handler"),
    )
    card = shown_card(qtbot, make_note("", sources))
    view = card.findChild(QLabel, "noteSourcesView")
    click_everywhere(qtbot, view)
    assert set(opened) == {"https://example.org/a"}
    shown = QTextDocument()
    shown.setHtml(view.text())
    # Shown as text, with where they point, so the reader can judge them.
    assert "Local file (file:///etc/passwd)" in shown.toPlainText()
    assert "smb://host/share/doc" in shown.toPlainText()


def magenta_png(path: Path) -> Path:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff00ff"))
    assert image.save(str(path))
    return path


def magenta_pixels(card: NoteCard) -> int:
    image = card.grab().toImage()
    return sum(
        image.pixelColor(x, y) == QColor("#ff00ff")
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_note_markdown_loads_no_picture(qtbot, tmp_path: Path, opened) -> None:
    picture = magenta_png(tmp_path / "secret.png")
    url = QUrl.fromLocalFile(str(picture)).toString()
    text = (
        f"![the secret]({url})\n\n"
        f'<img src="{url}">\n\n'
        f"![remote](http://127.0.0.1:9/pixel.png)\n\n"
        f"![]({picture})"
    )
    card = shown_card(qtbot, make_note(text))
    assert magenta_pixels(card) == 0
    body = card.findChild(QLabel, "noteBody")
    shown = QTextDocument()
    shown.setHtml(body.text())
    assert "the secret" in shown.toPlainText()  # the alt text stands in for the picture
    assert "remote" in shown.toPlainText()
    # Raw HTML is shown as the characters it is made of.
    assert "<img" in shown.toPlainText()


def test_the_all_notes_tooltip_is_plain_text(qtbot, tmp_path: Path, news_window) -> None:
    picture = magenta_png(tmp_path / "secret.png")
    url = QUrl.fromLocalFile(str(picture)).toString()
    article_id = news_window.current_article_id
    text = f'<img src="{url}"> <b>bold?</b>'
    news_window.library.add_note(article_id, 1, text)
    news_window.notes.reload()
    item = news_window.notes.outline.item(0)
    shown = QTextDocument()
    shown.setHtml(item.toolTip())
    assert shown.toPlainText() == text


def test_a_link_to_a_gloss_article_opens_it_in_the_window(
    qtbot, news_window: MainWindow, opened
) -> None:
    library = news_window.library
    news_id = news_window.current_article_id
    sample_id = next(i for i in library.article_ids() if i != news_id)
    link = article_urn(library.article_content_hash(sample_id))
    library.add_note(news_id, 1, f"Compare [the other article]({link}).")
    news_window.select_sentence(1)
    card = news_window.notes.note_cards()[0]
    body = card.findChild(QLabel, "noteBody")
    qtbot.waitExposed(body)
    requested = []
    card.articleRequested.connect(requested.append)
    click_everywhere(qtbot, body, step=4, until=lambda: bool(requested))
    assert news_window.current_article_id == sample_id
    assert opened == []


def test_a_link_no_browser_can_open_is_reported(qtbot, shown_window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    # No URL handler is set and the offscreen platform starts no browser: the edge fails.
    shown_window.reader._anchor_clicked(QUrl("https://example.org/report"))
    box = shown_window.findChild(QMessageBox, "linkNotOpened")
    assert box is not None and box.isVisible()
    assert "https://example.org/report" in box.informativeText()
    copy = next(b for b in box.buttons() if b.text() == "Copy Link")
    copy.click()
    assert QApplication.clipboard().text() == "https://example.org/report"
