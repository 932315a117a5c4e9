"""Extra articles for `python -m reader.ui.screenshots`: a library of many rows with verdict
badges, and an article with a wide table and a captioned picture; the search dialog with
its results; a note with a source of each kind, and the Cite from Library picker; and
articles that repeat a claim of the sample noted elsewhere.

Built from text written to a scratch folder and imported the ordinary way, so the states
show what a user's own imports look like.
"""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDeadlineTimer, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ..core.ingest import load_file
from ..core.library import Library
from ..core.model import Verdict
from .main_window import MainWindow
from .search_dialog import SearchDialog

_TITLES = (
    "Regional rail ridership recovers to pre-pandemic levels across the northern network",
    "The quiet economics of municipal composting programmes",
    "What the new battery plant means for the valley's water supply",
    "Council publishes the full audit of the harbour renovation",
    "A decade of school meal data, read closely",
    "Why the bridge inspection schedule slipped by two years",
    "Heat pumps in old houses: a field report from twelve homes",
    "The library that lends tools, seeds and sewing machines",
    "Fact sheet: how the regional budget is actually spent",
    "Interview: the engineer who mapped every culvert in the county",
    "Ten claims about the new bus timetable, checked",
    "How a small newsroom verifies flood photographs",
)
_VERDICT_SETS = (
    (Verdict.FALSE, Verdict.MISLEADING, Verdict.MOSTLY_TRUE, Verdict.TRUE),
    (Verdict.MOSTLY_TRUE,),
    (),
    (Verdict.TRUE, Verdict.TRUE, Verdict.UNVERIFIED),
    (Verdict.MISLEADING, Verdict.OPINION),
    (),
    (
        Verdict.FALSE,
        Verdict.MISLEADING,
        Verdict.MOSTLY_TRUE,
        Verdict.TRUE,
        Verdict.UNVERIFIED,
        Verdict.OPINION,
    ),
)


def add_library_rows(library: Library, folder: Path) -> int:
    """Twelve articles, most with notes of several verdicts; returns the one with most."""
    folder.mkdir(parents=True, exist_ok=True)
    richest = 0
    for i, title in enumerate(_TITLES):
        body = "\n\n".join(
            f"Paragraph {p + 1} of the report on {title.lower()}. It gives figure {i * 7 + p} "
            f"and cites the {p + 2019} annual report. A third sentence follows here."
            for p in range(6)
        )
        path = folder / f"row-{i:02d}.md"
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        article_id = library.add_article(load_file(path)).article_id
        verdicts = _VERDICT_SETS[i % len(_VERDICT_SETS)]
        for n, verdict in enumerate(verdicts):
            library.add_note(article_id, n, f"Checked against the {2019 + n} report.", verdict)
        if i == 0:
            richest = article_id
        if i % 3 == 1:
            library.mark_opened(article_id)
    return richest


def picture_data_uri() -> str:
    """A small landscape as a PNG data URI (a gradient sky over a hill)."""
    image = QImage(480, 240, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, 240))
    sky.setColorAt(0, QColor("#7fb3e0"))
    sky.setColorAt(1, QColor("#e8f1f8"))
    painter.fillRect(image.rect(), sky)
    painter.setBrush(QColor("#5d8a4e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPointF(240, 330), 360, 160)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()


def add_table_and_figure(library: Library, folder: Path) -> int:
    """An article with a picture and its caption, then a table wider than the column."""
    folder.mkdir(parents=True, exist_ok=True)
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "Generation source",
            "Installed capacity",
            "Annual production",
            "Share of consumption",
            "Change since previous year",
            "Regional distribution",
            "Grid connection status",
        )
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
        for row in (
            (
                "Hydroelectric",
                "1,240 MW",
                "4,870 GWh",
                "38%",
                "+2.1%",
                "North and west",
                "Connected",
            ),
            ("Wind (onshore)", "860 MW", "2,140 GWh", "17%", "+11.4%", "Coast", "Connected"),
            ("Solar photovoltaic", "410 MW", "520 GWh", "4%", "+27.0%", "South", "Partly pending"),
        )
    )
    html = f"""<!doctype html><html><head><title>Where the region's electricity comes from</title>
<meta name="author" content="Energy desk"></head><body><article>
<h1>Where the region's electricity comes from</h1>
<p>The regional grid operator published its yearly figures on Monday. Hydroelectric plants
still carry most of the load, while wind and solar keep growing from a small base.</p>
<figure><img src="{picture_data_uri()}" alt="The reservoir above the valley">
<figcaption>The upper reservoir in early spring, when it is lowest.</figcaption></figure>
<p>The table below lists each source with its installed capacity and what it produced.</p>
<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
<p>Imports from neighbouring grids covered the remaining winter peaks, as in earlier
years. The operator expects the share of wind to pass a fifth of consumption by 2027.</p>
</article></body></html>"""
    path = folder / "electricity.html"
    path.write_text(html, encoding="utf-8")
    return library.add_article(load_file(path)).article_id


# The sample's claim, as two other outlets carried it.
_REPEATED = (
    "Last spring the council of Ashby Vale announced that the town had received 40% more "
    "rain than in any year on record."
)


def add_repeated_claim(library: Library, folder: Path) -> tuple[int, int]:
    """A regional paper that repeats the sample's rain claim (its quote marks and dashes
    its own) and notes it false, and a morning briefing that repeats it without a note.
    Returns the briefing and the index of its sentence with the claim."""
    folder.mkdir(parents=True, exist_ok=True)
    paper = folder / "regional-paper.md"
    claim = _REPEATED.replace("40% more rain", "“40% more rain”").replace(
        "Last spring ", "Last spring \u2014 "
    )
    paper.write_text(
        "# Ashby Vale's record rain, one year on\n\n"
        f"{claim} Readers wrote in to say their gardens had flooded twice.\n",
        encoding="utf-8",
    )
    paper_id = library.add_article(load_file(paper)).article_id
    library.add_note(paper_id, 0, "The gauge sat under an overflowing gutter.", Verdict.FALSE)
    briefing = folder / "morning-briefing.md"
    briefing.write_text(
        "# Morning briefing: weather, roads and the council\n\n"
        "Roadworks on the ring road continue until Friday. "
        f"{_REPEATED} The council meets again on Thursday evening.\n",
        encoding="utf-8",
    )
    briefing_id = library.add_article(load_file(briefing)).article_id
    index = next(
        s.index for s in library.article(briefing_id).sentences if s.text.startswith("Last")
    )
    return briefing_id, index


def wait_for_elsewhere(window: MainWindow, answered: int) -> None:
    """Until the window's look-up of claims noted elsewhere has answered (bounded)."""
    deadline = QDeadlineTimer(10_000)
    while window.elsewhere.answered <= answered and not deadline.hasExpired():
        QApplication.processEvents()


def show_search_results(window: MainWindow, query: str) -> SearchDialog:
    """The Ctrl+K dialog as a user leaves it: `query` typed, its hits listed and marked."""
    window.open_search()
    dialog = window.search_dialog
    dialog.field.setText(query)
    dialog.search()  # at once, not after the typing pause
    # The search runs on a worker thread; wait for its answer (bounded, never forever).
    deadline = QDeadlineTimer(10_000)
    while not dialog.hits and not deadline.hasExpired():
        QApplication.processEvents()
    return dialog


def report_pages(library: Library, article_id: int, folder: Path) -> QImage:
    """The article's fact-check report written as a PDF, its first and last pages
    rendered side by side (the article with its marks and summary; the numbered notes)."""
    import pypdfium2

    from ..core.fact_check_report import build_report
    from .report_document import write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "report.pdf"
    write_pdf(build_report(library, article_id), lambda n: library.image(article_id, n), path)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pages = []
        for index in sorted({0, len(pdf) - 1}):
            bitmap = pdf[index].render(scale=1.1, rev_byteorder=True)
            fmt = (
                QImage.Format.Format_RGBA8888
                if bitmap.n_channels == 4
                else QImage.Format.Format_RGB888
            )
            pages.append(
                QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
            )
    finally:
        pdf.close()
    gap = 24
    sheet = QImage(
        sum(p.width() for p in pages) + gap * (len(pages) + 1),
        max(p.height() for p in pages) + 2 * gap,
        QImage.Format.Format_RGB32,
    )
    sheet.fill(QColor("#8a8d91"))
    painter = QPainter(sheet)
    x = gap
    for page in pages:
        painter.drawImage(x, gap, page)
        x += page.width() + gap
    painter.end()
    return sheet


def add_sourced_note(library: Library, article_id: int, sentence: int, cited: int) -> None:
    """A note with one source of each kind: a web page, a DOI, plain text and a passage
    of another saved article (`cited`, its second sentence)."""
    from ..core.citations import cite
    from ..core.model import Source

    library.add_note(
        article_id,
        sentence,
        "The council's own fact sheet gives the figure; the lab confirmed it by phone.",
        Verdict.TRUE,
        [
            Source("https://example.org/minutes", "Council minutes"),
            Source(doi="10.5555/12345678", title="Gauge calibration study"),
            Source(text="Phone interview with the lab, 3 Feb 2025"),
            cite(library, cited, 1),
        ],
    )


def show_cite_picker(window: MainWindow, query: str) -> QWidget:
    """Cite from Library… as a user leaves it: `query` typed, passages of other articles
    listed, the first selected."""
    window.notes.pick_citation(window.notes.editor)
    picker = window.notes.picker
    assert picker is not None
    picker.field.setText(query)
    picker.search()
    deadline = QDeadlineTimer(10_000)
    while not picker.found and not deadline.hasExpired():
        QApplication.processEvents()
    return picker


def show_export_dialog(window: MainWindow, article_id: int) -> QWidget:
    """File ▸ Export Notes… on ClaimReview: the library names its publisher, one note of
    the article is published and the others are counted as not yet published."""
    from ..core import library_settings

    library = window.library
    library_settings.set_values(
        library,
        {
            library_settings.ORGANISATION: "Riverside Fact Desk",
            library_settings.ORGANISATION_URL: "https://factdesk.example.org",
            library_settings.REVIEWER_NAME: "Jane Doe",
        },
    )
    reviewed = [n for n in library.notes(article_id) if n.verdict is Verdict.MISLEADING]
    if reviewed:
        library.update_note(
            reviewed[0].uuid, review_url="https://factdesk.example.org/checks/rainfall"
        )
    window.open_article(article_id)
    dialog = window.open_export_dialog(selected=[article_id])
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    dialog.update_preview()
    dialog.wait_for_preview()  # made in the background: on screen before the shot
    return dialog
