"""Notes in an article imported from a PDF are cited by printed page in the exports."""

from __future__ import annotations

from pathlib import Path

from pdf_maker import Para, make_pdf

from reader.core.fact_check_report import build_report
from reader.core.ingest import load_file
from reader.core.library import Library
from reader.core.model import Block, BlockKind
from reader.core.pages import note_pages, page_at, page_starts, stored_page_starts
from reader.core.transfer import export_notes
from reader.ui.report_document import report_document


def _paras() -> list[Para]:
    body = (
        "The northern depot handled {n} thousand parcels in the quarter, a record for the "
        "region. Staff numbers rose by {n} percent over the same period. Most of the growth "
        "came from the new sorting line, which opened in the spring after two years of work."
    )
    return [
        Para(f"Section {i}", heading=True) if i % 3 == 0 else Para(body.format(n=i))
        for i in range(1, 40)
    ]


def test_page_starts_follow_the_blocks_offsets() -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, "One two three.", pages=((0, 1),)),
        Block(BlockKind.PARAGRAPH, "Four five six seven.", pages=((0, 1), (5, 2))),
        Block(BlockKind.PARAGRAPH, "Eight.", pages=((0, 3),)),
    ]
    starts = page_starts(blocks)
    # "One two three." + "\n\n" puts the second block at 16 and its page-2 part at 21.
    assert starts == ((0, 1), (21, 2), (38, 3))
    assert [page_at(starts, p) for p in (0, 20, 21, 37, 38, None)] == [1, 1, 2, 2, 3, None]
    assert page_starts([Block(BlockKind.PARAGRAPH, "No pages here.")]) == ()


def test_a_pdf_note_is_cited_by_page_in_markdown_and_the_report(qtbot, tmp_path: Path) -> None:
    pdf = tmp_path / "depot.pdf"
    last_page = make_pdf(pdf, _paras(), title="Depot quarterly review")
    assert last_page >= 2
    library = Library(tmp_path / "lib.db")
    try:
        article_id = library.add_article(load_file(pdf)).article_id
        article = library.article(article_id)
        first, last = article.sentences[2], article.sentences[-1]
        library.add_note(article_id, first.index, "Checked against the register.")
        late = library.add_note(article_id, last.index, "The line opened in May.")
        starts = stored_page_starts(library.db, article_id)
        assert starts == page_starts(article.blocks) and starts
        late_page = article.blocks[last.block].page_at(last.start)
        assert late_page is not None and late_page >= 2
        assert note_pages(starts, late) == f"p. {late_page}"

        markdown = export_notes(library, [article_id], "markdown")
        assert "> — p. 1\n" in markdown
        assert f"> — p. {late_page}\n" in markdown

        report = build_report(library, article_id)
        (_, second) = report.notes
        assert note_pages(report.pages, second.note) == f"p. {late_page}"
        text = report_document(report, lambda name: library.image(article_id, name)).toPlainText()
        assert f"sentence {last.index + 1}, p. {late_page}" in text
    finally:
        library.close()


def test_other_articles_have_no_pages(tmp_path: Path) -> None:
    page = tmp_path / "plain.txt"
    page.write_text("The depot handled ten thousand parcels. It opened in May.", encoding="utf-8")
    library = Library(tmp_path / "lib.db")
    try:
        article_id = library.add_article(load_file(page)).article_id
        library.add_note(article_id, 0, "Checked.")
        assert stored_page_starts(library.db, article_id) == ()
        assert "p. " not in export_notes(library, [article_id], "markdown")
    finally:
        library.close()


def test_copy_as_citation_names_the_page_of_a_pdf_passage(
    qtbot, shown_window, tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.ui.citation_copy import copy_citation

    pdf = tmp_path / "depot.pdf"
    make_pdf(pdf, _paras(), title="Depot quarterly review")
    with qtbot.waitSignal(shown_window.importFinished, timeout=20000):
        shown_window.import_paths([pdf])
    article_id = next(
        r.id for r in shown_window.library_view.model_.rows if r.title == "Depot quarterly review"
    )
    shown_window.open_article(article_id)
    article = shown_window.reader.article
    last = article.sentences[-1]
    page = article.blocks[last.block].page_at(last.start)
    assert page is not None and page >= 2
    citation = copy_citation(shown_window, last.index)
    assert citation is not None
    assert f"Depot quarterly review, p. {page}." in citation.text
    assert QGuiApplication.clipboard().text() == citation.text
