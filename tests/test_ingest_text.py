"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from reader.core.ingest import load_file
from reader.core.model import BlockKind

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_markdown_blocks() -> None:
    article = load_file(FIXTURES / "field-notes.md")
    assert article.source_format == "markdown"
    assert article.meta.title == "Field notes from the estuary"
    kinds = [(b.kind, b.level) for b in article.blocks]
    assert (BlockKind.HEADING, 2) in kinds
    quote = next(b for b in article.blocks if b.kind is BlockKind.QUOTE)
    assert quote.text == "The birds come back when the mud is left alone."
    items = [b for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.level, b.number) for b in items] == [
        ("Curlew, 14", 1, 3),
        ("Redshank, 9", 1, 4),
        ("juveniles among them", 2, None),
        ("Dunlin, more than 200", 1, 5),
    ]
    code = next(b for b in article.blocks if b.kind is BlockKind.CODE)
    assert code.text == "count = sum(birds.values())"
    table = next(b for b in article.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (("Bird", "Count"), ("Curlew", "14"))


def test_markdown_inline_marks() -> None:
    article = load_file(FIXTURES / "field-notes.md")
    para = next(b for b in article.blocks if b.text.startswith("We walked"))
    found = {(para.text[m.start : m.end], m.kind, m.href) for m in para.marks}
    assert ("low tide", "em", None) in found
    assert ("every", "strong", None) in found
    assert ("tide table", "link", "https://tides.example/") in found
    assert ("mud", "code", None) in found
    assert "**" not in article.text and "](" not in article.text


def test_plain_text() -> None:
    article = load_file(FIXTURES / "letter.txt")
    assert article.source_format == "text"
    assert article.meta.title == "A letter to the harbour master"
    assert [b.kind for b in article.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.PARAGRAPH,
    ]
    assert article.blocks[0].text.startswith("Dear Sir, the mooring")  # lines joined


def test_text_without_suffix_and_markdown_sniffed_as_html(tmp_path: Path) -> None:
    plain = tmp_path / "NOTES"
    plain.write_text("One line about the tide.\n\nAnother line about the moon.")
    assert load_file(plain).source_format == "text"
    disguised = tmp_path / "page.md"
    disguised.write_text(
        "<!DOCTYPE html><html><body><p>Really a web page, saved badly.</p></body></html>"
    )
    assert load_file(disguised).source_format == "html"


def test_markdown_raw_html_keeps_text_only(tmp_path: Path) -> None:
    path = tmp_path / "raw.md"
    path.write_text("# Raw\n\n<div class='note'><b>Low</b> tide at 6.</div>\n\nAfter.\n")
    article = load_file(path)
    assert [b.text for b in article.blocks] == ["Low tide at 6.", "After."]


def test_html_without_title_takes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "Harbour notes.html"
    path.write_text(
        "<html><body><p>The tide came in early this morning, and fast.</p></body></html>"
    )
    assert load_file(path).meta.title == "Harbour notes"
