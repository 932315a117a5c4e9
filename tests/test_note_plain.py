"""Notes' Markdown as plain text for one-line views."""

from __future__ import annotations

from reader.core.note_plain import note_plain_text, strip_inline_markdown


def test_whole_notes_lose_their_markdown_but_not_their_words() -> None:
    text = (
        "The gauge only went up in **2019**, so the record is _five_ years long.\n\n"
        "- see [the log](https://example.org/log) and `gauge.csv`\n"
        "- ![a chart](https://example.org/c.png)\n\n"
        "# Summary\n\n> quoted 2 * 3 = 6"
    )
    assert note_plain_text(text).splitlines() == [
        "The gauge only went up in 2019, so the record is five years long.",
        "see the log and gauge.csv",
        "a chart",
        "Summary",
        "quoted 2 * 3 = 6",
    ]


def test_snippets_lose_markers_even_when_cut_through_them() -> None:
    marked = "…went up in **\x022019\x03**, see [log](https://x.org)"
    assert strip_inline_markdown(marked) == "…went up in \x022019\x03, see log"
    assert strip_inline_markdown("2019**, so the _record_ is") == "2019, so the record is"
    assert strip_inline_markdown("a snake_case_name and 2 * 3") == "a snake_case_name and 2 * 3"
