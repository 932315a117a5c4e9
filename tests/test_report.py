"""The fact-check report: what it says (core), `gloss report` writing PDF and HTML in a
real subprocess without a display, and Article ▸ Fact-Check Report… in the window."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reader.core import fact_check_report as fcr
from reader.core.library import Library
from reader.core.model import Source, Verdict
from reader.core.sources import parse_source
from reader.core.spans import sentences_span
from reader.ui.main_window import MainWindow


@pytest.fixture
def noted(library: Library, pages: Path) -> int:
    """news.html with four notes: one on a few words, one over two sentences, one with a
    plain-text source, and one that lost its place."""
    from reader.core.ingest import load_file

    article_id = library.add_article(load_file(pages / "news.html")).article_id
    article = library.article(article_id)
    library.add_note(
        article_id,
        2,
        "Only **two** cables were corroded.",
        Verdict.MISLEADING,
        [Source("https://example.org/survey", "The survey", "two of the four cables")],
        ["cables"],
        span=sentences_span(article, 2, None, "all four"),
    )
    library.add_note(
        article_id, 0, "The minutes say 2028.", Verdict.FALSE, [Source("https://example.org/m")]
    )
    library.add_note(
        article_id,
        6,
        "Twelve traders asked.",
        Verdict.UNVERIFIED,
        [Source("Phone interview with the chamber, 3 Feb 2025")],
    )
    orphan = library.add_note(article_id, 9, "Lost words.", Verdict.OPINION)
    library.db.execute("UPDATE notes SET sentence = NULL WHERE uuid = ?", [orphan.uuid])
    library.db.conn.commit()
    return article_id


# -- core --------------------------------------------------------------------------------


def test_notes_are_numbered_in_reading_order_with_the_unplaced_last(
    library: Library, noted: int
) -> None:
    report = fcr.build_report(library, noted)
    assert [n.note.text for n in report.notes] == [
        "The minutes say 2028.",
        "Only **two** cables were corroded.",
        "Twelve traders asked.",
        "Lost words.",
    ]
    assert [n.number for n in report.notes] == [1, 2, 3, 4]
    assert [n.placed for n in report.notes] == [True, True, True, False]
    assert report.notes[1].text == "Only two cables were corroded."


def test_the_summary_counts_claims_notes_and_verdicts(library: Library, noted: int) -> None:
    from reader.core import claim_store

    report = fcr.build_report(library, noted)
    claims, checked = claim_store.counts(library.db, noted)
    summary = report.summary
    assert (summary.claims, summary.claims_checked) == (claims, checked)
    assert claims > 0 and checked > 0
    assert (summary.notes, summary.unplaced, summary.sources) == (4, 1, 3)
    assert summary.verdicts == (
        (Verdict.FALSE, 1),
        (Verdict.MISLEADING, 1),
        (Verdict.UNVERIFIED, 1),
        (Verdict.OPINION, 1),
    )
    lines = summary.lines()
    assert lines[1] == "4 notes (1 unplaced), 3 sources"
    assert lines[2] == "Verdicts: 1 false, 1 misleading, 1 unverified, 1 opinion"


def test_a_source_is_formatted_by_one_function() -> None:
    web = fcr.report_source(Source("https://example.org/r", "The report", "rose by 12 percent"))
    assert web.link == "https://example.org/r#:~:text=rose%20by%2012%20percent"
    assert web.text == "The report. “rose by 12 percent” https://example.org/r"
    assert web.anchor == "https://example.org/r"  # printed plain, linked to the words
    plain = fcr.report_source(Source("Phone interview with the lab, 3 Feb 2025"))
    assert plain == fcr.ReportSource("Phone interview with the lab, 3 Feb 2025", None)
    hostile = fcr.report_source(Source("javascript:alert(1)", "Click"))
    assert hostile.link is None and "javascript:alert(1)" in hostile.text
    doi = fcr.report_source(parse_source("doi:10.1038/nature12373 Nanometre thermometry"))
    assert doi == fcr.ReportSource(
        "Nanometre thermometry. https://doi.org/10.1038/nature12373",
        "https://doi.org/10.1038/nature12373",
        "https://doi.org/10.1038/nature12373",
    )
    titled = fcr.report_source(parse_source("Phone interview, 3 Feb 2025 | Lab notes > we never"))
    assert titled == fcr.ReportSource("Lab notes. “we never” Phone interview, 3 Feb 2025", None)


def test_the_output_format_is_chosen_by_the_suffix() -> None:
    assert fcr.report_format("a/b.PDF") == "pdf"
    assert fcr.report_format("b.html") == fcr.report_format("b.htm") == "html"
    with pytest.raises(fcr.ReportFormatError, match=r"\.html or \.pdf \(not \.docx\)"):
        fcr.report_format("b.docx")
    assert fcr.report_file_stem("Bridge: the $6 billion claim", 3) == (
        "bridge-the-6-billion-claim-fact-check"
    )
    assert fcr.report_file_stem("!!!", 3) == "article-3-fact-check"


# -- the command line, in a subprocess without a display ---------------------------------


def _gloss(library_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WAYLAND_DISPLAY"] = ""
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library_path), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _pdf_pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _with_picture(library: Library, pages: Path) -> int:
    from reader.core.ingest import load_file

    article_id = library.add_article(load_file(pages / "complete.html")).article_id
    library.add_note(article_id, 0, "Checked with the author.", Verdict.TRUE)
    return article_id


def test_gloss_report_writes_a_pdf_with_pages_numbers_and_notes(
    library: Library, library_path: Path, noted: int, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    done = _gloss(library_path, "report", str(noted), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    pages = _pdf_pages(out)
    assert len(pages) >= 2  # the notes start on a page of their own
    first, last = pages[0], pages[-1]
    assert "Bridge repairs will take two more years" in first
    assert "Fact-check report" in first and "4 notes (1 unplaced), 3 sources" in first
    assert re.search(r"Tuesday\.\s?F1", first)  # the mark after the noted words
    assert "all four M2" in first.replace("fourM2", "four M2")
    assert f"Page 1 of {len(pages)}" in first
    assert f"Page {len(pages)} of {len(pages)}" in last
    notes = " ".join(pages[1:])
    assert notes.index("1. F False") < notes.index("2. M Misleading") < notes.index("Unplaced")
    assert "Only two cables were corroded." in notes
    assert "Phone interview with the chamber, 3 Feb 2025" in notes
    assert "Lost words." in notes
    assert (out.stat().st_mode & 0o777) == 0o644


def test_gloss_report_writes_self_contained_html(
    library: Library, library_path: Path, noted: int, pages: Path, tmp_path: Path
) -> None:
    picture_id = _with_picture(library, pages)
    out = tmp_path / "report.html"
    done = _gloss(library_path, "report", str(picture_id), "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    sources = re.findall(r'\bsrc="([^"]*)"', text)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "gloss-image" not in text
    assert "Checked with the author." in text and 'href="#note-1"' in text
    notes = _gloss(library_path, "report", str(noted), "-o", str(tmp_path / "n.html"))
    assert notes.returncode == 0, notes.stderr
    noted_html = (tmp_path / "n.html").read_text(encoding="utf-8")
    fragment = "https://example.org/survey#:~:text=two%20of%20the%20four%20cables"
    assert fragment in noted_html


def test_a_published_note_says_who_made_the_claim_and_links_its_fact_check(
    qtbot, library: Library, noted: int
) -> None:
    from reader.core.fact_check_report import build_report
    from reader.ui.report_document import report_document

    review = "https://factdesk.example.org/checks/bridge"
    first = next(n for n in library.notes(noted) if n.text == "The minutes say 2028.")
    library.update_note(first.uuid, claimant="Harbour council", review_url=review)
    document = report_document(build_report(library, noted), lambda _name: None)
    text = document.toPlainText()
    assert "claim by Harbour council" in text
    assert f"published at {review}" in text
    assert f'href="{review}"' in document.toHtml()
    assert text.count("published at") == 1  # the other notes are not published


def test_gloss_report_refuses_another_suffix_and_an_unknown_article(
    library_path: Path, noted: int, tmp_path: Path
) -> None:
    done = _gloss(library_path, "report", str(noted), "-o", str(tmp_path / "r.docx"))
    assert done.returncode == 2
    assert "a report is written as .html or .pdf (not .docx)" in done.stderr
    assert not (tmp_path / "r.docx").exists()
    missing = _gloss(library_path, "report", "999", "-o", str(tmp_path / "r.pdf"))
    assert missing.returncode == 2 and "999" in missing.stderr
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*tmp")) == []


# -- the window --------------------------------------------------------------------------


def test_the_article_menu_writes_the_report_in_the_background(
    qtbot, news_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = news_window
    article_id = window.current_article_id
    assert article_id is not None
    window.library.add_note(article_id, 0, "Disputed date.", Verdict.FALSE)
    out = tmp_path / "typed-without-suffix"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    opened: list[Path] = []
    monkeypatch.setattr(window.report, "_open", opened.append)
    action = window.report.action
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert action in menus["&Article"].actions()
    action.trigger()
    assert window.report.task is not None
    qtbot.waitUntil(lambda: not window._tasks, timeout=20000)
    written = tmp_path / "typed-without-suffix.pdf"
    pages = _pdf_pages(written)
    assert "Disputed date." in " ".join(pages)
    box = window.report.last_box
    assert box is not None and box.isVisible() and str(written) in box.text()
    box.accept()
    assert opened == [written]


def test_a_cancelled_pdf_leaves_no_file_and_an_old_report_untouched(
    qapp, library: Library, noted: int, tmp_path: Path
) -> None:
    from reader.ui.report_document import write_pdf, write_report

    report = fcr.build_report(library, noted)
    out = tmp_path / "reports" / "r.pdf"
    seen: list[tuple[int, int]] = []
    assert write_report(report, lambda n: None, out, lambda d, t, label="": seen.append((d, t)))
    before = out.read_bytes()
    assert seen[-1][0] == seen[-1][1] == len(_pdf_pages(out))  # the last page was counted
    assert not write_pdf(report, lambda n: None, out, cancelled=lambda: True)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["r.pdf"]
