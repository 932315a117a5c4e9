"""Flows across the fact-check report: made while something else writes to the library
(the window writing notes, another process re-importing the article), and a report of
an article that has every kind of note and source, imported from a PDF."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from flow_helpers import gloss
from pdf_maker import Para, make_pdf
from PySide6.QtCore import Qt

from reader.core.citations import cite
from reader.core.fact_check_report import build_report
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Source, Verdict
from reader.core.sources import parse_source
from reader.core.spans import sentences_span
from reader.ui.main_window import MainWindow

TRADERS = "Traders on Mill Street say footfall has fallen by a third since the closure began."
UPDATE = "<p>Update: the council met again on Friday. Nothing changed.</p>"


def changed_news(pages: Path, folder: Path) -> Path:
    html = (pages / "news.html").read_text(encoding="utf-8")
    marker = "</div>\n<p>The old river bridge"
    assert marker in html
    path = folder / "news-updated.html"
    path.write_text(html.replace(marker, f"</div>\n{UPDATE}\n<p>The old river bridge"), "utf-8")
    return path


def test_a_report_is_made_from_one_state_of_the_library(
    library_path: Path, pages: Path, tmp_path: Path
) -> None:
    """Another process re-imports the article after the report read its text and before
    it read the notes: the notes must still be marked on the text the report prints."""
    with Library(library_path) as lib:
        news = lib.add_article(load_file(pages / "news.html")).article_id
        traders = next(s.index for s in lib.article(news).sentences if s.text == TRADERS)
        lib.add_note(news, traders, "Whose estimate?", Verdict.UNVERIFIED)
    changed = load_file(changed_news(pages, tmp_path))
    with Library(library_path) as lib, Library(library_path) as other:
        written: list[str] = []

        def meanwhile(sql: str) -> None:
            # The moment the report first asks for the notes, the other process writes.
            if not written and "FROM notes WHERE article_id" in sql:
                written.append(sql)
                other.add_article(changed)

        lib.db.conn.set_trace_callback(meanwhile)
        try:
            report = build_report(lib, news)
        finally:
            lib.db.conn.set_trace_callback(None)
        assert written, "the other write did not happen"
        assert lib.article(news).sentences[0].text.startswith("Update:")  # it did land
    (numbered,) = report.notes
    note = numbered.note
    printed = report.article
    assert printed.sentences[note.sentence].text == TRADERS
    assert printed.text[note.position : note.end] == TRADERS


def report_command(library: Path, article_id: int, out: Path) -> list[str]:
    command = [sys.executable, "-m", "reader.cli", "--library", str(library), "report"]
    return [*command, str(article_id), "-o", str(out)]


@pytest.mark.slow
def test_gloss_report_while_the_window_writes_notes(
    qtbot, news_window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    win = news_window
    news = win.current_article_id
    assert news is not None
    win.reader.setFocus()
    out = tmp_path / "report.html"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    running = subprocess.Popen(
        report_command(library_path, news, out),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    written = 0
    sentences = len(win.reader.article.sentences)
    # The window writes a note after another while the report is being made.
    while running.poll() is None and written < sentences:
        win.select_sentence(written)
        qtbot.keyClick(win.reader, Qt.Key.Key_Return)
        qtbot.keyClicks(win.notes.editor.text, f"Note {written + 1}.")
        qtbot.keyClick(
            win.notes.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        written += 1
        qtbot.wait(20)
    _stdout, stderr = running.communicate(timeout=60)
    assert running.returncode == 0, stderr
    assert written >= 1
    html = out.read_text(encoding="utf-8")
    # The report holds some of the window's notes, and says how many it holds.
    listed = re.findall(r'<a name="note-(\d+)">', html)
    counted = re.search(r"(\d+) notes?\b", html)
    assert counted is not None
    assert [int(n) for n in listed] == list(range(1, int(counted.group(1)) + 1))
    texts = re.findall(r"Note (\d+)\.", html)
    assert len(set(texts)) == len(listed) <= written
    with Library(library_path) as lib:
        assert len(lib.notes(news)) == written  # and nothing the window wrote was lost


REGION = [
    Para(
        f"Section {i} of the audit covers the bridge fund. "
        f"In year {i} the fund paid {i * 3} contractors for repairs. "
        "The auditors checked every invoice against the works done on the bridge deck. " * 3
    )
    for i in range(1, 9)
]


@pytest.mark.slow
def test_a_report_of_a_pdf_with_every_kind_of_note_and_source(
    library_path: Path, pages: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "audit.pdf"
    assert make_pdf(pdf, REGION, title="Audit of the bridge fund", author="Jane Auditor") >= 2
    gloss(library_path, "import", str(pdf), str(pages / "news.html"))
    with Library(library_path) as lib:
        by_title = {s.title: s.id for s in lib.summaries()}
        audit = by_title["Audit of the bridge fund"]
        news = by_title["Bridge repairs will take two more years, council admits"]
        article = lib.article(audit)
        last = len(article.sentences) - 1  # on the last page
        paid = next(s.index for s in article.sentences if "paid 3 contractors" in s.text)
        lib.add_note(
            audit,
            paid,
            "Three, per the ledger.",
            Verdict.MOSTLY_TRUE,
            [Source("https://ledger.example/2024", "Ledger", "3 contractors")],
            span=sentences_span(article, paid, None, "3 contractors"),
        )
        lib.add_note(
            audit, paid + 1, "See the handbook.", Verdict.TRUE, [parse_source("doi:10.1000/182")]
        )
        lib.add_note(
            audit,
            last,
            "The auditors said so by phone.",
            Verdict.UNVERIFIED,
            [parse_source("Phone interview with the auditors, 3 Feb 2025")],
        )
        corrosion = next(
            s.index for s in lib.article(news).sentences if s.text.startswith("Engineers found")
        )
        cited = cite(lib, news, corrosion)
        lib.add_note(audit, 0, "The paper reports corrosion.", Verdict.MISLEADING, [cited])
        lost = lib.add_note(audit, 1, "Lost words.", Verdict.OPINION)
        lib.db.execute("UPDATE notes SET sentence = NULL WHERE uuid = ?", [lost.uuid])
        lib.db.conn.commit()
        pages_of_last = build_report(lib, audit).pages
    assert pages_of_last  # a paginated article: notes say their page

    out = tmp_path / "audit-report.pdf"
    gloss(library_path, "report", str(audit), "-o", str(out))
    document = pdfium.PdfDocument(str(out))
    try:
        text = " ".join(
            " ".join(document[i].get_textpage().get_text_range().split())
            for i in range(len(document))
        )
    finally:
        document.close()
    assert "5 notes (1 unplaced), 4 sources" in text
    assert re.search(r"sentence \d+, p\. [2-9] “The auditors checked", text)  # its page
    assert "See the handbook. a. https://doi.org/10.1000/182" in text
    assert "Phone interview with the auditors, 3 Feb 2025" in text
    assert f"“{cited.quote}”" in text and "herald.example/news/bridge-repairs" in text
    assert "“3 contractors”" in text and "Lost words." in text

    out_html = tmp_path / "audit-report.html"
    gloss(library_path, "report", str(audit), "-o", str(out_html))
    html = out_html.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"#][^"]*)"', html)
    assert "https://doi.org/10.1000/182" in links
    assert any(
        link.startswith("https://herald.example/news/bridge-repairs#:~:text=Engineers")
        for link in links
    )
    assert "https://ledger.example/2024#:~:text=3%20contractors" in links
    assert not any("Phone" in link for link in links)  # plain text is no link
